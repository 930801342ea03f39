// Cooperation networks: states, firms and organizations as nodes; transfers,
// agreements, joint ventures and memberships as weighted edges in layers. Computes the
// usual node measures with igraph (degree, strength, betweenness, eigenvector
// centrality, Louvain communities), the density of the graph and of a node subset (are
// the OTS members more tightly linked among themselves than the network as a whole?),
// and writes the graph for Gephi, yEd or Cytoscape (GraphML, GEXF 1.3, edge CSV).
//
// Contract: pure functions on a Graph value. A graph with a duplicate or empty node
// id, an edge naming an unknown node, a self-loop, or a weight that is not a positive
// finite number is rejected with an InvalidInput Status naming the culprit. Layers keep
// their own units (TIV in millions, numbers of agreements): measures are computed on
// the collapsed graph, where all edges between the same two nodes (for directed graphs
// in the same direction) become one edge whose weight combines the layers as
// NetworkOptions::weighting says (by default each layer scaled to its largest tie, so
// TIV never adds to a count), the degree counts distinct neighbours, and
// NodeMetrics::layer_strength keeps each layer's raw sum. Betweenness counts shortest
// paths by hops: lengths taken from weights would follow whichever unit is largest.
// Layers can be selected with NetworkOptions::layers. Louvain is randomised;
// ComputeNetworkMetrics seeds igraph's default random generator with kLouvainSeed
// before each run, so results are reproducible (and that generator's state changes).
// igraph's error handler and RNG are global: the functions take a process-wide lock while
// they use igraph, so they are safe to call from several threads (one runs at a time).
#pragma once

#include <map>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "defcoop/core/status.h"

namespace defcoop::analysis {

// Any fixed value makes Louvain reproducible; this one has no meaning.
inline constexpr unsigned long kLouvainSeed = 20240501;

struct Node {
  std::string id;     // actor id ("TUR", "org:ots", "firm:aselsan")
  std::string label;  // display name
  std::string kind;   // state, organization, firm, ...
};

struct Edge {
  std::string source;  // node ids
  std::string target;
  double weight = 1;  // > 0: TIV, number of agreements, ...
  std::string layer;  // transfers, agreements, ventures, memberships, ...
};

struct Graph {
  bool directed = false;  // transfers: supplier -> recipient
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

// How the layers' weights combine into one weight per collapsed edge.
enum class LayerWeighting {
  // Within a layer, a pair's edges are summed; each layer's sums are divided by that
  // layer's largest, so every layer weighs a tie on (0, 1]; the pair's weight is the sum
  // over its layers. The heaviest transfer tie and the pair with most agreements weigh
  // 1 each, whatever TIV's unit.
  kLayerMax,
  // Every edge's weight summed as given: for one layer, or layers of one unit.
  kRaw,
};

struct NetworkOptions {
  std::set<std::string> layers;  // edges of these layers only; empty: all
  double resolution = 1;         // Louvain resolution (1 = classic modularity)
  LayerWeighting weighting = LayerWeighting::kLayerMax;
};

// One sentence on `weighting` for meta and the brief.
std::string WeightingText(LayerWeighting weighting);

struct NodeMetrics {
  std::string id;
  // Distinct neighbours; for a directed graph in- plus out-neighbours, so a node
  // both supplying and receiving from one partner counts it twice.
  int degree = 0;
  // Sum of the combined weights of its collapsed edges (in plus out when directed).
  double strength = 0;
  // Per layer, the sum of the raw weights of its edges (TIV, number of agreements, ...);
  // layers without an edge at the node are absent.
  std::map<std::string, double> layer_strength = {};
  // Shortest-path betweenness counting hops (weights do not enter), unnormalised, as
  // networkx's betweenness_centrality(G, normalized=False); an undirected pair's paths
  // count once.
  double betweenness = 0;
  // Weighted eigenvector centrality scaled so the largest is 1 (directed: by in-edges,
  // igraph's convention, so a recipient of many transfers scores high). All 0 when
  // the selected layers have no edges, and for a directed acyclic graph.
  double eigenvector = 0;
  // Louvain community on the undirected collapsed graph, numbered 0, 1, ... in order of
  // first appearance in Graph::nodes.
  int community = 0;
};

struct NetworkMetrics {
  std::vector<NodeMetrics> nodes;  // in the order of Graph::nodes
  // Edges of the collapsed graph over possible ones: n(n-1)/2, or n(n-1) directed; 0
  // when there are fewer than 2 nodes.
  double density = 0;
  double modularity = 0;  // of the Louvain partition
  int communities = 0;
  // Per selected layer with edges: the divisor of its weights (its largest pair sum
  // with kLayerMax, 1 with kRaw).
  std::map<std::string, double> layer_scale = {};
};

// InvalidInput for the defects listed in the file comment; Ok otherwise.
Status ValidateGraph(const Graph& graph);

Result<NetworkMetrics> ComputeNetworkMetrics(const Graph& graph,
                                             const NetworkOptions& options = {});

// Density of the subgraph induced by `ids` (duplicates ignored). InvalidInput when the
// graph is invalid, an id is not a node, or fewer than two distinct nodes are given.
Result<double> SubsetDensity(const Graph& graph, const std::vector<std::string>& ids,
                             const NetworkOptions& options = {});

// Writers of every node and edge (parallel edges and all layers kept). Node attributes
// label and kind, edge attributes weight and layer, plus the measures when `metrics` is
// given (it must come from the same graph). InvalidInput for an invalid graph, Io when
// the stream fails.
Status WriteGraphML(const Graph& graph, std::ostream& out, const NetworkMetrics* metrics = nullptr);
Status WriteGexf(const Graph& graph, std::ostream& out, const NetworkMetrics* metrics = nullptr);
// Header source,target,weight,layer,type (type = Directed/Undirected, as Gephi's
// spreadsheet import expects); fields quoted per RFC 4180 when needed.
Status WriteEdgeCsv(const Graph& graph, std::ostream& out);

// Text for XML content or attribute values: & < > " ' as entities; characters XML 1.0
// forbids (control characters other than tab, newline, carriage return) dropped.
std::string EscapeXml(std::string_view text);

}  // namespace defcoop::analysis
