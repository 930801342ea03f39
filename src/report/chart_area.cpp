// Stacked area charts of shares (0..1): supplier shares of a recipient's imports per
// window. Bands are stacked bottom-up in the order given; the rest up to 100% is blank.
#include <fmt/format.h>

#include <algorithm>

#include "chart_axes.h"
#include "html.h"

namespace defcoop::report {
namespace {

// The polygon of band `band_idx`: its top edge left to right, its bottom edge back.
std::string Band(const std::vector<double>& xs, const std::vector<double>& lower,
                 const std::vector<double>& upper, const chart::Scale& x, const chart::Scale& y) {
  std::string points;
  for (size_t x_idx = 0; x_idx < xs.size(); ++x_idx) {
    points += chart::Coord(x(xs[x_idx])) + "," + chart::Coord(y(upper[x_idx])) + " ";
  }
  for (size_t x_idx = xs.size(); x_idx-- > 0;) {
    points += chart::Coord(x(xs[x_idx])) + "," + chart::Coord(y(lower[x_idx])) + " ";
  }
  return points;
}

}  // namespace

Chart StackedAreaChart(const ChartText& text, const std::vector<double>& xs,
                       const std::vector<StackedSeries>& series, const Formatter& format) {
  chart::Frame frame;
  double x_min = xs.empty() ? 0 : xs.front();
  double x_max = xs.empty() ? 1 : xs.back();
  chart::Scale x{x_min, x_max, frame.PlotLeft(), frame.PlotRight()};
  chart::Scale y{0, 1, frame.PlotBottom(), frame.PlotTop()};
  std::string svg = chart::OpenSvg(frame, text) + chart::Title(frame, text.title);
  svg += chart::YAxis(frame, y, {0, 0.25, 0.5, 0.75, 1}, text.y_label, format, true);
  svg += chart::XAxisYears(frame, x, chart::NiceTicks(x_min, x_max, 8), text.x_label);
  std::vector<double> lower(xs.size(), 0);
  std::vector<chart::LegendEntry> legend;
  std::vector<XySeries> csv_series;
  for (size_t series_idx = 0; series_idx < series.size(); ++series_idx) {
    std::vector<double> upper = lower;
    const std::string& own = series[series_idx].colour;
    std::string_view colour = own.empty() ? chart::Colour(series_idx) : std::string_view(own);
    XySeries column{series[series_idx].name, {}, false};
    for (size_t x_idx = 0; x_idx < xs.size() && x_idx < series[series_idx].values.size(); ++x_idx) {
      upper[x_idx] = std::min(1.0, lower[x_idx] + series[series_idx].values[x_idx]);
      column.points.push_back({xs[x_idx], series[series_idx].values[x_idx]});
    }
    if (xs.size() > 1) {
      svg += "<polygon fill=\"" + std::string(colour) +
             "\" fill-opacity=\"0.9\" stroke=\"#ffffff\" stroke-width=\"0.8\" points=\"" +
             Band(xs, lower, upper, x, y) + "\"><title>" + Escape(series[series_idx].name) +
             "</title></polygon>";
    }
    legend.push_back({series[series_idx].name, colour, "", true});
    csv_series.push_back(std::move(column));
    lower = std::move(upper);
  }
  svg += chart::Legend(frame, legend) + chart::CloseSvg();
  return {text.id, text.title, svg, chart::WideCsv(text.x_label, csv_series)};
}

}  // namespace defcoop::report
