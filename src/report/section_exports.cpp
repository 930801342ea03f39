// Exports of the focus country: delivered TIV by year with SIPRI's 5-year moving
// average, the largest recipients, and its rank among all exporters.
#include <algorithm>

#include "context.h"
#include "html.h"

namespace defcoop::report {
namespace {

constexpr int kMovingAverageYears = 5;  // SIPRI's recommendation for volatile yearly data
constexpr size_t kTopRecipients = 10;

std::string ByYearChart(ReportContext& context, const Facts& facts) {
  YearRange years = context.options.years;
  std::string focus = context.Name(context.options.focus);
  std::vector<analysis::TivRow> average =
      analysis::MovingAverage(facts.exports_by_year, kMovingAverageYears, years);
  XySeries bars{context.M("delivered"), FilledYears(facts.exports_by_year, years), false};
  XySeries line{context.M("moving_average"), YearPoints(average), false};
  ChartText text{"chart-exports",
                 context.M("chart_exports", {focus}) + ", " + context.format.Years(years),
                 context.M("year"), context.M("tiv_axis")};
  return context.Figure(BarLineChart(text, bars, line, context.format), context.CiteSipri());
}

std::string RecipientsChart(ReportContext& context, const Facts& facts) {
  std::vector<std::pair<std::string, double>> bars;
  for (const analysis::Share& share : facts.recipients.rows) {
    if (bars.size() == kTopRecipients) break;
    bars.emplace_back(context.Name(share.actor), share.tiv);
  }
  std::string focus = context.Name(context.options.focus);
  ChartText text{
      "chart-recipients",
      context.M("chart_recipients", {focus, context.format.Years(context.options.years)}),
      context.M("tiv_axis"), context.M("recipient")};
  return context.Figure(HorizontalBarChart(text, bars, context.format), context.CiteSipri());
}

}  // namespace

std::string ExportsSection(ReportContext& context, const Facts& facts) {
  if (!facts.has_sipri)
    return Section("exports", Escape(context.M("sec_exports")), context.SipriMissing());
  std::string focus = context.Name(context.options.focus);
  std::string body =
      "<p>" +
      Escape(context.M("rank_sentence",
                       {focus, std::to_string(facts.rank.rank), std::to_string(facts.rank.of),
                        context.format.Years(context.options.years)})) +
      context.CiteSipri() + "</p>\n";
  body += ByYearChart(context, facts);
  body += RecipientsChart(context, facts);
  return Section("exports", Escape(context.M("sec_exports")), body);
}

}  // namespace defcoop::report
