// The timeline: every dated fact of the curated data (events, agreements, embargoes,
// ventures) as one chronological list, filtered by actors, kinds and dates. A pure
// function over a Dataset.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "defcoop/core/actor_set.h"
#include "defcoop/core/model.h"

namespace defcoop::analysis {

struct TimelineEntry {
  std::string id;
  Date date;
  std::optional<Date> end_date;
  std::string kind;  // event, agreement, embargo, venture
  std::string type;  // the fact's own type (war, military_cooperation, all_arms, ...)
  std::vector<std::string> actors;
  std::string title;
  std::vector<SourceRef> sources;
};

struct TimelineFilter {
  // Entries must involve one of `actors` counted at the entry's date (empty: any). A firm
  // counts as its home state.
  ActorSet actors;
  // And, when not empty, also one of `partners` at that date (e.g. TUR with OTS's members
  // of the day).
  ActorSet partners;
  std::set<std::string> types;  // kinds or types; empty: all
  std::optional<Date> from;
  std::optional<Date> to;
};

// Entries in date order (ties by id). An entry matches a date range when it overlaps it.
std::vector<TimelineEntry> BuildTimeline(const Dataset& data, const TimelineFilter& filter);

// The record holds a joint venture or licence twice: the agreement that set it up
// (agreements.csv) and the venture itself (ventures.csv). A venture entry with the same
// date and the same parties as an agreement entry of the matching type (joint_venture,
// or licence for licensed_production) is folded into that agreement: its title is added
// in brackets and its sources appended. Other entries pass unchanged, in order.
std::vector<TimelineEntry> FoldVenturesIntoAgreements(std::vector<TimelineEntry> entries);

}  // namespace defcoop::analysis
