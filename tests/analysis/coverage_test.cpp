#include "defcoop/analysis/coverage.h"

#include <gtest/gtest.h>

#include "test_dates.h"

namespace defcoop::analysis {
namespace {

Agreement MakeAgreement(const std::string& id, const std::string& date,
                        std::vector<std::string> sources) {
  Agreement a;
  a.id = id;
  a.date = D(date);
  for (const std::string& s : sources) a.sources.push_back({s, ""});
  return a;
}

// Two agreements (one source shared), an undated claim: sources counted once, the span
// from the dated records only.
Dataset SmallRecord() {
  Dataset data;
  data.agreements = {MakeAgreement("a1", "2021-06-15", {"ministry", "news"}),
                     MakeAgreement("a2", "2012", {"news"})};
  Claim claim;
  claim.id = "c1";
  claim.sources = {{"article", "p. 3"}};
  data.claims = {claim};
  return data;
}

TEST(CuratedCoverage, CountsKindsDistinctSourcesAndTheDatedSpan) {
  RecordCoverage coverage =
      CuratedCoverage(SmallRecord(), {CuratedKind::kAgreements, CuratedKind::kClaims});
  ASSERT_EQ(coverage.kinds.size(), 2u);
  EXPECT_EQ(coverage.kinds[0], (std::pair<std::string, size_t>{"agreements", 2}));
  EXPECT_EQ(coverage.kinds[1], (std::pair<std::string, size_t>{"claims", 1}));
  EXPECT_EQ(coverage.records(), 3u);
  EXPECT_EQ(coverage.source_ids, (std::vector<std::string>{"article", "ministry", "news"}));
  EXPECT_EQ(coverage.first->ToString(), "2012");
  EXPECT_EQ(coverage.last->ToString(), "2021-06-15");
  EXPECT_EQ(CoverageText(coverage),
            "Rests on 2 agreements and 1 claims (curated records, not a census) from 3 distinct "
            "sources, dated 2012..2021-06-15.");
}

TEST(CuratedCoverage, AnEmptyRecordSaysSo) {
  RecordCoverage coverage = CuratedCoverage(Dataset{}, {CuratedKind::kEvents});
  EXPECT_FALSE(coverage.first.has_value());
  EXPECT_EQ(CoverageText(coverage),
            "Rests on 0 events (curated records, not a census) from 0 distinct sources.");
}

TEST(TimelineCoverage, CountsEntriesByKind) {
  std::vector<TimelineEntry> entries = {
      {"e1", D("2020-09-27"), std::nullopt, "event", "war", {}, "", {{"s1", ""}}},
      {"a1", D("2022-05-10"), std::nullopt, "agreement", "framework", {}, "", {{"s2", ""}}},
      {"a2", D("2022-10"), std::nullopt, "agreement", "roadmap", {}, "", {{"s2", ""}}}};
  RecordCoverage coverage = TimelineCoverage(entries, "DCAD records");
  ASSERT_EQ(coverage.kinds.size(), 2u);
  EXPECT_EQ(coverage.kinds[0], (std::pair<std::string, size_t>{"agreements", 2}));
  EXPECT_EQ(coverage.kinds[1], (std::pair<std::string, size_t>{"events", 1}));
  EXPECT_EQ(coverage.source_ids.size(), 2u);
  EXPECT_EQ(coverage.first->ToString(), "2020-09-27");
  EXPECT_NE(CoverageText(coverage).find("(DCAD records)"), std::string::npos);
}

}  // namespace
}  // namespace defcoop::analysis
