// Timelines: dated items in lanes over a span of days. An item dated to a day is a dot;
// one dated to a month or a year is a bar over the whole month or year, so the drawing
// never claims more precision than the source has. Items are numbered; the numbers
// match the table printed under the chart.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "chart_axes.h"
#include "html.h"

namespace defcoop::report {
namespace {

constexpr double kLaneHeight = 56;
constexpr double kLaneLabelWidth = 110;

std::vector<std::string> Lanes(const std::vector<TimelineItem>& items) {
  std::vector<std::string> lanes;
  for (const TimelineItem& item : items) {
    if (std::find(lanes.begin(), lanes.end(), item.lane) == lanes.end()) lanes.push_back(item.lane);
  }
  return lanes;
}

std::string Ticks(const chart::Frame& frame, const chart::Scale& x, const Date& from,
                  const Date& to, const Formatter& format) {
  std::string svg;
  int span_years = to.year - from.year + 1;
  int step_months = span_years <= 3 ? 3 : (span_years <= 8 ? 12 : 12 * ((span_years + 7) / 8));
  for (int month_idx = from.year * 12; month_idx <= to.year * 12 + 11; month_idx += step_months) {
    Date tick{month_idx / 12, month_idx % 12 + 1, 1};
    double pos = x(static_cast<double>(tick.DaysSinceEpoch()));
    if (pos < frame.PlotLeft() - 0.5 || pos > frame.PlotRight() + 0.5) continue;
    svg += "<line x1=\"" + chart::Coord(pos) + "\" x2=\"" + chart::Coord(pos) + "\" y1=\"" +
           chart::Coord(frame.PlotTop()) + "\" y2=\"" + chart::Coord(frame.PlotBottom() + 4) +
           "\" stroke=\"#d9d9d9\"/>";
    std::string label = step_months % 12 == 0 ? Formatter::Year(tick.year)
                                              : format.DateText(Date{tick.year, tick.month, 0});
    svg += chart::Text(pos, frame.PlotBottom() + 18, label, "text-anchor=\"middle\" fill=\"#333\"");
  }
  return svg;
}

std::string Mark(const TimelineItem& item, size_t item_idx, double top, std::string_view colour,
                 const chart::Scale& x, int stagger) {
  double start = x(static_cast<double>(item.date.Earliest().DaysSinceEpoch()));
  double end = x(static_cast<double>(item.date.Latest().DaysSinceEpoch() + 1));
  double middle = top + kLaneHeight / 2;
  double label_y = middle - 9 - 10.0 * stagger;
  std::string tooltip = "<title>" + Escape(item.label) + "</title>";
  std::string svg;
  if (item.date.precision() == DatePrecision::kDay) {
    svg += "<circle cx=\"" + chart::Coord(start) + "\" cy=\"" + chart::Coord(middle) +
           "\" r=\"5\" fill=\"" + std::string(colour) +
           "\" stroke=\"#1a1a1a\" stroke-width=\"0.6\">" + tooltip + "</circle>";
  } else {
    svg += "<rect x=\"" + chart::Coord(start) + "\" y=\"" + chart::Coord(middle - 4) +
           "\" width=\"" + chart::Coord(std::max(2.0, end - start)) +
           "\" height=\"8\" rx=\"3\" fill=\"" + std::string(colour) +
           "\" fill-opacity=\"0.55\" stroke=\"" + std::string(colour) + "\">" + tooltip + "</rect>";
    start = (start + end) / 2;
  }
  return svg + chart::Text(start, label_y, std::to_string(item_idx + 1),
                           "text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1a1a1a\"");
}

}  // namespace

Chart TimelineChart(const ChartText& text, const std::vector<TimelineItem>& items, const Date& from,
                    const Date& to, const std::optional<std::pair<Date, std::string>>& marker,
                    const Formatter& format) {
  std::vector<std::string> lanes = Lanes(items);
  chart::Frame frame;
  frame.left = kLaneLabelWidth;
  frame.bottom = 40;
  frame.height = frame.top + kLaneHeight * static_cast<double>(std::max<size_t>(lanes.size(), 1)) +
                 frame.bottom;
  chart::Scale x{static_cast<double>(from.Earliest().DaysSinceEpoch()),
                 static_cast<double>(to.Latest().DaysSinceEpoch() + 1), frame.PlotLeft(),
                 frame.PlotRight()};
  std::string svg = chart::OpenSvg(frame, text) + chart::Title(frame, text.title) +
                    Ticks(frame, x, from, to, format);
  for (size_t lane_idx = 0; lane_idx < lanes.size(); ++lane_idx) {
    double top = frame.PlotTop() + kLaneHeight * static_cast<double>(lane_idx);
    svg += chart::Text(frame.PlotLeft() - 8, top + kLaneHeight / 2 + 4, lanes[lane_idx],
                       "text-anchor=\"end\" fill=\"#1a1a1a\"");
    svg += "<line x1=\"" + chart::Coord(frame.PlotLeft()) + "\" x2=\"" +
           chart::Coord(frame.PlotRight()) + "\" y1=\"" + chart::Coord(top + kLaneHeight / 2) +
           "\" y2=\"" + chart::Coord(top + kLaneHeight / 2) + "\" stroke=\"#bdbdbd\"/>";
  }
  std::map<std::string, int> per_lane;
  std::string csv = CsvLine({"number", "date", "lane", "label"});
  for (size_t item_idx = 0; item_idx < items.size(); ++item_idx) {
    const TimelineItem& item = items[item_idx];
    size_t lane_idx =
        static_cast<size_t>(std::find(lanes.begin(), lanes.end(), item.lane) - lanes.begin());
    double top = frame.PlotTop() + kLaneHeight * static_cast<double>(lane_idx);
    svg += Mark(item, item_idx, top, chart::Colour(lane_idx), x, per_lane[item.lane]++ % 3);
    csv += CsvLine({std::to_string(item_idx + 1), item.date.ToString(), item.lane, item.label});
  }
  if (marker) {
    double pos = x(static_cast<double>(marker->first.Earliest().DaysSinceEpoch()));
    svg += "<line x1=\"" + chart::Coord(pos) + "\" x2=\"" + chart::Coord(pos) + "\" y1=\"" +
           chart::Coord(frame.PlotTop() - 8) + "\" y2=\"" + chart::Coord(frame.PlotBottom()) +
           "\" stroke=\"#D55E00\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>";
    svg += chart::Text(pos + 4, frame.PlotTop() - 10, marker->second,
                       "fill=\"#D55E00\" font-weight=\"bold\"");
  }
  svg += chart::CloseSvg();
  return {text.id, text.title, svg, csv};
}

}  // namespace defcoop::report
