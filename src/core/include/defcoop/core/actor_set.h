// The actors an argument such as "Azerbaijan", "OTS", "OTS@2022" or "members:NATO" stands
// for, and when each of them counts.
//
// A state or an organisation named as itself counts at every date. A group expanded to
// its members counts each member over its membership: "OTS" asked about 2005 does not
// count Uzbekistan, a member from 2019. Filters ask at the date of each fact (an
// agreement's date) or in the year of each delivery (SIPRI gives delivery years only: a
// member for any part of a year counts for that year).
#pragma once

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "defcoop/core/date.h"

namespace defcoop {

// One actor over one span of dates; open ends are unbounded.
struct ActorSpan {
  std::string id;
  std::optional<Date> from;
  std::optional<Date> to;
  std::string via;  // the group it was counted through ("org:ots"); "" when named itself

  bool CoversYear(int year) const;
  bool Covers(const Date& date) const;  // overlaps the span `date` stands for
  bool OverlapsYears(YearRange years) const;
};

class ActorSet {
 public:
  ActorSet() = default;
  // Each id counting at every date. Implicit on purpose: a plain list of ids ({"AZE"})
  // is the common case and means exactly that.
  ActorSet(std::initializer_list<std::string> ids);  // NOLINT(google-explicit-constructor)
  ActorSet(const std::set<std::string>& ids);        // NOLINT(google-explicit-constructor)

  void Add(ActorSpan span);
  void Merge(const ActorSet& other);

  // No actor at all: filters read an empty set as "any actor".
  bool empty() const { return spans_.empty(); }
  bool ContainsInYear(std::string_view id, int year) const;
  bool ContainsOn(std::string_view id, const Date& date) const;
  bool ContainsEver(std::string_view id) const;
  // The ids counted at any date, and those counted in some year of `years`.
  std::set<std::string> Ids() const;
  std::set<std::string> IdsIn(YearRange years) const;
  const std::vector<ActorSpan>& spans() const { return spans_; }

 private:
  std::vector<ActorSpan> spans_;
};

// An empty set passes every id; otherwise the set decides.
inline bool PassesInYear(const ActorSet& set, std::string_view id, int year) {
  return set.empty() || set.ContainsInYear(id, year);
}
inline bool PassesOn(const ActorSet& set, std::string_view id, const Date& date) {
  return set.empty() || set.ContainsOn(id, date);
}

}  // namespace defcoop
