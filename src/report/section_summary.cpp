// The summary of findings: one sentence per finding, each with its footnote, taken from
// the analyses the later sections show in detail.
#include <algorithm>

#include "context.h"
#include "html.h"

namespace defcoop::report {
namespace {

std::string Item(std::string_view text, std::string_view marker) {
  return "<li>" + Escape(text) + std::string(marker) + "</li>\n";
}

std::string ExportFindings(ReportContext& context, const Facts& facts) {
  if (!facts.has_sipri) return "";
  std::string focus = context.Name(context.options.focus);
  std::string years = context.format.Years(context.options.years);
  std::string html;
  if (facts.recent_years) {
    html += Item(context.M("sum_exports_recent",
                           {focus, context.Number(facts.recent_recipients.total),
                            context.format.Years(*facts.recent_years),
                            std::to_string(facts.recent_rank.rank),
                            std::to_string(facts.recent_rank.of)}),
                 context.CiteSipri());
  }
  html += Item(
      context.M("sum_exports", {focus, context.Number(facts.recipients.total), years,
                                std::to_string(facts.rank.rank), std::to_string(facts.rank.of)}),
      context.CiteSipri());
  if (facts.previous_recipients.total > 0) {
    double ratio = facts.recipients.total / facts.previous_recipients.total;
    html += Item(context.M("sum_growth", {years, context.Number(ratio, 1) + "×",
                                          context.format.Years(facts.previous_years)}),
                 context.CiteSipri());
  }
  if (!facts.recipients.rows.empty()) {
    const analysis::Share& top = facts.recipients.rows.front();
    html += Item(context.M("sum_top_recipient",
                           {context.Name(top.actor), context.format.Percent(top.share)}),
                 context.CiteSipri());
  }
  return html;
}

std::string PartnerFindings(ReportContext& context) {
  int agreements = 0;
  int ventures = 0;
  std::vector<SourceRef> sources;
  for (const std::string& partner : context.options.partners) {
    for (const analysis::TimelineEntry& entry :
         PartnerEntries(context, partner, {"agreement", "venture"})) {
      (entry.kind == "agreement" ? agreements : ventures)++;
      sources.insert(sources.end(), entry.sources.begin(), entry.sources.end());
    }
  }
  return Item(context.M("sum_partners", {std::to_string(agreements), std::to_string(ventures),
                                         context.Name(context.options.focus)}),
              context.cites.Cite(SourceIdsOnly(sources)));
}

std::string WaveFinding(ReportContext& context, const Facts& facts) {
  if (!facts.wave.test) return "";
  const analysis::ShockTest& test = *facts.wave.test;
  std::string date = context.format.DateText(facts.wave.shock);
  std::string text =
      test.underpowered || test.placebo_underpowered
          ? context.M("sum_wave_underpowered",
                      {date, std::to_string(test.after), std::to_string(test.before)})
          : context.M("sum_wave", {date, std::to_string(test.after), std::to_string(test.before),
                                   context.Number(test.test.p_greater, 3)});
  return Item(text, context.cites.Cite(SourceIdsOnly(facts.wave.sources)));
}

std::string EmbargoFinding(ReportContext& context, const Facts& facts) {
  std::vector<SourceRef> sources;
  for (const analysis::EmbargoReport& report : facts.embargoes) {
    sources.insert(sources.end(), report.embargo.sources.begin(), report.embargo.sources.end());
  }
  // A component two embargoes hit is one component.
  int substituted = 0;
  for (const analysis::DistinctHit& distinct : analysis::DistinctHits(facts.embargoes)) {
    substituted += distinct.hit.replacement.has_value();
  }
  return Item(context.M("sum_embargoes",
                        {std::to_string(facts.embargoes.size()),
                         context.Name(context.options.focus), std::to_string(substituted)}),
              context.cites.Cite(SourceIdsOnly(sources)));
}

std::string ClaimFinding(ReportContext& context, const Facts& facts) {
  int counts[3] = {0, 0, 0};
  std::vector<SourceRef> sources;
  for (const analysis::ClaimCheck& check : facts.claims) {
    ++counts[static_cast<int>(check.status)];
    sources.insert(sources.end(), check.sources.begin(), check.sources.end());
  }
  return Item(
      context.M("sum_claims", {std::to_string(facts.claims.size()), std::to_string(counts[0]),
                               std::to_string(counts[1]), std::to_string(counts[2])}),
      context.cites.Cite(SourceIdsOnly(sources)));
}

}  // namespace

std::string SummarySection(ReportContext& context, const Facts& facts) {
  std::string body = "<ul class=\"findings\">\n";
  body += ExportFindings(context, facts);
  body += PartnerFindings(context);
  body += WaveFinding(context, facts);
  body += EmbargoFinding(context, facts);
  body += ClaimFinding(context, facts);
  body += "</ul>\n";
  if (!facts.has_sipri) body += context.SipriMissing();
  return Section("summary", Escape(context.M("sec_summary")), body);
}

}  // namespace defcoop::report
