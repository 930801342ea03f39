// `defcoop network [--years A-B] [--layers transfers,agreements,ventures,memberships]
// [--firms] [--directed] [--top N] [--graphml FILE] [--gexf FILE] [--edges FILE] [--vintage V]`: the
// cooperation network of the years (analysis/network_build.h), its node measures and
// communities (analysis/network.h; each layer scaled to its heaviest tie before layers
// are combined, each node's strength per layer in its own unit), the density of the whole and of the OTS members at
// the end year, and files for Gephi, yEd or Cytoscape.
#include "defcoop/analysis/network.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <memory>

#include "defcoop/analysis/network_build.h"
#include "output_file.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

// The default span: the last ten years of the SIPRI vintage (a decade, as the
// article's 2010s comparisons).
constexpr int kDefaultYears = 10;
constexpr const char* kOts = "OTS";
// Sub-periods for the density trend: SIPRI's customary 5-year periods.
constexpr int kDefaultPeriodYears = 5;

struct NetworkCliOptions {
  std::string years;
  std::vector<std::string> layers;
  bool firms = false;
  bool directed = false;
  int top = 0;
  int period = kDefaultPeriodYears;
  std::string graphml;
  std::string gexf;
  std::string edges;
  std::string vintage;
};

Result<std::set<std::string>> ParseLayers(const std::vector<std::string>& names) {
  static const std::set<std::string> kLayers = {
      std::string(analysis::kTransfersLayer), std::string(analysis::kAgreementsLayer),
      std::string(analysis::kVenturesLayer), std::string(analysis::kMembershipsLayer)};
  std::set<std::string> layers;
  for (const std::string& name : names) {
    if (!kLayers.count(name)) {
      return Status::Usage("unknown layer '" + name +
                           "' (use transfers, agreements, ventures, memberships)");
    }
    layers.insert(name);
  }
  if (!layers.empty()) return layers;
  return std::set<std::string>{std::string(analysis::kTransfersLayer),
                               std::string(analysis::kAgreementsLayer),
                               std::string(analysis::kVenturesLayer)};
}

// The SIPRI data, or only the curated data when the transfers layer is not wanted and no
// register was imported.
Result<SharedData> LoadData(const Context& context, const NetworkCliOptions& options,
                            const std::set<std::string>& layers, bool* has_sipri) {
  auto data = LoadSipriData(context, options.vintage);
  *has_sipri = data.ok();
  if (data.ok() || layers.count(std::string(analysis::kTransfersLayer)) ||
      data.status().kind() != StatusKind::kNotFound) {
    return data;
  }
  return LoadCuratedData(context);
}

Result<YearRange> NetworkYears(const std::string& text, const SipriData& data, bool has_sipri) {
  if (!text.empty()) {
    auto years = ParseYearRange(text);
    if (!years.ok()) return Status::Usage(years.status().message());
    return *years;
  }
  if (!has_sipri)
    return Status::Usage(
        "give --years (there is no SIPRI register to take the last 10 years from)");
  return YearRange{data.span.last - kDefaultYears + 1, data.span.last};
}

template <typename Writer>
Status WriteFile(const std::string& path, Writer write) {
  if (path.empty()) return Status::Ok();
  auto file = OutputFile::Open(path);
  if (!file.ok()) return file.status();
  DEFCOOP_RETURN_IF_ERROR(write((*file)->stream()));
  return (*file)->Close();
}

// Before any work: none of the output files may be the store (output_file.h).
Status CheckOutputs(const Context& context, const NetworkCliOptions& options) {
  DEFCOOP_RETURN_IF_ERROR(context.CheckOutput("--graphml", options.graphml));
  DEFCOOP_RETURN_IF_ERROR(context.CheckOutput("--gexf", options.gexf));
  return context.CheckOutput("--edges", options.edges);
}

Status WriteFiles(const NetworkCliOptions& options, const analysis::Graph& graph,
                  const analysis::NetworkMetrics& metrics) {
  DEFCOOP_RETURN_IF_ERROR(WriteFile(options.graphml, [&](std::ostream& out) {
    return analysis::WriteGraphML(graph, out, &metrics);
  }));
  DEFCOOP_RETURN_IF_ERROR(WriteFile(
      options.gexf, [&](std::ostream& out) { return analysis::WriteGexf(graph, out, &metrics); }));
  return WriteFile(options.edges,
                   [&](std::ostream& out) { return analysis::WriteEdgeCsv(graph, out); });
}

