// Building a cooperation network (network.h's Graph) from the data: delivered SIPRI TIV
// between supplier and recipient, curated agreements, joint ventures and licences, and
// memberships in organizations, each in its own layer, over a span of years.
//
// Contract: a pure function over structs; it never fails (there is nothing to reject:
// facts outside the years, without a usable party or with only one party left are
// skipped and counted in NetworkBuild::skipped). The graph is undirected unless
// NetworkBuildOptions::directed asks for the directed transfer graph: a transfer edge
// keeps the supplier as source and the recipient as target for edge lists, and only
// the directed graph's measures follow the direction. Nodes are exactly the endpoints of the edges, sorted by
// id; edges are sorted by layer, source and target. The graph passes ValidateGraph.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "defcoop/analysis/network.h"
#include "defcoop/core/date.h"
#include "defcoop/core/model.h"

namespace defcoop::analysis {

inline constexpr std::string_view kTransfersLayer = "transfers";
inline constexpr std::string_view kAgreementsLayer = "agreements";
inline constexpr std::string_view kVenturesLayer = "ventures";
inline constexpr std::string_view kMembershipsLayer = "memberships";

struct NetworkBuildOptions {
  YearRange years;
  // Any of the four layers above; empty: transfers, agreements and ventures (memberships
  // add organization nodes, so they are asked for explicitly).
  std::set<std::string> layers;
  // Keep firms as nodes of their own; otherwise a firm stands for its home state and a
  // firm without a home state is left out.
  bool firms = false;
  // Keep only the N heaviest transfer edges (ties: by source, target); empty: all.
  std::optional<size_t> top_transfers;
  // The directed transfer graph (supplier -> recipient). Agreements, ventures and
  // memberships have no direction, so only the transfers layer is built then.
  bool directed = false;
};

struct NetworkBuild {
  Graph graph;
  // Transfer weights rest on an old-format register's even split of a deal's delivered
  // TIV over its delivery years, and the span cuts through such a deal.
  bool approximate = false;
  int skipped = 0;  // facts in the span that gave no edge (see the file comment)
};

// Edges per layer:
// - transfers: one edge per supplier–recipient pair with delivered TIV > 0 in the years,
//   weight = that TIV (millions). Unresolved SIPRI names and "unknown" are left out.
// - agreements: dated in the years (any overlap of the date's span); every pair of its
//   parties (firms mapped as above, duplicates after mapping merged), weight 1 each.
// - ventures: active in the years (founded on or before the last year, not ended before
//   the first; a venture without a founding date is skipped); partners pairwise, weight 1.
// - memberships: member or observer of an organization (not a region) for any part of
//   the years; one state–organization edge of weight 1.
NetworkBuild BuildNetwork(const std::vector<Transfer>& transfers, const Dataset& data,
                          const NetworkBuildOptions& options);

}  // namespace defcoop::analysis
