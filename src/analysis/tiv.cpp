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

// TIV figures carry at most a few decimals; sums of the same deliveries in another order
// differ far below this.
constexpr double kTieTolerance = 1e-9;

// Whether the filter takes all of a transfer's deliveries or none (so a total of an
// old-format deal is exact even though its per-year split is not).
bool TakesWholeDeal(const Transfer& transfer, const TivFilter& filter) {
  size_t counted =
      std::count_if(transfer.deliveries.begin(), transfer.deliveries.end(),
                    [&](const Delivery& d) { return DeliveryPasses(filter, transfer, d); });
  return counted == 0 || counted == transfer.deliveries.size();
}

// Competition ranks ("1, 2, 2, 4") of rows sorted largest first.
void RankRows(std::vector<Share>* rows) {
  for (size_t row_idx = 0; row_idx < rows->size(); ++row_idx) {
    Share& row = (*rows)[row_idx];
    bool tie = row_idx > 0 && SameTiv(row.tiv, (*rows)[row_idx - 1].tiv);
    row.rank = tie ? (*rows)[row_idx - 1].rank : static_cast<int>(row_idx) + 1;
  }
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
  std::stable_sort(table.rows.begin(), table.rows.end(), [](const Share& a, const Share& b) {
    return a.tiv > b.tiv && !SameTiv(a.tiv, b.tiv);
  });
  RankRows(&table.rows);
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

bool DeliveryPasses(const TivFilter& filter, const Transfer& t, const Delivery& d) {
  if (filter.years && !filter.years->Contains(d.year)) return false;
  return PassesInYear(filter.suppliers, t.supplier_id, d.year) &&
         PassesInYear(filter.recipients, t.recipient_id, d.year);
}

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
    bool period_exact = TakesWholeDeal(t, filter);
    GroupKey key = KeyOf(t, by);
    for (const Delivery& d : t.deliveries) {
      if (!DeliveryPasses(filter, t, d)) continue;
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

ShareTable SupplierShares(const std::vector<Transfer>& transfers, const ActorSet& recipients,
                          YearRange years) {
  TivFilter filter{{}, recipients, years};
  return MakeShareTable(TivByKey(AggregateTiv(transfers, filter, {TivGroup::kSupplier}), true));
}

ShareTable RecipientShares(const std::vector<Transfer>& transfers, const ActorSet& suppliers,
                           YearRange years) {
  TivFilter filter{suppliers, {}, years};
  return MakeShareTable(TivByKey(AggregateTiv(transfers, filter, {TivGroup::kRecipient}), false));
}

Rank ExporterRank(const std::vector<Transfer>& transfers, const std::string& supplier,
                  YearRange years, const RankEligible& eligible) {
  return ExporterRank(TivBySupplierYear(transfers), supplier, years, eligible);
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

namespace {

// Each supplier's TIV in `years`, for those that delivered anything then.
std::vector<std::pair<std::string, double>> DeliveredIn(const SupplierYearTiv& totals,
                                                        YearRange years) {
  std::vector<std::pair<std::string, double>> delivered;
  for (const auto& [key, by_year] : totals.by_supplier) {
    auto first = by_year.lower_bound(years.first);
    auto last = by_year.upper_bound(years.last);
    if (first == last) continue;
    double tiv = 0;
    for (auto it = first; it != last; ++it) tiv += it->second;
    delivered.emplace_back(key, tiv);
  }
  return delivered;
}

}  // namespace

Rank ExporterRank(const SupplierYearTiv& totals, const std::string& supplier, YearRange years,
                  const RankEligible& eligible) {
  std::vector<std::pair<std::string, double>> delivered = DeliveredIn(totals, years);
  if (eligible) {
    std::erase_if(delivered, [&](const auto& entry) { return !eligible(entry.first); });
  }
  Rank rank{0, static_cast<int>(delivered.size())};
  auto own = std::find_if(delivered.begin(), delivered.end(),
                          [&](const auto& entry) { return entry.first == supplier; });
  if (own == delivered.end()) return rank;
  rank.rank = 1 + static_cast<int>(std::count_if(
                      delivered.begin(), delivered.end(), [&](const auto& entry) {
                        return entry.second > own->second && !SameTiv(entry.second, own->second);
                      }));
  return rank;
}

std::vector<std::pair<std::string, double>> IneligibleExporters(const SupplierYearTiv& totals,
                                                                YearRange years,
                                                                const RankEligible& eligible) {
  std::vector<std::pair<std::string, double>> delivered = DeliveredIn(totals, years);
  std::erase_if(delivered, [&](const auto& entry) { return eligible(entry.first); });
  std::stable_sort(delivered.begin(), delivered.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return delivered;
}

bool SameTiv(double a, double b) {
  return std::fabs(a - b) <= kTieTolerance * std::max({1.0, std::fabs(a), std::fabs(b)});
}

YearRange PreviousWindow(YearRange years) {
  return {years.first - years.Length(), years.first - 1};
}

std::vector<TivRow> TableYearTotals(const std::vector<TivCell>& table, const ActorSet& actors,
                                    YearRange years) {
  std::map<int, TivRow> by_year;
  for (const TivCell& cell : table) {
    if (!years.Contains(cell.year) || cell.actor_id.empty()) continue;
    if (!actors.ContainsInYear(cell.actor_id, cell.year)) continue;
    TivRow& row = by_year[cell.year];
    row.year = cell.year;
    row.tiv += cell.tiv;
  }
  std::vector<TivRow> rows;
  for (auto& [year, row] : by_year) rows.push_back(std::move(row));
  return rows;
}

YearRange TableSpan(const std::vector<TivCell>& table) {
  if (table.empty()) return {0, -1};
  YearRange span{table.front().year, table.front().year};
  for (const TivCell& cell : table) {
    span.first = std::min(span.first, cell.year);
    span.last = std::max(span.last, cell.year);
  }
  return span;
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

namespace {

// The value at quantile q (0-1) of sorted `values`, by the nearest-rank method.
double NearestRank(const std::vector<double>& values, double q) {
  size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::max<size_t>(rank, 1) - 1];
}

}  // namespace

YearError PerYearError(const std::vector<Transfer>& transfers, const std::vector<TivCell>& table,
                       double min_tiv) {
  std::map<std::pair<std::string, int>, double> register_tiv;
  for (const Transfer& t : transfers) {
    for (const Delivery& d : t.deliveries) register_tiv[{t.recipient_id, d.year}] += d.tiv;
  }
  std::vector<double> errors;
  for (const TivCell& cell : table) {
    if (cell.actor_id.empty() || cell.tiv < min_tiv) continue;
    auto found = register_tiv.find({cell.actor_id, cell.year});
    double from_register = found == register_tiv.end() ? 0 : found->second;
    errors.push_back(std::fabs(from_register - cell.tiv) / cell.tiv);
  }
  if (errors.empty()) return {};
  std::sort(errors.begin(), errors.end());
  return {static_cast<int>(errors.size()), NearestRank(errors, 0.5), NearestRank(errors, 0.9)};
}

}  // namespace defcoop::analysis