// The curated record kinds the chosen layers rest on (transfers rest on SIPRI, stated by
// AddSipriMeta; memberships are not dated events).
std::vector<analysis::CuratedKind> CuratedLayerKinds(const std::set<std::string>& layers) {
  std::vector<analysis::CuratedKind> kinds;
  if (layers.count(std::string(analysis::kAgreementsLayer)))
    kinds.push_back(analysis::CuratedKind::kAgreements);
  if (layers.count(std::string(analysis::kVenturesLayer)))
    kinds.push_back(analysis::CuratedKind::kVentures);
  return kinds;
}

std::vector<std::string> LayersWithEdges(const analysis::NetworkMetrics& metrics) {
  std::vector<std::string> layers;
  for (const auto& [layer, scale] : metrics.layer_scale) layers.push_back(layer);
  return layers;
}

// Node names in the --lang language where the actor has one there, else the graph's label.
void AddNodeRows(const SipriData& data, const std::string& lang, const analysis::Graph& graph,
                 const analysis::NetworkMetrics& metrics, Output* output) {
  output->columns = {"id",       "name",        "kind",        "degree",
                     "strength", "betweenness", "eigenvector", "community"};
  for (const std::string& layer : LayersWithEdges(metrics)) output->columns.push_back(layer);
  std::vector<size_t> order(graph.nodes.size());
  for (size_t idx = 0; idx < order.size(); ++idx) order[idx] = idx;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return metrics.nodes[a].strength > metrics.nodes[b].strength;
  });
  for (size_t idx : order) {
    const analysis::Node& node = graph.nodes[idx];
    const analysis::NodeMetrics& m = metrics.nodes[idx];
    std::string name = DisplayName(data, node.id, lang);
    nlohmann::ordered_json row = {{"id", node.id},
                                  {"name", name == node.id ? node.label : name},
                                  {"kind", node.kind},
                                  {"degree", m.degree},
                                  {"strength", m.strength},
                                  {"betweenness", m.betweenness},
                                  {"eigenvector", m.eigenvector},
                                  {"community", m.community}};
    // Each layer in its own unit: TIV for transfers, numbers of ties for the others.
    for (const std::string& layer : LayersWithEdges(metrics)) {
      auto found = m.layer_strength.find(layer);
      row[layer] = found == m.layer_strength.end() ? 0.0 : found->second;
    }
    output->rows.push_back(row);
  }
}

// Density among the OTS members at the end year that are nodes; null when fewer than two are.
Result<nlohmann::ordered_json> OtsDensity(const SipriData& data, const analysis::Graph& graph,
                                          YearRange years, Output* output) {
  auto members = ResolveCountries(data.index, {fmt::format("{}@{}", kOts, years.last)});
  if (!members.ok()) return members.status();
  std::vector<std::string> present;
  for (const std::string& id : *members) {
    bool is_node = std::any_of(graph.nodes.begin(), graph.nodes.end(),
                               [&](const analysis::Node& node) { return node.id == id; });
    if (is_node) present.push_back(id);
  }
  output->meta["ots_members"] = *members;
  if (present.size() < 2) return nlohmann::ordered_json(nullptr);
  auto density = analysis::SubsetDensity(graph, present);
  if (!density.ok()) return density.status();
  return nlohmann::ordered_json(*density);
}

// Density of the whole graph and of the OTS members in consecutive sub-periods of
// `period` years (the last one may be shorter), each built as the whole graph is.
Result<nlohmann::ordered_json> DensityByPeriod(const SipriData& data,
                                               analysis::NetworkBuildOptions build_options,
                                               int period) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  YearRange years = build_options.years;
  for (int first = years.first; first <= years.last; first += period) {
    build_options.years = {first, std::min(first + period - 1, years.last)};
    analysis::NetworkBuild build =
        analysis::BuildNetwork(data.transfers, data.curated, build_options);
    auto metrics = analysis::ComputeNetworkMetrics(build.graph);
    if (!metrics.ok()) return metrics.status();
    Output scratch;
    auto ots = OtsDensity(data, build.graph, build_options.years, &scratch);
    if (!ots.ok()) return ots.status();
    rows.push_back({{"years", build_options.years.ToString()},
                    {"density", metrics->density},
                    {"ots_density", *ots},
                    {"ots_members", scratch.meta["ots_members"]}});
  }
  return rows;
}

