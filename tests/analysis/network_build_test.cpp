#include "defcoop/analysis/network_build.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_dates.h"

namespace defcoop::analysis {
namespace {

Transfer Deal(const std::string& supplier, const std::string& recipient,
              std::vector<Delivery> deliveries) {
  Transfer t;
  t.supplier_id = t.supplier_name = supplier;
  t.recipient_id = t.recipient_name = recipient;
  t.deliveries = std::move(deliveries);
  return t;
}

Delivery Exact(int year, double tiv) { return {year, 1, tiv, false, false, false}; }
Delivery Split(int year, double tiv) { return {year, 1, tiv, false, false, true}; }
Actor MakeActor(const std::string& id, ActorKind kind, const std::string& home = "") {
  Actor actor;
  actor.id = id;
  actor.kind = kind;
  actor.name = "Name of " + id;
  actor.home_state = home;
  return actor;
}

Agreement MakeAgreement(const std::string& id, const std::string& date,
                        std::vector<std::string> parties) {
  Agreement agreement;
  agreement.id = id;
  agreement.date = D(date);
  agreement.parties = std::move(parties);
  return agreement;
}

// Four states, two firms with home states, one without, an organization and a region.
Dataset Curated() {
  Dataset data;
  for (const char* id : {"TUR", "AZE", "KAZ", "RUS"})
    data.actors.push_back(MakeActor(id, ActorKind::kState));
  data.actors.push_back(MakeActor("firm:aselsan", ActorKind::kFirm, "TUR"));
  data.actors.push_back(MakeActor("firm:ke", ActorKind::kFirm, "KAZ"));
  data.actors.push_back(MakeActor("firm:eurosam", ActorKind::kFirm));
  data.actors.push_back(MakeActor("org:ots", ActorKind::kOrganization));
  data.actors.push_back(MakeActor("region:ca", ActorKind::kRegion));
  data.agreements = {MakeAgreement("firms", "2020-05", {"firm:aselsan", "firm:ke"}),
                     MakeAgreement("three", "2021", {"TUR", "AZE", "KAZ"}),
                     MakeAgreement("too-early", "2010", {"TUR", "AZE"}),
                     MakeAgreement("one-state", "2020", {"TUR", "firm:aselsan", "firm:eurosam"})};
  Venture venture;
  venture.id = "kazaselsan";
  venture.partners = {"firm:aselsan", "firm:ke"};
  venture.founded = D("2011");
  Venture undated;
  undated.partners = {"TUR", "RUS"};
  data.ventures = {venture, undated};
  data.memberships = {{"AZE", "org:ots", "member", D("2009-10-03"), std::nullopt, "", {}},
                      {"KAZ", "region:ca", "member", std::nullopt, std::nullopt, "", {}},
                      {"RUS", "org:ots", "member", D("2023"), std::nullopt, "", {}}};
  return data;
}

std::vector<Transfer> Register() {
  return {Deal("TUR", "AZE", {Exact(2020, 10), Exact(2021, 5)}),
          Deal("RUS", "AZE", {Exact(2015, 100)}), Deal("RUS", "KAZ", {Exact(2020, 50)}),
          Deal("", "AZE", {Exact(2020, 7)})};  // an unresolved supplier
}

std::vector<std::string> EdgeTexts(const Graph& graph) {
  std::vector<std::string> texts;
  for (const Edge& e : graph.edges) {
    texts.push_back(e.layer + " " + e.source + "-" + e.target + " " +
                    std::to_string(static_cast<int>(e.weight)));
  }
  return texts;
}

std::vector<std::string> NodeIds(const Graph& graph) {
  std::vector<std::string> ids;
  for (const Node& node : graph.nodes) ids.push_back(node.id);
  return ids;
}

TEST(BuildNetwork, DefaultLayersMapFirmsToHomeStatesAndSumTivPerDyad) {
  NetworkBuild build = BuildNetwork(Register(), Curated(), {{2019, 2021}, {}, false, std::nullopt});
  EXPECT_EQ(EdgeTexts(build.graph),
            (std::vector<std::string>{"agreements AZE-KAZ 1", "agreements AZE-TUR 1",
                                      "agreements KAZ-TUR 1", "agreements KAZ-TUR 1",
                                      "transfers RUS-KAZ 50", "transfers TUR-AZE 15",
                                      "ventures KAZ-TUR 1"}));
  EXPECT_EQ(NodeIds(build.graph), (std::vector<std::string>{"AZE", "KAZ", "RUS", "TUR"}));
  EXPECT_EQ(build.graph.nodes[0].kind, "state");
  EXPECT_EQ(build.graph.nodes[0].label, "Name of AZE");
  EXPECT_FALSE(build.graph.directed);
  EXPECT_FALSE(build.approximate);
  // The unresolved supplier, the one-state agreement and the undated venture.
  EXPECT_EQ(build.skipped, 3);
  EXPECT_TRUE(ValidateGraph(build.graph).ok());
}

TEST(BuildNetwork, FirmsOptionKeepsFirmsAsNodes) {
  NetworkBuild build =
      BuildNetwork(Register(), Curated(), {{2019, 2021}, {"agreements"}, true, std::nullopt});
  EXPECT_EQ(EdgeTexts(build.graph),
            (std::vector<std::string>{
                "agreements AZE-KAZ 1", "agreements AZE-TUR 1", "agreements KAZ-TUR 1",
                "agreements TUR-firm:aselsan 1", "agreements TUR-firm:eurosam 1",
                "agreements firm:aselsan-firm:eurosam 1", "agreements firm:aselsan-firm:ke 1"}));
  EXPECT_EQ(build.graph.nodes.back().kind, "firm");
}

TEST(BuildNetwork, TopKeepsTheHeaviestTransferEdges) {
  NetworkBuild build = BuildNetwork(Register(), Curated(), {{2019, 2021}, {"transfers"}, false, 1});
  EXPECT_EQ(EdgeTexts(build.graph), (std::vector<std::string>{"transfers RUS-KAZ 50"}));
  EXPECT_EQ(NodeIds(build.graph), (std::vector<std::string>{"KAZ", "RUS"}));
}

TEST(BuildNetwork, MembershipsLinkStatesToOrganizationsButNotRegions) {
  NetworkBuild build =
      BuildNetwork(Register(), Curated(), {{2019, 2021}, {"memberships"}, false, std::nullopt});
  EXPECT_EQ(EdgeTexts(build.graph), (std::vector<std::string>{"memberships AZE-org:ots 1"}));
  EXPECT_EQ(build.graph.nodes[1].kind, "organization");
}

TEST(BuildNetwork, SpanCuttingThroughAnEvenlySplitDealIsApproximate) {
  std::vector<Transfer> split = {Deal("RUS", "KAZ", {Split(2018, 5), Split(2019, 5)})};
  EXPECT_TRUE(BuildNetwork(split, Curated(), {{2019, 2021}, {"transfers"}, false, std::nullopt})
                  .approximate);
  EXPECT_FALSE(BuildNetwork(split, Curated(), {{2015, 2021}, {"transfers"}, false, std::nullopt})
                   .approximate);
}

TEST(BuildNetwork, MetricsCanBeComputedOnTheResult) {
  NetworkBuild build = BuildNetwork(Register(), Curated(), {{2019, 2021}, {}, false, std::nullopt});
  auto metrics = ComputeNetworkMetrics(build.graph);
  ASSERT_TRUE(metrics.ok()) << metrics.status().ToString();
  EXPECT_EQ(metrics->nodes.size(), 4u);
  // 4 distinct pairs of 6 possible: AZE-KAZ, AZE-TUR, KAZ-TUR, RUS-KAZ (TUR-AZE merges).
  EXPECT_DOUBLE_EQ(metrics->density, 4.0 / 6);
}

TEST(BuildNetwork, DirectedBuildsOnlyTheTransferGraphSupplierToRecipient) {
  NetworkBuildOptions options{{2019, 2021}, {}, false, std::nullopt, true};
  NetworkBuild build = BuildNetwork(Register(), Curated(), options);
  EXPECT_TRUE(build.graph.directed);
  EXPECT_EQ(EdgeTexts(build.graph),
            (std::vector<std::string>{"transfers RUS-KAZ 50", "transfers TUR-AZE 15"}));
  auto metrics = ComputeNetworkMetrics(build.graph);
  ASSERT_TRUE(metrics.ok()) << metrics.status().ToString();
  // 2 of the 4·3 ordered pairs.
  EXPECT_DOUBLE_EQ(metrics->density, 2.0 / 12);
}

}  // namespace
}  // namespace defcoop::analysis
