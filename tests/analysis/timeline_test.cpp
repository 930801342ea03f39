#include "defcoop/analysis/timeline.h"

#include <gtest/gtest.h>

namespace defcoop::analysis {
namespace {

Dataset Small() {
  Dataset data;
  data.actors = {{"firm:aselsan", ActorKind::kFirm, "Aselsan", "TUR", {}, {}, "", {}},
                 {"firm:ke", ActorKind::kFirm, "KE", "KAZ", {}, {}, "", {}}};
  data.events = {
      {"event:war",
       *ParseDate("2020-09-27"),
       *ParseDate("2020-11-10"),
       "war",
       {"AZE", "ARM"},
       "War",
       "",
       {}},
      {"event:visit", *ParseDate("2022-05-10"), {}, "visit", {"KAZ", "TUR"}, "Visit", "", {}}};
  data.agreements = {
      {"agr:uzb",
       *ParseDate("2022-03-30"),
       {"TUR", "UZB"},
       "framework",
       "Framework",
       "signed",
       "",
       {}},
      {"agr:usa", *ParseDate("2019"), {"TUR", "USA"}, "framework", "Other", "signed", "", {}}};
  data.ventures = {{"venture:kz",
                    "Kazaselsan",
                    "",
                    "joint_venture",
                    {"firm:aselsan", "firm:ke"},
                    {},
                    *ParseDate("2011"),
                    {},
                    "",
                    "",
                    {}}};
  return data;
}

std::vector<std::string> Ids(const std::vector<TimelineEntry>& entries) {
  std::vector<std::string> ids;
  for (const auto& entry : entries) ids.push_back(entry.id);
  return ids;
}

TEST(Timeline, OrdersEverythingByDate) {
  EXPECT_EQ(
      Ids(BuildTimeline(Small(), {})),
      (std::vector<std::string>{"venture:kz", "agr:usa", "event:war", "agr:uzb", "event:visit"}));
}

TEST(Timeline, ActorWithPartnersNeedsBothAndCountsFirmsAsTheirStates) {
  TimelineFilter filter;
  filter.actors = {"TUR"};
  filter.partners = {"TUR", "KAZ", "UZB", "AZE"};
  EXPECT_EQ(Ids(BuildTimeline(Small(), filter)),
            (std::vector<std::string>{"venture:kz", "agr:uzb", "event:visit"}));
}

TEST(Timeline, DateRangeKeepsEntriesThatOverlapIt) {
  TimelineFilter filter;
  filter.from = *ParseDate("2020-11");
  filter.to = *ParseDate("2022-04");
  EXPECT_EQ(Ids(BuildTimeline(Small(), filter)),
            (std::vector<std::string>{"event:war", "agr:uzb"}));
}

TEST(Timeline, FiltersByKindOrType) {
  TimelineFilter filter;
  filter.types = {"war", "venture"};
  EXPECT_EQ(Ids(BuildTimeline(Small(), filter)),
            (std::vector<std::string>{"venture:kz", "event:war"}));
}

}  // namespace
}  // namespace defcoop::analysis

namespace defcoop::analysis {
namespace {

TimelineEntry Entry(const std::string& kind, const std::string& type, const std::string& date,
                    std::vector<std::string> actors, const std::string& title) {
  TimelineEntry entry;
  entry.id = kind + ":" + title;
  entry.kind = kind;
  entry.type = type;
  entry.date = *ParseDate(date);
  entry.actors = std::move(actors);
  entry.title = title;
  entry.sources = {{kind + "-source", ""}};
  return entry;
}

// Regression: the brief listed Kazaselsan and the ANKA licence twice among a partner's
// agreements, once as the agreement that set each up and once as the venture itself.
TEST(FoldVenturesIntoAgreements, AVentureSetUpByAListedAgreementIsOneRow) {
  std::vector<TimelineEntry> entries = {
      Entry("agreement", "joint_venture", "2011", {"firm:a", "firm:b"}, "Establishment of JV"),
      Entry("venture", "joint_venture", "2011", {"firm:b", "firm:a"}, "JV"),
      Entry("agreement", "licensed_production", "2022-05", {"firm:c", "firm:b"}, "Licence deal"),
      Entry("venture", "licence", "2022-05", {"firm:c", "firm:b"}, "Licensed UAV"),
      // Not the same fact: another date, another party, another type.
      Entry("venture", "joint_venture", "2012", {"firm:a", "firm:b"}, "Later JV"),
      Entry("venture", "licence", "2011", {"firm:a", "firm:b"}, "A licence"),
      Entry("venture", "joint_venture", "2011", {"firm:a", "firm:z"}, "Other JV")};
  auto folded = FoldVenturesIntoAgreements(entries);
  ASSERT_EQ(folded.size(), 5u);
  EXPECT_EQ(folded[0].title, "Establishment of JV (JV)");
  EXPECT_EQ(folded[0].sources.size(), 2u);
  EXPECT_EQ(folded[1].title, "Licence deal (Licensed UAV)");
  EXPECT_EQ(folded[2].title, "Later JV");
  EXPECT_EQ(folded[3].title, "A licence");
  EXPECT_EQ(folded[4].title, "Other JV");
}

}  // namespace
}  // namespace defcoop::analysis
