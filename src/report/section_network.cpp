// The cooperation network of the focus country and its partners: SIPRI deliveries,
// agreements and ventures among them and with their main suppliers and recipients,
// drawn with the focus in the centre.
#include <algorithm>

#include "context.h"
#include "defcoop/analysis/network_build.h"
#include "html.h"

namespace defcoop::report {
namespace {

constexpr size_t kShownTransferEdges = 30;  // the heaviest; more makes the drawing unreadable

analysis::Graph FocusGraph(const ReportContext& context, const analysis::Graph& full) {
  std::set<std::string> core(context.options.partners.begin(), context.options.partners.end());
  core.insert(context.options.focus);
  analysis::Graph graph;
  std::vector<analysis::Edge> transfers;
  for (const analysis::Edge& edge : full.edges) {
    if (!core.count(edge.source) && !core.count(edge.target)) continue;
    (edge.layer == analysis::kTransfersLayer ? transfers : graph.edges).push_back(edge);
  }
  std::stable_sort(transfers.begin(), transfers.end(),
                   [](const auto& a, const auto& b) { return a.weight > b.weight; });
  if (transfers.size() > kShownTransferEdges) transfers.resize(kShownTransferEdges);
  graph.edges.insert(graph.edges.begin(), transfers.begin(), transfers.end());
  std::set<std::string> ids;
  for (const analysis::Edge& edge : graph.edges) ids.insert({edge.source, edge.target});
  for (const std::string& id : ids) graph.nodes.push_back({id, context.Name(id), ""});
  return graph;
}

std::vector<SourceRef> CuratedSources(const ReportContext& context) {
  std::vector<SourceRef> sources;
  for (const std::string& partner : context.options.partners) {
    for (const auto& entry : PartnerEntries(context, partner, {"agreement", "venture"})) {
      sources.insert(sources.end(), entry.sources.begin(), entry.sources.end());
    }
  }
  return SourceIdsOnly(sources);
}

}  // namespace

std::string NetworkSection(ReportContext& context, const Facts& facts) {
  analysis::NetworkBuildOptions options;
  options.years = context.options.years;
  analysis::NetworkBuild build =
      analysis::BuildNetwork(context.data.transfers, context.data.curated, options);
  NetworkDrawing drawing{FocusGraph(context, build.graph),
                         context.options.focus,
                         context.options.partners,
                         {{std::string(analysis::kTransfersLayer), context.M("layer_transfers")},
                          {std::string(analysis::kAgreementsLayer), context.M("layer_agreements")},
                          {std::string(analysis::kVenturesLayer), context.M("layer_ventures")}}};
  double density = 0;
  auto metrics = analysis::ComputeNetworkMetrics(drawing.graph);
  if (metrics.ok()) density = metrics->density;
  std::vector<SourceRef> sources = CuratedSources(context);
  std::string marker = facts.has_sipri ? context.CiteSipri(sources) : context.cites.Cite(sources);
  std::string body = facts.has_sipri ? "" : context.SipriMissing();
  body += "<p>" +
          Escape(context.M("network_sentence",
                           {std::to_string(drawing.graph.nodes.size()),
                            std::to_string(drawing.graph.edges.size()), context.Number(density, 3),
                            context.Name(context.options.focus)})) +
          marker + "</p>\n<p>" + Escape(context.M("network_weighting")) + "</p>\n";
  ChartText text{"chart-network",
                 context.M("chart_network", {context.format.Years(context.options.years)}), "", ""};
  body +=
      context.Figure(NetworkChart(text, drawing, context.format),
                     facts.has_sipri ? context.CiteSipri(sources) : context.cites.Cite(sources));
  return Section("network", Escape(context.M("sec_network")), body);
}

}  // namespace defcoop::report
