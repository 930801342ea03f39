#include "chart_axes.h"

#include <fmt/format.h>

#include <cmath>

#include "html.h"

namespace defcoop::report::chart {
namespace {

constexpr std::string_view kDashes[] = {"", "6 3", "2 2", "8 3 2 3", "4 4", "1 3", "10 4", "3 6"};
constexpr double kTickFontSize = 11;
constexpr double kLabelFontSize = 12;
constexpr double kTitleFontSize = 14;
constexpr double kLegendSwatch = 18;
constexpr double kApproxCharWidth = 6.4;  // of an 11px sans-serif character, for legend spacing

}  // namespace

std::string_view Colour(size_t series_idx) { return kPalette[series_idx % std::size(kPalette)]; }
std::string_view Dash(size_t series_idx) { return kDashes[series_idx % std::size(kDashes)]; }

double Scale::operator()(double value) const {
  if (domain_max == domain_min) return (range_min + range_max) / 2;
  return range_min + (value - domain_min) / (domain_max - domain_min) * (range_max - range_min);
}

std::vector<double> NiceTicks(double low, double high, int target) {
  std::vector<double> ticks;
  if (!(high > low) || target < 1) {
    ticks.push_back(low);
    return ticks;
  }
  double raw = (high - low) / target;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = factor * power;
    if (step >= raw) break;
  }
  for (double tick = std::ceil(low / step - 1e-9) * step; tick <= high + step * 1e-9;
       tick += step) {
    ticks.push_back(std::abs(tick) < step * 1e-9 ? 0 : tick);
  }
  return ticks;
}

double NiceMax(double max) {
  if (!(max > 0)) return 1;
  std::vector<double> ticks = NiceTicks(0, max, 5);
  return ticks.back() < max ? ticks.back() + (ticks.size() > 1 ? ticks[1] - ticks[0] : max)
                            : ticks.back();
}

std::string Coord(double value) { return fmt::format("{:.1f}", value); }

std::string Text(double x, double y, std::string_view text, std::string_view attributes) {
  return "<text x=\"" + Coord(x) + "\" y=\"" + Coord(y) + "\"" + (attributes.empty() ? "" : " ") +
         std::string(attributes) + ">" + Escape(text) + "</text>";
}

std::string OpenSvg(const Frame& frame, const ChartText& text) {
  std::string title_id = text.id + "-title";
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-labelledby=\"{}\" "
      "font-family=\"DejaVu Sans, Noto Sans, Liberation Sans, Arial, sans-serif\" font-size=\"{}\">"
      "<title id=\"{}\">{}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
      Coord(frame.width), Coord(frame.height), Escape(title_id), kTickFontSize, Escape(title_id),
      Escape(text.title));
}

std::string CloseSvg() { return "</svg>"; }

std::string Title(const Frame& frame, std::string_view title) {
  return Text(frame.left, 22, title,
              "font-size=\"" + fmt::format("{}", kTitleFontSize) +
                  "\" font-weight=\"bold\" fill=\"#1a1a1a\"");
}

std::string YAxis(const Frame& frame, const Scale& y, const std::vector<double>& ticks,
                  std::string_view label, const Formatter& format, bool percent) {
  std::string svg = "<g class=\"y-axis\">";
  for (double tick : ticks) {
    double pos = y(tick);
    svg += "<line x1=\"" + Coord(frame.PlotLeft()) + "\" x2=\"" + Coord(frame.PlotRight()) +
           "\" y1=\"" + Coord(pos) + "\" y2=\"" + Coord(pos) +
           "\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>";
    std::string value =
        percent ? format.Percent(tick, 0) : format.Number(tick, tick == std::floor(tick) ? 0 : 1);
    svg += Text(frame.PlotLeft() - 6, pos + 4, value, "text-anchor=\"end\" fill=\"#333\"");
  }
  double middle = (frame.PlotTop() + frame.PlotBottom()) / 2;
  svg += "<text transform=\"translate(16 " + Coord(middle) +
         ") rotate(-90)\" text-anchor=\"middle\" font-size=\"" + fmt::format("{}", kLabelFontSize) +
         "\" fill=\"#1a1a1a\">" + Escape(label) + "</text>";
  svg += "<line x1=\"" + Coord(frame.PlotLeft()) + "\" x2=\"" + Coord(frame.PlotRight()) +
         "\" y1=\"" + Coord(frame.PlotBottom()) + "\" y2=\"" + Coord(frame.PlotBottom()) +
         "\" stroke=\"#1a1a1a\"/>";
  return svg + "</g>";
}

std::string XAxisYears(const Frame& frame, const Scale& x, const std::vector<double>& ticks,
                       std::string_view label) {
  std::string svg = "<g class=\"x-axis\">";
  for (double tick : ticks) {
    double pos = x(tick);
    svg += "<line x1=\"" + Coord(pos) + "\" x2=\"" + Coord(pos) + "\" y1=\"" +
           Coord(frame.PlotBottom()) + "\" y2=\"" + Coord(frame.PlotBottom() + 5) +
           "\" stroke=\"#1a1a1a\"/>";
    svg += Text(pos, frame.PlotBottom() + 18, Formatter::Year(static_cast<int>(std::lround(tick))),
                "text-anchor=\"middle\" fill=\"#333\"");
  }
  svg += Text((frame.PlotLeft() + frame.PlotRight()) / 2, frame.PlotBottom() + 36, label,
              "text-anchor=\"middle\" font-size=\"" + fmt::format("{}", kLabelFontSize) +
                  "\" fill=\"#1a1a1a\"");
  return svg + "</g>";
}

std::string Legend(const Frame& frame, const std::vector<LegendEntry>& entries) {
  std::string svg = "<g class=\"legend\">";
  double x = frame.PlotLeft();
  double y = frame.height - 12;
  for (const LegendEntry& entry : entries) {
    double width =
        kLegendSwatch + 6 + kApproxCharWidth * static_cast<double>(entry.name.size()) + 14;
    if (x + width > frame.width && x > frame.PlotLeft())
      break;  // no room: the CSV has every series
    if (entry.box) {
      svg += "<rect x=\"" + Coord(x) + "\" y=\"" + Coord(y - 9) +
             "\" width=\"12\" height=\"10\" fill=\"" + std::string(entry.colour) + "\"/>";
    } else {
      svg += "<line x1=\"" + Coord(x) + "\" x2=\"" + Coord(x + kLegendSwatch) + "\" y1=\"" +
             Coord(y - 4) + "\" y2=\"" + Coord(y - 4) + "\" stroke=\"" + std::string(entry.colour) +
             "\" stroke-width=\"2.5\"" +
             (entry.dash.empty() ? "" : " stroke-dasharray=\"" + std::string(entry.dash) + "\"") +
             "/>";
    }
    svg += Text(x + kLegendSwatch + 6, y, entry.name, "fill=\"#1a1a1a\"");
    x += width;
  }
  return svg + "</g>";
}

}  // namespace defcoop::report::chart
