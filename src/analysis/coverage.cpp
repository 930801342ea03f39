#include "defcoop/analysis/coverage.h"

#include <algorithm>
#include <set>

namespace defcoop::analysis {

size_t RecordCoverage::records() const {
  size_t total = 0;
  for (const auto& [kind, count] : kinds) total += count;
  return total;
}

void CoverageCounter::Count(const std::vector<SourceRef>& sources,
                            const std::optional<Date>& date) {
  for (const SourceRef& ref : sources) source_ids_.push_back(ref.source_id);
  if (!date) return;
  if (!first_ || *date < *first_) first_ = date;
  if (!last_ || *last_ < *date) last_ = date;
}

RecordCoverage CoverageCounter::Result() const {
  std::set<std::string> distinct(source_ids_.begin(), source_ids_.end());
  RecordCoverage coverage;
  coverage.kinds = kinds_;
  coverage.source_ids.assign(distinct.begin(), distinct.end());
  coverage.first = first_;
  coverage.last = last_;
  return coverage;
}

namespace {

void AddKind(CuratedKind kind, const Dataset& data, CoverageCounter* counter) {
  switch (kind) {
    case CuratedKind::kAgreements:
      counter->Add("agreements", data.agreements,
                   [](const Agreement& a) { return std::optional<Date>(a.date); });
      break;
    case CuratedKind::kEvents:
      counter->Add("events", data.events,
                   [](const Event& e) { return std::optional<Date>(e.date); });
      break;
    case CuratedKind::kEmbargoes:
      counter->Add("embargoes", data.embargoes, [](const Embargo& e) { return e.start; });
      break;
    case CuratedKind::kVentures:
      counter->Add("ventures", data.ventures, [](const Venture& v) { return v.founded; });
      break;
    case CuratedKind::kPlatforms:
      counter->Add("platforms", data.platforms,
                   [](const Platform& p) { return p.first_delivered; });
      break;
    case CuratedKind::kComponents:
      counter->Add("components", data.components, [](const Component& c) { return c.from; });
      break;
    case CuratedKind::kClaims:
      counter->Add("claims", data.claims, [](const Claim&) { return std::optional<Date>(); });
      break;
    case CuratedKind::kIndicators:
      counter->Add("indicators", data.indicators,
                   [](const Indicator&) { return std::optional<Date>(); });
      break;
  }
}

}  // namespace

RecordCoverage CuratedCoverage(const Dataset& data, const std::vector<CuratedKind>& kinds) {
  CoverageCounter counter;
  for (CuratedKind kind : kinds) AddKind(kind, data, &counter);
  return counter.Result();
}

RecordCoverage TimelineCoverage(const std::vector<TimelineEntry>& entries,
                                const std::string& description) {
  CoverageCounter counter;
  for (const char* kind : {"agreement", "event", "embargo", "venture"}) {
    std::vector<TimelineEntry> of_kind;
    for (const TimelineEntry& e : entries) {
      if (e.kind == kind) of_kind.push_back(e);
    }
    if (of_kind.empty()) continue;
    counter.Add(std::string(kind) + "s", of_kind,
                [](const TimelineEntry& e) { return std::optional<Date>(e.date); });
  }
  RecordCoverage coverage = counter.Result();
  coverage.description = description;
  return coverage;
}

std::string CoverageText(const RecordCoverage& coverage) {
  std::string kinds;
  for (size_t i = 0; i < coverage.kinds.size(); ++i) {
    if (i > 0) kinds += i + 1 == coverage.kinds.size() ? " and " : ", ";
    kinds += std::to_string(coverage.kinds[i].second) + " " + coverage.kinds[i].first;
  }
  std::string text = "Rests on " + (kinds.empty() ? std::string("no records") : kinds) +
                     " (" + coverage.description + ") from " +
                     std::to_string(coverage.source_ids.size()) + " distinct sources";
  if (coverage.first) {
    text += ", dated " + coverage.first->ToString() + ".." + coverage.last->ToString();
  }
  return text + ".";
}

}  // namespace defcoop::analysis
