#include "defcoop/analysis/network_build.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "defcoop/analysis/tiv.h"

namespace defcoop::analysis {
namespace {

// SIPRI's unnamed suppliers and recipients ("unknown:supplier", "unknown:recipient"):
// not actors a network can connect.
bool IsUnknownActor(std::string_view id) { return id.starts_with("unknown"); }

class Builder {
 public:
  Builder(const Dataset& data, const NetworkBuildOptions& options) : options_(options) {
    for (const Actor& actor : data.actors) actors_[actor.id] = &actor;
  }

  bool Wants(std::string_view layer) const {
    if (options_.directed) return layer == kTransfersLayer;
    if (options_.layers.empty()) return layer != kMembershipsLayer;
    return options_.layers.count(std::string(layer)) > 0;
  }

  void AddTransfers(const std::vector<Transfer>& transfers);
  void AddAgreements(const std::vector<Agreement>& agreements);
  void AddVentures(const std::vector<Venture>& ventures);
  void AddMemberships(const std::vector<Membership>& memberships);
  NetworkBuild Finish();

 private:
  // The node a party stands for: itself, or its home state (firms unless kept, and
  // agencies such as org:ssb); "" when it has none.
  std::string NodeFor(const std::string& id) const {
    auto found = actors_.find(id);
    if (found == actors_.end() || found->second->home_state.empty()) return id;
    if (options_.firms && found->second->kind == ActorKind::kFirm) return id;
    return found->second->home_state;
  }
  bool IsFirmWithoutHome(const std::string& id) const {
    auto found = actors_.find(id);
    return found != actors_.end() && found->second->kind == ActorKind::kFirm &&
           found->second->home_state.empty() && !options_.firms;
  }
  void AddPairwise(const std::vector<std::string>& parties, std::string_view layer);

  const NetworkBuildOptions& options_;
  std::map<std::string, const Actor*> actors_;
  std::vector<Edge> transfer_edges_;
  std::vector<Edge> edges_;
  bool approximate_ = false;
  int skipped_ = 0;
};

void Builder::AddTransfers(const std::vector<Transfer>& transfers) {
  TivFilter filter{{}, {}, options_.years};
  for (const TivRow& row :
       AggregateTiv(transfers, filter, {TivGroup::kSupplier, TivGroup::kRecipient})) {
    bool resolved = actors_.count(row.supplier) && actors_.count(row.recipient);
    if (!resolved || IsUnknownActor(row.supplier) || IsUnknownActor(row.recipient) ||
        row.supplier == row.recipient || !(row.tiv > 0)) {
      ++skipped_;
      continue;
    }
    transfer_edges_.push_back({row.supplier, row.recipient, row.tiv, std::string(kTransfersLayer)});
    approximate_ = approximate_ || row.approximate;
  }
}

void Builder::AddPairwise(const std::vector<std::string>& parties, std::string_view layer) {
  std::set<std::string> nodes;
  for (const std::string& party : parties) {
    if (IsFirmWithoutHome(party)) continue;
    std::string node = NodeFor(party);
    if (!node.empty() && !IsUnknownActor(node)) nodes.insert(node);
  }
  if (nodes.size() < 2) {
    ++skipped_;
    return;
  }
  for (auto a = nodes.begin(); a != nodes.end(); ++a) {
    for (auto b = std::next(a); b != nodes.end(); ++b)
      edges_.push_back({*a, *b, 1, std::string(layer)});
  }
}

void Builder::AddAgreements(const std::vector<Agreement>& agreements) {
  for (const Agreement& agreement : agreements) {
    if (options_.years.Contains(agreement.date.year))
      AddPairwise(agreement.parties, kAgreementsLayer);
  }
}

void Builder::AddVentures(const std::vector<Venture>& ventures) {
  for (const Venture& venture : ventures) {
    if (!venture.founded) {
      ++skipped_;
      continue;
    }
    bool started = venture.founded->year <= options_.years.last;
    bool running = !venture.ended || venture.ended->year >= options_.years.first;
    if (started && running) AddPairwise(venture.partners, kVenturesLayer);
  }
}

void Builder::AddMemberships(const std::vector<Membership>& memberships) {
  for (const Membership& membership : memberships) {
    auto organization = actors_.find(membership.organization_id);
    if (organization == actors_.end() || organization->second->kind != ActorKind::kOrganization)
      continue;
    bool started = !membership.from || membership.from->year <= options_.years.last;
    bool running = !membership.to || membership.to->year >= options_.years.first;
    if (!started || !running) continue;
    edges_.push_back(
        {membership.actor_id, membership.organization_id, 1, std::string(kMembershipsLayer)});
  }
}

NetworkBuild Builder::Finish() {
  auto heavier = [](const Edge& a, const Edge& b) {
    return std::tie(b.weight, a.source, a.target) < std::tie(a.weight, b.source, b.target);
  };
  std::sort(transfer_edges_.begin(), transfer_edges_.end(), heavier);
  if (options_.top_transfers && transfer_edges_.size() > *options_.top_transfers) {
    transfer_edges_.resize(*options_.top_transfers);
  }
  NetworkBuild build;
  build.graph.directed = options_.directed;
  build.approximate = approximate_;
  build.skipped = skipped_;
  build.graph.edges = std::move(edges_);
  build.graph.edges.insert(build.graph.edges.end(), transfer_edges_.begin(), transfer_edges_.end());
  std::sort(build.graph.edges.begin(), build.graph.edges.end(), [](const Edge& a, const Edge& b) {
    return std::tie(a.layer, a.source, a.target) < std::tie(b.layer, b.source, b.target);
  });
  std::set<std::string> ids;
  for (const Edge& edge : build.graph.edges) {
    ids.insert(edge.source);
    ids.insert(edge.target);
  }
  for (const std::string& id : ids) {
    auto actor = actors_.find(id);
    if (actor == actors_.end()) {
      build.graph.nodes.push_back({id, id, "unknown"});
    } else {
      build.graph.nodes.push_back(
          {id, actor->second->name, std::string(ToString(actor->second->kind))});
    }
  }
  return build;
}

}  // namespace

NetworkBuild BuildNetwork(const std::vector<Transfer>& transfers, const Dataset& data,
                          const NetworkBuildOptions& options) {
  Builder builder(data, options);
  if (builder.Wants(kTransfersLayer)) builder.AddTransfers(transfers);
  if (builder.Wants(kAgreementsLayer)) builder.AddAgreements(data.agreements);
  if (builder.Wants(kVenturesLayer)) builder.AddVentures(data.ventures);
  if (builder.Wants(kMembershipsLayer)) builder.AddMemberships(data.memberships);
  return builder.Finish();
}

}  // namespace defcoop::analysis
