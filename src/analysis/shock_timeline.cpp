#include "defcoop/analysis/shock_timeline.h"

#include <algorithm>

namespace defcoop::analysis {
namespace {

// The first and last day of every fact of the filter's kinds, whoever its actors.
void SetDataSpan(const Dataset& data, const TimelineFilter& filter, ShockOptions* options) {
  options->span_from.reset();
  options->span_to.reset();
  TimelineFilter kinds_only;
  kinds_only.types = filter.types;
  for (const TimelineEntry& entry : BuildTimeline(data, kinds_only)) {
    Date first = entry.date.Earliest();
    Date last = entry.date.Latest();
    if (!options->span_from || first < *options->span_from) options->span_from = first;
    if (!options->span_to || *options->span_to < last) options->span_to = last;
  }
}

}  // namespace

Result<TimelineShock> TestShockOnTimeline(const Dataset& data, const TimelineFilter& filter,
                                          const Date& shock, ShockOptions options) {
  SetDataSpan(data, filter, &options);
  TimelineShock result;
  result.entries = BuildTimeline(data, filter);
  std::vector<Date> dates;
  for (const TimelineEntry& entry : result.entries) dates.push_back(entry.date);
  auto test = TestShock(dates, shock, options);
  if (!test.ok()) return test.status();
  result.test = std::move(*test);
  return result;
}

}  // namespace defcoop::analysis
