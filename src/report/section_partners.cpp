// Each partner: its suppliers' shares over 5-year windows, the TIV it received from the
// focus country, the agreements and ventures between them, and its exposure (supplier
// concentration and the embargoes on it).
#include <algorithm>
#include <map>

#include "actor_colour.h"
#include "context.h"
#include "defcoop/analysis/supplier_shift.h"
#include "html.h"

namespace defcoop::report {
namespace {

constexpr size_t kShownSuppliers = 5;  // the rest is summed as "Others"

// The suppliers with the largest TIV over all windows, largest first.
std::vector<std::string> TopSuppliers(const analysis::SupplierShift& shift) {
  std::map<std::string, double> totals;
  for (const analysis::ShiftWindow& window : shift.windows) {
    for (const analysis::Share& share : window.shares) totals[share.actor] += share.tiv;
  }
  std::vector<std::pair<std::string, double>> sorted(totals.begin(), totals.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> top;
  for (const auto& [supplier, tiv] : sorted) {
    if (top.size() == kShownSuppliers) break;
    top.push_back(supplier);
  }
  return top;
}

std::string SharesChart(ReportContext& context, const std::string& partner,
                        const analysis::SupplierShift& shift) {
  std::vector<std::string> top = TopSuppliers(shift);
  std::vector<double> xs;
  std::vector<StackedSeries> series;
  // Each supplier in its own colour, as on the dashboard and the brief's other charts.
  for (const std::string& supplier : top)
    series.push_back({context.Name(supplier), {}, ActorColour(supplier)});
  series.push_back({context.M("others"), {}, OtherColour()});
  for (const analysis::ShiftWindow& window : shift.windows) {
    if (window.total <= 0) continue;
    xs.push_back(window.years.last);
    double shown = 0;
    for (size_t supplier_idx = 0; supplier_idx < top.size(); ++supplier_idx) {
      double value = 0;
      for (const analysis::Share& share : window.shares)
        value += share.actor == top[supplier_idx] ? share.share : 0;
      series[supplier_idx].values.push_back(value);
      shown += value;
    }
    series.back().values.push_back(std::max(0.0, 1 - shown));
  }
  ChartText text{"chart-shares-" + partner, context.M("chart_shares", {context.Name(partner)}),
                 context.M("year"), context.M("share_axis")};
  return context.Figure(StackedAreaChart(text, xs, series, context.format), context.CiteSipri());
}

std::string FromFocusChart(ReportContext& context, const std::string& partner) {
  analysis::TivFilter filter;
  filter.suppliers = {context.options.focus};
  filter.recipients = {partner};
  filter.years = context.options.years;
  auto rows = analysis::AggregateTiv(context.data.transfers, filter, {analysis::TivGroup::kYear});
  XySeries bars{context.M("delivered"), FilledYears(rows, context.options.years), false};
  ChartText text{
      "chart-tiv-from-" + partner,
      context.M("chart_tiv_from", {context.Name(context.options.focus), context.Name(partner)}),
      context.M("year"), context.M("tiv_axis")};
  return context.Figure(BarLineChart(text, bars, std::nullopt, context.format),
                        context.CiteSipri());
}

std::string FactsTable(ReportContext& context, const std::string& partner) {
  auto entries =
      analysis::FoldVenturesIntoAgreements(PartnerEntries(context, partner, {"agreement", "venture"}));
  if (entries.empty()) return "";
  Table table{"table-agreements-" + partner,
              Escape(context.M("agreements") + " · " + context.M("ventures")),
              {Escape(context.M("date")), Escape(context.M("type")), Escape(context.M("title")),
               Escape(context.M("parties")), ""},
              {},
              {},
              ""};
  for (const analysis::TimelineEntry& entry : entries) {
    table.rows.push_back({Escape(context.format.DateText(entry.date)), Escape(entry.type),
                          Escape(entry.title), Escape(JoinNames(context, entry.actors)),
                          context.cites.Cite(entry.sources)});
  }
  return RenderTable(table);
}

std::string Exposure(ReportContext& context, const Facts& facts, const std::string& partner,
                     const analysis::ShareTable& shares) {
  analysis::EmbargoQuery query;
  query.targets = {partner};
  auto embargoes = analysis::AnalyzeEmbargoes(context.data.curated, {}, query);
  std::vector<SourceRef> sources;
  for (const auto& report : embargoes)
    sources.insert(sources.end(), report.embargo.sources.begin(), report.embargo.sources.end());
  std::string dominant =
      shares.rows.empty() ? context.M("none") : context.Name(shares.rows.front().actor);
  std::string dominant_share =
      shares.rows.empty() ? "" : context.format.Percent(shares.rows.front().share);
  std::string text = context.M(
      "exposure_sentence",
      {context.Name(partner), context.format.Years(context.options.years),
       context.Number(shares.hhi, 3), dominant, dominant_share, std::to_string(embargoes.size())});
  std::string marker = facts.has_sipri ? context.CiteSipri(SourceIdsOnly(sources))
                                       : context.cites.Cite(SourceIdsOnly(sources));
  return "<h4>" + Escape(context.M("exposure")) + "</h4>\n<p>" + Escape(text) + marker + "</p>\n";
}

std::string Partner(ReportContext& context, const Facts& facts, const std::string& partner) {
  std::string html =
      "<h3 id=\"partner-" + Escape(partner) + "\">" + Escape(context.Name(partner)) + "</h3>\n";
  analysis::ShareTable shares;
  if (facts.has_sipri) {
    auto shift =
        analysis::ComputeSupplierShift(context.data.transfers, {partner}, context.options.years);
    if (shift.ok()) html += SharesChart(context, partner, *shift);
    html += FromFocusChart(context, partner);
    shares = analysis::SupplierShares(context.data.transfers, {partner}, context.options.years);
  }
  html += FactsTable(context, partner);
  return html + Exposure(context, facts, partner, shares);
}

}  // namespace

std::string PartnersSection(ReportContext& context, const Facts& facts) {
  std::string body = facts.has_sipri ? "" : context.SipriMissing();
  for (const std::string& partner : context.options.partners)
    body += Partner(context, facts, partner);
  return Section("partners", Escape(context.M("sec_partners")), body);
}

}  // namespace defcoop::report
