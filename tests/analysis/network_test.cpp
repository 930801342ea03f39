#include "defcoop/analysis/network.h"

#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace defcoop::analysis {
namespace {

Graph Undirected(const std::vector<std::string>& ids, const std::vector<Edge>& edges) {
  Graph graph;
  for (const std::string& id : ids) graph.nodes.push_back({id, id, "state"});
  graph.edges = edges;
  return graph;
}

NetworkOptions Raw() {
  NetworkOptions options;
  options.weighting = LayerWeighting::kRaw;
  return options;
}

NetworkMetrics Metrics(const Graph& graph, const NetworkOptions& options = {}) {
  auto metrics = ComputeNetworkMetrics(graph, options);
  EXPECT_TRUE(metrics.ok()) << metrics.status().ToString();
  return metrics.ok() ? *metrics : NetworkMetrics{};
}

// A small well-formedness check: every tag closes in order, attribute values are
// quoted, and every '&' starts one of the five predefined entities.
bool WellFormed(const std::string& xml) {
  static const std::regex kTag(R"(<(/?)([A-Za-z_][\w:.-]*)((\s+[\w:.-]+="[^"<]*")*)\s*(/?)>)");
  static const std::regex kAmpersand(R"(&(?!(amp|lt|gt|quot|apos);))");
  if (std::regex_search(xml, kAmpersand)) return false;
  std::string body = xml.substr(xml.find("?>") + 2);
  std::vector<std::string> open;
  size_t pos = 0;
  for (std::smatch match; std::regex_search(body.cbegin() + pos, body.cend(), match, kTag);) {
    if (body.substr(pos, match.position(0)).find_first_of("<>") != std::string::npos) return false;
    if (match[1].length() > 0) {
      if (open.empty() || open.back() != match[2]) return false;
      open.pop_back();
    } else if (match[5].length() == 0) {
      open.push_back(match[2]);
    }
    pos += match.position(0) + match.length(0);
  }
  return open.empty() && body.substr(pos).find_first_of("<>") == std::string::npos;
}

TEST(WellFormedCheck, RejectsUnbalancedTagsAndBareAmpersands) {
  EXPECT_TRUE(WellFormed("<?xml?><a x=\"1\"><b/>&amp;</a>"));
  EXPECT_FALSE(WellFormed("<?xml?><a><b></a></b>"));
  EXPECT_FALSE(WellFormed("<?xml?><a>R&D</a>"));
  EXPECT_FALSE(WellFormed("<?xml?><a>1 < 2</a>"));
}

TEST(NetworkMetrics, StarHasItsCentreOnEveryShortestPath) {
  Graph star =
      Undirected({"c", "a", "b", "d", "e"},
                 {{"c", "a", 1, "t"}, {"c", "b", 2, "t"}, {"c", "d", 3, "t"}, {"c", "e", 4, "t"}});
  NetworkMetrics metrics = Metrics(star, Raw());
  ASSERT_EQ(metrics.nodes.size(), 5u);
  EXPECT_EQ(metrics.nodes[0].degree, 4);
  EXPECT_DOUBLE_EQ(metrics.nodes[0].strength, 10);
  EXPECT_DOUBLE_EQ(metrics.nodes[0].betweenness, 6);  // C(4, 2) leaf pairs
  EXPECT_EQ(metrics.nodes[1].degree, 1);
  EXPECT_DOUBLE_EQ(metrics.nodes[4].strength, 4);
  EXPECT_DOUBLE_EQ(metrics.nodes[1].betweenness, 0);
  // Weighted star: λ² = Σw² = 30, leaf i = w_i / √30 with the centre scaled to 1.
  EXPECT_NEAR(metrics.nodes[0].eigenvector, 1, 1e-6);
  EXPECT_NEAR(metrics.nodes[2].eigenvector, 2 / std::sqrt(30.0), 1e-6);
  EXPECT_NEAR(metrics.nodes[4].eigenvector, 4 / std::sqrt(30.0), 1e-6);
  EXPECT_DOUBLE_EQ(metrics.density, 4.0 / 10);
}

TEST(NetworkMetrics, PathGivesItsInnerNodesTheirPairs) {
  Graph path = Undirected({"a", "b", "c", "d"},
                          {{"a", "b", 1, "t"}, {"b", "c", 1, "t"}, {"c", "d", 1, "t"}});
  NetworkMetrics metrics = Metrics(path);
  std::vector<double> betweenness = {0, 2, 2, 0};  // b: a-c, a-d; c: a-d, b-d
  std::vector<int> degree = {1, 2, 2, 1};
  for (size_t idx = 0; idx < 4; ++idx) {
    EXPECT_DOUBLE_EQ(metrics.nodes[idx].betweenness, betweenness[idx]) << idx;
    EXPECT_EQ(metrics.nodes[idx].degree, degree[idx]) << idx;
  }
  EXPECT_DOUBLE_EQ(metrics.density, 3.0 / 6);
}

