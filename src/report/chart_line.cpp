// Line charts over years: one polyline per series, each with its colour and dash.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "chart_axes.h"
#include "html.h"

namespace defcoop::report {
namespace {

struct Extent {
  double x_min = 0, x_max = 1, y_max = 0;
};

Extent ExtentOf(const std::vector<XySeries>& series) {
  Extent extent{1e300, -1e300, 0};
  for (const XySeries& one : series) {
    for (const auto& [x, y] : one.points) {
      extent.x_min = std::min(extent.x_min, x);
      extent.x_max = std::max(extent.x_max, x);
      extent.y_max = std::max(extent.y_max, y);
    }
  }
  if (extent.x_min > extent.x_max) extent = {0, 1, 0};
  return extent;
}

std::string Polyline(const XySeries& series, size_t series_idx, const chart::Scale& x,
                     const chart::Scale& y) {
  std::string points;
  for (const auto& [px, py] : series.points)
    points += chart::Coord(x(px)) + "," + chart::Coord(y(py)) + " ";
  std::string_view dash =
      series.dashed ? chart::Dash(series_idx == 0 ? 1 : series_idx) : chart::Dash(series_idx);
  return "<polyline fill=\"none\" stroke=\"" + std::string(chart::Colour(series_idx)) +
         "\" stroke-width=\"2.2\" stroke-linejoin=\"round\"" +
         (dash.empty() ? "" : " stroke-dasharray=\"" + std::string(dash) + "\"") + " points=\"" +
         points + "\"/>";
}

}  // namespace

namespace chart {

std::string WideCsv(std::string_view x_label, const std::vector<XySeries>& series) {
  std::map<double, std::vector<std::string>> rows;
  for (size_t series_idx = 0; series_idx < series.size(); ++series_idx) {
    for (const auto& [x, y] : series[series_idx].points) {
      auto& row = rows[x];
      row.resize(series.size());
      row[series_idx] = fmt::format("{:g}", y);
    }
  }
  std::vector<std::string> header{std::string(x_label)};
  for (const XySeries& one : series) header.push_back(one.name);
  std::string csv = CsvLine(header);
  for (auto& [x, values] : rows) {
    values.resize(series.size());
    std::vector<std::string> fields{fmt::format("{:g}", x)};
    fields.insert(fields.end(), values.begin(), values.end());
    csv += CsvLine(fields);
  }
  return csv;
}

}  // namespace chart

Chart LineChart(const ChartText& text, const std::vector<XySeries>& series,
                const Formatter& format) {
  chart::Frame frame;
  Extent extent = ExtentOf(series);
  chart::Scale x{extent.x_min, extent.x_max, frame.PlotLeft(), frame.PlotRight()};
  double y_max = chart::NiceMax(extent.y_max);
  chart::Scale y{0, y_max, frame.PlotBottom(), frame.PlotTop()};
  std::string svg = chart::OpenSvg(frame, text) + chart::Title(frame, text.title);
  svg += chart::YAxis(frame, y, chart::NiceTicks(0, y_max, 5), text.y_label, format);
  svg += chart::XAxisYears(frame, x, chart::NiceTicks(extent.x_min, extent.x_max, 8), text.x_label);
  std::vector<chart::LegendEntry> legend;
  for (size_t series_idx = 0; series_idx < series.size(); ++series_idx) {
    svg += Polyline(series[series_idx], series_idx, x, y);
    legend.push_back({series[series_idx].name, chart::Colour(series_idx), chart::Dash(series_idx)});
  }
  svg += chart::Legend(frame, legend) + chart::CloseSvg();
  return {text.id, text.title, svg, chart::WideCsv(text.x_label, series)};
}

}  // namespace defcoop::report
