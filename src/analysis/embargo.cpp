#include "defcoop/analysis/embargo.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "defcoop/analysis/tiv.h"

namespace defcoop::analysis {
namespace {

constexpr int kMonthsPerYear = 12;

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const Component* FindComponent(const std::vector<Component>& components, const std::string& id) {
  for (const Component& c : components) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

// Platform id -> origin state, for the "is it the target's platform" test.
std::map<std::string, std::string> Origins(const std::vector<Platform>& platforms) {
  std::map<std::string, std::string> origins;
  for (const Platform& p : platforms) origins[p.id] = p.origin;
  return origins;
}

bool IsTargetsPlatform(const std::map<std::string, std::string>& origins,
                       const std::string& platform_id, const std::string& target_state) {
  auto found = origins.find(platform_id);
  if (found == origins.end() || found->second.empty()) return true;
  return found->second == target_state;
}

EmbargoHit MakeHit(const Embargo& embargo, const Component& component,
                   const std::vector<Component>& components) {
  EmbargoHit hit{component, std::nullopt, std::nullopt};
  if (component.replaced_by.empty()) return hit;
  const Component* replacement = FindComponent(components, component.replaced_by);
  if (replacement == nullptr) return hit;
  hit.replacement = *replacement;
  if (replacement->from) hit.delay = DelayBetween(*embargo.start, *replacement->from);
  return hit;
}

std::optional<Event> FindEvent(const std::vector<Event>& events, const std::string& id) {
  for (const Event& e : events) {
    if (e.id == id) return e;
  }
  return std::nullopt;
}

bool StartsBefore(const EmbargoReport& a, const EmbargoReport& b) {
  const auto& sa = a.embargo.start;
  const auto& sb = b.embargo.start;
  if (sa.has_value() != sb.has_value()) return sa.has_value();
  if (sa && sb && *sa != *sb) return *sa < *sb;
  return a.embargo.id < b.embargo.id;
}

// Designations of the deals that delivered from `supplier` to `recipient` in each year.
std::map<int, std::set<std::string>> DesignationsByYear(const std::vector<Transfer>& transfers,
                                                        const std::string& supplier,
                                                        const std::string& recipient,
                                                        YearRange years) {
  std::map<int, std::set<std::string>> by_year;
  for (const Transfer& t : transfers) {
    if (SupplierKey(t) != supplier || RecipientKey(t) != recipient) continue;
    for (const Delivery& d : t.deliveries) {
      if (years.Contains(d.year)) by_year[d.year].insert(t.designation);
    }
  }
  return by_year;
}

}  // namespace

bool InUseAt(const Component& component, const Date& date) {
  if (component.from && component.from->Earliest() > date.Latest()) return false;
  if (component.to && component.to->Latest() < date.Earliest()) return false;
  return true;
}

bool InUseNow(const Component& component) { return !component.to.has_value(); }

std::string Delay::Unit() const {
  switch (precision) {
    case DatePrecision::kYear:
      return "years";
    case DatePrecision::kMonth:
      return "months";
    case DatePrecision::kDay:
      return "days";
  }
  return "";
}

std::string Delay::ToString() const {
  std::string unit = Unit();
  std::string singular = unit.substr(0, unit.size() - 1);
  bool one = amount == 1 || amount == -1;
  std::string text = std::to_string(amount) + " " + (one ? singular : unit) + " (" + singular +
                     " precision";
  if (amount == 0) text += ": within the same " + singular;
  return text + ")";
}

Delay DelayBetween(const Date& from, const Date& to) {
  DatePrecision precision = std::min(from.precision(), to.precision());
  switch (precision) {
    case DatePrecision::kYear:
      return {to.year - from.year, precision};
    case DatePrecision::kMonth:
      return {(to.year - from.year) * kMonthsPerYear + (to.month - from.month), precision};
    case DatePrecision::kDay:
      return {static_cast<int>(to.DaysSinceEpoch() - from.DaysSinceEpoch()), precision};
  }
  return {};
}

std::string TargetState(const Embargo& embargo, const std::vector<Actor>& actors) {
  for (const Actor& actor : actors) {
    if (actor.id != embargo.target) continue;
    bool is_state = actor.kind == ActorKind::kState || actor.kind == ActorKind::kHistoricalState;
    if (!is_state && !actor.home_state.empty()) return actor.home_state;
    return actor.id;
  }
  return embargo.target;
}

std::vector<EmbargoHit> ComponentsHit(const Embargo& embargo, const std::string& target_state,
                                      const Dataset& data) {
  std::vector<EmbargoHit> hits;
  if (!embargo.start) return hits;
  std::map<std::string, std::string> origins = Origins(data.platforms);
  for (const Component& c : data.components) {
    if (!Contains(embargo.imposers, c.maker_state)) continue;
    if (!IsTargetsPlatform(origins, c.platform_id, target_state)) continue;
    if (!InUseAt(c, *embargo.start)) continue;
    hits.push_back(MakeHit(embargo, c, data.components));
  }
  std::stable_sort(hits.begin(), hits.end(), [](const EmbargoHit& a, const EmbargoHit& b) {
    return std::tie(a.component.platform_id, a.component.id) <
           std::tie(b.component.platform_id, b.component.id);
  });
  return hits;
}

std::optional<YearRange> EmbargoYears(const Embargo& embargo, int last_year) {
  if (!embargo.start || embargo.start->year > last_year) return std::nullopt;
  int end_year = embargo.end ? std::min(embargo.end->year, last_year) : last_year;
  return YearRange{embargo.start->year, end_year};
}

std::vector<EmbargoDelivery> DeliveriesDuring(const Embargo& embargo,
                                              const std::string& target_state, YearRange years,
                                              const std::vector<Transfer>& transfers) {
  std::vector<EmbargoDelivery> deliveries;
  std::vector<std::string> imposers = embargo.imposers;
  std::sort(imposers.begin(), imposers.end());
  imposers.erase(std::unique(imposers.begin(), imposers.end()), imposers.end());
  for (const std::string& imposer : imposers) {
    TivFilter filter{{imposer}, {target_state}, years};
    auto designations = DesignationsByYear(transfers, imposer, target_state, years);
    for (const TivRow& row : AggregateTiv(transfers, filter, {TivGroup::kYear})) {
      const std::set<std::string>& names = designations[row.year];
      deliveries.push_back({imposer, target_state, row.year, row.tiv,
                            std::vector<std::string>(names.begin(), names.end()), row.approximate});
    }
  }
  return deliveries;
}

std::vector<EmbargoReport> AnalyzeEmbargoes(const Dataset& data,
                                            const std::vector<Transfer>& transfers,
                                            const EmbargoQuery& query) {
  std::vector<EmbargoReport> reports;
  for (const Embargo& embargo : data.embargoes) {
    EmbargoReport report;
    report.embargo = embargo;
    report.target_state = TargetState(embargo, data.actors);
    if (!query.targets.empty() && query.targets.count(report.target_state) == 0 &&
        query.targets.count(embargo.target) == 0) {
      continue;
    }
    if (!embargo.trigger.empty()) report.trigger = FindEvent(data.events, embargo.trigger);
    report.hits = ComponentsHit(embargo, report.target_state, data);
    if (query.sipri_last_year) report.sipri_years = EmbargoYears(embargo, *query.sipri_last_year);
    if (report.sipri_years) {
      report.deliveries =
          DeliveriesDuring(embargo, report.target_state, *report.sipri_years, transfers);
    }
    reports.push_back(std::move(report));
  }
  std::stable_sort(reports.begin(), reports.end(), StartsBefore);
  return reports;
}

std::vector<DistinctHit> DistinctHits(const std::vector<EmbargoReport>& reports) {
  std::vector<DistinctHit> hits;
  for (const EmbargoReport& report : reports) {
    for (const EmbargoHit& hit : report.hits) {
      auto same = std::find_if(hits.begin(), hits.end(), [&](const DistinctHit& seen) {
        return seen.hit.component.id == hit.component.id;
      });
      if (same == hits.end()) same = hits.insert(hits.end(), {hit, {}});
      same->embargoes.push_back(report.embargo.id);
    }
  }
  return hits;
}

std::vector<DistinctDelivery> DistinctDeliveries(const std::vector<EmbargoReport>& reports) {
  std::map<std::tuple<int, std::string, std::string>, DistinctDelivery> by_key;
  for (const EmbargoReport& report : reports) {
    for (const EmbargoDelivery& delivery : report.deliveries) {
      DistinctDelivery& entry = by_key[{delivery.year, delivery.supplier, delivery.recipient}];
      if (entry.embargoes.empty()) entry.delivery = delivery;
      entry.embargoes.push_back(report.embargo.id);
    }
  }
  std::vector<DistinctDelivery> deliveries;
  for (auto& [key, entry] : by_key) deliveries.push_back(std::move(entry));
  return deliveries;
}

}  // namespace defcoop::analysis
