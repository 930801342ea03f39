#include "defcoop/analysis/network.h"

#include <igraph/igraph.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <mutex>
#include <new>
#include <utility>

namespace defcoop::analysis {
namespace {

// ---- RAII over igraph's C objects --------------------------------------------------

// igraph's default error handler aborts the process; while one of these lives, igraph
// functions return their error codes instead (and warnings are not printed).
// igraph's error handlers and random number generator are process-global, so one igraph
// computation runs at a time (`defcoop serve` answers requests on several threads).
std::mutex& IgraphMutex() {
  static std::mutex mutex;
  return mutex;
}

class ScopedIgraphHandlers {
 public:
  ScopedIgraphHandlers()
      : lock_(IgraphMutex()),
        error_(igraph_set_error_handler(igraph_error_handler_ignore)),
        warning_(igraph_set_warning_handler(igraph_warning_handler_ignore)) {}
  ~ScopedIgraphHandlers() {
    igraph_set_error_handler(error_);
    igraph_set_warning_handler(warning_);
  }
  ScopedIgraphHandlers(const ScopedIgraphHandlers&) = delete;
  ScopedIgraphHandlers& operator=(const ScopedIgraphHandlers&) = delete;

 private:
  std::lock_guard<std::mutex> lock_;
  igraph_error_handler_t* error_;
  igraph_warning_handler_t* warning_;
};

// igraph only fails to initialise its containers when memory runs out.
void CheckAllocation(igraph_error_t code) {
  if (code != IGRAPH_SUCCESS) throw std::bad_alloc();
}

class RealVector {
 public:
  explicit RealVector(const std::vector<double>& values = {}) {
    CheckAllocation(igraph_vector_init(&vector_, static_cast<igraph_integer_t>(values.size())));
    for (size_t idx = 0; idx < values.size(); ++idx) VECTOR(vector_)[idx] = values[idx];
  }
  ~RealVector() { igraph_vector_destroy(&vector_); }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;

  igraph_vector_t* get() { return &vector_; }
  const igraph_vector_t* get() const { return &vector_; }
  double operator[](size_t idx) const { return VECTOR(vector_)[idx]; }
  size_t size() const { return static_cast<size_t>(igraph_vector_size(&vector_)); }

 private:
  igraph_vector_t vector_;
};

class IntVector {
 public:
  explicit IntVector(size_t size = 0) {
    CheckAllocation(igraph_vector_int_init(&vector_, static_cast<igraph_integer_t>(size)));
  }
  ~IntVector() { igraph_vector_int_destroy(&vector_); }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;

  igraph_vector_int_t* get() { return &vector_; }
  igraph_integer_t& operator[](size_t idx) { return VECTOR(vector_)[idx]; }
  igraph_integer_t operator[](size_t idx) const { return VECTOR(vector_)[idx]; }

 private:
  igraph_vector_int_t vector_;
};

// The collapsed graph: one edge per node pair (ordered pair when directed).
struct Collapsed {
  int node_count = 0;
  bool directed = false;
  std::vector<std::pair<int, int>> pairs;
  std::vector<double> weights;
  std::map<std::string, double> layer_scale;  // see NetworkMetrics::layer_scale
};

class IgraphGraph {
 public:
  explicit IgraphGraph(const Collapsed& collapsed) {
    IntVector ends(2 * collapsed.pairs.size());
    for (size_t idx = 0; idx < collapsed.pairs.size(); ++idx) {
      ends[2 * idx] = collapsed.pairs[idx].first;
      ends[2 * idx + 1] = collapsed.pairs[idx].second;
    }
    // Ids were validated, so only memory can fail here.
    CheckAllocation(igraph_create(&graph_, ends.get(), collapsed.node_count, collapsed.directed));
  }
  ~IgraphGraph() { igraph_destroy(&graph_); }
  IgraphGraph(const IgraphGraph&) = delete;
  IgraphGraph& operator=(const IgraphGraph&) = delete;

  const igraph_t* get() const { return &graph_; }

