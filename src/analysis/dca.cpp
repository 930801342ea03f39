#include "defcoop/analysis/dca.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace defcoop::analysis {
namespace {

std::string SideOf(const std::string& actor_id, int cow) {
  return actor_id.empty() ? "cow:" + std::to_string(cow) : actor_id;
}

// One side in `actors` and the other in `partners` at the signing date, either way round.
bool SignedBy(const DefenseCooperationAgreement& a, const DcaFilter& filter) {
  const Date& on = a.signed_on;
  return (PassesOn(filter.actors, a.actor1_id, on) && PassesOn(filter.partners, a.actor2_id, on)) ||
         (PassesOn(filter.actors, a.actor2_id, on) && PassesOn(filter.partners, a.actor1_id, on));
}

bool HasCategory(const DefenseCooperationAgreement& a, const std::set<std::string>& wanted) {
  if (wanted.empty()) return true;
  return std::any_of(a.categories.begin(), a.categories.end(),
                     [&](const std::string& category) { return wanted.count(category) > 0; });
}

}  // namespace

std::string DyadKey(const DefenseCooperationAgreement& agreement) {
  std::string one = SideOf(agreement.actor1_id, agreement.cow1);
  std::string two = SideOf(agreement.actor2_id, agreement.cow2);
  if (two < one) std::swap(one, two);
  return one + "\u2013" + two;
}

std::vector<DefenseCooperationAgreement> SelectDcas(
    const std::vector<DefenseCooperationAgreement>& agreements, const DcaFilter& filter) {
  std::vector<DefenseCooperationAgreement> selected;
  for (const DefenseCooperationAgreement& a : agreements) {
    if (filter.years && !filter.years->Contains(a.signed_on.year)) continue;
    if (!SignedBy(a, filter) || !HasCategory(a, filter.categories)) continue;
    selected.push_back(a);
  }
  std::stable_sort(selected.begin(), selected.end(), [](const auto& x, const auto& y) {
    return std::tie(x.signed_on, x.dcad_id) < std::tie(y.signed_on, y.dcad_id);
  });
  return selected;
}

std::vector<DcaCount> CountDcas(const std::vector<DefenseCooperationAgreement>& agreements,
                                DcaGroup by, std::optional<YearRange> years) {
  std::map<std::string, int> counts;
  if (by == DcaGroup::kYear && years) {
    for (int year = years->first; year <= years->last; ++year) counts[std::to_string(year)] = 0;
  }
  for (const DefenseCooperationAgreement& a : agreements) {
    if (by == DcaGroup::kYear) ++counts[std::to_string(a.signed_on.year)];
    if (by == DcaGroup::kDyad) ++counts[DyadKey(a)];
    if (by == DcaGroup::kCategory) {
      for (const std::string& category : a.categories) ++counts[category];
    }
  }
  std::vector<DcaCount> rows;
  for (const auto& [key, count] : counts) rows.push_back({key, count});
  if (by != DcaGroup::kYear) {
    std::stable_sort(rows.begin(), rows.end(), [](const DcaCount& x, const DcaCount& y) {
      return x.agreements > y.agreements;
    });
  }
  return rows;
}

}  // namespace defcoop::analysis
