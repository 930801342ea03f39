#include "defcoop/core/date.h"

#include <gtest/gtest.h>

namespace defcoop {
namespace {

TEST(Date, ParsesEachPrecision) {
  EXPECT_EQ(ParseDate("2022")->precision(), DatePrecision::kYear);
  EXPECT_EQ(ParseDate("2022-05")->precision(), DatePrecision::kMonth);
  Date day = *ParseDate("2022-05-10");
  EXPECT_EQ(day.precision(), DatePrecision::kDay);
  EXPECT_EQ(day.ToString(), "2022-05-10");
}

TEST(Date, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseDate("2021-02-29").ok());
  EXPECT_TRUE(ParseDate("2020-02-29").ok());
  EXPECT_FALSE(ParseDate("2022-13").ok());
  EXPECT_FALSE(ParseDate("22-05-10").ok());
  EXPECT_FALSE(ParseDate("2022/05/10").ok());
  EXPECT_NE(ParseDate("2021-02-30").status().message().find("has no day 30"), std::string::npos);
}

// Regression: "2022/02/24" was told "the month must be 2 digits after '-'".
TEST(Date, ADateWithSlashesOrDotsIsShownWithDashes) {
  for (const char* text : {"2022/02/24", "2022.02.24", "2022/02"}) {
    Result<Date> date = ParseDate(text);
    ASSERT_FALSE(date.ok()) << text;
    EXPECT_NE(date.status().message().find("write '-' between its parts: 2022-02"),
              std::string::npos)
        << date.status().message();
  }
  // Wrong digits get the usual message, not a wrong suggestion.
  EXPECT_EQ(ParseDate("2022/13/01").status().message().find("between its parts"),
            std::string::npos);
}

TEST(Date, RangeOfAMonthCoversItsDays) {
  Date month = *ParseDate("2022-02");
  EXPECT_EQ(month.Earliest().ToString(), "2022-02-01");
  EXPECT_EQ(month.Latest().ToString(), "2022-02-28");
  EXPECT_EQ(ParseDate("1970-01-01")->DaysSinceEpoch(), 0);
  EXPECT_EQ(ParseDate("2022-02-24")->DaysSinceEpoch(), 19047);
}

TEST(Date, OrdersYearBeforeItsMonths) {
  EXPECT_LT(*ParseDate("2022"), *ParseDate("2022-01"));
  EXPECT_LT(*ParseDate("2021-12-31"), *ParseDate("2022"));
}

TEST(YearRange, ParsesRangesAndSingleYears) {
  EXPECT_EQ(*ParseYearRange("2011-2020"), (YearRange{2011, 2020}));
  EXPECT_EQ(*ParseYearRange("2022"), (YearRange{2022, 2022}));
  EXPECT_FALSE(ParseYearRange("2020-2011").ok());
  EXPECT_FALSE(ParseYearRange("soon").ok());
  // Regression (fuzz_date): "0000" parsed and printed back as "0".
  EXPECT_FALSE(ParseYearRange("0000").ok());
  EXPECT_FALSE(ParseYearRange("0999-2020").ok());
  EXPECT_FALSE(ParseYearRange("2020-9999").ok());
  EXPECT_EQ(ParseYearRange("2011-2020")->Length(), 10);
}

TEST(YearRange, SaysAReversedRangeIsReversed) {
  auto reversed = ParseYearRange("2020-2010");
  ASSERT_FALSE(reversed.ok());
  EXPECT_NE(reversed.status().message().find("is reversed (write 2010-2020)"), std::string::npos)
      << reversed.status().message();
}

}  // namespace
}  // namespace defcoop