TEST(NetworkMetrics, TriangleWithAPendantRoutesThroughTheJoint) {
  Graph graph =
      Undirected({"a", "b", "c", "d"},
                 {{"a", "b", 1, "t"}, {"b", "c", 1, "t"}, {"a", "c", 1, "t"}, {"c", "d", 1, "t"}});
  NetworkMetrics metrics = Metrics(graph);
  EXPECT_EQ(metrics.nodes[2].degree, 3);
  EXPECT_DOUBLE_EQ(metrics.nodes[2].betweenness, 2);  // a-d and b-d
  EXPECT_DOUBLE_EQ(metrics.nodes[0].betweenness, 0);
  EXPECT_DOUBLE_EQ(metrics.nodes[3].betweenness, 0);
  EXPECT_DOUBLE_EQ(metrics.density, 4.0 / 6);
  EXPECT_NEAR(metrics.nodes[2].eigenvector, 1, 1e-6);
}

// Regression: lengths of 1/weight sent every path through the heavy-TIV edges, so a
// node tied by agreements (weight 1) lay on no shortest path (Canada: 64 neighbours,
// betweenness 0). Square a-b-c-d-a, a-b and b-c TIV 1000, a-d and d-c one agreement each:
// every pair across the square has two 2-hop paths, so each node gets 1/2 (networkx:
// betweenness_centrality(G, normalized=False) gives 0.5 for all four).
TEST(NetworkMetrics, BetweennessCountsHopsNotOneOverWeight) {
  Graph square = Undirected({"a", "b", "c", "d"}, {{"a", "b", 1000, "transfers"},
                                                   {"b", "c", 1000, "transfers"},
                                                   {"a", "d", 1, "agreements"},
                                                   {"d", "c", 1, "agreements"}});
  NetworkMetrics metrics = Metrics(square);
  for (size_t idx = 0; idx < 4; ++idx)
    EXPECT_NEAR(metrics.nodes[idx].betweenness, 0.5, 1e-9) << square.nodes[idx].id;
  // Each layer scaled to its heaviest tie: every edge weighs 1, every node 2.
  for (size_t idx = 0; idx < 4; ++idx) EXPECT_DOUBLE_EQ(metrics.nodes[idx].strength, 2);
}

TEST(NetworkMetrics, LouvainFindsTwoCliquesJoinedByOneEdge) {
  std::vector<std::string> ids = {"a", "b", "c", "d", "e", "f", "g", "h"};
  std::vector<Edge> edges;
  for (int first : {0, 4}) {
    for (int i = first; i < first + 4; ++i) {
      for (int j = i + 1; j < first + 4; ++j) edges.push_back({ids[i], ids[j], 1, "agreements"});
    }
  }
  edges.push_back({"d", "e", 1, "agreements"});
  NetworkMetrics metrics = Metrics(Undirected(ids, edges));
  EXPECT_EQ(metrics.communities, 2);
  for (size_t idx = 0; idx < ids.size(); ++idx) {
    EXPECT_EQ(metrics.nodes[idx].community, idx < 4 ? 0 : 1) << ids[idx];
  }
  // Two K4 (6 edges each) plus a bridge, m = 13: Q = 2·(6/13 - (13/26)²).
  EXPECT_NEAR(metrics.modularity, 2 * (6.0 / 13 - 0.25), 1e-9);
  // Same answer every run: the RNG is seeded.
  EXPECT_EQ(Metrics(Undirected(ids, edges)).nodes[5].community, 1);
}

// Regression: TIV (millions) was added to numbers of agreements (1 each). TUR-AZE has
// TIV 2 and 3 agreements, TUR-KAZ 1 agreement: transfers scale by 2, agreements by 3, so
// TUR = 2/2 + 3/3 + 1/3 = 7/3 and AZE = 2 (the old sum gave 6 and 5).
TEST(NetworkMetrics, ScalesEachLayerToItsHeaviestTieBeforeAddingLayers) {
  Graph graph = Undirected({"TUR", "AZE", "KAZ"}, {{"TUR", "AZE", 2, "transfers"},
                                                   {"AZE", "TUR", 1, "agreements"},
                                                   {"AZE", "TUR", 2, "agreements"},
                                                   {"TUR", "KAZ", 1, "agreements"}});
  NetworkMetrics all = Metrics(graph);
  EXPECT_EQ(all.nodes[0].degree, 2);
  EXPECT_DOUBLE_EQ(all.nodes[0].strength, 7.0 / 3);
  EXPECT_EQ(all.nodes[1].degree, 1);
  EXPECT_DOUBLE_EQ(all.nodes[1].strength, 2);
  EXPECT_DOUBLE_EQ(all.layer_scale.at("transfers"), 2);
  EXPECT_DOUBLE_EQ(all.layer_scale.at("agreements"), 3);
  // Each layer in its own unit.
  EXPECT_DOUBLE_EQ(all.nodes[0].layer_strength.at("transfers"), 2);
  EXPECT_DOUBLE_EQ(all.nodes[0].layer_strength.at("agreements"), 4);
  EXPECT_FALSE(all.nodes[2].layer_strength.count("transfers"));
  EXPECT_DOUBLE_EQ(Metrics(graph, Raw()).nodes[0].strength, 6);
  NetworkOptions transfers;
  transfers.layers = {"transfers"};
  NetworkMetrics filtered = Metrics(graph, transfers);
  EXPECT_EQ(filtered.nodes[0].degree, 1);
  EXPECT_DOUBLE_EQ(filtered.nodes[0].strength, 1);
  EXPECT_EQ(filtered.nodes[2].degree, 0);
  EXPECT_DOUBLE_EQ(filtered.density, 1.0 / 3);
}

