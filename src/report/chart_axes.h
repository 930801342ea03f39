// What every chart kind shares: the Okabe–Ito palette, the frame (size and margins), a
// linear scale with "nice" ticks, axes with tick labels in the report's number format,
// the legend, and the SVG header with its accessible title.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chart.h"
#include "format.h"

namespace defcoop::report::chart {

// Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, vermillion,
// reddish purple, sky blue, yellow, black, ordered so that neighbours differ in
// lightness too (yellow, weak on white, comes last).
inline constexpr std::string_view kPalette[] = {"#0072B2", "#E69F00", "#009E73", "#D55E00",
                                                "#CC79A7", "#56B4E9", "#F0E442", "#000000"};
std::string_view Colour(size_t series_idx);
// Dash patterns that tell series apart in greyscale print.
std::string_view Dash(size_t series_idx);

struct Frame {
  double width = 720;
  double height = 340;
  double left = 70;
  double right = 20;
  double top = 44;
  double bottom = 64;

  double PlotLeft() const { return left; }
  double PlotRight() const { return width - right; }
  double PlotTop() const { return top; }
  double PlotBottom() const { return height - bottom; }
};

struct Scale {
  double domain_min = 0;
  double domain_max = 1;
  double range_min = 0;
  double range_max = 1;
  double operator()(double value) const;
};

// About `target` round tick values covering [low, high] (1, 2, 2.5 or 5 times a power of 10).
std::vector<double> NiceTicks(double low, double high, int target);

std::string Coord(double value);  // an SVG coordinate with one decimal

std::string OpenSvg(const Frame& frame, const ChartText& text);
std::string CloseSvg();
std::string Title(const Frame& frame, std::string_view title);

// Horizontal grid lines with value labels on the left, and the rotated axis label.
std::string YAxis(const Frame& frame, const Scale& y, const std::vector<double>& ticks,
                  std::string_view label, const Formatter& format, bool percent = false);
// Year ticks along the bottom and the axis label under them.
std::string XAxisYears(const Frame& frame, const Scale& x, const std::vector<double>& ticks,
                       std::string_view label);

struct LegendEntry {
  std::string name;
  std::string_view colour;
  std::string_view dash;
  bool box = false;  // a filled square (bars, areas) instead of a line
};
// One row of entries under the x axis label.
std::string Legend(const Frame& frame, const std::vector<LegendEntry>& entries);

std::string Text(double x, double y, std::string_view text, std::string_view attributes = "");

// The y range [0, max] rounded up to a nice tick.
double NiceMax(double max);

// The series as CSV: the x label and one column per series, one row per x.
std::string WideCsv(std::string_view x_label, const std::vector<XySeries>& series);

}  // namespace defcoop::report::chart
