// Network drawings: a deterministic radial layout that puts the focus country in the
// centre, its partners on an inner ring and every other actor on an outer ring (heaviest
// ties first), so the picture is the same on every run and readable in print. Edges are
// coloured and dashed by layer; transfer edges are as wide as their TIV allows.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

#include "chart_axes.h"
#include "html.h"

namespace defcoop::report {
namespace {

struct Point {
  double x = 0;
  double y = 0;
};

constexpr double kInnerRadius = 140;
constexpr double kOuterRadius = 245;
constexpr double kMaxEdgeWidth = 7;
constexpr double kMinEdgeWidth = 1;

std::map<std::string, double> Strengths(const analysis::Graph& graph) {
  std::map<std::string, double> strength;
  for (const analysis::Edge& edge : graph.edges) {
    strength[edge.source] += edge.weight;
    strength[edge.target] += edge.weight;
  }
  return strength;
}

void PlaceRing(const std::vector<std::string>& ids, Point centre, double radius, double offset,
               std::map<std::string, Point>* positions) {
  for (size_t idx = 0; idx < ids.size(); ++idx) {
    double angle =
        offset + 2 * std::numbers::pi * static_cast<double>(idx) / static_cast<double>(ids.size());
    (*positions)[ids[idx]] = {centre.x + radius * std::cos(angle),
                              centre.y + radius * std::sin(angle)};
  }
}

std::map<std::string, Point> Layout(const NetworkDrawing& drawing, Point centre) {
  std::map<std::string, double> strength = Strengths(drawing.graph);
  std::vector<std::string> inner;
  std::vector<std::string> outer;
  for (const analysis::Node& node : drawing.graph.nodes) {
    if (node.id == drawing.centre) continue;
    bool is_inner =
        std::find(drawing.inner.begin(), drawing.inner.end(), node.id) != drawing.inner.end();
    (is_inner ? inner : outer).push_back(node.id);
  }
  std::stable_sort(outer.begin(), outer.end(),
                   [&strength](const std::string& a, const std::string& b) {
                     return strength[a] > strength[b];
                   });
  std::map<std::string, Point> positions;
  positions[drawing.centre] = centre;
  PlaceRing(inner, centre, kInnerRadius, -std::numbers::pi / 2, &positions);
  PlaceRing(outer, centre, kOuterRadius, -std::numbers::pi / 2 + 0.2, &positions);
  return positions;
}

size_t LayerIndex(const NetworkDrawing& drawing, const std::string& layer) {
  for (size_t idx = 0; idx < drawing.layer_names.size(); ++idx) {
    if (drawing.layer_names[idx].first == layer) return idx;
  }
  return drawing.layer_names.size();
}

}  // namespace

Chart NetworkChart(const ChartText& text, const NetworkDrawing& drawing, const Formatter& format) {
  chart::Frame frame;
  frame.height = 620;
  Point centre{frame.width / 2, 44 + kOuterRadius + 20};
  std::map<std::string, Point> positions = Layout(drawing, centre);
  double max_weight = 0;
  for (const analysis::Edge& edge : drawing.graph.edges)
    max_weight = std::max(max_weight, edge.weight);
  std::string svg =
      chart::OpenSvg(frame, text) + chart::Title(frame, text.title) + "<g class=\"edges\">";
  std::string csv = CsvLine({"source", "target", "layer", "weight"});
  for (const analysis::Edge& edge : drawing.graph.edges) {
    size_t layer_idx = LayerIndex(drawing, edge.layer);
    bool weighted = layer_idx == 0 && max_weight > 0;
    double width = weighted ? kMinEdgeWidth + (kMaxEdgeWidth - kMinEdgeWidth) *
                                                  std::sqrt(edge.weight / max_weight)
                            : 1.6;
    Point a = positions[edge.source];
    Point b = positions[edge.target];
    std::string_view dash = chart::Dash(layer_idx);
    svg += "<line x1=\"" + chart::Coord(a.x) + "\" y1=\"" + chart::Coord(a.y) + "\" x2=\"" +
           chart::Coord(b.x) + "\" y2=\"" + chart::Coord(b.y) + "\" stroke=\"" +
           std::string(chart::Colour(layer_idx)) + "\" stroke-opacity=\"0.75\" stroke-width=\"" +
           chart::Coord(width) + "\"" +
           (dash.empty() ? "" : " stroke-dasharray=\"" + std::string(dash) + "\"") + "><title>" +
           Escape(edge.source + " – " + edge.target + ": " + format.Number(edge.weight, 1)) +
           "</title></line>";
    csv += CsvLine({edge.source, edge.target, edge.layer, fmt::format("{:g}", edge.weight)});
  }
  svg += "</g><g class=\"nodes\">";
  for (const analysis::Node& node : drawing.graph.nodes) {
    Point p = positions[node.id];
    bool is_centre = node.id == drawing.centre;
    bool is_inner =
        std::find(drawing.inner.begin(), drawing.inner.end(), node.id) != drawing.inner.end();
    double radius = is_centre ? 12 : (is_inner ? 9 : 6);
    std::string fill = is_centre ? "#D55E00" : (is_inner ? "#E69F00" : "#ffffff");
    svg += "<circle cx=\"" + chart::Coord(p.x) + "\" cy=\"" + chart::Coord(p.y) + "\" r=\"" +
           chart::Coord(radius) + "\" fill=\"" + fill +
           "\" stroke=\"#1a1a1a\" stroke-width=\"1.2\"/>";
    bool right_side = p.x >= centre.x - 1;
    double dx = is_centre ? 0 : (right_side ? radius + 4 : -radius - 4);
    double dy = is_centre ? -radius - 6 : 4;
    std::string anchor = is_centre ? "middle" : (right_side ? "start" : "end");
    svg += chart::Text(p.x + dx, p.y + dy, node.label,
                       "text-anchor=\"" + anchor + "\" fill=\"#1a1a1a\"" +
                           (is_centre || is_inner ? " font-weight=\"bold\"" : "") +
                           " paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\"");
  }
  svg += "</g>";
  std::vector<chart::LegendEntry> legend;
  for (size_t layer_idx = 0; layer_idx < drawing.layer_names.size(); ++layer_idx) {
    legend.push_back(
        {drawing.layer_names[layer_idx].second, chart::Colour(layer_idx), chart::Dash(layer_idx)});
  }
  svg += chart::Legend(frame, legend) + chart::CloseSvg();
  return {text.id, text.title, svg, csv};
}

}  // namespace defcoop::report
