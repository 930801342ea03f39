// The industry's development: the curated indicators of the focus country, its SIPRI
// imports and exports over time, and the periods PELT finds in its imports set against
// the periods the article gives.
#include <algorithm>
#include <cstdint>
#include <sstream>

#include "context.h"
#include "defcoop/analysis/periods.h"
#include "html.h"

namespace defcoop::report {
namespace {

std::string IndicatorValue(const ReportContext& context, const Indicator& indicator) {
  if (indicator.unit == "percent") return context.format.Percent(indicator.value / 100, 1);
  if (indicator.unit == "usd") return "$" + context.Number(indicator.value);
  return context.Number(indicator.value, 2);
}

// The metric's name in the brief's language; an unknown metric as its id, words spaced.
std::string MetricName(const ReportContext& context, std::string metric) {
  std::string key = "metric_" + metric;
  if (HasMessage(key, context.options.lang)) return context.M(key);
  std::replace(metric.begin(), metric.end(), '_', ' ');
  return metric;
}

std::string Indicators(ReportContext& context) {
  Table table{
      "table-indicators",
      Escape(context.M("indicators")),
      {Escape(context.M("metric")), Escape(context.M("period")), Escape(context.M("value")), ""},
      {},
      {false, false, true, false},
      ""};
  for (const Indicator& indicator : context.data.curated.indicators) {
    if (indicator.actor_id != context.options.focus) continue;
    std::string value = Escape(IndicatorValue(context, indicator));
    if (indicator.estimate) value += " (" + Escape(context.M("estimate")) + ")";
    table.rows.push_back({Escape(MetricName(context, indicator.metric)), Escape(indicator.period),
                          value, context.cites.Cite(indicator.sources)});
  }
  if (table.rows.empty()) return "<p>" + Escape(context.M("no_rows")) + "</p>\n";
  return RenderTable(table);
}

std::vector<analysis::TivRow> ByYear(const ReportContext& context, bool imports) {
  analysis::TivFilter filter;
  (imports ? filter.recipients : filter.suppliers) = {context.options.focus};
  filter.years = context.options.years;
  return analysis::AggregateTiv(context.data.transfers, filter, {analysis::TivGroup::kYear});
}

// The article's periods from the claim that states them ("periods=1970-1990|1990-2004|...").
const Claim* PeriodsClaim(const Dataset& data) {
  for (const Claim& claim : data.claims) {
    if (claim.params.find("periods=") != std::string::npos && claim.kind == "count") return &claim;
  }
  return nullptr;
}

std::vector<YearRange> GivenPeriods(const Claim& claim) {
  std::vector<YearRange> periods;
  size_t start = claim.params.find("periods=") + 8;
  std::string list = claim.params.substr(start, claim.params.find(';', start) - start);
  std::stringstream stream(list);
  for (std::string item; std::getline(stream, item, '|');) {
    auto range = ParseYearRange(item);
    if (range.ok()) periods.push_back(*range);
  }
  return periods;
}

// How firm the count is: the periods found from a quarter to four times the penalty.
std::string SensitivitySentence(ReportContext& context,
                                const std::vector<analysis::YearValue>& series) {
  auto trials = analysis::PenaltySensitivity(series);
  if (!trials.ok()) return "";
  std::string counts;
  size_t fewest = SIZE_MAX, most = 0;
  for (const analysis::PenaltyTrial& trial : *trials) {
    size_t periods = trial.boundaries.size() + 1;
    fewest = std::min(fewest, periods);
    most = std::max(most, periods);
    counts += (counts.empty() ? "" : ", ") + std::string("×") + context.Number(trial.multiplier, 2) +
              ": " + std::to_string(periods);
  }
  std::string range = fewest == most ? std::to_string(fewest)
                                     : std::to_string(fewest) + "–" + std::to_string(most);
  return "<p>" + Escape(context.M("periods_sensitivity", {range, counts})) + "</p>\n";
}

std::string PeriodTables(ReportContext& context,
                         const std::vector<std::pair<double, double>>& imports) {
  std::vector<analysis::YearValue> series;
  for (const auto& [year, tiv] : imports) series.push_back({static_cast<int>(year), tiv});
  auto periods = analysis::DetectPeriods(series);
  if (!periods.ok()) return "<p>" + Escape(periods.status().message()) + "</p>\n";
  std::string html = "<h3>" +
                     Escape(context.M("periods_title", {context.Name(context.options.focus)})) +
                     "</h3>\n<p>" + Escape(context.M("periods_intro")) + "</p>\n";
  Table detected{
      "table-periods",
      "",
      {Escape(context.M("period")), Escape(context.M("mean_tiv")), Escape(context.M("change"))},
      {},
      {false, true, true},
      ""};
  for (const analysis::Period& period : *periods) {
    std::string change =
        period.change_vs_previous ? context.Number(*period.change_vs_previous, 2) + "×" : "";
    detected.rows.push_back({Escape(context.format.Years({period.start_year, period.end_year})),
                             Escape(context.Number(period.mean, 1)), Escape(change)});
  }
  detected.note = Escape(context.M("source_label")) + context.CiteSipri();
  html += RenderTable(detected) + SensitivitySentence(context, series);
  const Claim* claim = PeriodsClaim(context.data.curated);
  if (!claim) return html;
  Table compare{"table-period-boundaries",
                "",
                {Escape(context.M("article_boundary")), Escape(context.M("detected_boundary")),
                 Escape(context.M("offset_years"))},
                {},
                {true, true, true},
                ""};
  for (const analysis::BoundaryMatch& match :
       analysis::ComparePeriods(*periods, GivenPeriods(*claim))) {
    compare.rows.push_back({Formatter::Year(match.given_year),
                            match.nearest_detected ? Formatter::Year(*match.nearest_detected) : "",
                            match.nearest_detected ? std::to_string(match.offset_years) : ""});
  }
  compare.note = Escape(context.M("source_label")) + context.CiteSipri(claim->sources);
  return html + RenderTable(compare);
}

bool AnyApproximate(const std::vector<analysis::TivRow>& rows) {
  return std::any_of(rows.begin(), rows.end(),
                     [](const analysis::TivRow& row) { return row.approximate; });
}

std::string TradeChart(ReportContext& context) {
  YearRange years = context.options.years;
  std::vector<analysis::TivRow> import_rows = ByYear(context, true);
  std::vector<analysis::TivRow> export_rows = ByYear(context, false);
  auto imports = FilledYears(import_rows, years);
  auto exports = FilledYears(export_rows, years);
  // Said before the chart, not only in the method section: a reader takes single years
  // off a chart.
  std::string warning =
      AnyApproximate(import_rows) || AnyApproximate(export_rows)
          ? "<p class=\"warning\"><strong>" +
                Escape(context.M("approx_years_warning", {context.data.vintage})) +
                "</strong></p>\n"
          : "";
  std::string focus = context.Name(context.options.focus);
  ChartText text{"chart-trade",
                 context.M("chart_trade", {focus}) + ", " + context.format.Years(years),
                 context.M("year"), context.M("tiv_axis")};
  Chart chart = LineChart(
      text, {{context.M("imports"), imports, false}, {context.M("exports"), exports, true}},
      context.format);
  std::string html = warning + context.Figure(chart, context.CiteSipri());
  return html + PeriodTables(context, imports);
}

}  // namespace

std::string IndustrySection(ReportContext& context, const Facts& facts) {
  std::string body = Indicators(context);
  body += facts.has_sipri ? TradeChart(context) : context.SipriMissing();
  return Section("industry", Escape(context.M("sec_industry")), body);
}

}  // namespace defcoop::report
