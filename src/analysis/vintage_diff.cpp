#include "defcoop/analysis/vintage_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace defcoop::analysis {
namespace {

bool IsNewFormat(const Transfer& t) { return !t.deal_id.empty(); }

// Figures as a reader compares them: sums of a new-format deal's rows carry float noise.
std::string NumberText(std::optional<double> value) {
  return value ? fmt::format("{:.10g}", *value) : "";
}

std::string OrderYearText(const Transfer& t) {
  return t.order_year ? std::to_string(*t.order_year) : "";
}

std::string DeliveryYearsText(const Transfer& t) {
  std::string text;
  for (const Delivery& d : t.deliveries) text += (text.empty() ? "" : ";") + std::to_string(d.year);
  return text;
}

// New format only: "2012: 3 (45.6); 2013: 1 (15.2)", each year's number and TIV.
std::string TivByYearText(const Transfer& t) {
  std::string text;
  for (const Delivery& d : t.deliveries) {
    text += fmt::format("{}{}: {} ({})", text.empty() ? "" : "; ", d.year, NumberText(d.number),
                        NumberText(d.tiv));
  }
  return text;
}

class Comparison {
 public:
  void Text(std::string_view field, const std::string& before, const std::string& after) {
    if (before != after) revisions_.push_back({std::string(field), before, after});
  }
  void Number(std::string_view field, std::optional<double> before, std::optional<double> after) {
    bool same = before.has_value() == after.has_value() && (!before || SameTiv(*before, *after));
    if (!same) revisions_.push_back({std::string(field), NumberText(before), NumberText(after)});
  }
  std::vector<FieldRevision> Take() { return std::move(revisions_); }

 private:
  std::vector<FieldRevision> revisions_;
};

// The compared fields (header comment) that differ between two records of one deal.
std::vector<FieldRevision> Revisions(const Transfer& a, const Transfer& b, bool by_id) {
  Comparison compare;
  if (by_id) {
    compare.Text("supplier", SupplierKey(a), SupplierKey(b));
    compare.Text("recipient", RecipientKey(a), RecipientKey(b));
    compare.Text("designation", a.designation, b.designation);
    compare.Text("order_year", OrderYearText(a), OrderYearText(b));
  }
  compare.Text("status", a.status, b.status);
  compare.Number("number_delivered", a.number_delivered, b.number_delivered);
  compare.Text("delivery_years", DeliveryYearsText(a), DeliveryYearsText(b));
  compare.Number("tiv_unit", a.tiv_unit, b.tiv_unit);
  compare.Number("tiv_delivered", a.tiv_delivered, b.tiv_delivered);
  if (!IsNewFormat(a) && !IsNewFormat(b)) {
    compare.Number("number_ordered", a.number_ordered, b.number_ordered);
    compare.Number("tiv_order", a.tiv_order, b.tiv_order);
  }
  if (IsNewFormat(a) && IsNewFormat(b)) {
    compare.Text("tiv_by_year", TivByYearText(a), TivByYearText(b));
  }
  return compare.Take();
}

std::string KeyDesignation(std::string_view designation) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!designation.empty() && blank(designation.front())) designation.remove_prefix(1);
  while (!designation.empty() && blank(designation.back())) designation.remove_suffix(1);
  if (designation.size() > 2 && designation.substr(designation.size() - 2) == " -") {
    designation.remove_suffix(2);
    while (!designation.empty() && blank(designation.back())) designation.remove_suffix(1);
  }
  return std::string(designation);
}

using DealKey = std::tuple<std::string, std::string, std::string, std::string>;

DealKey KeyOf(const Transfer& t) {
  return {SupplierKey(t), RecipientKey(t), KeyDesignation(t.designation), OrderYearText(t)};
}

DealDiff Pair(const Transfer* before, const Transfer* after, MatchRule rule, bool by_id) {
  DealDiff deal;
  deal.rule = rule;
  if (before) deal.before.push_back(before);
  if (after) deal.after.push_back(after);
  if (!before) {
    deal.change = DealChange::kAdded;
  } else if (!after) {
    deal.change = DealChange::kRemoved;
  } else {
    deal.revisions = Revisions(*before, *after, by_id);
    deal.change = deal.revisions.empty() ? DealChange::kUnchanged : DealChange::kChanged;
  }
  return deal;
}

