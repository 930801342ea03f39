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

Result<TimelineShock> TestEntries(std::vector<TimelineEntry> entries, const Date& shock,
                                  const ShockOptions& options) {
  TimelineShock result;
  result.entries = std::move(entries);
  std::vector<Date> dates;
  for (const TimelineEntry& entry : result.entries) dates.push_back(entry.date);
  auto test = TestShock(dates, shock, options);
  if (!test.ok()) return test.status();
  result.test = std::move(*test);
  return result;
}

TimelineEntry DcadEntry(const DefenseCooperationAgreement& a) {
  std::string categories;
  for (const std::string& c : a.categories) categories += (categories.empty() ? "" : ", ") + c;
  return {a.dcad_id,
          a.signed_on,
          std::nullopt,
          "agreement",
          "dca",
          {a.actor1_id, a.actor2_id},
          a.cow_name1 + "–" + a.cow_name2 + " defense cooperation agreement (DCAD: " +
              categories + ")",
          {{"kinne2020-dcad", a.dcad_id}}};
}

}  // namespace

Result<TimelineShock> TestShockOnDcad(const std::vector<DefenseCooperationAgreement>& dcas,
                                      const DcaFilter& filter, const Date& shock,
                                      ShockOptions options) {
  options.span_from.reset();
  options.span_to.reset();
  for (const DefenseCooperationAgreement& a : dcas) {
    Date first = a.signed_on.Earliest();
    Date last = a.signed_on.Latest();
    if (!options.span_from || first < *options.span_from) options.span_from = first;
    if (!options.span_to || *options.span_to < last) options.span_to = last;
  }
  if (!options.span_from) return Status::NotFound("no DCAD agreements in the store");
  Date covered_from = *options.span_from;
  Date covered_to = *options.span_to;
  std::vector<TimelineEntry> entries;
  for (const DefenseCooperationAgreement& a : SelectDcas(dcas, filter)) {
    entries.push_back(DcadEntry(a));
  }
  auto result = TestEntries(std::move(entries), shock, options);
  if (!result.ok()) return result;
  // Outside DCAD's years there is no record, not zero agreements: windows that reach
  // there would count invented zeros (and the placebo span would widen over them).
  const ShockTest& test = result->test;
  if (test.before_from < covered_from || covered_to < test.after_to) {
    return Status::InvalidInput(
        "DCAD records agreements signed " + covered_from.ToString() + " to " +
        covered_to.ToString() + "; the windows around " + shock.ToString() + " (" +
        test.before_from.ToString() + " to " + test.after_to.ToString() +
        ") reach outside it, where DCAD has no record (not zero agreements): choose a date "
        "and --window inside DCAD's years");
  }
  return result;
}

Result<TimelineShock> TestShockOnTimeline(const Dataset& data, const TimelineFilter& filter,
                                          const Date& shock, ShockOptions options) {
  SetDataSpan(data, filter, &options);
  return TestEntries(BuildTimeline(data, filter), shock, options);
}

}  // namespace defcoop::analysis
