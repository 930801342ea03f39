// ATOP dyad-years merged into spans of consecutive years per direction and obligation.
#include "defcoop/analysis/alliances.h"

#include <gtest/gtest.h>

namespace defcoop::analysis {
namespace {

AllianceYear Year(std::string one, std::string two, int year, bool defense, bool nonaggression) {
  AllianceYear y;
  y.actor1_id = std::move(one);
  y.actor2_id = std::move(two);
  y.year = year;
  y.defense = defense;
  y.nonaggression = nonaggression;
  return y;
}

std::vector<std::string> Text(const std::vector<AllianceSpan>& spans) {
  std::vector<std::string> text;
  for (const auto& s : spans)
    text.push_back(s.actor1 + ">" + s.actor2 + " " + s.obligation + " " + s.years.ToString());
  return text;
}

TEST(Alliances, MergesConsecutiveYearsAndSplitsAtGaps) {
  std::vector<AllianceYear> years = {
      Year("TUR", "AZE", 1993, false, true), Year("TUR", "AZE", 1994, true, true),
      Year("TUR", "AZE", 1995, true, true),  Year("TUR", "AZE", 1997, true, true),  // gap 1996
      Year("AZE", "TUR", 1994, true, false), Year("USA", "CAN", 1994, true, false)};
  AllianceFilter filter;
  filter.actors = {"TUR"};
  EXPECT_EQ(
      Text(AllianceSpans(years, filter)),
      (std::vector<std::string>{"AZE>TUR defense 1994",  // either direction
                                "TUR>AZE defense 1994-1995", "TUR>AZE defense 1997",
                                "TUR>AZE nonaggression 1993-1995", "TUR>AZE nonaggression 1997"}));
  filter.years = YearRange{1995, 2000};
  filter.partners = {"AZE"};
  EXPECT_EQ(Text(AllianceSpans(years, filter)),
            (std::vector<std::string>{"TUR>AZE defense 1995", "TUR>AZE defense 1997",
                                      "TUR>AZE nonaggression 1995", "TUR>AZE nonaggression 1997"}));
}

TEST(Alliances, UnresolvedSidesKeepTheirCowCode) {
  AllianceYear y = Year("", "JPN", 1902, true, false);
  y.cow1 = 730;
  EXPECT_EQ(Text(AllianceSpans({y}, {})), (std::vector<std::string>{"cow:730>JPN defense 1902"}));
}

}  // namespace
}  // namespace defcoop::analysis
