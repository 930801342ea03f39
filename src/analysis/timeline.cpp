#include "defcoop/analysis/timeline.h"

#include <algorithm>
#include <map>

namespace defcoop::analysis {
namespace {

std::vector<TimelineEntry> AllEntries(const Dataset& data) {
  std::vector<TimelineEntry> entries;
  for (const Event& e : data.events) {
    entries.push_back({e.id, e.date, e.end_date, "event", e.type, e.actors, e.title, e.sources});
  }
  for (const Agreement& a : data.agreements) {
    entries.push_back(
        {a.id, a.date, std::nullopt, "agreement", a.type, a.parties, a.title, a.sources});
  }
  for (const Embargo& e : data.embargoes) {
    if (!e.start) continue;
    std::vector<std::string> actors = e.imposers;
    actors.push_back(e.target);
    entries.push_back({e.id, *e.start, e.end, "embargo", e.scope, actors, e.title, e.sources});
  }
  for (const Venture& v : data.ventures) {
    if (!v.founded) continue;
    entries.push_back(
        {v.id, *v.founded, v.ended, "venture", v.type, v.partners, v.name, v.sources});
  }
  return entries;
}

// The states an entry involves: its actors, with firms replaced by their home states.
std::set<std::string> InvolvedStates(const TimelineEntry& entry,
                                     const std::map<std::string, std::string>& home_state) {
  std::set<std::string> states;
  for (const std::string& actor : entry.actors) {
    states.insert(actor);
    auto home = home_state.find(actor);
    if (home != home_state.end() && !home->second.empty()) states.insert(home->second);
  }
  return states;
}

bool Intersects(const std::set<std::string>& involved, const ActorSet& wanted, const Date& date) {
  return std::any_of(involved.begin(), involved.end(),
                     [&](const std::string& id) { return wanted.ContainsOn(id, date); });
}

bool Matches(const TimelineEntry& entry, const TimelineFilter& filter,
             const std::map<std::string, std::string>& home_state) {
  if (!filter.types.empty() && !filter.types.count(entry.kind) && !filter.types.count(entry.type)) {
    return false;
  }
  Date last = entry.end_date.value_or(entry.date).Latest();
  if (filter.from && last < filter.from->Earliest()) return false;
  if (filter.to && entry.date.Earliest() > filter.to->Latest()) return false;
  std::set<std::string> involved = InvolvedStates(entry, home_state);
  if (!filter.actors.empty() && !Intersects(involved, filter.actors, entry.date)) return false;
  if (filter.partners.empty()) return true;
  // The partner must be someone other than the actor itself.
  std::set<std::string> others;
  for (const std::string& id : involved) {
    if (!filter.actors.ContainsOn(id, entry.date)) others.insert(id);
  }
  return Intersects(others, filter.partners, entry.date);
}

}  // namespace

std::vector<TimelineEntry> BuildTimeline(const Dataset& data, const TimelineFilter& filter) {
  std::map<std::string, std::string> home_state;
  for (const Actor& actor : data.actors) home_state[actor.id] = actor.home_state;
  std::vector<TimelineEntry> entries;
  for (TimelineEntry& entry : AllEntries(data)) {
    if (Matches(entry, filter, home_state)) entries.push_back(std::move(entry));
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return std::tie(a.date, a.id) < std::tie(b.date, b.id);
  });
  return entries;
}

namespace {

bool SetsUp(const TimelineEntry& agreement, const TimelineEntry& venture) {
  bool types_match = agreement.type == venture.type ||
                     (agreement.type == "licensed_production" && venture.type == "licence");
  auto parties = [](std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  return agreement.kind == "agreement" && venture.kind == "venture" && types_match &&
         agreement.date == venture.date && parties(agreement.actors) == parties(venture.actors);
}

}  // namespace

std::vector<TimelineEntry> FoldVenturesIntoAgreements(std::vector<TimelineEntry> entries) {
  std::vector<TimelineEntry> folded;
  for (TimelineEntry& entry : entries) {
    auto agreement = std::find_if(folded.begin(), folded.end(), [&](const TimelineEntry& kept) {
      return SetsUp(kept, entry);
    });
    if (agreement == folded.end()) {
      folded.push_back(std::move(entry));
      continue;
    }
    agreement->title += " (" + entry.title + ")";
    agreement->sources.insert(agreement->sources.end(), entry.sources.begin(),
                              entry.sources.end());
  }
  return folded;
}

}  // namespace defcoop::analysis
