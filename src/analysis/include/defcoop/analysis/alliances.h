// Alliance obligations of ATOP (directed dyad-years) as spans: for each directed pair of
// states and each kind of obligation, the runs of consecutive years it held. ATOP lists
// only allied dyad-years, so a gap ends a span. Pure functions over AllianceYear structs.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "defcoop/core/actor_set.h"
#include "defcoop/core/date.h"
#include "defcoop/core/model.h"

namespace defcoop::analysis {

struct AllianceFilter {
  ActorSet actors;    // one side is one of these (empty: any)
  ActorSet partners;  // and the other side one of these (empty: any)
  std::optional<YearRange> years;  // years to look at
};

struct AllianceSpan {
  std::string actor1;      // the state bound by the obligation (ids; "cow:N" unresolved)
  std::string actor2;      // towards this state
  std::string obligation;  // defense, offense, neutrality, nonaggression, consultation
  YearRange years;
};

// Spans by (actor1, actor2, obligation, first year).
std::vector<AllianceSpan> AllianceSpans(const std::vector<AllianceYear>& years,
                                        const AllianceFilter& filter);

}  // namespace defcoop::analysis
