#include "defcoop/analysis/supplier_shift.h"

#include <algorithm>
#include <map>

namespace defcoop::analysis {
namespace {

ShiftWindow MakeWindow(const std::vector<Transfer>& transfers,
                       const ActorSet& recipients, YearRange years) {
  ShareTable table = SupplierShares(transfers, recipients, years);
  ShiftWindow window{years, "", 0, table.hhi, table.total, table.approximate, table.rows};
  if (table.total > 0 && !table.rows.empty()) {
    window.dominant = table.rows.front().actor;
    window.dominant_share = table.rows.front().share;
  }
  return window;
}

std::vector<DominantChange> DominantChanges(const std::vector<ShiftWindow>& windows) {
  std::vector<DominantChange> changes;
  const ShiftWindow* previous = nullptr;
  for (const ShiftWindow& window : windows) {
    if (window.dominant.empty()) continue;
    if (previous && previous->dominant != window.dominant) {
      changes.push_back({previous->years, window.years, previous->dominant, window.dominant});
    }
    previous = &window;
  }
  return changes;
}

double ShareOf(const ShiftWindow& window, const std::string& supplier) {
  for (const Share& share : window.shares) {
    if (share.actor == supplier) return share.share;
  }
  return 0;
}

void AddTrends(SupplierShift* shift) {
  auto has_deliveries = [](const ShiftWindow& w) { return w.total > 0; };
  auto first = std::find_if(shift->windows.begin(), shift->windows.end(), has_deliveries);
  auto last = std::find_if(shift->windows.rbegin(), shift->windows.rend(), has_deliveries);
  if (first == shift->windows.end()) return;
  shift->first_window = first->years;
  shift->last_window = last->years;
  std::set<std::string> suppliers;
  for (const ShiftWindow& window : shift->windows) {
    for (const Share& share : window.shares) suppliers.insert(share.actor);
  }
  for (const std::string& supplier : suppliers) {
    double from = ShareOf(*first, supplier);
    double to = ShareOf(*last, supplier);
    shift->trends.push_back({supplier, from, to, to - from});
  }
  std::stable_sort(
      shift->trends.begin(), shift->trends.end(),
      [](const SupplierTrend& a, const SupplierTrend& b) { return a.change > b.change; });
}

}  // namespace

Result<SupplierShift> ComputeSupplierShift(const std::vector<Transfer>& transfers,
                                           const ActorSet& recipients, YearRange years,
                                           const ShiftOptions& options) {
  if (options.window < 1) return Status::InvalidInput("the window must be at least 1 year");
  if (options.step < 1) return Status::InvalidInput("the step must be at least 1 year");
  if (years.Length() < options.window) {
    return Status::InvalidInput("the years " + years.ToString() +
                                " are shorter than one window of " +
                                std::to_string(options.window) + " years");
  }
  SupplierShift shift;
  for (int start = years.first; start + options.window - 1 <= years.last; start += options.step) {
    YearRange window{start, start + options.window - 1};
    shift.windows.push_back(MakeWindow(transfers, recipients, window));
  }
  shift.changes = DominantChanges(shift.windows);
  AddTrends(&shift);
  return shift;
}

}  // namespace defcoop::analysis
