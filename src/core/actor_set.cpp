#include "defcoop/core/actor_set.h"

#include <algorithm>

namespace defcoop {

bool ActorSpan::Covers(const Date& date) const {
  if (from && from->Earliest() > date.Latest()) return false;
  if (to && to->Latest() < date.Earliest()) return false;
  return true;
}

bool ActorSpan::CoversYear(int year) const { return Covers(Date{year, 0, 0}); }

bool ActorSpan::OverlapsYears(YearRange years) const {
  if (from && from->year > years.last) return false;
  if (to && to->year < years.first) return false;
  return true;
}

ActorSet::ActorSet(std::initializer_list<std::string> ids) {
  for (const std::string& id : ids) Add({id, std::nullopt, std::nullopt, ""});
}

ActorSet::ActorSet(const std::set<std::string>& ids) {
  for (const std::string& id : ids) Add({id, std::nullopt, std::nullopt, ""});
}

void ActorSet::Add(ActorSpan span) { spans_.push_back(std::move(span)); }

void ActorSet::Merge(const ActorSet& other) {
  spans_.insert(spans_.end(), other.spans_.begin(), other.spans_.end());
}

bool ActorSet::ContainsInYear(std::string_view id, int year) const {
  return std::any_of(spans_.begin(), spans_.end(),
                     [&](const ActorSpan& span) { return span.id == id && span.CoversYear(year); });
}

bool ActorSet::ContainsOn(std::string_view id, const Date& date) const {
  return std::any_of(spans_.begin(), spans_.end(),
                     [&](const ActorSpan& span) { return span.id == id && span.Covers(date); });
}

bool ActorSet::ContainsEver(std::string_view id) const {
  return std::any_of(spans_.begin(), spans_.end(),
                     [&](const ActorSpan& span) { return span.id == id; });
}

std::set<std::string> ActorSet::Ids() const {
  std::set<std::string> ids;
  for (const ActorSpan& span : spans_) ids.insert(span.id);
  return ids;
}

std::set<std::string> ActorSet::IdsIn(YearRange years) const {
  std::set<std::string> ids;
  for (const ActorSpan& span : spans_) {
    if (span.OverlapsYears(years)) ids.insert(span.id);
  }
  return ids;
}

}  // namespace defcoop
