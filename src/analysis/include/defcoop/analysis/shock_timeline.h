// The shock test on curated facts, as `defcoop shock`, the claim checks, the brief and
// the dashboard run it, so that all of them report the same counts, placebo span,
// placebo dates and rank for the same question.
//
// Contract: a pure function over a Dataset. The facts are those BuildTimeline selects
// with `filter`; the placebo span runs from the first to the last day of every fact of
// the filter's kinds or types, whoever its actors (the period the curated data covers),
// widened by TestShock to the shock's windows. Errors are TestShock's.
#pragma once

#include <vector>

#include "defcoop/analysis/dca.h"
#include "defcoop/analysis/shock.h"
#include "defcoop/analysis/timeline.h"

namespace defcoop::analysis {

struct TimelineShock {
  std::vector<TimelineEntry> entries;  // the selected facts, in date order
  ShockTest test;
};

// `options.span_from` and `span_to` are replaced by the span described above.
Result<TimelineShock> TestShockOnTimeline(const Dataset& data, const TimelineFilter& filter,
                                          const Date& shock, ShockOptions options);

// The same test on DCAD's agreements (Kinne 2020, signed 1980–2010) instead of the
// curated facts: those SelectDcas picks with `filter`, each as an entry of kind
// "agreement", type "dca", source kinne2020-dcad; the placebo span runs from the first
// to the last signing date of every DCAD agreement. Windows that reach outside that span
// are an error (InvalidInput): DCAD has no record there, not zero agreements.
Result<TimelineShock> TestShockOnDcad(const std::vector<DefenseCooperationAgreement>& dcas,
                                      const DcaFilter& filter, const Date& shock,
                                      ShockOptions options);

}  // namespace defcoop::analysis
