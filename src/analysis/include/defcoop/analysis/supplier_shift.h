// Supplier shift: how a recipient's arms suppliers change over time. Supplier shares
// (SupplierShares of tiv.h) over rolling windows of N years moved by a step, the
// dominant supplier of each window and the windows where it changes, the HHI over
// time, and per supplier the change of its share between the first and the last window
// with deliveries (rising or falling). Azerbaijan (Russia, then Israel and Türkiye) and
// Turkmenistan are the article's cases; any recipient or group works.
//
// Contract: a pure function over Transfer structs. Bad options (window or step < 1, a
// span shorter than one window) yield an InvalidInput Status, never an exception.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "defcoop/analysis/tiv.h"
#include "defcoop/core/date.h"
#include "defcoop/core/model.h"
#include "defcoop/core/status.h"

namespace defcoop::analysis {

struct ShiftOptions {
  int window = 5;  // years per window; SIPRI compares 5-year periods
  int step = 1;    // years between window starts
};

struct ShiftWindow {
  YearRange years;
  // The supplier with the largest TIV ("" when nothing was delivered); on a tie the
  // first by actor id.
  std::string dominant;
  double dominant_share = 0;
  double hhi = 0;
  double total = 0;
  bool approximate = false;
  std::vector<Share> shares;  // largest first, as SupplierShares returns them
};

// The dominant supplier of `to` differs from that of `from`, the previous window with
// deliveries (windows without deliveries are skipped, not counted as a change).
struct DominantChange {
  YearRange from;
  YearRange to;
  std::string previous;
  std::string next;
};

// A supplier's share in the first and in the last window with deliveries (0 when it
// delivered nothing there), and the difference last - first.
struct SupplierTrend {
  std::string supplier;
  double first_share = 0;
  double last_share = 0;
  double change = 0;
};

struct SupplierShift {
  std::vector<ShiftWindow> windows;  // in time order
  std::vector<DominantChange> changes;
  // Every supplier that delivered in any window, by change: largest rise first,
  // largest fall last. Empty when no window has deliveries.
  std::vector<SupplierTrend> trends;
  std::optional<YearRange> first_window;  // the windows the trends compare
  std::optional<YearRange> last_window;
};

// Windows [first, first + window - 1], moved by `step` while they end within `years`
// (the last years may be left out when the step does not divide the span).
Result<SupplierShift> ComputeSupplierShift(const std::vector<Transfer>& transfers,
                                           const ActorSet& recipients, YearRange years,
                                           const ShiftOptions& options = {});

}  // namespace defcoop::analysis
