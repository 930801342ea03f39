#include "defcoop/analysis/shock.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>

namespace defcoop::analysis {
namespace {

// R's binom.test treats probabilities within this factor of the observed one as equal
// ("relErr <- 1 + 1e-07" in its two-sided branch), so rounding never splits ties.
constexpr double kRelErr = 1 + 1e-7;

// Placebo statistics closer than this count as equal: the statistic is a difference of
// counts scaled by a ratio of day counts, so genuine differences are far larger.
constexpr double kStatisticTolerance = 1e-9;

bool AtLeast(double value, double threshold) { return value >= threshold - kStatisticTolerance; }

double BinomialLogPmf(int k, int n, double p) {
  return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) + k * std::log(p) +
         (n - k) * std::log1p(-p);
}

double BinomialPmf(int k, int n, double p) {
  if (k < 0 || k > n) return 0;
  return std::exp(BinomialLogPmf(k, n, p));
}

// P(first <= X <= last) by summing probabilities: accurate in both tails, where
// 1 - (the other side) would cancel.
double BinomialRange(int first, int last, int n, double p) {
  double sum = 0;
  for (int k = std::max(first, 0); k <= std::min(last, n); ++k) sum += BinomialPmf(k, n, p);
  return sum;
}

// Howard Hinnant's civil_from_days, the inverse of Date::DaysSinceEpoch.
Date FromDays(long days) {
  days += 719468;
  long era = (days >= 0 ? days : days - 146096) / 146097;
  long doe = days - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

// The same day `months` months later (or earlier), clamped to the month's last day.
long AddMonths(long day_index, int months) {
  Date date = FromDays(day_index);
  int month_index = date.year * 12 + (date.month - 1) + months;
  int year = month_index / 12;
  int month = month_index % 12 + 1;
  return Date{year, month, std::min(date.day, DaysInMonth(year, month))}.DaysSinceEpoch();
}

long Shift(long day_index, int length, WindowUnit unit) {
  return unit == WindowUnit::kDays ? day_index + length : AddMonths(day_index, length);
}

// Half-open day ranges [begin_, end_).
struct Windows {
  long before_begin = 0;
  long shock = 0;
  long after_end = 0;
};

Windows WindowsAt(long shock, const ShockOptions& options) {
  return {Shift(shock, -options.window_length, options.window_unit), shock,
          Shift(shock, options.window_length, options.window_unit)};
}

// An event as the inclusive range of days it may stand for.
struct EventDays {
  long first = 0;
  long last = 0;
};

struct Counts {
  int before = 0;
  int after = 0;
  int ambiguous = 0;
};

Counts CountEvents(const std::vector<EventDays>& events, const Windows& windows) {
  Counts counts;
  for (const EventDays& event : events) {
    if (event.last < windows.before_begin || event.first >= windows.after_end) continue;
    if (event.first >= windows.before_begin && event.last < windows.shock) {
      ++counts.before;
    } else if (event.first >= windows.shock && event.last < windows.after_end) {
      ++counts.after;
    } else {
      ++counts.ambiguous;
    }
  }
  return counts;
}

double Excess(const Counts& counts, const Windows& windows) {
  double ratio = static_cast<double>(windows.after_end - windows.shock) /
                 static_cast<double>(windows.shock - windows.before_begin);
  return counts.after - counts.before * ratio;
}

std::vector<EventDays> ToDays(const std::vector<Date>& events) {
  std::vector<EventDays> days;
  for (const Date& date : events) {
    days.push_back({date.Earliest().DaysSinceEpoch(), date.Latest().DaysSinceEpoch()});
  }
  return days;
}

// Inclusive [first, last] day span for placebo dates; empty (first > last) without data.
struct Span {
  long first = 1;
  long last = 0;
};

// The events' span or the one given, widened to cover the shock's windows.
Span DataSpan(const std::vector<EventDays>& events, const Windows& shock,
              const ShockOptions& options) {
  Span span{shock.before_begin, shock.after_end - 1};
  for (const EventDays& event : events) {
    span.first = std::min(span.first, event.first);
    span.last = std::max(span.last, event.last);
  }
  if (options.span_from)
    span.first = std::min(shock.before_begin, options.span_from->Earliest().DaysSinceEpoch());
  if (options.span_to)
    span.last = std::max(shock.after_end - 1, options.span_to->Latest().DaysSinceEpoch());
  return span;
}

bool Overlap(const Windows& a, const Windows& b) {
  return a.before_begin < b.after_end && b.before_begin < a.after_end;
}

long NextPlaceboDay(long day_index, PlaceboStep step) {
  if (step == PlaceboStep::kDay) return day_index + 1;
  Date date = FromDays(day_index);
  return AddMonths(Date{date.year, date.month, 1}.DaysSinceEpoch(), 1);
}

long FirstPlaceboDay(long span_first, PlaceboStep step) {
  Date date = FromDays(span_first);
  if (step == PlaceboStep::kDay || date.day == 1) return span_first;
  return NextPlaceboDay(span_first, step);
}

void AddPlacebo(const std::vector<EventDays>& events, const Windows& shock,
                const ShockOptions& options, ShockTest* test) {
  Span span = DataSpan(events, shock, options);
  test->span_from = FromDays(span.first);
  test->span_to = FromDays(span.last);
  for (long day = FirstPlaceboDay(span.first, options.placebo_step); day <= span.last;
       day = NextPlaceboDay(day, options.placebo_step)) {
    Windows windows = WindowsAt(day, options);
    if (windows.before_begin < span.first) continue;
    if (windows.after_end > span.last + 1) break;  // later dates end even later
    if (Overlap(windows, shock)) {
      ++test->overlapping;
      continue;
    }
    Counts counts = CountEvents(events, windows);
    test->placebo.push_back({FromDays(day), counts.before, counts.after, Excess(counts, windows)});
  }
}

void RankAgainstPlacebo(ShockTest* test) {
  if (test->placebo.empty()) return;
  for (const PlaceboPoint& point : test->placebo) test->placebo_empty += point.before + point.after == 0;
  test->placebo_underpowered =
      test->placebo_empty > kMaxEmptyPlaceboShare * static_cast<double>(test->placebo.size());
  int larger = 0, at_least = 0, at_least_abs = 0;
  for (const PlaceboPoint& point : test->placebo) {
    if (point.statistic > test->statistic + kStatisticTolerance) ++larger;
    if (AtLeast(point.statistic, test->statistic)) ++at_least;
    if (AtLeast(std::fabs(point.statistic), std::fabs(test->statistic))) ++at_least_abs;
  }
  // The shock counts among the dates drawn from: (1 + k) / (n + 1).
  double total = static_cast<double>(test->placebo.size()) + 1;
  test->placebo_rank = 1 + larger;
  test->placebo_p_greater = (1 + at_least) / total;
  test->placebo_p_two_sided = (1 + at_least_abs) / total;
}

Status CheckOptions(const ShockOptions& options) {
  if (options.window_length < 1) {
    return Status::InvalidInput("shock: the window length must be at least 1 (got " +
                                std::to_string(options.window_length) + ")");
  }
  if (options.span_from && options.span_to && *options.span_to < *options.span_from) {
    return Status::InvalidInput("shock: the span ends (" + options.span_to->ToString() +
                                ") before it starts (" + options.span_from->ToString() + ")");
  }
  return Status::Ok();
}

}  // namespace

double BinomialTwoSidedP(int x, int n, double p) {
  assert(n >= 0 && x >= 0 && x <= n && p >= 0 && p <= 1);
  if (p == 0) return x == 0 ? 1 : 0;
  if (p == 1) return x == n ? 1 : 0;
  double expected = n * p;
  if (x == expected) return 1;
  double limit = BinomialPmf(x, n, p) * kRelErr;
  double pvalue = 0;
  if (x < expected) {
    // Outcomes above the mean at most as likely as x: R counts them as y and adds the
    // upper tail from n - y + 1 (the pmf is unimodal, so they form that tail).
    int y = 0;
    for (int k = static_cast<int>(std::ceil(expected)); k <= n; ++k)
      y += BinomialPmf(k, n, p) <= limit;
    pvalue = BinomialRange(0, x, n, p) + BinomialRange(n - y + 1, n, n, p);
  } else {
    int y = 0;
    for (int k = 0; k <= static_cast<int>(std::floor(expected)); ++k)
      y += BinomialPmf(k, n, p) <= limit;
    pvalue = BinomialRange(0, y - 1, n, p) + BinomialRange(x, n, n, p);
  }
  return std::min(1.0, pvalue);
}

RateTest PoissonRateTest(int after, double after_exposure, int before, double before_exposure) {
  assert(after >= 0 && before >= 0 && after_exposure > 0 && before_exposure > 0);
  int n = after + before;
  double p = after_exposure / (after_exposure + before_exposure);
  RateTest test;
  test.p_two_sided = BinomialTwoSidedP(after, n, p);
  test.p_greater = std::min(1.0, BinomialRange(after, n, n, p));  // P(X >= after)
  if (before > 0) test.rate_ratio = (after / after_exposure) / (before / before_exposure);
  return test;
}

Result<ShockTest> TestShock(const std::vector<Date>& events, const Date& shock,
                            const ShockOptions& options) {
  DEFCOOP_RETURN_IF_ERROR(CheckOptions(options));
  std::vector<EventDays> event_days = ToDays(events);
  long shock_day = shock.Earliest().DaysSinceEpoch();
  Windows windows = WindowsAt(shock_day, options);
  Counts counts = CountEvents(event_days, windows);
  ShockTest test;
  test.shock = shock.Earliest();
  test.before_from = FromDays(windows.before_begin);
  test.after_to = FromDays(windows.after_end - 1);
  test.before_days = windows.shock - windows.before_begin;
  test.after_days = windows.after_end - windows.shock;
  test.before = counts.before;
  test.after = counts.after;
  test.ambiguous = counts.ambiguous;
  test.underpowered = counts.before + counts.after < kMinEventsForTest;
  test.test = PoissonRateTest(counts.after, static_cast<double>(test.after_days), counts.before,
                              static_cast<double>(test.before_days));
  test.statistic = Excess(counts, windows);
  AddPlacebo(event_days, windows, options, &test);
  RankAgainstPlacebo(&test);
  return test;
}

}  // namespace defcoop::analysis
