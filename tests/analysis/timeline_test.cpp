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
