// Shock-window tests: did dated events (agreements, deliveries, visits) become more
// frequent after a shock (a war, an embargo) than before it? Events are counted in a
// window of equal calendar length before and after the shock, and the counts are
// compared with the exact conditional test of equal Poisson rates: given the total
// n = before + after, `after` is Binomial(n, t2 / (t1 + t2)) under equal rates, where
// t1 and t2 are the windows' exposures in days. The p-values are exactly those of R's
// poisson.test(c(after, before), c(t2, t1)) (two-sided with binom.test's rule, and
// alternative = "greater"). A placebo distribution repeats the comparison at every
// other possible shock date, so a reader sees whether the real shock stands out.
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

enum class WindowUnit { kMonths, kDays };

// Placebo shock dates: every day, or the first day of every month.
enum class PlaceboStep { kDay, kMonthStart };

struct ShockOptions {
  int window_length = 12;
  WindowUnit window_unit = WindowUnit::kMonths;
  PlaceboStep placebo_step = PlaceboStep::kMonthStart;
  // The span the data covers; placebo dates are those whose two windows fit inside it.
  // Empty: from the first day of the earliest event to the last day of the latest one.
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
  RateTest test;
  // The placebo statistic, the excess of events after the shock over what the before
  // rate predicts for the after window: after - before · t2 / t1. For equal windows this
  // is after - before; unlike the rate ratio it is defined when before == 0.
  double statistic = 0;
  std::vector<PlaceboPoint> placebo;  // every placebo date but the shock's own, in order
  // 1 + the number of placebo dates with a strictly larger statistic; empty without placebo.
  std::optional<int> placebo_rank;
  // Share of placebo dates with statistic >= the shock's (one-sided: "more after"), and
  // with |statistic| >= |the shock's| (two-sided). Empty without placebo dates.
  std::optional<double> placebo_p_greater;
  std::optional<double> placebo_p_two_sided;
};

// Counts `events` around `shock` and tests them. Events outside both windows are
// ignored; an empty event list is valid (counts 0, p = 1, no placebo dates unless a
// span is given).
Result<ShockTest> TestShock(const std::vector<Date>& events, const Date& shock,
                            const ShockOptions& options = {});

}  // namespace defcoop::analysis