bool AllCarryIds(const std::vector<Transfer>& transfers) {
  return std::all_of(transfers.begin(), transfers.end(), IsNewFormat);
}

void MatchByDealId(const std::vector<Transfer>& before, const std::vector<Transfer>& after,
                   VintageDiff* diff) {
  std::map<std::string, const Transfer*> after_by_id;
  for (const Transfer& t : after) after_by_id.emplace(t.deal_id, &t);
  for (const Transfer& t : before) {
    auto found = after_by_id.find(t.deal_id);
    const Transfer* match = found == after_by_id.end() ? nullptr : found->second;
    if (match) after_by_id.erase(found);
    diff->deals.push_back(Pair(&t, match, MatchRule::kDealId, true));
  }
  // What is left in `after` was added; in register order.
  for (const Transfer& t : after) {
    if (after_by_id.count(t.deal_id))
      diff->deals.push_back(Pair(nullptr, &t, MatchRule::kDealId, true));
  }
}

// Pairs the deals of one key with no compared field differing, and removes them from
// both lists.
void PairIdentical(std::vector<const Transfer*>* before, std::vector<const Transfer*>* after,
                   VintageDiff* diff) {
  for (auto b = before->begin(); b != before->end();) {
    auto same = std::find_if(after->begin(), after->end(),
                             [&](const Transfer* a) { return Revisions(**b, *a, false).empty(); });
    if (same == after->end()) {
      ++b;
      continue;
    }
    diff->deals.push_back(Pair(*b, *same, MatchRule::kKeyRemainder, false));
    after->erase(same);
    b = before->erase(b);
  }
}

void MatchKeyGroup(std::vector<const Transfer*> before, std::vector<const Transfer*> after,
                   VintageDiff* diff) {
  MatchRule rule = MatchRule::kKey;
  if (before.size() > 1 || after.size() > 1) {
    PairIdentical(&before, &after, diff);
    rule = MatchRule::kKeyRemainder;
  }
  if (before.size() == 1 && after.size() == 1) {
    diff->deals.push_back(Pair(before[0], after[0], rule, false));
  } else if (before.empty() || after.empty()) {
    for (const Transfer* t : before)
      diff->deals.push_back(Pair(t, nullptr, MatchRule::kKey, false));
    for (const Transfer* t : after) diff->deals.push_back(Pair(nullptr, t, MatchRule::kKey, false));
  } else {
    DealDiff group;
    group.change = DealChange::kAmbiguous;
    group.rule = MatchRule::kKey;
    group.before = std::move(before);
    group.after = std::move(after);
    diff->deals.push_back(std::move(group));
  }
}

// Whether a removed and an added deal are one deal re-keyed (header comment), leaving
// aside whether either has another partner.
bool Rekeyed(const Transfer& removed, const Transfer& added) {
  bool same_designation = KeyDesignation(removed.designation) == KeyDesignation(added.designation);
  bool same_order_year = removed.order_year == added.order_year;
  return same_designation != same_order_year && Revisions(removed, added, false).empty();
}

