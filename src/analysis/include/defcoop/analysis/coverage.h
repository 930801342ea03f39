// What an output resting on curated data rests on: how many records of which kinds, from
// how many distinct sources, over which span of dates. The record is curated, not a
// census: a count here is what the curators found, never how many exist.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "defcoop/core/date.h"
#include "defcoop/analysis/timeline.h"
#include "defcoop/core/model.h"

namespace defcoop::analysis {

// What DCAD's records are, said in the coverage note of a test on them.
inline constexpr const char* kDcadCoverage = "DCAD records, agreements signed 1980-2010";

struct RecordCoverage {
  std::vector<std::pair<std::string, size_t>> kinds;  // in the order added: ("agreements", 10)
  std::vector<std::string> source_ids;                // distinct, sorted
  std::optional<Date> first;                          // earliest dated record; empty = none
  std::optional<Date> last;
  // What the records are, said in the note: curated ones by default.
  std::string description = "curated records, not a census";
  size_t records() const;
};

// Builds a RecordCoverage one kind of record at a time.
class CoverageCounter {
 public:
  // `date_of` gives a record's date (empty when it has none); undated records count but
  // do not widen the span.
  template <class Record, class DateOf>
  CoverageCounter& Add(const std::string& kind, const std::vector<Record>& records,
                       DateOf date_of) {
    for (const Record& r : records) Count(r.sources, date_of(r));
    kinds_.push_back({kind, records.size()});
    return *this;
  }
  RecordCoverage Result() const;

 private:
  void Count(const std::vector<SourceRef>& sources, const std::optional<Date>& date);
  std::vector<std::pair<std::string, size_t>> kinds_;
  std::vector<std::string> source_ids_;
  std::optional<Date> first_;
  std::optional<Date> last_;
};

// The kinds of curated record an output can rest on.
enum class CuratedKind {
  kAgreements, kEvents, kEmbargoes, kVentures, kPlatforms, kComponents, kClaims, kIndicators
};

// The coverage of `kinds` in `data`, each kind dated by its own date field (agreements
// by date, events by date, embargoes by start, ventures by founded, platforms by first
// delivery, components by from; claims and indicators are undated).
RecordCoverage CuratedCoverage(const Dataset& data, const std::vector<CuratedKind>& kinds);

// The coverage of the timeline entries an output rests on (those its filter selected):
// counted by kind (agreements, events, embargoes, ventures), dated by entry date.
RecordCoverage TimelineCoverage(const std::vector<TimelineEntry>& entries,
                                const std::string& description = "curated records, not a census");

// One line for a table's notes: "Rests on 10 agreements and 19 events (curated records,
// not a census) from 23 distinct sources, dated 1992-05-15..2022-10-13."
std::string CoverageText(const RecordCoverage& coverage);

}  // namespace defcoop::analysis