Status RunNetwork(Context& context, const NetworkCliOptions& options) {
  auto layers = ParseLayers(options.layers);
  if (!layers.ok()) return layers.status();
  if (options.top < 0) return Status::Usage("--top must be at least 1");
  if (options.period < 1) return Status::Usage("--period must be at least 1");
  if (options.directed && *layers != std::set<std::string>{std::string(analysis::kTransfersLayer)}) {
    if (!options.layers.empty())
      return Status::Usage("--directed needs --layers transfers (the other layers have no direction)");
    *layers = {std::string(analysis::kTransfersLayer)};
  }
  DEFCOOP_RETURN_IF_ERROR(CheckOutputs(context, options));
  bool has_sipri = false;
  auto loaded = LoadData(context, options, *layers, &has_sipri);
  if (!loaded.ok()) return loaded.status();
  const SipriData& data = **loaded;
  auto years = NetworkYears(options.years, data, has_sipri);
  if (!years.ok()) return years.status();
  analysis::NetworkBuildOptions build_options{*years, *layers, options.firms, std::nullopt,
                                              options.directed};
  if (options.top > 0) build_options.top_transfers = static_cast<size_t>(options.top);
  analysis::NetworkBuild build =
      analysis::BuildNetwork(data.transfers, data.curated, build_options);
  auto metrics = analysis::ComputeNetworkMetrics(build.graph);
  if (!metrics.ok()) return metrics.status();
  DEFCOOP_RETURN_IF_ERROR(WriteFiles(options, build.graph, *metrics));
  Output output;
  AddNodeRows(data, context.lang, build.graph, *metrics, &output);
  output.meta["density"] = metrics->density;
  auto ots = OtsDensity(data, build.graph, *years, &output);
  if (!ots.ok()) return ots.status();
  output.meta["ots_density"] = *ots;
  auto by_period = DensityByPeriod(data, build_options, options.period);
  if (!by_period.ok()) return by_period.status();
  output.meta["ots_density_by_period"] = *by_period;
  output.meta["years"] = years->ToString();
  output.meta["layers"] = *layers;
  output.meta["firms"] = options.firms;
  output.meta["directed"] = options.directed;
  output.meta["weighting"] = analysis::WeightingText(analysis::LayerWeighting::kLayerMax);
  output.meta["layer_scale"] = metrics->layer_scale;
  if (options.top > 0) output.meta["top_transfers"] = options.top;
  output.meta["nodes"] = build.graph.nodes.size();
  output.meta["edges"] = build.graph.edges.size();
  output.meta["communities"] = metrics->communities;
  output.meta["modularity"] = metrics->modularity;
  output.meta["skipped"] = build.skipped;
  output.notes.push_back(fmt::format(
      "{} nodes, {} edges in {}; density {:.4f}; OTS members' density {}; "
      "{} Louvain communities (modularity {:.3f}); weights: {}",
      build.graph.nodes.size(), build.graph.edges.size(), years->ToString(), metrics->density,
      ots->is_null() ? "n/a" : fmt::format("{:.4f}", ots->get<double>()), metrics->communities,
      metrics->modularity, analysis::WeightingText(analysis::LayerWeighting::kLayerMax)));
  if (has_sipri) AddSipriMeta(data, build.approximate, context.lang, &output);
  AddCuratedCoverage(data.curated, CuratedLayerKinds(*layers), context.lang, &output);
  return context.Emit(output);
}

}  // namespace

void AddNetwork(CLI::App* command, Context* context) {
  auto options = std::make_shared<NetworkCliOptions>();
  command->add_option("--years", options->years,
                      "years A-B (default: the last 10 years of the SIPRI vintage)");
  command
      ->add_option("--layers", options->layers,
                   "transfers, agreements, ventures, memberships (default: the first three)")
      ->delimiter(',');
  command->add_flag("--firms", options->firms, "keep firms as nodes instead of their home states");
  command->add_flag("--directed", options->directed,
                    "the directed transfer graph, supplier -> recipient (transfers layer only)");
  command->add_option("--top", options->top, "keep only the N heaviest transfer edges");
  command->add_option("--period", options->period,
                      "years per sub-period for meta.ots_density_by_period (default 5)");
  command->add_option("--graphml", options->graphml, "write the graph as GraphML to FILE");
  command->add_option("--gexf", options->gexf, "write the graph as GEXF 1.3 to FILE");
  command->add_option("--edges", options->edges, "write the edge list as CSV to FILE");
  command->add_option("--vintage", options->vintage, "SIPRI vintage (default: newest)");
  command->callback([context, options] { context->result = RunNetwork(*context, *options); });
}

}  // namespace defcoop::cli
