// Bar charts: vertical bars per year with an optional line over them (TIV by year with
// its moving average), and horizontal bars for rankings (top recipients).
#include <fmt/format.h>

#include <algorithm>

#include "chart_axes.h"
#include "html.h"

namespace defcoop::report {

namespace {

constexpr double kBarGapShare = 0.2;  // of a year's slot left empty between bars
constexpr double kLabelColumn = 190;  // width of the category labels of horizontal bars
constexpr double kRowHeight = 24;

double MaxY(const XySeries& series, double start) {
  for (const auto& point : series.points) start = std::max(start, point.second);
  return start;
}

}  // namespace

Chart BarLineChart(const ChartText& text, const XySeries& bars, const std::optional<XySeries>& line,
                   const Formatter& format) {
  chart::Frame frame;
  double x_min = bars.points.empty() ? 0 : bars.points.front().first;
  double x_max = bars.points.empty() ? 1 : bars.points.back().first;
  double slot = (frame.PlotRight() - frame.PlotLeft()) / std::max(1.0, x_max - x_min + 1);
  chart::Scale x{x_min, x_max, frame.PlotLeft() + slot / 2, frame.PlotRight() - slot / 2};
  double y_max = chart::NiceMax(line ? MaxY(*line, MaxY(bars, 0)) : MaxY(bars, 0));
  chart::Scale y{0, y_max, frame.PlotBottom(), frame.PlotTop()};
  std::string svg = chart::OpenSvg(frame, text) + chart::Title(frame, text.title);
  svg += chart::YAxis(frame, y, chart::NiceTicks(0, y_max, 5), text.y_label, format);
  svg += chart::XAxisYears(frame, x, chart::NiceTicks(x_min, x_max, 8), text.x_label);
  double bar_width = slot * (1 - kBarGapShare);
  for (const auto& [px, py] : bars.points) {
    svg += "<rect x=\"" + chart::Coord(x(px) - bar_width / 2) + "\" y=\"" + chart::Coord(y(py)) +
           "\" width=\"" + chart::Coord(bar_width) + "\" height=\"" + chart::Coord(y(0) - y(py)) +
           "\" fill=\"" + std::string(chart::Colour(5)) + "\"><title>" +
           Escape(Formatter::Year(static_cast<int>(px)) + ": " + format.Number(py, 1)) +
           "</title></rect>";
  }
  std::vector<chart::LegendEntry> legend{{bars.name, chart::Colour(5), "", true}};
  std::vector<XySeries> all{bars};
  if (line) {
    std::string points;
    for (const auto& [px, py] : line->points)
      points += chart::Coord(x(px)) + "," + chart::Coord(y(py)) + " ";
    svg += "<polyline fill=\"none\" stroke=\"" + std::string(chart::Colour(0)) +
           "\" stroke-width=\"2.5\" points=\"" + points + "\"/>";
    legend.push_back({line->name, chart::Colour(0), ""});
    all.push_back(*line);
  }
  svg += chart::Legend(frame, legend) + chart::CloseSvg();
  return {text.id, text.title, svg, chart::WideCsv(text.x_label, all)};
}

Chart HorizontalBarChart(const ChartText& text,
                         const std::vector<std::pair<std::string, double>>& bars,
                         const Formatter& format) {
  chart::Frame frame;
  frame.left = kLabelColumn;
  frame.right = 60;
  frame.height =
      frame.top + kRowHeight * static_cast<double>(std::max<size_t>(bars.size(), 1)) + 50;
  frame.bottom = 50;
  double max = 0;
  for (const auto& bar : bars) max = std::max(max, bar.second);
  double x_max = chart::NiceMax(max);
  chart::Scale x{0, x_max, frame.PlotLeft(), frame.PlotRight()};
  std::string svg = chart::OpenSvg(frame, text) + chart::Title(frame, text.title);
  for (double tick : chart::NiceTicks(0, x_max, 5)) {
    svg += "<line x1=\"" + chart::Coord(x(tick)) + "\" x2=\"" + chart::Coord(x(tick)) + "\" y1=\"" +
           chart::Coord(frame.PlotTop()) + "\" y2=\"" + chart::Coord(frame.PlotBottom()) +
           "\" stroke=\"#d9d9d9\"/>";
    svg += chart::Text(x(tick), frame.PlotBottom() + 16, format.Number(tick),
                       "text-anchor=\"middle\" fill=\"#333\"");
  }
  svg += chart::Text((frame.PlotLeft() + frame.PlotRight()) / 2, frame.PlotBottom() + 34,
                     text.x_label, "text-anchor=\"middle\" font-size=\"12\"");
  std::string csv = CsvLine({text.y_label, text.x_label});
  for (size_t bar_idx = 0; bar_idx < bars.size(); ++bar_idx) {
    const auto& [label, value] = bars[bar_idx];
    double top = frame.PlotTop() + kRowHeight * static_cast<double>(bar_idx) + 3;
    svg +=
        chart::Text(frame.PlotLeft() - 8, top + 13, label, "text-anchor=\"end\" fill=\"#1a1a1a\"");
    svg += "<rect x=\"" + chart::Coord(x(0)) + "\" y=\"" + chart::Coord(top) + "\" width=\"" +
           chart::Coord(x(value) - x(0)) + "\" height=\"" + chart::Coord(kRowHeight - 6) +
           "\" fill=\"" + std::string(chart::Colour(0)) + "\"/>";
    svg += chart::Text(x(value) + 4, top + 13, format.Number(value, value < 10 ? 1 : 0),
                       "fill=\"#333\"");
    csv += CsvLine({label, fmt::format("{:g}", value)});
  }
  svg += chart::CloseSvg();
  return {text.id, text.title, svg, csv};
}

}  // namespace defcoop::report