// The second pass of key matching: pairs of removed and added deals that are each other's
// only re-keyed partner become one kRekeyed deal.
void PairRekeyed(VintageDiff* diff) {
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> added_by_dyad;
  for (size_t idx = 0; idx < diff->deals.size(); ++idx) {
    const DealDiff& deal = diff->deals[idx];
    if (deal.change != DealChange::kAdded) continue;
    added_by_dyad[{SupplierKey(*deal.after[0]), RecipientKey(*deal.after[0])}].push_back(idx);
  }
  std::map<size_t, std::vector<size_t>> partners_of_removed;
  std::map<size_t, int> partners_of_added;
  for (size_t idx = 0; idx < diff->deals.size(); ++idx) {
    const DealDiff& deal = diff->deals[idx];
    if (deal.change != DealChange::kRemoved) continue;
    auto dyad = added_by_dyad.find({SupplierKey(*deal.before[0]), RecipientKey(*deal.before[0])});
    if (dyad == added_by_dyad.end()) continue;
    for (size_t added : dyad->second) {
      if (!Rekeyed(*deal.before[0], *diff->deals[added].after[0])) continue;
      partners_of_removed[idx].push_back(added);
      ++partners_of_added[added];
    }
  }
  std::vector<bool> merged(diff->deals.size(), false);
  for (const auto& [removed, partners] : partners_of_removed) {
    if (partners.size() != 1 || partners_of_added[partners[0]] != 1) continue;
    DealDiff& deal = diff->deals[removed];
    deal.after = diff->deals[partners[0]].after;
    deal.change = DealChange::kRekeyed;
    deal.rule = MatchRule::kFigures;
    deal.revisions = Revisions(*deal.before[0], *deal.after[0], true);
    merged[partners[0]] = true;
  }
  std::vector<DealDiff> kept;
  for (size_t idx = 0; idx < diff->deals.size(); ++idx) {
    if (!merged[idx]) kept.push_back(std::move(diff->deals[idx]));
  }
  diff->deals = std::move(kept);
}

void MatchByKey(const std::vector<Transfer>& before, const std::vector<Transfer>& after,
                VintageDiff* diff) {
  std::map<DealKey, std::pair<std::vector<const Transfer*>, std::vector<const Transfer*>>> groups;
  for (const Transfer& t : before) groups[KeyOf(t)].first.push_back(&t);
  for (const Transfer& t : after) groups[KeyOf(t)].second.push_back(&t);
  for (auto& [key, sides] : groups) {
    MatchKeyGroup(std::move(sides.first), std::move(sides.second), diff);
  }
  PairRekeyed(diff);
}

bool AnyDeliveryPasses(const std::vector<const Transfer*>& side, const TivFilter& filter) {
  for (const Transfer* t : side) {
    for (const Delivery& d : t->deliveries) {
      if (DeliveryPasses(filter, *t, d)) return true;
    }
  }
  return false;
}

bool HasDeliveries(const std::vector<const Transfer*>& side) {
  return std::any_of(side.begin(), side.end(),
                     [](const Transfer* t) { return !t->deliveries.empty(); });
}

// An order with no delivery yet: its sides count at some date, its order year in `years`.
bool OrderPasses(const Transfer& t, const TivFilter& filter) {
  if (filter.years && !(t.order_year && filter.years->Contains(*t.order_year))) return false;
  return (filter.suppliers.empty() || filter.suppliers.ContainsEver(t.supplier_id)) &&
         (filter.recipients.empty() || filter.recipients.ContainsEver(t.recipient_id));
}

// The group a delivery counts in.
std::tuple<std::string, int> GroupOf(RevisionGroup by, const Transfer& t, const Delivery& d) {
  switch (by) {
    case RevisionGroup::kRecipient:
      return {RecipientKey(t), 0};
    case RevisionGroup::kSupplier:
      return {SupplierKey(t), 0};
    case RevisionGroup::kYear:
      return {"", d.year};
    case RevisionGroup::kTotal:
      break;
  }
  return {"", 0};
}

using GroupTiv = std::map<std::tuple<std::string, int>, std::pair<double, double>>;

// One deal's delivered TIV per group, before (first) and after (second).
GroupTiv DealTivByGroup(const DealDiff& deal, const TivFilter& filter, RevisionGroup by,
                        std::map<std::tuple<std::string, int>, RevisionRow>* rows) {
  GroupTiv tiv;
  auto add = [&](const std::vector<const Transfer*>& side, bool after) {
    for (const Transfer* t : side) {
      for (const Delivery& d : t->deliveries) {
        if (!DeliveryPasses(filter, *t, d)) continue;
        auto group = GroupOf(by, *t, d);
        RevisionRow& row = (*rows)[group];
        (after ? row.after : row.before) += d.tiv;
        row.approximate = row.approximate || (by == RevisionGroup::kYear && d.approximate);
        (after ? tiv[group].second : tiv[group].first) += d.tiv;
      }
    }
  };
  add(deal.before, false);
  add(deal.after, true);
  return tiv;
}