TEST(NetworkMetrics, CountsInAndOutNeighboursOfADirectedGraph) {
  Graph graph =
      Undirected({"a", "b", "c"}, {{"a", "b", 1, "t"}, {"b", "a", 1, "t"}, {"a", "c", 1, "t"}});
  graph.directed = true;
  NetworkMetrics metrics = Metrics(graph);
  EXPECT_EQ(metrics.nodes[0].degree, 3);
  EXPECT_DOUBLE_EQ(metrics.nodes[0].strength, 3);
  EXPECT_DOUBLE_EQ(metrics.density, 3.0 / 6);
  EXPECT_DOUBLE_EQ(metrics.nodes[0].betweenness, 1);  // b -> a -> c
}

TEST(NetworkMetrics, HandlesGraphsWithoutEdgesOrNodes) {
  NetworkMetrics lonely = Metrics(Undirected({"a", "b"}, {}));
  EXPECT_EQ(lonely.nodes[0].degree, 0);
  EXPECT_DOUBLE_EQ(lonely.density, 0);
  EXPECT_EQ(lonely.communities, 2);
  EXPECT_TRUE(Metrics(Graph{}).nodes.empty());
}

TEST(NetworkMetrics, RejectsInvalidGraphsNamingTheProblem) {
  auto unknown = ComputeNetworkMetrics(Undirected({"a"}, {{"a", "zz", 1, "t"}}));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().kind(), StatusKind::kInvalidInput);
  EXPECT_NE(unknown.status().message().find("a -> zz"), std::string::npos);
  EXPECT_FALSE(ComputeNetworkMetrics(Undirected({"a"}, {{"a", "a", 1, "t"}})).ok());
  EXPECT_FALSE(ComputeNetworkMetrics(Undirected({"a", "b"}, {{"a", "b", 0, "t"}})).ok());
  EXPECT_FALSE(ComputeNetworkMetrics(Undirected({"a", "b"}, {{"a", "b", NAN, "t"}})).ok());
  auto duplicate = ComputeNetworkMetrics(Undirected({"a", "a"}, {}));
  ASSERT_FALSE(duplicate.ok());
  EXPECT_NE(duplicate.status().message().find("'a' appears twice"), std::string::npos);
}

TEST(SubsetDensity, CountsOnlyEdgesInsideTheSubset) {
  Graph graph = Undirected({"TUR", "AZE", "KAZ", "UZB", "USA"}, {{"TUR", "AZE", 1, "t"},
                                                                 {"TUR", "KAZ", 1, "t"},
                                                                 {"AZE", "KAZ", 1, "t"},
                                                                 {"TUR", "USA", 1, "t"},
                                                                 {"UZB", "USA", 1, "t"}});
  // Inside {TUR, AZE, KAZ, UZB}: 3 of 6 pairs.
  auto density = SubsetDensity(graph, {"TUR", "AZE", "KAZ", "UZB", "TUR"});
  ASSERT_TRUE(density.ok());
  EXPECT_DOUBLE_EQ(*density, 0.5);
  EXPECT_DOUBLE_EQ(*SubsetDensity(graph, {"TUR", "AZE", "KAZ"}), 1.0);
  EXPECT_DOUBLE_EQ(*SubsetDensity(graph, {"AZE", "UZB"}), 0.0);
}

