#include "defcoop/analysis/sanctions.h"

#include <algorithm>
#include <tuple>

namespace defcoop::analysis {
namespace {

bool AnyIn(const std::vector<std::string>& ids, const std::set<std::string>& wanted) {
  if (wanted.empty()) return true;
  return std::any_of(ids.begin(), ids.end(),
                     [&](const std::string& id) { return wanted.count(id); });
}

bool Overlaps(const SanctionCase& c, YearRange years) {
  return c.begin <= years.last && c.end >= years.first;
}

}  // namespace

std::vector<SanctionCase> SelectSanctions(const std::vector<SanctionCase>& cases,
                                          const SanctionFilter& filter) {
  std::vector<SanctionCase> selected;
  for (const SanctionCase& c : cases) {
    if (!AnyIn(c.target_ids, filter.targets) || !AnyIn(c.sender_ids, filter.senders)) continue;
    if (filter.years && !Overlaps(c, *filter.years)) continue;
    if (!AnyIn(c.types, filter.types)) continue;
    selected.push_back(c);
  }
  std::stable_sort(selected.begin(), selected.end(), [](const auto& x, const auto& y) {
    return std::tie(x.begin, x.case_id) < std::tie(y.begin, y.case_id);
  });
  return selected;
}

std::vector<SanctionCase> CasesRecording(const Embargo& embargo,
                                         const std::vector<SanctionCase>& cases,
                                         const std::string& target_state) {
  if (!embargo.start) return {};
  int last_covered = 0;
  for (const SanctionCase& c : cases) last_covered = std::max(last_covered, c.end);
  SanctionFilter filter;
  filter.targets = {embargo.target};
  if (!target_state.empty()) filter.targets.insert(target_state);
  filter.senders.insert(embargo.imposers.begin(), embargo.imposers.end());
  filter.years = YearRange{embargo.start->year, embargo.end ? embargo.end->year : last_covered};
  return SelectSanctions(cases, filter);
}

}  // namespace defcoop::analysis
