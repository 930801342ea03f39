#include "defcoop/analysis/periods.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace defcoop::analysis {
namespace {

std::vector<YearValue> Series(int first_year, const std::vector<double>& values) {
  std::vector<YearValue> series;
  for (double value : values) series.push_back({first_year++, value});
  return series;
}

TEST(Pelt, FindsTheObviousStepOfAHandMadeSeries) {
  // Two flat levels with small noise: the only sensible change is before index 6.
  std::vector<double> x = {1.0, 1.1, 0.9, 1.0, 1.05, 0.95, 5.0, 5.1, 4.9, 5.0, 5.05, 4.95};
  Segmentation segmentation = Pelt(x, 1.0, 2);
  EXPECT_EQ(segmentation.ends, (std::vector<int>{6, 12}));
  // Cost by hand: each half has squared deviations 0.01·2 + 0.0025·2 = 0.025, plus 2 penalties.
  EXPECT_NEAR(segmentation.cost, 2 * 0.025 + 2 * 1.0, 1e-12);
}

TEST(Pelt, KeepsOneSegmentWhenThePenaltyOutweighsTheStep) {
  std::vector<double> x = {0, 0, 0, 1, 1, 1};
  // One segment costs 6·0.25 = 1.5 + 10; two cost 0 + 20.
  EXPECT_EQ(Pelt(x, 10.0, 1).ends, (std::vector<int>{6}));
  EXPECT_EQ(Pelt(x, 1.0, 1).ends, (std::vector<int>{3, 6}));
}

TEST(Pelt, RespectsTheMinimumSegmentLength) {
  // A one-year spike would be its own segment with min length 1, but not with 3.
  std::vector<double> x = {0, 0, 0, 0, 9, 0, 0, 0, 0};
  EXPECT_EQ(Pelt(x, 1.0, 1).ends, (std::vector<int>{4, 5, 9}));
  for (int end : Pelt(x, 1.0, 3).ends) EXPECT_TRUE(end == 9 || (end >= 3 && end <= 6));
}

TEST(Pelt, AgreesWithExactOptimalPartitioningOnRandomSeries) {
  std::mt19937 rng(20240501);
  std::uniform_int_distribution<int> length_dist(5, 60);
  std::uniform_int_distribution<int> min_length_dist(1, 5);
  std::uniform_int_distribution<int> level_count_dist(1, 5);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::uniform_real_distribution<double> level_dist(-5.0, 5.0);
  const std::vector<double> penalties = {0.0, 0.5, 2.0, 8.0, 30.0};
  for (int trial = 0; trial < 250; ++trial) {
    int length = length_dist(rng);
    int levels = level_count_dist(rng);
    std::vector<double> level_values;
    for (int level_idx = 0; level_idx < levels; ++level_idx)
      level_values.push_back(level_dist(rng));
    std::vector<double> x;
    for (int idx = 0; idx < length; ++idx)
      x.push_back(level_values[idx * levels / length] + noise(rng));
    int min_length = min_length_dist(rng);
    double penalty = trial % 7 == 0 ? BicPenalty(x) : penalties[trial % penalties.size()];
    Segmentation pruned = Pelt(x, penalty, min_length);
    Segmentation exact = OptimalPartitioning(x, penalty, min_length);
    ASSERT_NEAR(pruned.cost, exact.cost, 1e-9 * (1 + std::fabs(exact.cost)))
        << "trial " << trial << " n=" << length << " m=" << min_length << " pen=" << penalty;
    ASSERT_EQ(pruned.ends, exact.ends) << "trial " << trial;
    int begin = 0;
    for (int end : exact.ends) {
      if (exact.ends.size() > 1) {
        EXPECT_GE(end - begin, min_length) << "trial " << trial;
      }
      begin = end;
    }
  }
}

// √π/2: E|X1 - X2| = 2σ/√π for independent normal values.
const double kHalfRootPi = std::sqrt(std::acos(-1.0)) / 2;

TEST(BicPenalty, IsTwoSigmaSquaredLogNWithTheMeanAbsoluteDifferenceEstimate) {
  // diff = four +1 and four -1: mean |d| = 1, σ̂ = √π/2.
  std::vector<double> x = {0, 1, 0, 1, 0, 1, 0, 1, 0};
  EXPECT_NEAR(NoiseScale(x), kHalfRootPi, 1e-12);
  EXPECT_NEAR(BicPenalty(x), 2 * kHalfRootPi * kHalfRootPi * std::log(9.0), 1e-12);
}

TEST(BicPenalty, UsesEveryDifferenceOfAPiecewiseConstantSeries) {
  std::vector<double> x = {0, 0, 0, 0, 4, 4, 4, 4};
  // diff = {0,0,0,4,0,0,0}: mean |d| = 4/7.
  double sigma = 4.0 / 7 * kHalfRootPi;
  EXPECT_NEAR(BicPenalty(x), 2 * sigma * sigma * std::log(8.0), 1e-12);
  EXPECT_NEAR(BicPenalty({3, 3, 3}), 2 * std::log(3.0), 1e-12);  // constant: σ̂ = 1
}

// Regression: σ̂ = MAD(diff)/√2 collapsed on series with many (near-)equal years, as a
// SIPRI series with many years without deliveries is (0.049 for Türkiye's exports,
// 0.004 for Ukraine's), and PELT then split every few years. Here 12 years alternate
// 0 and 0.1 and 8 alternate 3 and 5: the 11 differences of ±0.1 are the majority, so
// their MAD is small and the old penalty was 0.2634, with which the exact optimum
// (OptimalPartitioning, minimum length 3) cuts the noisy 3/5 years in two. The mean
// absolute difference, (11·0.1 + 2.9 + 7·2) / 19 = 18/19, gives σ̂ = 0.8396 and penalty
// 2·σ̂²·log 20 = 4.223: the two obvious periods.
TEST(DetectPeriods, PenaltyDoesNotCollapseOnAZeroHeavySeries) {
  std::vector<double> values;
  for (int idx = 0; idx < 12; ++idx) values.push_back((idx % 2) * 0.1);
  for (int idx = 0; idx < 8; ++idx) values.push_back(idx % 2 ? 5 : 3);
  const std::vector<double>& x = values;
  double sigma = 18.0 / 19 * kHalfRootPi;
  EXPECT_NEAR(NoiseScale(x), sigma, 1e-12);
  double penalty = BicPenalty(x);
  EXPECT_NEAR(penalty, 2 * sigma * sigma * std::log(20.0), 1e-12);
  EXPECT_NEAR(penalty, 4.2234, 1e-4);
  EXPECT_EQ(OptimalPartitioning(x, 0.2634, 3).ends, (std::vector<int>{12, 15, 20}));
  PeltOptions options;
  options.log_values = false;
  auto periods = DetectPeriods(Series(2000, values), options);
  ASSERT_TRUE(periods.ok());
  ASSERT_EQ(periods->size(), 2u);
  EXPECT_EQ((*periods)[0].end_year, 2011);
  EXPECT_EQ((*periods)[1].start_year, 2012);
}

TEST(PenaltySensitivity, ListsThePeriodsFoundFromAQuarterToFourTimesThePenalty) {
  // Steps of 1, 3 and 1 on a flat series: the big step survives every penalty, the
  // small ones only the lower ones.
  std::vector<double> values = {0, 0, 0, 0, 1, 1, 1, 1, 4, 4, 4, 4, 5, 5, 5, 5};
  PeltOptions options;
  options.log_values = false;
  options.penalty = PenaltyKind::kManual;
  options.penalty_value = 2;
  auto trials = PenaltySensitivity(Series(2000, values), options);
  ASSERT_TRUE(trials.ok());
  ASSERT_EQ(trials->size(), 5u);
  EXPECT_DOUBLE_EQ((*trials)[0].penalty, 0.5);
  EXPECT_DOUBLE_EQ((*trials)[4].penalty, 8);
  // A step of h between two 4-year segments saves 8·(h/2)² = 2h² of cost: 2 for the
  // small steps, 18 for the big one. Penalties 0.5 and 1 keep all three, 2 is a tie
  // (kept: the earliest change wins, both algorithms agree), 4 and 8 only the big one.
  EXPECT_EQ((*trials)[0].boundaries, (std::vector<int>{2004, 2008, 2012}));
  EXPECT_EQ((*trials)[4].boundaries, (std::vector<int>{2008}));
  EXPECT_EQ((*trials)[3].boundaries, (std::vector<int>{2008}));
}

TEST(CoveredYears, KeepsOnlyTheYearsTheRegisterCovers) {
  EXPECT_EQ(CoveredYears({1970, 2023}, {1995, 2024}), (YearRange{1995, 2023}));
  EXPECT_EQ(CoveredYears({2000, 2010}, {1950, 2025}), (YearRange{2000, 2010}));
  EXPECT_LT(CoveredYears({1970, 1980}, {1995, 2024}).Length(), 1);
}

TEST(DetectPeriods, SplitsAHandMadeSeriesAtTheObviousYears) {
  // Low 1990-1997, high 1998-2005, low again 2006-2012 (values like yearly TIV).
  std::vector<double> values = {10,  12,  9,   11,  10, 13, 9,  10, 200, 220, 190, 210,
                                205, 195, 215, 200, 20, 22, 18, 21, 19,  20,  23};
  auto periods = DetectPeriods(Series(1990, values));
  ASSERT_TRUE(periods.ok()) << periods.status().ToString();
  ASSERT_EQ(periods->size(), 3u);
  EXPECT_EQ((*periods)[0].start_year, 1990);
  EXPECT_EQ((*periods)[0].end_year, 1997);
  EXPECT_EQ((*periods)[1].start_year, 1998);
  EXPECT_EQ((*periods)[1].end_year, 2005);
  EXPECT_EQ((*periods)[2].start_year, 2006);
  EXPECT_EQ((*periods)[2].end_year, 2012);
  EXPECT_DOUBLE_EQ((*periods)[0].mean, 84.0 / 8);
  EXPECT_DOUBLE_EQ((*periods)[1].mean, 1635.0 / 8);
  ASSERT_TRUE((*periods)[1].change_vs_previous.has_value());
  EXPECT_DOUBLE_EQ(*(*periods)[1].change_vs_previous, 1635.0 / 84.0);
  EXPECT_DOUBLE_EQ((*periods)[1].difference_vs_previous, 1635.0 / 8 - 84.0 / 8);
  EXPECT_FALSE((*periods)[0].change_vs_previous.has_value());
}

TEST(DetectPeriods, HandlesZeroYearsThroughTheLogPlusOneOffset) {
  std::vector<double> values = {0, 0, 0, 0, 0, 50, 60, 55, 58, 52};
  auto periods = DetectPeriods(Series(2000, values));
  ASSERT_TRUE(periods.ok()) << periods.status().ToString();
  ASSERT_EQ(periods->size(), 2u);
  EXPECT_EQ((*periods)[1].start_year, 2005);
  EXPECT_FALSE((*periods)[1].change_vs_previous.has_value());  // previous mean is 0
}

TEST(DetectPeriods, SortsTheSeriesByYear) {
  std::vector<YearValue> series = {{2002, 1}, {2000, 1}, {2001, 1}};
  auto periods = DetectPeriods(series);
  ASSERT_TRUE(periods.ok());
  ASSERT_EQ(periods->size(), 1u);
  EXPECT_EQ((*periods)[0].start_year, 2000);
  EXPECT_EQ((*periods)[0].end_year, 2002);
}

TEST(DetectPeriods, UsesAManualPenalty) {
  std::vector<double> values = {1, 1, 1, 2, 2, 2};
  PeltOptions options;
  options.penalty = PenaltyKind::kManual;
  options.penalty_value = 0.01;
  options.log_values = false;
  options.min_segment_length = 1;
  auto periods = DetectPeriods(Series(2000, values), options);
  ASSERT_TRUE(periods.ok());
  ASSERT_EQ(periods->size(), 2u);
  EXPECT_EQ((*periods)[1].start_year, 2003);
  options.penalty_value = 100;
  EXPECT_EQ(DetectPeriods(Series(2000, values), options)->size(), 1u);
}

TEST(DetectPeriods, RejectsAnEmptySeries) {
  auto periods = DetectPeriods({});
  ASSERT_FALSE(periods.ok());
  EXPECT_EQ(periods.status().kind(), StatusKind::kInvalidInput);
  EXPECT_NE(periods.status().message().find("empty"), std::string::npos);
}

TEST(DetectPeriods, RejectsAGapAndNamesTheYears) {
  auto periods = DetectPeriods({{2000, 1}, {2001, 2}, {2003, 3}});
  ASSERT_FALSE(periods.ok());
  EXPECT_EQ(periods.status().kind(), StatusKind::kInvalidInput);
  EXPECT_NE(periods.status().message().find("2001 is followed by 2003"), std::string::npos);
}

TEST(DetectPeriods, RejectsARepeatedYear) {
  auto periods = DetectPeriods({{2000, 1}, {2001, 2}, {2001, 3}});
  ASSERT_FALSE(periods.ok());
  EXPECT_NE(periods.status().message().find("2001 appears more than once"), std::string::npos);
}

TEST(DetectPeriods, RejectsNegativeValuesOnTheLogScaleAndBadOptions) {
  EXPECT_FALSE(DetectPeriods({{2000, 1}, {2001, -2}}).ok());
  EXPECT_FALSE(DetectPeriods({{2000, 1}, {2001, NAN}}).ok());
  PeltOptions options;
  options.min_segment_length = 0;
  EXPECT_FALSE(DetectPeriods({{2000, 1}}, options).ok());
  options = {};
  options.penalty = PenaltyKind::kManual;
  options.penalty_value = -1;
  EXPECT_FALSE(DetectPeriods({{2000, 1}}, options).ok());
}

TEST(ComparePeriods, FindsTheNearestDetectedBoundaryForEachGivenOne) {
  std::vector<Period> detected = {
      {1970, 1987, 0, {}, 0}, {1988, 2006, 0, {}, 0}, {2007, 2023, 0, {}, 0}};
  // The article's 1970s-1990s / 1990s-2004 / 2005-2023: boundaries 1990 and 2005.
  std::vector<YearRange> given = {{1970, 1990}, {1990, 2004}, {2005, 2023}};
  std::vector<BoundaryMatch> matches = ComparePeriods(detected, given);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].given_year, 1990);
  EXPECT_EQ(matches[0].nearest_detected, 1988);
  EXPECT_EQ(matches[0].offset_years, -2);
  EXPECT_EQ(matches[1].given_year, 2005);
  EXPECT_EQ(matches[1].nearest_detected, 2007);
  EXPECT_EQ(matches[1].offset_years, 2);
}

TEST(ComparePeriods, PrefersTheEarlierBoundaryOnATieAndReportsNoneWhenNothingWasDetected) {
  std::vector<Period> detected = {
      {2000, 2002, 0, {}, 0}, {2003, 2006, 0, {}, 0}, {2007, 2010, 0, {}, 0}};
  std::vector<BoundaryMatch> matches = ComparePeriods(detected, {{2000, 2004}, {2005, 2010}});
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].nearest_detected, 2003);
  std::vector<BoundaryMatch> none =
      ComparePeriods({{2000, 2010, 0, {}, 0}}, {{2000, 2004}, {2005, 2010}});
  ASSERT_EQ(none.size(), 1u);
  EXPECT_FALSE(none[0].nearest_detected.has_value());
}

}  // namespace
}  // namespace defcoop::analysis