TEST(SubsetDensity, RejectsUnknownIdsAndSingletons) {
  Graph graph = Undirected({"a", "b"}, {{"a", "b", 1, "t"}});
  auto unknown = SubsetDensity(graph, {"a", "x"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("'x'"), std::string::npos);
  EXPECT_FALSE(SubsetDensity(graph, {"a", "a"}).ok());
}

Graph AwkwardGraph() {
  Graph graph;
  graph.nodes = {{"firm:r&d", "R&D <\"Türk\"> 'Savunma'", "firm"}, {"TUR", "Türkiye", "state"}};
  graph.edges = {{"firm:r&d", "TUR", 2.5, "ventures & \"licences\""}};
  return graph;
}

TEST(WriteGraphML, EscapesTextAndWritesKeysNodesAndEdges) {
  std::ostringstream out;
  Graph graph = AwkwardGraph();
  ASSERT_TRUE(WriteGraphML(graph, out).ok());
  std::string xml = out.str();
  EXPECT_TRUE(WellFormed(xml)) << xml;
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml ", 0), 0u);
  EXPECT_NE(xml.find("<graph id=\"G\" edgedefault=\"undirected\">"), std::string::npos);
  EXPECT_NE(
      xml.find("<node id=\"firm:r&amp;d\"><data key=\"label\">R&amp;D &lt;&quot;Türk&quot;&gt; "
               "&apos;Savunma&apos;</data><data key=\"kind\">firm</data></node>"),
      std::string::npos)
      << xml;
  EXPECT_NE(
      xml.find("<edge id=\"e0\" source=\"firm:r&amp;d\" target=\"TUR\"><data key=\"weight\">2.5"
               "</data><data key=\"layer\">ventures &amp; &quot;licences&quot;</data></edge>"),
      std::string::npos)
      << xml;
}

TEST(WriteGraphML, AddsTheMeasuresWhenGiven) {
  Graph graph = AwkwardGraph();
  NetworkMetrics metrics = Metrics(graph, Raw());
  std::ostringstream out;
  ASSERT_TRUE(WriteGraphML(graph, out, &metrics).ok());
  EXPECT_TRUE(WellFormed(out.str()));
  EXPECT_NE(out.str().find("<key id=\"betweenness\" for=\"node\" attr.name=\"betweenness\" "
                           "attr.type=\"double\"/>"),
            std::string::npos);
  EXPECT_NE(out.str().find("<data key=\"degree\">1</data><data key=\"strength\">2.5</data>"),
            std::string::npos);
}

TEST(WriteGexf, WritesVersion13WithEscapedAttributes) {
  Graph graph = AwkwardGraph();
  graph.directed = true;
  NetworkMetrics metrics = Metrics(graph);
  std::ostringstream out;
  ASSERT_TRUE(WriteGexf(graph, out, &metrics).ok());
  std::string xml = out.str();
  EXPECT_TRUE(WellFormed(xml)) << xml;
  EXPECT_NE(xml.find("<gexf xmlns=\"http://gexf.net/1.3\""), std::string::npos);
  EXPECT_NE(xml.find("version=\"1.3\">"), std::string::npos);
  EXPECT_NE(xml.find("<graph defaultedgetype=\"directed\" mode=\"static\">"), std::string::npos);
  EXPECT_NE(xml.find("<node id=\"firm:r&amp;d\" label=\"R&amp;D &lt;&quot;Türk&quot;&gt; "
                     "&apos;Savunma&apos;\"><attvalues><attvalue for=\"kind\" value=\"firm\"/>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<attribute id=\"community\" title=\"community\" type=\"integer\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("<edge id=\"0\" source=\"firm:r&amp;d\" target=\"TUR\" weight=\"2.5\" "
                     "label=\"ventures &amp; &quot;licences&quot;\">"),
            std::string::npos)
      << xml;
}

TEST(WriteEdgeCsv, QuotesFieldsThatNeedIt) {
  std::ostringstream out;
  Graph graph = AwkwardGraph();
  graph.edges.push_back({"TUR", "firm:r&d", 1e-3, "a,b"});
  ASSERT_TRUE(WriteEdgeCsv(graph, out).ok());
  EXPECT_EQ(out.str(),
            "source,target,weight,layer,type\n"
            "firm:r&d,TUR,2.5,\"ventures & \"\"licences\"\"\",Undirected\n"
            "TUR,firm:r&d,0.001,\"a,b\",Undirected\n");
}

TEST(Writers, RejectAnInvalidGraph) {
  std::ostringstream out;
  Graph graph = Undirected({"a"}, {{"a", "b", 1, "t"}});
  EXPECT_EQ(WriteGraphML(graph, out).kind(), StatusKind::kInvalidInput);
  EXPECT_EQ(WriteGexf(graph, out).kind(), StatusKind::kInvalidInput);
  EXPECT_EQ(WriteEdgeCsv(graph, out).kind(), StatusKind::kInvalidInput);
  EXPECT_TRUE(out.str().empty());
}

TEST(EscapeXml, DropsControlCharactersXmlCannotHold) {
  EXPECT_EQ(EscapeXml("a\x01"
                      "b\tc\n"),
            "ab\tc\n");
  EXPECT_EQ(EscapeXml("Қазақстан & Türkiye"), "Қазақстан &amp; Türkiye");
}

}  // namespace
}  // namespace defcoop::analysis
