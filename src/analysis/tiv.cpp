#include "defcoop/analysis/tiv.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace defcoop::analysis {
namespace {

// SIPRI rounds table cells to whole millions of TIV: within this, two figures agree.
constexpr double kRoundingTolerance = 0.5;
// A little slack for the rounding of the register's own per-row figures.
constexpr double kSummedRoundingSlack = 1e-6;

using GroupKey = std::tuple<std::string, std::string, std::string, int>;

bool Wants(const std::vector<TivGroup>& by, TivGroup group) {
  return std::find(by.begin(), by.end(), group) != by.end();
}

bool Passes(const std::set<std::string>& wanted, const std::string& id) {
  return wanted.empty() || wanted.count(id) > 0;
}

// Whether all of a transfer's deliveries fall inside `years` (so a period total of an
// old-format deal is exact even though its per-year split is not).
bool AllDeliveriesWithin(const Transfer& transfer, const std::optional<YearRange>& years) {
  if (!years) return true;
  return std::all_of(transfer.deliveries.begin(), transfer.deliveries.end(),
                     [&](const Delivery& d) { return years->Contains(d.year); });
}

// A transfer's grouping key with year 0 (the year is set per delivery).
GroupKey KeyOf(const Transfer& t, const std::vector<TivGroup>& by) {
  return {Wants(by, TivGroup::kSupplier) ? SupplierKey(t) : "",
          Wants(by, TivGroup::kRecipient) ? RecipientKey(t) : "",
          Wants(by, TivGroup::kCategory) ? (t.category.empty() ? "unknown" : t.category) : "", 0};
}

ShareTable MakeShareTable(const std::map<std::string, std::pair<double, bool>>& by_actor) {
  ShareTable table;
  for (const auto& [actor, tiv_and_flag] : by_actor) {
    table.total += tiv_and_flag.first;
    table.approximate = table.approximate || tiv_and_flag.second;
  }
  for (const auto& [actor, tiv_and_flag] : by_actor) {
    double share = table.total > 0 ? tiv_and_flag.first / table.total : 0;
    table.rows.push_back({actor, tiv_and_flag.first, share, tiv_and_flag.second});
    table.hhi += share * share;
  }
  std::stable_sort(table.rows.begin(), table.rows.end(),
                   [](const Share& a, const Share& b) { return a.tiv > b.tiv; });
  return table;
}

std::map<std::string, std::pair<double, bool>> TivByKey(const std::vector<TivRow>& rows,
                                                        bool by_supplier) {
  std::map<std::string, std::pair<double, bool>> by_actor;
  for (const TivRow& row : rows) {
    auto& entry = by_actor[by_supplier ? row.supplier : row.recipient];
    entry.first += row.tiv;
    entry.second = entry.second || row.approximate;
  }
  return by_actor;
}

}  // namespace

std::string SupplierKey(const Transfer& transfer) {
  return transfer.supplier_id.empty() ? transfer.supplier_name : transfer.supplier_id;
}

std::string RecipientKey(const Transfer& transfer) {
  return transfer.recipient_id.empty() ? transfer.recipient_name : transfer.recipient_id;
}

std::vector<TivRow> AggregateTiv(const std::vector<Transfer>& transfers, const TivFilter& filter,
                                 const std::vector<TivGroup>& by) {
  std::map<GroupKey, TivRow> groups;
  bool per_year = Wants(by, TivGroup::kYear);
  for (const Transfer& t : transfers) {
    if (!Passes(filter.suppliers, t.supplier_id) || !Passes(filter.recipients, t.recipient_id)) {
      continue;
    }
    bool period_exact = AllDeliveriesWithin(t, filter.years);
    GroupKey key = KeyOf(t, by);
    for (const Delivery& d : t.deliveries) {
      if (filter.years && !filter.years->Contains(d.year)) continue;
      if (per_year) std::get<3>(key) = d.year;
      auto [found, inserted] = groups.try_emplace(key);  // copies the key only when new
      TivRow& row = found->second;
      if (inserted) std::tie(row.supplier, row.recipient, row.category, row.year) = key;
      row.tiv += d.tiv;
      row.approximate = row.approximate || (d.approximate && (per_year || !period_exact));
    }
  }
  std::vector<TivRow> rows;
  for (auto& [key, row] : groups) rows.push_back(std::move(row));
  return rows;
}

std::vector<TivRow> MovingAverage(const std::vector<TivRow>& rows, int window, YearRange years) {
  // Year-indexed values per group of the non-year keys.
  std::map<std::tuple<std::string, std::string, std::string>, std::map<int, TivRow>> series;
  for (const TivRow& row : rows)
    series[{row.supplier, row.recipient, row.category}][row.year] = row;
  std::vector<TivRow> averaged;
  for (const auto& [keys, by_year] : series) {
    for (int year = years.first; year <= years.last; ++year) {
      TivRow out{std::get<0>(keys), std::get<1>(keys), std::get<2>(keys), year, 0, false};
      int first = std::max(year - window + 1, by_year.begin()->first);
      for (int y = first; y <= year; ++y) {
        auto found = by_year.find(y);
        if (found == by_year.end()) continue;
        out.tiv += found->second.tiv;
        out.approximate = out.approximate || found->second.approximate;
      }
      int span = year - first + 1;
      if (span <= 0) continue;
      out.tiv /= span;
      out.approximate = out.approximate || span < window;
      averaged.push_back(std::move(out));
    }
  }
  return averaged;
}

