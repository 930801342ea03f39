// What SIPRI changed between two releases of its register: each deal of either release
// is added, removed, changed, unchanged or part of an ambiguous group, and the delivered
// TIV per recipient, supplier or year is given before and after with the revision split
// by those kinds, so that before + added - removed + changed + ambiguous = after.
//
// Matching. When every deal of both registers carries SIPRI's deal id (new-format
// registers), deals are matched by id. Otherwise by the key (supplier, recipient,
// designation, order year): supplier and recipient as resolved actor ids (SIPRI's
// spelling when unresolved), the designation trimmed with a trailing " -" dropped (some
// new-format exports append it), the order year as given (none is a value of its own).
// Within one key: one deal on each side is a match; with more, deals identical in every
// compared field are paired first (whichever pairing, the same figures), and what is
// left is a match when one deal is left on each side, else an ambiguous group listed
// whole, never paired by guess. Then a deal left removed and one left added are one deal
// re-keyed (kRekeyed) when they have the same supplier and recipient, every compared
// figure the same, keys that differ in the designation or the order year alone, and
// neither has another such partner (SIPRI respells designations between releases:
// "EC145" became "EC-145"); any other revised designation or order year reads as one deal
// removed and another added.
//
// Compared fields: status, numbers delivered, delivery years, TIV per unit and of the
// delivered weapons in both formats; number ordered and TIV of the total order where both
// registers are old-format; TIV per delivery year where both are new-format (exact years);
// supplier, recipient, designation and order year when matched by id. Comments and
// descriptions are text, not figures, and are not compared.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "defcoop/analysis/tiv.h"
#include "defcoop/core/model.h"

namespace defcoop::analysis {

enum class DealChange { kAdded, kRemoved, kChanged, kUnchanged, kAmbiguous, kRekeyed };
std::string_view ToString(DealChange change);

// How a deal of one release was paired with its deal of the other.
enum class MatchRule {
  kDealId,        // SIPRI's deal id
  kKey,           // the key, one deal on each side (or none on one side)
  kKeyRemainder,  // the key, one deal left on each side after identical deals were paired
  kFigures,       // re-keyed: same supplier, recipient and figures (kRekeyed)
};
std::string_view ToString(MatchRule rule);

// One compared field whose value differs; values as text ("" = not given).
struct FieldRevision {
  std::string field;
  std::string before;
  std::string after;
};

// A deal of either release (or an ambiguous group): pointers into the registers given
// to DiffRegisters, which must outlive it.
struct DealDiff {
  DealChange change = DealChange::kUnchanged;
  MatchRule rule = MatchRule::kKey;
  std::vector<const Transfer*> before;   // empty when added; several when ambiguous
  std::vector<const Transfer*> after;    // empty when removed; several when ambiguous
  std::vector<FieldRevision> revisions;  // kChanged; kRekeyed: the designation or order year
};

struct VintageDiff {
  bool by_deal_id = false;      // both registers carry deal ids: every match is by id
  std::vector<DealDiff> deals;  // every deal of both registers appears exactly once
};

// The key a deal is matched by when not by id (documented above), as one line of text.
std::string DealKeyText(const Transfer& transfer);

VintageDiff DiffRegisters(const std::vector<Transfer>& before, const std::vector<Transfer>& after);

// Delivered TIV of the deliveries of `side` that pass `filter` (tiv.h: supplier and
// recipient counted in the delivery's year, the year within `filter.years`).
double FilteredTiv(const std::vector<const Transfer*>& side, const TivFilter& filter);
// Whether any delivery of the deal passes `filter`, or, for a deal without deliveries,
// its supplier and recipient count at some date and `filter.years` is unset.
bool Concerns(const DealDiff& deal, const TivFilter& filter);

enum class RevisionGroup { kTotal, kRecipient, kSupplier, kYear };

// Delivered TIV of one group before and after, and the revision by kind of deal.
// added, removed: TIV of the added / removed deals (removed is subtracted); changed,
// ambiguous: after minus before of the changed deals / ambiguous groups. Re-keyed deals
// have the same figures on both sides: they revise nothing.
struct RevisionRow {
  std::string key;  // recipient or supplier key (tiv.h); "" for a year or the total
  int year = 0;     // kYear
  double before = 0;
  double after = 0;
  double added = 0;
  double removed = 0;
  double changed = 0;
  double ambiguous = 0;
  int deals_added = 0;
  int deals_removed = 0;
  int deals_changed = 0;
  int ambiguous_groups = 0;
  bool approximate = false;  // kYear: rests on an old-format register's even split

  double revision() const { return after - before; }
  // The revision as a share of `before`; none when before is 0.
  std::optional<double> share() const;
};

// Rows per group, ordered by key (year for kYear); kTotal gives one row.
std::vector<RevisionRow> RevisionTotals(const VintageDiff& diff, const TivFilter& filter,
                                        RevisionGroup by);

}  // namespace defcoop::analysis
