// The charts of the brief, drawn as inline SVG by defcoop: line, bar (vertical bars with
// an optional line over them; horizontal bars for rankings), stacked area for shares, a
// timeline, and a network drawing. Every chart has a title, axis labels with units, the
// Okabe–Ito colours (readable with colour-vision deficiencies, and in greyscale print
// through dashes and labels; an actor's series in its own colour, the dashboard's too:
// actor_colour.h), and its data as CSV for the download link.
//
// Contract: pure functions; empty data gives a chart with axes and no marks, never a
// failure. Text is escaped here; callers pass plain text.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "defcoop/analysis/network.h"
#include "defcoop/core/date.h"
#include "format.h"

namespace defcoop::report {

struct Chart {
  std::string id;     // element id of the <figure>, "chart-..."
  std::string title;  // plain text
  std::string svg;
  std::string csv;
};

struct ChartText {
  std::string id;
  std::string title;
  std::string x_label;
  std::string y_label;
};

struct XySeries {
  std::string name;
  std::vector<std::pair<double, double>> points;  // (x, y), x ascending
  bool dashed = false;
};

// Lines over a numeric x axis (years).
Chart LineChart(const ChartText& text, const std::vector<XySeries>& series,
                const Formatter& format);

// Vertical bars per year with an optional line (e.g. a moving average) over them.
Chart BarLineChart(const ChartText& text, const XySeries& bars, const std::optional<XySeries>& line,
                   const Formatter& format);

// Horizontal bars, one per labelled category, in the order given.
Chart HorizontalBarChart(const ChartText& text,
                         const std::vector<std::pair<std::string, double>>& bars,
                         const Formatter& format);

// Shares (0..1) per x stacked to at most 1; one band per series, the first at the bottom.
struct StackedSeries {
  std::string name;
  std::vector<double> values;  // parallel to the chart's xs
  std::string colour;          // "#RRGGBB" (an actor's, ActorColour); empty: by position
};
Chart StackedAreaChart(const ChartText& text, const std::vector<double>& xs,
                       const std::vector<StackedSeries>& series, const Formatter& format);

// Dated items in lanes, over a span of days; an optional marker (the shock date).
struct TimelineItem {
  Date date;
  std::string label;
  std::string lane;  // items of a lane share a row and a colour
};
Chart TimelineChart(const ChartText& text, const std::vector<TimelineItem>& items, const Date& from,
                    const Date& to, const std::optional<std::pair<Date, std::string>>& marker,
                    const Formatter& format);

// A network: `centre` in the middle, `inner` ids on a ring around it, every other node
// on an outer ring, ordered by strength. Edge width grows with weight within a layer;
// layers have their own colour and dash.
struct NetworkDrawing {
  analysis::Graph graph;
  std::string centre;
  std::vector<std::string> inner;
  std::vector<std::pair<std::string, std::string>> layer_names;  // layer id -> legend text
};
Chart NetworkChart(const ChartText& text, const NetworkDrawing& drawing, const Formatter& format);

}  // namespace defcoop::report
