// Delivered SIPRI TIV, aggregated the ways SIPRI's own tables and the article use it:
// by year, supplier, recipient, dyad or armament category; N-year moving averages (SIPRI
// recommends 5-year averages because single years are volatile); supplier and recipient
// shares with the Herfindahl–Hirschman index; an exporter's rank; and the agreement of a
// register with a TIV table of the same vintage. Pure functions over Transfer structs.
//
// Old-format registers list delivery years without a per-year split; their deliveries
// are spread evenly and marked approximate. A result is marked approximate when any of
// its numbers rests on such a split: per-year figures from old-format deals that
// delivered over several years, or a period that cuts through such a deal's years.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "defcoop/core/actor_set.h"
#include "defcoop/core/date.h"
#include "defcoop/core/model.h"

namespace defcoop::analysis {

// SIPRI's user rules require this credit line wherever its data is used.
inline constexpr std::string_view kSipriCredit =
    "Information from the SIPRI Arms Transfers Database";

enum class TivGroup { kYear, kSupplier, kRecipient, kCategory };

// A delivery passes when its supplier and recipient count in its year (a group's members
// over their memberships; see actor_set.h) and the year is within `years`.
struct TivFilter {
  ActorSet suppliers;              // empty = any
  ActorSet recipients;             // empty = any
  std::optional<YearRange> years;  // delivery years; empty = all
};

struct TivRow {
  std::string supplier;  // set when grouped by supplier
  std::string recipient;
  std::string category;
  int year = 0;    // set when grouped by year
  double tiv = 0;  // millions of TIV
  bool approximate = false;
};

// Whether delivery `d` of `t` passes `filter` (the test every aggregation here applies).
bool DeliveryPasses(const TivFilter& filter, const Transfer& t, const Delivery& d);

// The actor id of a transfer's side, or SIPRI's spelling when it did not resolve.
std::string SupplierKey(const Transfer& transfer);
std::string RecipientKey(const Transfer& transfer);

// Delivered TIV of the deliveries that pass `filter`, one row per group of `by` (empty
// `by`: one total row). Rows are ordered by their grouping keys.
std::vector<TivRow> AggregateTiv(const std::vector<Transfer>& transfers, const TivFilter& filter,
                                 const std::vector<TivGroup>& by);

// Trailing N-year moving average of year-grouped rows, within each group of the other
// keys; years without deliveries count as 0; the first N-1 years average what exists
// (and are marked approximate). `years` is the span to report.
std::vector<TivRow> MovingAverage(const std::vector<TivRow>& rows, int window, YearRange years);

struct Share {
  std::string actor;
  double tiv = 0;
  double share = 0;  // of the table's total, 0–1
  bool approximate = false;
  int rank = 0;  // 1-based; equal TIV, equal rank ("1, 2, 2, 4")
};

struct ShareTable {
  std::vector<Share> rows;  // largest first
  double total = 0;
  double hhi = 0;  // Herfindahl–Hirschman index: sum of squared shares, 0–1
  bool approximate = false;
};

// Each supplier's share of deliveries to `recipients` in `years`.
ShareTable SupplierShares(const std::vector<Transfer>& transfers, const ActorSet& recipients,
                          YearRange years);
// Each recipient's share of deliveries from `suppliers` in `years`.
ShareTable RecipientShares(const std::vector<Transfer>& transfers, const ActorSet& suppliers,
                           YearRange years);

// Which suppliers an exporter rank compares (SupplierKey values): by default all.
using RankEligible = std::function<bool(std::string_view supplier_key)>;

// 1-based rank of `supplier` among the eligible suppliers by delivered TIV in `years`
// (0: it delivered nothing then, or is not eligible), and how many eligible suppliers
// delivered anything in those years. Equal totals share a rank ("1, 2, 2, 4").
struct Rank {
  int rank = 0;
  int of = 0;
};
Rank ExporterRank(const std::vector<Transfer>& transfers, const std::string& supplier,
                  YearRange years, const RankEligible& eligible = nullptr);

// Delivered TIV per supplier (SupplierKey) and delivery year of a whole register. Built
// once per register, it ranks exporters for any years without reading the register again
// (the dashboard's exports page asks for a rank on every request).
struct SupplierYearTiv {
  std::map<std::string, std::map<int, double>> by_supplier;
};
SupplierYearTiv TivBySupplierYear(const std::vector<Transfer>& transfers);
Rank ExporterRank(const SupplierYearTiv& totals, const std::string& supplier, YearRange years,
                  const RankEligible& eligible = nullptr);
// The suppliers that delivered anything in `years` but are not eligible (organisations,
// armed groups, unknown suppliers when ranking states), with their TIV, largest first.
std::vector<std::pair<std::string, double>> IneligibleExporters(const SupplierYearTiv& totals,
                                                                YearRange years,
                                                                const RankEligible& eligible);

// Whether two TIV totals are equal up to the arithmetic of summing them in another order.
bool SameTiv(double a, double b);

// The years a share table should be compared with: the window of the same length
// just before `years`.
YearRange PreviousWindow(YearRange years);

// Year totals from a SIPRI importer (or exporter) TIV table: the cells of the actors
// `actors` counts in each year, within `years`. SIPRI computes these per year, so unlike
// an old-format register's even split they are exact (to SIPRI's rounding of each cell
// to whole millions). Years the table does not cover get no row. Empty `actors`: none.
std::vector<TivRow> TableYearTotals(const std::vector<TivCell>& table, const ActorSet& actors,
                                    YearRange years);
// The first and last year a TIV table has cells for ({0, -1} when it has none).
YearRange TableSpan(const std::vector<TivCell>& table);

// A recipient/year (or recipient/period) where a register and a TIV table disagree
// by more than rounding.
struct TableDifference {
  std::string recipient;
  std::string period;  // "2019" or "1950-2024"
  double register_tiv = 0;
  double table_tiv = 0;
  bool table_under_half = false;  // the table says "0": more than 0, under 0.5
};

// Compares a register's deliveries with an importer TIV table of the same vintage. Per
// year when `per_year` (new-format registers), else over the table's whole period (old
// registers, whose per-year split is only approximate). Rounding: SIPRI rounds each
// cell to whole millions, so a difference up to 0.5 per summed cell is agreement.
std::vector<TableDifference> CompareWithTable(const std::vector<Transfer>& transfers,
                                              const std::vector<TivCell>& table, bool per_year);

}  // namespace defcoop::analysis

namespace defcoop::analysis {

// How far a register's per-year recipient totals are from a TIV table's: over the
// recipient-years whose table value is at least `min_tiv`, the median and 90th percentile
// of |register - table| / table. An old-format register's even split shows here.
struct YearError {
  int compared = 0;
  double median = 0;
  double p90 = 0;
};
YearError PerYearError(const std::vector<Transfer>& transfers, const std::vector<TivCell>& table,
                       double min_tiv);

}  // namespace defcoop::analysis