void AddRevision(const DealDiff& deal, double before, double after, RevisionRow* row) {
  switch (deal.change) {
    case DealChange::kAdded:
      row->added += after;
      ++row->deals_added;
      break;
    case DealChange::kRemoved:
      row->removed += before;
      ++row->deals_removed;
      break;
    case DealChange::kChanged:
      row->changed += after - before;
      ++row->deals_changed;
      break;
    case DealChange::kAmbiguous:
      row->ambiguous += after - before;
      ++row->ambiguous_groups;
      break;
    case DealChange::kUnchanged:
    case DealChange::kRekeyed:
      // Identical in every compared figure, delivery years and TIV included.
      break;
  }
}

}  // namespace

std::string_view ToString(DealChange change) {
  switch (change) {
    case DealChange::kAdded:
      return "added";
    case DealChange::kRemoved:
      return "removed";
    case DealChange::kChanged:
      return "changed";
    case DealChange::kUnchanged:
      return "unchanged";
    case DealChange::kAmbiguous:
      return "ambiguous";
    case DealChange::kRekeyed:
      return "rekeyed";
  }
  return "";
}

std::string_view ToString(MatchRule rule) {
  switch (rule) {
    case MatchRule::kDealId:
      return "deal_id";
    case MatchRule::kKey:
      return "key";
    case MatchRule::kKeyRemainder:
      return "key_remainder";
    case MatchRule::kFigures:
      return "figures";
  }
  return "";
}

std::string DealKeyText(const Transfer& t) {
  auto [supplier, recipient, designation, order_year] = KeyOf(t);
  return supplier + " | " + recipient + " | " + designation + " | " +
         (order_year.empty() ? "no order year" : order_year);
}

VintageDiff DiffRegisters(const std::vector<Transfer>& before, const std::vector<Transfer>& after) {
  VintageDiff diff;
  diff.by_deal_id = AllCarryIds(before) && AllCarryIds(after);
  if (diff.by_deal_id) {
    MatchByDealId(before, after, &diff);
  } else {
    MatchByKey(before, after, &diff);
  }
  return diff;
}

double FilteredTiv(const std::vector<const Transfer*>& side, const TivFilter& filter) {
  double tiv = 0;
  for (const Transfer* t : side) {
    for (const Delivery& d : t->deliveries) {
      if (DeliveryPasses(filter, *t, d)) tiv += d.tiv;
    }
  }
  return tiv;
}

bool Concerns(const DealDiff& deal, const TivFilter& filter) {
  if (AnyDeliveryPasses(deal.before, filter) || AnyDeliveryPasses(deal.after, filter)) return true;
  if (HasDeliveries(deal.before) || HasDeliveries(deal.after)) return false;
  auto passes = [&](const Transfer* t) { return OrderPasses(*t, filter); };
  return std::any_of(deal.before.begin(), deal.before.end(), passes) ||
         std::any_of(deal.after.begin(), deal.after.end(), passes);
}

std::optional<double> RevisionRow::share() const {
  if (before == 0) return std::nullopt;
  return revision() / before;
}

std::vector<RevisionRow> RevisionTotals(const VintageDiff& diff, const TivFilter& filter,
                                        RevisionGroup by) {
  std::map<std::tuple<std::string, int>, RevisionRow> rows;
  for (const DealDiff& deal : diff.deals) {
    GroupTiv tiv = DealTivByGroup(deal, filter, by, &rows);
    for (const auto& [group, before_after] : tiv) {
      AddRevision(deal, before_after.first, before_after.second, &rows[group]);
    }
  }
  std::vector<RevisionRow> result;
  for (auto& [group, row] : rows) {
    row.key = std::get<0>(group);
    row.year = std::get<1>(group);
    result.push_back(row);
  }
  if (result.empty() && by == RevisionGroup::kTotal) result.emplace_back();
  return result;
}

}  // namespace defcoop::analysis