ShareTable SupplierShares(const std::vector<Transfer>& transfers,
                          const std::set<std::string>& recipients, YearRange years) {
  TivFilter filter{{}, recipients, years};
  return MakeShareTable(TivByKey(AggregateTiv(transfers, filter, {TivGroup::kSupplier}), true));
}

ShareTable RecipientShares(const std::vector<Transfer>& transfers,
                           const std::set<std::string>& suppliers, YearRange years) {
  TivFilter filter{suppliers, {}, years};
  return MakeShareTable(TivByKey(AggregateTiv(transfers, filter, {TivGroup::kRecipient}), false));
}

Rank ExporterRank(const std::vector<Transfer>& transfers, const std::string& supplier,
                  YearRange years) {
  return ExporterRank(TivBySupplierYear(transfers), supplier, years);
}

SupplierYearTiv TivBySupplierYear(const std::vector<Transfer>& transfers) {
  SupplierYearTiv totals;
  for (const Transfer& t : transfers) {
    if (t.deliveries.empty()) continue;
    std::map<int, double>& by_year = totals.by_supplier[SupplierKey(t)];
    for (const Delivery& d : t.deliveries) by_year[d.year] += d.tiv;
  }
  return totals;
}

Rank ExporterRank(const SupplierYearTiv& totals, const std::string& supplier, YearRange years) {
  std::vector<std::pair<std::string_view, double>> delivered;  // suppliers in key order
  for (const auto& [key, by_year] : totals.by_supplier) {
    auto first = by_year.lower_bound(years.first);
    auto last = by_year.upper_bound(years.last);
    if (first == last) continue;  // nothing delivered in `years`
    double tiv = 0;
    for (auto it = first; it != last; ++it) tiv += it->second;
    delivered.emplace_back(key, tiv);
  }
  Rank rank{0, static_cast<int>(delivered.size())};
  auto own = std::find_if(delivered.begin(), delivered.end(),
                          [&](const auto& entry) { return entry.first == supplier; });
  if (own == delivered.end()) return rank;
  // Larger totals rank first; equal totals keep key order (as ShareTable's stable sort does).
  rank.rank = 1 + static_cast<int>(
                      std::count_if(delivered.begin(), delivered.end(), [&](const auto& entry) {
                        return entry.second > own->second ||
                               (entry.second == own->second && entry.first < own->first);
                      }));
  return rank;
}

YearRange PreviousWindow(YearRange years) {
  return {years.first - years.Length(), years.first - 1};
}

std::vector<TableDifference> CompareWithTable(const std::vector<Transfer>& transfers,
                                              const std::vector<TivCell>& table, bool per_year) {
  // Register and table totals keyed by (recipient, year or 0 for the whole period).
  std::map<std::pair<std::string, int>, double> register_tiv;
  std::map<std::pair<std::string, int>, std::pair<double, bool>> table_tiv;
  std::map<std::pair<std::string, int>, int> cells_summed;
  for (const TivCell& cell : table) {
    if (cell.actor_id.empty()) continue;  // totals rows and unresolved names
    std::pair<std::string, int> key{cell.actor_id, per_year ? cell.year : 0};
    auto& entry = table_tiv[key];
    entry.first += cell.tiv;
    entry.second = entry.second || cell.under_half;
    ++cells_summed[key];
  }
  if (table_tiv.empty()) return {};
  int first_year = 9999, last_year = 0;
  for (const TivCell& cell : table) {
    first_year = std::min(first_year, cell.year);
    last_year = std::max(last_year, cell.year);
  }
  for (const Transfer& t : transfers) {
    for (const Delivery& d : t.deliveries) {
      if (d.year < first_year || d.year > last_year) continue;
      register_tiv[{t.recipient_id, per_year ? d.year : 0}] += d.tiv;
    }
  }
  std::vector<TableDifference> differences;
  std::string whole_period = std::to_string(first_year) + "-" + std::to_string(last_year);
  for (const auto& [key, value] : table_tiv) {
    double from_register = register_tiv.count(key) ? register_tiv.at(key) : 0;
    // Each summed cell was rounded on its own, so the bound grows with their number. A
    // "0" cell means more than 0 and under 0.5: anything below 0.5 agrees with it.
    double tolerance = kRoundingTolerance * cells_summed[key] + kSummedRoundingSlack;
    if (std::fabs(from_register - value.first) <= tolerance) continue;
    std::string period = per_year ? std::to_string(key.second) : whole_period;
    differences.push_back({key.first, period, from_register, value.first, value.second});
  }
  for (const auto& [key, value] : register_tiv) {
    if (key.first.empty() || table_tiv.count(key) || value <= kRoundingTolerance) continue;
    std::string period = per_year ? std::to_string(key.second) : whole_period;
    differences.push_back({key.first, period, value, 0, false});
  }
  return differences;
}

}  // namespace defcoop::analysis
