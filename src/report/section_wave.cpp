// The 2022 wave: the timeline of the focus country's agreements, visits and events with
// its partners around the shock, and the shock test (counts before and after, exact
// Poisson rate test, placebo rank).
#include <algorithm>

#include "context.h"
#include "defcoop/analysis/alliances.h"
#include "defcoop/analysis/coverage.h"
#include "defcoop/analysis/dca.h"
#include "html.h"

namespace defcoop::report {
namespace {

constexpr int kYearsBeforeShock = 2;
constexpr int kYearsAfterShock = 1;

std::string LaneName(const ReportContext& context, const std::string& kind) {
  if (kind == "agreement") return context.M("agreements");
  if (kind == "venture") return context.M("layer_ventures");
  if (kind == "event") return context.M("events");
  return context.M("sec_embargoes");
}

// What the timeline rests on (analysis::TimelineCoverage): the count, the sources and
// the span, and that the record is curated, not a census.
std::string CoveragePart(ReportContext& context,
                         const std::vector<analysis::TimelineEntry>& entries) {
  analysis::RecordCoverage coverage = analysis::TimelineCoverage(entries);
  if (!coverage.first) return "";
  std::string span = context.format.DateText(*coverage.first) + " – " +
                     context.format.DateText(*coverage.last);
  return "<p class=\"coverage\">" +
         Escape(context.M("record_coverage", {std::to_string(coverage.records()),
                                              std::to_string(coverage.source_ids.size()), span})) +
         "</p>\n";
}

std::string TimelinePart(ReportContext& context, const Facts& facts) {
  Date from{facts.wave.shock.year - kYearsBeforeShock, 1, 1};
  Date to{facts.wave.shock.year + kYearsAfterShock, 12, 31};
  std::vector<analysis::TimelineEntry> entries;
  for (const std::string& partner : context.options.partners) {
    for (auto& entry : PartnerEntries(context, partner, {})) {
      if (entry.date.Latest() < from || entry.date.Earliest() > to) continue;
      bool seen = false;
      for (const auto& kept : entries) seen = seen || kept.id == entry.id;
      if (!seen) entries.push_back(std::move(entry));
    }
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.date < b.date; });
  std::vector<TimelineItem> items;
  std::vector<SourceRef> all_sources;
  for (const analysis::TimelineEntry& entry : entries) {
    items.push_back({entry.date, entry.title, LaneName(context, entry.kind)});
    all_sources.insert(all_sources.end(), entry.sources.begin(), entry.sources.end());
  }
  ChartText text{"chart-timeline",
                 context.M("chart_timeline", {context.format.Years({from.year, to.year})}), "", ""};
  std::string label = context.format.DateText(facts.wave.shock);
  Chart chart =
      TimelineChart(text, items, from, to, std::make_pair(facts.wave.shock, label), context.format);
  std::string html = context.Figure(chart, context.cites.Cite(SourceIdsOnly(all_sources)));
  // The table after the figure, so that footnotes stay in document order.
  Table table{
      "table-wave",
      "",
      {"#", Escape(context.M("date")), Escape(context.M("type")), Escape(context.M("title")), ""},
      {},
      {true, false, false, false, false},
      ""};
  for (const analysis::TimelineEntry& entry : entries) {
    table.rows.push_back({std::to_string(table.rows.size() + 1),
                          Escape(context.format.DateText(entry.date)), Escape(entry.type),
                          Escape(entry.title), context.cites.Cite(entry.sources)});
  }
  return html + (table.rows.empty() ? "" : RenderTable(table)) + CoveragePart(context, entries);
}

std::string TestPart(ReportContext& context, const Facts& facts) {
  if (!facts.wave.test) return "";
  const analysis::ShockTest& test = *facts.wave.test;
  std::string html = "<h3>" + Escape(context.M("shock_title")) + "</h3>\n";
  Table table{"table-shock", "", {Escape(context.M("window")), Escape(context.M("count"))}, {},
              {false, true}, ""};
  table.rows.push_back({Escape(context.M("before")), std::to_string(test.before)});
  table.rows.push_back({Escape(context.M("after")), std::to_string(test.after)});
  table.note = Escape(context.format.DateText(facts.wave.shock) +
                      (facts.wave.shock_label.empty() ? "" : ": " + facts.wave.shock_label)) +
               context.cites.Cite(SourceIdsOnly(facts.wave.sources));
  html += RenderTable(table);
  if (test.underpowered) {
    html += "<p class=\"underpowered\">" +
            Escape(context.M("shock_underpowered",
                             {std::to_string(test.before + test.after),
                              std::to_string(analysis::kMinEventsForTest)})) +
            context.cites.Cite(SourceIdsOnly(facts.wave.sources)) + "</p>\n";
    return html;
  }
  if (test.placebo_underpowered) {
    html += "<p class=\"underpowered\">" +
            Escape(context.M("shock_placebo_underpowered",
                             {std::to_string(test.placebo_empty),
                              std::to_string(test.placebo.size())})) +
            "</p>\n";
    return html;
  }
  std::string rank = test.placebo_rank ? std::to_string(*test.placebo_rank) : "–";
  html += "<p>" +
          Escape(context.M("shock_sentence", {context.Number(test.test.p_greater, 3),
                                              context.Number(test.test.p_two_sided, 3), rank,
                                              std::to_string(test.placebo.size() + 1)})) +
          context.cites.Cite(SourceIdsOnly(facts.wave.sources)) + "</p>\n";
  if (test.placebo_p_greater) {
    html += "<p>" +
            Escape(context.M("shock_placebo_design",
                             {std::to_string(test.placebo.size()),
                              context.format.DateText(test.span_from) + " – " +
                                  context.format.DateText(test.span_to),
                              std::to_string(test.overlapping),
                              context.Number(*test.placebo_p_greater, 3)})) +
            "</p>\n";
  }
  return html;
}

// The focus country's agreements with its partners in DCAD (signed 1980–2010): the
// baseline the wave stands against, or a note saying DCAD is not imported.
std::string EarlierAgreementsPart(ReportContext& context) {
  std::string html = "<h3>" + Escape(context.M("dcad_title")) + "</h3>\n";
  if (context.data.dcas.empty()) {
    return html + "<p class=\"missing\">" + Escape(context.M("dcad_missing")) + "</p>\n";
  }
  analysis::DcaFilter filter;
  filter.actors = {context.options.focus};
  filter.partners = std::set<std::string>(context.options.partners.begin(),
                                          context.options.partners.end());
  auto agreements = analysis::SelectDcas(context.data.dcas, filter);
  const std::vector<SourceRef> dcad = {{"kinne2020-dcad", ""}};
  std::string focus = context.Name(context.options.focus);
  std::string sentence =
      agreements.empty()
          ? context.M("dcad_none", {focus})
          : context.M("dcad_sentence", {std::to_string(agreements.size()), focus,
                                        std::to_string(agreements.front().signed_on.year),
                                        std::to_string(agreements.back().signed_on.year)});
  html += "<p>" + Escape(sentence) + context.cites.Cite(dcad) + "</p>\n";
  Table table{"table-dcad",
              "",
              {Escape(context.M("date")), Escape(context.M("partner")),
               Escape(context.M("categories")), "DCAD"},
              {},
              {},
              ""};
  for (const DefenseCooperationAgreement& a : agreements) {
    const std::string& partner = a.actor1_id == context.options.focus ? a.actor2_id : a.actor1_id;
    std::string categories;
    for (const std::string& c : a.categories) categories += (categories.empty() ? "" : ", ") + c;
    table.rows.push_back({Escape(context.format.DateText(a.signed_on)),
                          Escape(context.Name(partner)), Escape(categories), Escape(a.dcad_id)});
  }
  return html + (table.rows.empty() ? "" : RenderTable(table));
}

// The focus country's alliance obligations with its partners in ATOP (to 2018), as spans
// of years, or a note saying ATOP is not imported.
std::string AlliancesPart(ReportContext& context) {
  std::string html = "<h3>" + Escape(context.M("atop_title")) + "</h3>\n";
  if (context.data.alliances.empty()) {
    return html + "<p class=\"missing\">" + Escape(context.M("atop_missing")) + "</p>\n";
  }
  analysis::AllianceFilter filter;
  filter.actors = {context.options.focus};
  filter.partners = std::set<std::string>(context.options.partners.begin(),
                                          context.options.partners.end());
  Table table{"table-atop",
              "",
              {Escape(context.M("partner")), Escape(context.M("obligation")),
               Escape(context.M("years")), ""},
              {},
              {},
              ""};
  const std::vector<SourceRef> atop = {{"atop-5.1", ""}};
  for (const analysis::AllianceSpan& span :
       analysis::AllianceSpans(context.data.alliances, filter)) {
    if (span.actor1 != context.options.focus) continue;  // the focus country's obligations
    table.rows.push_back({Escape(context.Name(span.actor2)),
                          Escape(context.M("obligation_" + span.obligation)),
                          Escape(context.format.Years(span.years)), context.cites.Cite(atop)});
  }
  if (table.rows.empty()) return html + "<p>" + Escape(context.M("no_rows")) + "</p>\n";
  return html + RenderTable(table);
}

}  // namespace

std::string WaveSection(ReportContext& context, const Facts& facts) {
  std::string body = TimelinePart(context, facts);  // footnotes in document order
  body += TestPart(context, facts);
  body += EarlierAgreementsPart(context);
  body += AlliancesPart(context);
  return Section("wave", Escape(context.M("sec_wave")), body);
}

}  // namespace defcoop::report
