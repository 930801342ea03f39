#include "defcoop/analysis/shock.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "test_dates.h"

namespace defcoop::analysis {
namespace {

void ExpectRelative(double actual, double expected) {
  EXPECT_NEAR(actual, expected, 1e-6 * std::fabs(expected)) << "expected " << expected;
}

// Reference values from R 4.2.2 (Debian 12 r-base-core), printed with
// sprintf("%.10g", ...). In PoissonRateTest(after, t2, before, t1) the R call is
// poisson.test(c(after, before), c(t2, t1)).
struct RCase {
  int after;
  double t2;
  int before;
  double t1;
  double two_sided;
  double greater;
};

const RCase kRCases[] = {
    // R: poisson.test(c(9, 2), c(1, 1))$p.value -> 0.0654296875; "greater" -> 0.03271484375
    {9, 1, 2, 1, 0.0654296875, 0.03271484375},
    // R: poisson.test(c(0, 0), c(1, 1))$p.value -> 1; "greater" -> 1
    {0, 1, 0, 1, 1, 1},
    // R: poisson.test(c(0, 5), c(1, 1))$p.value -> 0.0625; "greater" -> 1
    {0, 1, 5, 1, 0.0625, 1},
    // R: poisson.test(c(7, 0), c(1, 1))$p.value -> 0.015625; "greater" -> 0.0078125
    {7, 1, 0, 1, 0.015625, 0.0078125},
    // R: poisson.test(c(5, 5), c(1, 1))$p.value -> 1; "greater" -> 0.623046875
    {5, 1, 5, 1, 1, 0.623046875},
    // R: poisson.test(c(3, 10), c(1, 1))$p.value -> 0.09228515625; "greater" -> 0.9887695312
    {3, 1, 10, 1, 0.09228515625, 0.9887695312},
    // R: poisson.test(c(12, 4), c(365, 181))$p.value -> 0.60221282; "greater" -> 0.3448557935
    {12, 365, 4, 181, 0.60221282, 0.3448557935},
    // R: poisson.test(c(120, 80), c(1, 1))$p.value -> 0.005685155997; "greater" -> 0.002842577998
    {120, 1, 80, 1, 0.005685155997, 0.002842577998},
    // R: poisson.test(c(6, 6), c(2, 1))$p.value -> 0.2316738829; "greater" -> 0.9335523605
    {6, 2, 6, 1, 0.2316738829, 0.9335523605},
    // R: poisson.test(c(1, 0), c(1, 1))$p.value -> 1; "greater" -> 0.5
    {1, 1, 0, 1, 1, 0.5},
    // R: poisson.test(c(30, 12), c(184, 181))$p.value -> 0.008002605267; "greater" ->
    // 0.004623004687
    {30, 184, 12, 181, 0.008002605267, 0.004623004687},
    // R: poisson.test(c(4, 9), c(90, 120))$p.value -> 0.4182680394; "greater" -> 0.8785938104
    {4, 90, 9, 120, 0.4182680394, 0.8785938104},
    // R: poisson.test(c(250, 120), c(1, 1))$p.value -> 1.236165561e-11; "greater"
    // -> 6.180827804e-12
    {250, 1, 120, 1, 1.236165561e-11, 6.180827804e-12},
    // R: poisson.test(c(2, 11), c(31, 28))$p.value -> 0.009839494167; "greater" -> 0.9990465509
    {2, 31, 11, 28, 0.009839494167, 0.9990465509},
    // R: poisson.test(c(0, 3), c(365, 366))$p.value -> 0.2500014035; "greater" -> 1
    {0, 365, 3, 366, 0.2500014035, 1},
};

TEST(PoissonRateTest, MatchesRsPoissonTest) {
  for (const RCase& c : kRCases) {
    SCOPED_TRACE("poisson.test(c(" + std::to_string(c.after) + ", " + std::to_string(c.before) +
                 "), c(" + std::to_string(c.t2) + ", " + std::to_string(c.t1) + "))");
    RateTest test = PoissonRateTest(c.after, c.t2, c.before, c.t1);
    ExpectRelative(test.p_two_sided, c.two_sided);
    ExpectRelative(test.p_greater, c.greater);
  }
}

TEST(PoissonRateTest, GivesTheRateRatioOrNothingWhenNoEventsCameBefore) {
  // R: poisson.test(c(12, 4), c(365, 181))$estimate -> 1.487671233
  std::optional<double> ratio = PoissonRateTest(12, 365, 4, 181).rate_ratio;
  ASSERT_TRUE(ratio.has_value());
  ExpectRelative(*ratio, 1.487671233);
  EXPECT_FALSE(PoissonRateTest(7, 1, 0, 1).rate_ratio.has_value());
}

TEST(BinomialTwoSidedP, SumsEverySmallerProbabilityByHand) {
  // n = 4, p = 1/2: pmf 1,4,6,4,1 /16. x = 0: outcomes 0 and 4 -> 2/16.
  EXPECT_DOUBLE_EQ(BinomialTwoSidedP(0, 4, 0.5), 2.0 / 16);
  // x = 1: outcomes 0, 1, 3, 4 -> 10/16.
  EXPECT_DOUBLE_EQ(BinomialTwoSidedP(1, 4, 0.5), 10.0 / 16);
  EXPECT_DOUBLE_EQ(BinomialTwoSidedP(2, 4, 0.5), 1.0);
  // The relErr tolerance keeps the mirror outcome although rounding may make it differ.
  EXPECT_DOUBLE_EQ(BinomialTwoSidedP(3, 10, 0.5), BinomialTwoSidedP(7, 10, 0.5));
}

TEST(TestShock, CountsHalfOpenDayWindowsWithTheShockDayAfter) {
  ShockOptions options;
  options.window_length = 30;
  options.window_unit = WindowUnit::kDays;
  // Shock 2020-09-27: before = 2020-08-28 .. 2020-09-26, after = 2020-09-27 .. 2020-10-26.
  std::vector<Date> events = {D("2020-08-27"), D("2020-08-28"), D("2020-09-26"), D("2020-09-27"),
                              D("2020-10-26"), D("2020-10-27"), D("2020-09"),    D("2019")};
  auto test = TestShock(events, D("2020-09-27"), options);
  ASSERT_TRUE(test.ok()) << test.status().ToString();
  EXPECT_EQ(test->before, 2);
  EXPECT_EQ(test->after, 2);
  EXPECT_EQ(test->ambiguous, 1);  // "2020-09" straddles the shock
  EXPECT_EQ(test->before_days, 30);
  EXPECT_EQ(test->after_days, 30);
  EXPECT_EQ(test->before_from, D("2020-08-28"));
  EXPECT_EQ(test->after_to, D("2020-10-26"));
  EXPECT_DOUBLE_EQ(test->statistic, 0);
  EXPECT_DOUBLE_EQ(test->test.p_two_sided, 1);
}

TEST(TestShock, ClampsMonthWindowsToTheEndOfShortMonths) {
  ShockOptions options;
  options.window_length = 1;
  auto test =
      TestShock({D("2020-02-29"), D("2020-04-29"), D("2020-04-30")}, D("2020-03-31"), options);
  ASSERT_TRUE(test.ok());
  // Before = 2020-02-29 .. 2020-03-30 (31 days), after = 2020-03-31 .. 2020-04-29 (30 days).
  EXPECT_EQ(test->before_from, D("2020-02-29"));
  EXPECT_EQ(test->after_to, D("2020-04-29"));
  EXPECT_EQ(test->before_days, 31);
  EXPECT_EQ(test->after_days, 30);
  EXPECT_EQ(test->before, 1);
  EXPECT_EQ(test->after, 1);
  EXPECT_DOUBLE_EQ(test->statistic, 1 - 30.0 / 31.0);
}

// Regression (placebo design): dates whose windows overlap the shock's shared its events
// and were counted, and the placebo p was k/n without the shock itself.
TEST(TestShock, RanksTheShockAgainstPlaceboDaysWhoseWindowsDoNotOverlapIt) {
  ShockOptions options;
  options.window_length = 2;
  options.window_unit = WindowUnit::kDays;
  options.placebo_step = PlaceboStep::kDay;
  options.span_from = D("2020-01-01");
  options.span_to = D("2020-01-20");
  std::vector<Date> events = {D("2020-01-06"), D("2020-01-06"), D("2020-01-07"), D("2020-01-15"),
                              D("2020-01-16")};
  auto test = TestShock(events, D("2020-01-06"), options);
  ASSERT_TRUE(test.ok());
  EXPECT_EQ(test->before, 0);
  EXPECT_EQ(test->after, 3);
  // Windows fit for 01-03 .. 01-19; [d-2, d+2) overlaps the shock's [01-04, 01-08) for
  // 01-03 .. 01-09 (the shock's own date among them): 7 left out, 01-10 .. 01-19 kept.
  EXPECT_EQ(test->overlapping, 7);
  ASSERT_EQ(test->placebo.size(), 10u);
  EXPECT_EQ(test->placebo.front().date, D("2020-01-10"));
  EXPECT_EQ(test->placebo.back().date, D("2020-01-19"));
  // By hand (after - before): 10-13: 0, 14: 1, 15: 2, 16: 1 - 1, 17: -2, 18: -1, 19: 0.
  std::vector<double> expected = {0, 0, 0, 0, 1, 2, 0, -2, -1, 0};
  for (size_t idx = 0; idx < expected.size(); ++idx) {
    EXPECT_DOUBLE_EQ(test->placebo[idx].statistic, expected[idx]) << idx;
  }
  EXPECT_EQ(test->placebo_rank, 1);
  // None of the 10 reaches the shock's 3: (1 + 0) / (10 + 1), never 0.
  EXPECT_DOUBLE_EQ(*test->placebo_p_greater, 1.0 / 11);
  EXPECT_DOUBLE_EQ(*test->placebo_p_two_sided, 1.0 / 11);
}

TEST(TestShock, UsesMonthStartsAsPlaceboDatesByDefault) {
  ShockOptions options;
  options.window_length = 1;
  options.span_from = D("2020");
  options.span_to = D("2020");
  std::vector<Date> events = {D("2020-06-20"), D("2020-03-02")};
  auto test = TestShock(events, D("2020-06-15"), options);
  ASSERT_TRUE(test.ok());
  // Month starts with a month of data on each side: 2020-02-01 .. 2020-12-01, less
  // 05-01 .. 08-01, whose windows overlap the shock's [05-15, 07-15).
  EXPECT_EQ(test->overlapping, 4);
  ASSERT_EQ(test->placebo.size(), 7u);
  EXPECT_EQ(test->placebo.front().date, D("2020-02-01"));
  EXPECT_EQ(test->placebo[3].date, D("2020-09-01"));
  EXPECT_EQ(test->placebo.back().date, D("2020-12-01"));
  // 2020-03-01: the 03-02 event is after, nothing before; 2020-04-01: it is before.
  EXPECT_EQ(test->placebo[1].after, 1);
  EXPECT_EQ(test->placebo[2].before, 1);
  EXPECT_EQ(test->placebo_rank, 1);  // 1 after, 0 before, like 2020-03-01
  EXPECT_NEAR(*test->placebo_p_greater, 2.0 / 8, 1e-12);
}

TEST(TestShock, DerivesThePlaceboSpanFromTheEvents) {
  ShockOptions options;
  options.window_length = 1;
  options.window_unit = WindowUnit::kDays;
  options.placebo_step = PlaceboStep::kDay;
  auto test = TestShock({D("2021-01-01"), D("2021-01-05")}, D("2021-01-03"), options);
  ASSERT_TRUE(test.ok());
  // Span 01-01 .. 01-05; dates 01-02 .. 01-05, of which 01-02 .. 01-04 overlap the shock.
  EXPECT_EQ(test->span_from, D("2021-01-01"));
  EXPECT_EQ(test->span_to, D("2021-01-05"));
  ASSERT_EQ(test->placebo.size(), 1u);
  EXPECT_EQ(test->placebo[0].date, D("2021-01-05"));
}

// Regression: the span ended with the last event, before the shock's after window did,
// so the shock was not one of the dates its placebo dates were drawn from.
TEST(TestShock, WidensThePlaceboSpanToCoverTheShocksAfterWindow) {
  ShockOptions options;
  options.window_length = 2;
  options.window_unit = WindowUnit::kDays;
  options.span_from = D("2021-01-01");
  options.span_to = D("2021-01-03");
  auto test = TestShock({D("2021-01-02")}, D("2021-01-03"), options);
  ASSERT_TRUE(test.ok());
  EXPECT_EQ(test->span_from, D("2021-01-01"));
  EXPECT_EQ(test->span_to, D("2021-01-04"));  // the after window's last day
}

// With equal windows the most extreme split of n events has two-sided p = 2·0.5ⁿ:
// 0.0625 for 5 (never significant), 0.03125 for 6 (R: binom.test(6, 6)$p.value).
TEST(TestShock, CallsFewerThanSixEventsUnderpowered) {
  ShockOptions options;
  options.window_length = 10;
  options.window_unit = WindowUnit::kDays;
  std::vector<Date> five(5, D("2021-01-12"));
  auto small = TestShock(five, D("2021-01-10"), options);
  ASSERT_TRUE(small.ok());
  EXPECT_TRUE(small->underpowered);
  EXPECT_DOUBLE_EQ(small->test.p_two_sided, 0.0625);
  std::vector<Date> six(6, D("2021-01-12"));
  auto enough = TestShock(six, D("2021-01-10"), options);
  ASSERT_TRUE(enough.ok());
  EXPECT_FALSE(enough->underpowered);
  EXPECT_DOUBLE_EQ(enough->test.p_two_sided, 0.03125);
}

// 110 of 121 placebo dates without an event in either window was the case: the
// placebo rank then shows where the record has entries, not the shock.
TEST(TestShock, CallsAPlaceboOfMostlyEmptyDatesUnderpowered) {
  ShockOptions options;
  options.window_length = 2;
  options.window_unit = WindowUnit::kDays;
  options.placebo_step = PlaceboStep::kDay;
  options.span_from = D("2020-01-01");
  options.span_to = D("2020-01-20");
  // The placebo dates are 01-10 .. 01-19 (as in the test above); an event on 01-15 lies
  // in the windows [d - 2, d + 2) of 01-14 .. 01-17 only: 6 of 10 dates are empty.
  std::vector<Date> events = {D("2020-01-06"), D("2020-01-06"), D("2020-01-07"),
                              D("2020-01-15")};
  auto sparse = TestShock(events, D("2020-01-06"), options);
  ASSERT_TRUE(sparse.ok());
  ASSERT_EQ(sparse->placebo.size(), 10u);
  EXPECT_EQ(sparse->placebo_empty, 6);
  EXPECT_TRUE(sparse->placebo_underpowered);
  // Events through the placebo span leave fewer than half of the dates empty.
  for (const char* day : {"2020-01-11", "2020-01-13", "2020-01-18"}) events.push_back(D(day));
  auto dense = TestShock(events, D("2020-01-06"), options);
  ASSERT_TRUE(dense.ok());
  EXPECT_LE(dense->placebo_empty * 2, static_cast<int>(dense->placebo.size()));
  EXPECT_FALSE(dense->placebo_underpowered);
}

TEST(TestShock, AcceptsNoEvents) {
  auto test = TestShock({}, D("2020-09-27"));
  ASSERT_TRUE(test.ok());
  EXPECT_EQ(test->before + test->after, 0);
  EXPECT_DOUBLE_EQ(test->test.p_two_sided, 1);
  EXPECT_TRUE(test->placebo.empty());
  EXPECT_FALSE(test->placebo_rank.has_value());
  EXPECT_TRUE(test->underpowered);
}

TEST(TestShock, RejectsANonPositiveWindowAndAnInvertedSpan) {
  ShockOptions options;
  options.window_length = 0;
  auto test = TestShock({}, D("2020"), options);
  ASSERT_FALSE(test.ok());
  EXPECT_EQ(test.status().kind(), StatusKind::kInvalidInput);
  EXPECT_NE(test.status().message().find("window length"), std::string::npos);
  options = {};
  options.span_from = D("2021");
  options.span_to = D("2020");
  EXPECT_FALSE(TestShock({}, D("2020"), options).ok());
}

}  // namespace
}  // namespace defcoop::analysis
