// Shock-window tests: did dated events (agreements, deliveries, visits) become more
// frequent after a shock (a war, an embargo) than before it? Events are counted in a
// window of equal calendar length before and after the shock, and the counts are
// compared with the exact conditional test of equal Poisson rates: given the total
// n = before + after, `after` is Binomial(n, t2 / (t1 + t2)) under equal rates, where
// t1 and t2 are the windows' exposures in days. The p-values are exactly those of R's
// poisson.test(c(after, before), c(t2, t1)) (two-sided with binom.test's rule, and
// alternative = "greater"). A placebo distribution repeats the comparison at other
// possible shock dates, so a reader sees whether the real shock stands out: every date
// (day or month start) whose two windows fit inside the span and do not overlap the
// shock's own windows (an overlapping date shares the shock's events, so it is not an
// independent comparison). The span always covers the shock's windows, so the shock is
// one of the dates the placebo dates are drawn from, and the placebo p-value counts it:
// (1 + k) / (n + 1) for k of n placebo dates at least as extreme (Phipson & Smyth 2010,
// "Permutation p-values should never be zero", Stat. Appl. Genet. Mol. Biol. 9(1)).
// With fewer than kMinEventsForTest events in the two windows together the test is
// underpowered (ShockTest::underpowered): its p-values are computed but are no finding.
//
// Contract: pure functions on dates; bad options (window length < 1, a span that ends
// before it starts) yield an InvalidInput Status, never an exception. Windows are
// half-open in days: before = [S - L, S), after = [S, S + L), where S is the shock's
// first day (Date::Earliest()) and L is the window length, so an event on the shock
// day counts as after. An event dated to a month or a year covers all its days; it is
// counted in a window only when all of them lie inside it, otherwise it is `ambiguous`
// and not counted (a "2020" event cannot be placed against a shock on 2020-09-27).
#pragma once

#include <optional>
#include <vector>

#include "defcoop/core/date.h"
#include "defcoop/core/status.h"

namespace defcoop::analysis {

// The fewest events (before + after) with which the rate test can find anything: with n
// events and equal windows the most extreme split, all n after, has two-sided
// p = 2·0.5ⁿ, which is below 0.05 only from n = 6 on (2·0.5⁵ = 0.0625). Below it no
// outcome could be significant at 5%, so a p-value would report the sample size, not
// the shock.
inline constexpr int kMinEventsForTest = 6;

// When more than this share of the placebo dates have no event in either window, the
// placebo distribution mostly says where the record has entries at all (how far back
// its curation goes), not how unusual the shock is: its rank and p are no finding
// (ShockTest::placebo_underpowered).
inline constexpr double kMaxEmptyPlaceboShare = 0.5;

enum class WindowUnit { kMonths, kDays };

// Placebo shock dates: every day, or the first day of every month.
enum class PlaceboStep { kDay, kMonthStart };

struct ShockOptions {
  int window_length = 12;
  WindowUnit window_unit = WindowUnit::kMonths;
  PlaceboStep placebo_step = PlaceboStep::kMonthStart;
  // The span the data covers; placebo dates are those whose two windows fit inside it.
  // Empty: from the first day of the earliest event to the last day of the latest one.
  // Either way it is widened to cover the shock's own two windows.
  std::optional<Date> span_from;
  std::optional<Date> span_to;
};

// The exact conditional test of equal Poisson rates for counts `after` in exposure
// `after_exposure` and `before` in `before_exposure` (any unit, both > 0).
struct RateTest {
  double p_two_sided = 1;  // R: poisson.test(c(after, before), c(t2, t1))$p.value
  double p_greater = 1;    // same with alternative = "greater": after's rate is higher
  // (after / t2) / (before / t1); empty when before == 0 (R prints Inf or NaN).
  std::optional<double> rate_ratio;
};
// Both counts 0 gives p = 1 (R's binom.test: x equals its expectation n·p = 0).
// Preconditions (asserted): counts >= 0, exposures > 0.
RateTest PoissonRateTest(int after, double after_exposure, int before, double before_exposure);

// R's binom.test(x, n, p)$p.value, two-sided: the probability of outcomes no more
// likely than x, with R's tolerance relErr = 1 + 1e-7 when comparing probabilities.
double BinomialTwoSidedP(int x, int n, double p);

struct PlaceboPoint {
  Date date;
  int before = 0;
  int after = 0;
  double statistic = 0;
};

struct ShockTest {
  Date shock;            // the first day of the given shock date
  Date before_from;      // first day of the before window
  Date after_to;         // last day of the after window
  long before_days = 0;  // exposures t1 and t2; equal for day windows, within 3 days for months
  long after_days = 0;
  int before = 0;
  int after = 0;
  int ambiguous = 0;  // events overlapping a window that could not be placed
  // before + after < kMinEventsForTest: the p-values below are no finding.
  bool underpowered = false;
  RateTest test;
  // The placebo statistic, the excess of events after the shock over what the before
  // rate predicts for the after window: after - before · t2 / t1. For equal windows this
  // is after - before; unlike the rate ratio it is defined when before == 0.
  double statistic = 0;
  // The span placebo dates were drawn from (first and last day), covering the shock's
  // windows.
  Date span_from;
  Date span_to;
  // Placebo dates, in order: those of the span whose windows fit inside it and do not
  // overlap the shock's windows.
  std::vector<PlaceboPoint> placebo;
  int overlapping = 0;  // dates left out because their windows overlap the shock's
  // 1 + the number of placebo dates with a strictly larger statistic, out of
  // placebo.size() + 1; empty without placebo dates.
  std::optional<int> placebo_rank;
  // (1 + k) / (n + 1), k of the n placebo dates having a statistic >= the shock's
  // (one-sided: "more after"), or |statistic| >= |the shock's| (two-sided). Empty
  // without placebo dates.
  std::optional<double> placebo_p_greater;
  std::optional<double> placebo_p_two_sided;
  int placebo_empty = 0;  // placebo dates with no event in either window
  // placebo_empty > kMaxEmptyPlaceboShare of the placebo dates: the placebo rank and p
  // are no finding.
  bool placebo_underpowered = false;
};

// Counts `events` around `shock` and tests them. Events outside both windows are
// ignored; an empty event list is valid (counts 0, p = 1, underpowered, no placebo
// dates unless a span wider than the shock's windows is given).
Result<ShockTest> TestShock(const std::vector<Date>& events, const Date& shock,
                            const ShockOptions& options = {});

}  // namespace defcoop::analysis