 private:
  igraph_t graph_;
};

Status CheckIgraph(igraph_error_t code, const char* what) {
  if (code == IGRAPH_SUCCESS) return Status::Ok();
  return Status::Internal(std::string("igraph ") + what + " failed: " + igraph_strerror(code));
}

// ---- validation and collapsing ------------------------------------------------------

Status CheckEdge(const Edge& edge, size_t edge_idx, const std::map<std::string, int>& index) {
  std::string where = "network: edge " + std::to_string(edge_idx + 1) + " (" + edge.source +
                      " -> " + edge.target + ")";
  if (!index.count(edge.source) || !index.count(edge.target)) {
    return Status::InvalidInput(where + " names a node that is not in the node list");
  }
  if (edge.source == edge.target) return Status::InvalidInput(where + " is a self-loop");
  if (!std::isfinite(edge.weight) || edge.weight <= 0) {
    return Status::InvalidInput(where + " needs a positive weight");
  }
  return Status::Ok();
}

std::map<std::string, int> NodeIndex(const Graph& graph) {
  std::map<std::string, int> index;
  for (size_t idx = 0; idx < graph.nodes.size(); ++idx) {
    index.emplace(graph.nodes[idx].id, static_cast<int>(idx));
  }
  return index;
}

bool InLayers(const Edge& edge, const NetworkOptions& options) {
  return options.layers.empty() || options.layers.count(edge.layer) > 0;
}

using PairWeights = std::map<std::pair<int, int>, double>;

double LargestWeight(const PairWeights& weights) {
  double largest = 0;
  for (const auto& [pair, weight] : weights) largest = std::max(largest, weight);
  return largest;
}

// Per layer, the summed weight of every pair (ordered when directed).
std::map<std::string, PairWeights> LayerPairs(const Graph& graph, const NetworkOptions& options,
                                              bool directed) {
  std::map<std::string, int> index = NodeIndex(graph);
  std::map<std::string, PairWeights> by_layer;
  for (const Edge& edge : graph.edges) {
    if (!InLayers(edge, options)) continue;
    int source = index.at(edge.source);
    int target = index.at(edge.target);
    if (!directed && source > target) std::swap(source, target);
    by_layer[edge.layer][{source, target}] += edge.weight;
  }
  return by_layer;
}

Collapsed Collapse(const Graph& graph, const NetworkOptions& options, bool directed) {
  Collapsed collapsed{static_cast<int>(graph.nodes.size()), directed, {}, {}, {}};
  PairWeights weight_of;
  for (const auto& [layer, pairs] : LayerPairs(graph, options, directed)) {
    double scale =
        options.weighting == LayerWeighting::kLayerMax ? LargestWeight(pairs) : 1.0;
    collapsed.layer_scale[layer] = scale;
    for (const auto& [pair, weight] : pairs) weight_of[pair] += weight / scale;
  }
  for (const auto& [pair, weight] : weight_of) {
    collapsed.pairs.push_back(pair);
    collapsed.weights.push_back(weight);
  }
  return collapsed;
}

double Density(size_t edge_count, size_t node_count, bool directed) {
  if (node_count < 2) return 0;
  double pairs = static_cast<double>(node_count) * static_cast<double>(node_count - 1);
  return static_cast<double>(edge_count) / (directed ? pairs : pairs / 2);
}

// ---- measures -----------------------------------------------------------------------

Status FillDegreeAndStrength(const IgraphGraph& graph, const RealVector& weights,
                             NetworkMetrics* metrics) {
  IntVector degree;
  RealVector strength;
  DEFCOOP_RETURN_IF_ERROR(CheckIgraph(
      igraph_degree(graph.get(), degree.get(), igraph_vss_all(), IGRAPH_ALL, false), "degree"));
  DEFCOOP_RETURN_IF_ERROR(CheckIgraph(igraph_strength(graph.get(), strength.get(), igraph_vss_all(),
                                                      IGRAPH_ALL, false, weights.get()),
                                      "strength"));
  for (size_t idx = 0; idx < metrics->nodes.size(); ++idx) {
    metrics->nodes[idx].degree = static_cast<int>(degree[idx]);
    metrics->nodes[idx].strength = strength[idx];
  }
  return Status::Ok();
}

Status FillBetweenness(const IgraphGraph& graph, const Collapsed& collapsed,
                       NetworkMetrics* metrics) {
  RealVector betweenness;
  DEFCOOP_RETURN_IF_ERROR(CheckIgraph(igraph_betweenness(graph.get(), betweenness.get(),
                                                         igraph_vss_all(), collapsed.directed,
                                                         /*weights=*/nullptr),
                                      "betweenness"));
  for (size_t idx = 0; idx < metrics->nodes.size(); ++idx) {
    metrics->nodes[idx].betweenness = betweenness[idx];
  }
  return Status::Ok();
}

void FillLayerStrength(const Graph& graph, const NetworkOptions& options,
                       NetworkMetrics* metrics) {
  std::map<std::string, int> index = NodeIndex(graph);
  for (const Edge& edge : graph.edges) {
    if (!InLayers(edge, options)) continue;
    metrics->nodes[index.at(edge.source)].layer_strength[edge.layer] += edge.weight;
    metrics->nodes[index.at(edge.target)].layer_strength[edge.layer] += edge.weight;
  }
}

Status FillEigenvector(const IgraphGraph& graph, const Collapsed& collapsed,
                       const RealVector& weights, NetworkMetrics* metrics) {
  if (collapsed.pairs.empty()) return Status::Ok();  // no edges: every centrality is 0
  igraph_arpack_options_t arpack;
  igraph_arpack_options_init(&arpack);
  RealVector centrality;
  igraph_real_t eigenvalue = 0;
  DEFCOOP_RETURN_IF_ERROR(
      CheckIgraph(igraph_eigenvector_centrality(graph.get(), centrality.get(), &eigenvalue,
                                                collapsed.directed, true, weights.get(), &arpack),
                  "eigenvector centrality"));
  for (size_t idx = 0; idx < metrics->nodes.size(); ++idx) {
    metrics->nodes[idx].eigenvector = centrality[idx];
  }
  return Status::Ok();
}

// Renumbers igraph's labels 0, 1, ... in order of first appearance.
int Renumber(const IntVector& membership, NetworkMetrics* metrics) {
  std::map<igraph_integer_t, int> label_of;
  for (size_t idx = 0; idx < metrics->nodes.size(); ++idx) {
    auto inserted = label_of.emplace(membership[idx], static_cast<int>(label_of.size()));
    metrics->nodes[idx].community = inserted.first->second;
  }
  return static_cast<int>(label_of.size());
}

Status FillCommunities(const Graph& graph, const NetworkOptions& options, NetworkMetrics* metrics) {
  Collapsed undirected = Collapse(graph, options, false);
  IgraphGraph louvain_graph(undirected);
  RealVector weights(undirected.weights);
  IntVector membership;
  RealVector modularity;
  igraph_rng_seed(igraph_rng_default(), kLouvainSeed);
  DEFCOOP_RETURN_IF_ERROR(CheckIgraph(
      igraph_community_multilevel(louvain_graph.get(), weights.get(), options.resolution,
                                  membership.get(), nullptr, modularity.get()),
      "Louvain (community_multilevel)"));
  metrics->communities = Renumber(membership, metrics);
  metrics->modularity = modularity.size() > 0 ? modularity[modularity.size() - 1] : 0;
  return Status::Ok();
}

// ---- writers ------------------------------------------------------------------------

std::string Number(double value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// The predefined entity that stands for `c`, or nullptr when `c` may be written as is.
const char* XmlEntity(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&apos;";
    default:
      return nullptr;
  }
}

// XML 1.0 cannot hold control characters other than tab, newline and carriage return,
// not even as character references.
bool ForbiddenInXml(char c) {
  return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

std::string Attribute(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + EscapeXml(value) + "\"";
}

Status StreamStatus(const std::ostream& out) {
  return out ? Status::Ok() : Status::Io("network: writing the graph failed");
}

// The measures of one node as (name, value) pairs for the writers.
std::vector<std::pair<std::string, std::string>> MetricValues(const NodeMetrics& node) {
  return {{"degree", std::to_string(node.degree)},
          {"strength", Number(node.strength)},
          {"betweenness", Number(node.betweenness)},
          {"eigenvector", Number(node.eigenvector)},
          {"community", std::to_string(node.community)}};
}

struct AttributeKey {
  const char* name;
  const char* graphml_type;
  const char* gexf_type;
};

// Node measures in MetricValues order.
constexpr AttributeKey kMetricKeys[] = {{"degree", "int", "integer"},
                                        {"strength", "double", "double"},
                                        {"betweenness", "double", "double"},
                                        {"eigenvector", "double", "double"},
                                        {"community", "int", "integer"}};

void WriteGraphMLKeys(std::ostream& out, bool with_metrics) {
  out << "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      << "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n";
  if (with_metrics) {
    for (const AttributeKey& key : kMetricKeys) {
      out << "  <key id=\"" << key.name << "\" for=\"node\" attr.name=\"" << key.name
          << "\" attr.type=\"" << key.graphml_type << "\"/>\n";
    }
  }
  out << "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
      << "  <key id=\"layer\" for=\"edge\" attr.name=\"layer\" attr.type=\"string\"/>\n";
}

void WriteGraphMLData(std::ostream& out, std::string_view key, std::string_view value) {
  out << "<data key=\"" << key << "\">" << EscapeXml(value) << "</data>";
}

void WriteGraphMLNode(std::ostream& out, const Node& node, const NodeMetrics* metrics) {
  out << "    <node" << Attribute("id", node.id) << ">";
  WriteGraphMLData(out, "label", node.label);
  WriteGraphMLData(out, "kind", node.kind);
  if (metrics) {
    for (const auto& [name, value] : MetricValues(*metrics)) WriteGraphMLData(out, name, value);
  }
  out << "</node>\n";
}

void WriteGraphMLEdge(std::ostream& out, const Edge& edge, size_t edge_idx) {
  out << "    <edge" << Attribute("id", "e" + std::to_string(edge_idx))
      << Attribute("source", edge.source) << Attribute("target", edge.target) << ">";
  WriteGraphMLData(out, "weight", Number(edge.weight));
  WriteGraphMLData(out, "layer", edge.layer);
  out << "</edge>\n";
}

void WriteGexfAttributes(std::ostream& out, bool with_metrics) {
  out << "    <attributes class=\"node\" mode=\"static\">\n"
      << "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n";
  if (with_metrics) {
    for (const AttributeKey& key : kMetricKeys) {
      out << "      <attribute id=\"" << key.name << "\" title=\"" << key.name << "\" type=\""
          << key.gexf_type << "\"/>\n";
    }
  }
  out << "    </attributes>\n"
      << "    <attributes class=\"edge\" mode=\"static\">\n"
      << "      <attribute id=\"layer\" title=\"layer\" type=\"string\"/>\n"
      << "    </attributes>\n";
}

void WriteGexfValue(std::ostream& out, std::string_view name, std::string_view value) {
  out << "<attvalue" << Attribute("for", name) << Attribute("value", value) << "/>";
}

void WriteGexfNode(std::ostream& out, const Node& node, const NodeMetrics* metrics) {
  out << "      <node" << Attribute("id", node.id) << Attribute("label", node.label)
      << "><attvalues>";
  WriteGexfValue(out, "kind", node.kind);
  if (metrics) {
    for (const auto& [name, value] : MetricValues(*metrics)) WriteGexfValue(out, name, value);
  }
  out << "</attvalues></node>\n";
}

void WriteGexfEdge(std::ostream& out, const Edge& edge, size_t edge_idx) {
  out << "      <edge" << Attribute("id", std::to_string(edge_idx))
      << Attribute("source", edge.source) << Attribute("target", edge.target)
      << Attribute("weight", Number(edge.weight)) << Attribute("label", edge.layer)
      << "><attvalues>";
  WriteGexfValue(out, "layer", edge.layer);
  out << "</attvalues></edge>\n";
}

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

Status CheckMetrics(const Graph& graph, const NetworkMetrics* metrics) {
  if (metrics && metrics->nodes.size() != graph.nodes.size()) {
    return Status::Internal("network: the measures do not belong to this graph");
  }
  return Status::Ok();
}

const NodeMetrics* MetricsOf(const NetworkMetrics* metrics, size_t node_idx) {
  return metrics ? &metrics->nodes[node_idx] : nullptr;
}

}  // namespace

std::string WeightingText(LayerWeighting weighting) {
  if (weighting == LayerWeighting::kRaw) {
    return "edge weights summed as given (one unit: use with one layer); betweenness by hops";
  }
  return "each layer's pair weights divided by that layer's largest (TIV by the heaviest "
         "transfer tie, agreements by the most agreements of a pair, ...), then summed over "
         "layers; betweenness by hops";
}

Status ValidateGraph(const Graph& graph) {
  std::map<std::string, int> index;
  for (const Node& node : graph.nodes) {
    if (node.id.empty()) return Status::InvalidInput("network: a node has an empty id");
    if (!index.emplace(node.id, 0).second) {
      return Status::InvalidInput("network: the node id '" + node.id + "' appears twice");
    }
  }
  for (size_t idx = 0; idx < graph.edges.size(); ++idx) {
    DEFCOOP_RETURN_IF_ERROR(CheckEdge(graph.edges[idx], idx, index));
  }
  return Status::Ok();
}

Result<NetworkMetrics> ComputeNetworkMetrics(const Graph& graph, const NetworkOptions& options) {
  DEFCOOP_RETURN_IF_ERROR(ValidateGraph(graph));
  NetworkMetrics metrics;
  for (const Node& node : graph.nodes) metrics.nodes.push_back(NodeMetrics{node.id});
  Collapsed collapsed = Collapse(graph, options, graph.directed);
  metrics.density = Density(collapsed.pairs.size(), graph.nodes.size(), graph.directed);
  metrics.layer_scale = collapsed.layer_scale;
  FillLayerStrength(graph, options, &metrics);
  if (graph.nodes.empty()) return metrics;
  ScopedIgraphHandlers handlers;
  // Eigenvector centrality (ARPACK's start vector) and Louvain both draw on igraph's RNG:
  // seeding it first makes every run give the same answer.
  igraph_rng_seed(igraph_rng_default(), kLouvainSeed);
  IgraphGraph igraph(collapsed);
  RealVector weights(collapsed.weights);
  DEFCOOP_RETURN_IF_ERROR(FillDegreeAndStrength(igraph, weights, &metrics));
  DEFCOOP_RETURN_IF_ERROR(FillBetweenness(igraph, collapsed, &metrics));
  DEFCOOP_RETURN_IF_ERROR(FillEigenvector(igraph, collapsed, weights, &metrics));
  DEFCOOP_RETURN_IF_ERROR(FillCommunities(graph, options, &metrics));
  return metrics;
}

Result<double> SubsetDensity(const Graph& graph, const std::vector<std::string>& ids,
                             const NetworkOptions& options) {
  DEFCOOP_RETURN_IF_ERROR(ValidateGraph(graph));
  std::map<std::string, int> index = NodeIndex(graph);
  std::set<int> subset;
  for (const std::string& id : ids) {
    auto found = index.find(id);
    if (found == index.end()) {
      return Status::InvalidInput("network: '" + id + "' is not a node of the graph");
    }
    subset.insert(found->second);
  }
  if (subset.size() < 2) {
    return Status::InvalidInput("network: the density of a subset needs at least two nodes");
  }
  size_t inside = 0;
  for (const auto& [source, target] : Collapse(graph, options, graph.directed).pairs) {
    inside += subset.count(source) && subset.count(target);
  }
  return Density(inside, subset.size(), graph.directed);
}

Status WriteGraphML(const Graph& graph, std::ostream& out, const NetworkMetrics* metrics) {
  DEFCOOP_RETURN_IF_ERROR(ValidateGraph(graph));
  DEFCOOP_RETURN_IF_ERROR(CheckMetrics(graph, metrics));
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
      << " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
      << " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
      << " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  WriteGraphMLKeys(out, metrics != nullptr);
  out << "  <graph id=\"G\" edgedefault=\"" << (graph.directed ? "directed" : "undirected")
      << "\">\n";
  for (size_t idx = 0; idx < graph.nodes.size(); ++idx) {
    WriteGraphMLNode(out, graph.nodes[idx], MetricsOf(metrics, idx));
  }
  for (size_t idx = 0; idx < graph.edges.size(); ++idx)
    WriteGraphMLEdge(out, graph.edges[idx], idx);
  out << "  </graph>\n</graphml>\n";
  return StreamStatus(out);
}

Status WriteGexf(const Graph& graph, std::ostream& out, const NetworkMetrics* metrics) {
  DEFCOOP_RETURN_IF_ERROR(ValidateGraph(graph));
  DEFCOOP_RETURN_IF_ERROR(CheckMetrics(graph, metrics));
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<gexf xmlns=\"http://gexf.net/1.3\""
      << " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
      << " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\""
      << " version=\"1.3\">\n"
      << "  <meta><creator>defcoop</creator></meta>\n"
      << "  <graph defaultedgetype=\"" << (graph.directed ? "directed" : "undirected")
      << "\" mode=\"static\">\n";
  WriteGexfAttributes(out, metrics != nullptr);
  out << "    <nodes>\n";
  for (size_t idx = 0; idx < graph.nodes.size(); ++idx) {
    WriteGexfNode(out, graph.nodes[idx], MetricsOf(metrics, idx));
  }
  out << "    </nodes>\n    <edges>\n";
  for (size_t idx = 0; idx < graph.edges.size(); ++idx) WriteGexfEdge(out, graph.edges[idx], idx);
  out << "    </edges>\n  </graph>\n</gexf>\n";
  return StreamStatus(out);
}

Status WriteEdgeCsv(const Graph& graph, std::ostream& out) {
  DEFCOOP_RETURN_IF_ERROR(ValidateGraph(graph));
  const char* type = graph.directed ? "Directed" : "Undirected";
  out << "source,target,weight,layer,type\n";
  for (const Edge& edge : graph.edges) {
    out << CsvField(edge.source) << ',' << CsvField(edge.target) << ',' << Number(edge.weight)
        << ',' << CsvField(edge.layer) << ',' << type << '\n';
  }
  return StreamStatus(out);
}

std::string EscapeXml(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (const char* entity = XmlEntity(c)) {
      escaped += entity;
    } else if (!ForbiddenInXml(c)) {
      escaped += c;
    }
  }
  return escaped;
}

}  // namespace defcoop::analysis
