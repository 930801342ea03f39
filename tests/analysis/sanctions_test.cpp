// Selecting GSDB cases and matching them to curated embargoes.
#include "defcoop/analysis/sanctions.h"

#include <gtest/gtest.h>

namespace defcoop::analysis {
namespace {

SanctionCase Case(int id, std::vector<std::string> targets, std::vector<std::string> senders,
                  int begin, int end, std::vector<std::string> types) {
  SanctionCase c;
  c.case_id = id;
  c.targets = c.target_ids = std::move(targets);
  c.senders = c.sender_ids = std::move(senders);
  c.begin = begin;
  c.end = end;
  c.types = std::move(types);
  return c;
}

std::vector<SanctionCase> Cases() {
  return {Case(196, {"TUR"}, {"USA"}, 1975, 1978, {"military"}),
          Case(183, {"TUR"}, {"USA"}, 1974, 1978, {"trade"}),
          Case(1134, {"TUR"}, {"org:eu"}, 2019, 2022, {"financial", "travel"}),
          Case(473, {"ARM"}, {"TUR"}, 1993, 2022, {"trade"}),
          Case(520, {"SDN"}, {"org:eu", "TUR", "HRV"}, 1994, 2004, {"arms"})};
}

std::vector<int> Ids(const std::vector<SanctionCase>& cases) {
  std::vector<int> ids;
  for (const auto& c : cases) ids.push_back(c.case_id);
  return ids;
}

TEST(Sanctions, SelectsByPartiesYearsAndMeasuresInBeginOrder) {
  SanctionFilter filter;
  filter.targets = {"TUR"};
  EXPECT_EQ(Ids(SelectSanctions(Cases(), filter)), (std::vector<int>{183, 196, 1134}));
  filter = {};
  filter.senders = {"TUR"};  // one sender among several counts
  EXPECT_EQ(Ids(SelectSanctions(Cases(), filter)), (std::vector<int>{473, 520}));
  filter = {};
  filter.years = YearRange{1979, 1993};  // in force in some year of the range
  EXPECT_EQ(Ids(SelectSanctions(Cases(), filter)), (std::vector<int>{473}));
  filter = {};
  filter.types = {"arms", "military"};
  EXPECT_EQ(Ids(SelectSanctions(Cases(), filter)), (std::vector<int>{196, 520}));
}

Embargo MakeEmbargo(std::string target, std::vector<std::string> imposers, Date start,
                    std::optional<Date> end) {
  Embargo e;
  e.id = "emb";
  e.target = std::move(target);
  e.imposers = std::move(imposers);
  e.start = start;
  e.end = end;
  return e;
}

TEST(Sanctions, CasesRecordingAnEmbargoShareTargetImposerAndYears) {
  auto us_1975 = MakeEmbargo("TUR", {"USA"}, {1975, 2, 5}, Date{1978, 9, 26});
  EXPECT_EQ(Ids(CasesRecording(us_1975, Cases())), (std::vector<int>{183, 196}));
  auto us_1980 = MakeEmbargo("TUR", {"USA"}, {1980, 1, 1}, Date{1981, 1, 1});
  EXPECT_TRUE(CasesRecording(us_1980, Cases()).empty());
  // Open-ended: runs to the last year the cases cover.
  auto eu_2021 = MakeEmbargo("TUR", {"DEU", "org:eu"}, {2021, 0, 0}, std::nullopt);
  EXPECT_EQ(Ids(CasesRecording(eu_2021, Cases())), (std::vector<int>{1134}));
  // A targeted agency counts as its state when the caller says which.
  auto agency = MakeEmbargo("org:ssb", {"org:eu"}, {2020, 12, 14}, std::nullopt);
  EXPECT_TRUE(CasesRecording(agency, Cases()).empty());
  EXPECT_EQ(Ids(CasesRecording(agency, Cases(), "TUR")), (std::vector<int>{1134}));
  // No start date: nothing can be matched.
  Embargo undated = us_1975;
  undated.start.reset();
  EXPECT_TRUE(CasesRecording(undated, Cases()).empty());
}

}  // namespace
}  // namespace defcoop::analysis
