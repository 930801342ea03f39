#include "defcoop/analysis/periods.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <string>

namespace defcoop::analysis {
namespace {

// Pruning compares sums of costs; a candidate is dropped only when it is worse by more
// than rounding (relative to the magnitude compared), so that ties are never pruned.
constexpr double kPruneRelativeSlack = 1e-12;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Prefix sums of x and x² so that any segment's cost is O(1).
class SegmentCost {
 public:
  explicit SegmentCost(const std::vector<double>& x) : sum_(x.size() + 1), sum_sq_(x.size() + 1) {
    for (size_t idx = 0; idx < x.size(); ++idx) {
      sum_[idx + 1] = sum_[idx] + x[idx];
      sum_sq_[idx + 1] = sum_sq_[idx] + x[idx] * x[idx];
    }
  }

  // Sum of squared deviations from the mean of x[begin, end).
  double operator()(int begin, int end) const {
    double sum = sum_[end] - sum_[begin];
    double cost = sum_sq_[end] - sum_sq_[begin] - sum * sum / (end - begin);
    return std::max(cost, 0.0);  // cancellation can leave -1e-16 for constant segments
  }

 private:
  std::vector<double> sum_;
  std::vector<double> sum_sq_;
};

// The dynamic programme shared by both algorithms: best[t] is the minimum cost of
// x[0, t), reached with the last segment [last_change[t], t). Only t = 0 and t >= m can
// end a segmentation of x[0, t); the others stay infinite.
class PrefixTable {
 public:
  PrefixTable(const std::vector<double>& x, double penalty)
      : cost_(x), penalty_(penalty), best_(x.size() + 1, kInfinity), last_change_(x.size() + 1, 0) {
    best_[0] = 0;
  }

  // Considers [s, t) as the last segment of x[0, t); on a tie the earlier s stays.
  void Relax(int s, int t) {
    double candidate = best_[s] + cost_(s, t) + penalty_;
    if (candidate < best_[t]) {
      best_[t] = candidate;
      last_change_[t] = s;
    }
  }

  // Killick et al.'s pruning test with K = 0 (valid for this cost): whether s can no
  // longer beat t as a last change point. Ties are never pruned.
  bool Beaten(int s, int t) const {
    return best_[s] + cost_(s, t) > best_[t] + kPruneRelativeSlack * (1 + std::fabs(best_[t]));
  }

  // Walks back from n through the best last change point of each prefix.
  Segmentation Backtrack(int n) const {
    Segmentation result;
    result.cost = best_[n];
    for (int end = n; end > 0; end = last_change_[end]) result.ends.push_back(end);
    std::reverse(result.ends.begin(), result.ends.end());
    return result;
  }

 private:
  SegmentCost cost_;
  double penalty_;
  std::vector<double> best_;
  std::vector<int> last_change_;
};

Segmentation SingleSegment(const std::vector<double>& x, double penalty) {
  int n = static_cast<int>(x.size());
  return Segmentation{{n}, SegmentCost(x)(0, n) + penalty};
}

// E|X1 - X2| = 2σ/√π for independent N(μ, σ²) values: the factor turns a mean absolute
// difference into σ.
const double kMeanAbsDiffToSd = std::sqrt(std::acos(-1.0)) / 2;

Status CheckSeries(const std::vector<YearValue>& series, const PeltOptions& options) {
  if (series.empty()) return Status::InvalidInput("periods: the series is empty");
  if (options.min_segment_length < 1) {
    return Status::InvalidInput("periods: the minimum segment length must be at least 1 year");
  }
  if (options.penalty == PenaltyKind::kManual && !(options.penalty_value >= 0)) {
    return Status::InvalidInput("periods: the manual penalty must be a number >= 0");
  }
  for (size_t idx = 0; idx < series.size(); ++idx) {
    const YearValue& point = series[idx];
    std::string year = std::to_string(point.year);
    if (!std::isfinite(point.value)) {
      return Status::InvalidInput("periods: the value for " + year + " is not a finite number");
    }
    if (options.log_values && point.value < 0) {
      return Status::InvalidInput("periods: the value for " + year +
                                  " is negative; log(value + 1) needs values >= 0");
    }
    if (idx == 0 || point.year == series[idx - 1].year + 1) continue;
    if (point.year == series[idx - 1].year) {
      return Status::InvalidInput("periods: the year " + year + " appears more than once");
    }
    return Status::InvalidInput("periods: the years must be consecutive, but " +
                                std::to_string(series[idx - 1].year) + " is followed by " + year +
                                " (write 0 for years without deliveries)");
  }
  return Status::Ok();
}

Status SortAndCheck(std::vector<YearValue>& series, const PeltOptions& options) {
  std::sort(series.begin(), series.end(),
            [](const YearValue& a, const YearValue& b) { return a.year < b.year; });
  return CheckSeries(series, options);
}

std::vector<double> Transformed(const std::vector<YearValue>& series, bool log_values) {
  std::vector<double> x;
  for (const YearValue& point : series)
    x.push_back(log_values ? std::log1p(point.value) : point.value);
  return x;
}

double PenaltyFor(const std::vector<double>& x, const PeltOptions& options) {
  return options.penalty == PenaltyKind::kBic ? BicPenalty(x) : options.penalty_value;
}

std::vector<Period> ToPeriods(const std::vector<YearValue>& series, const std::vector<int>& ends) {
  std::vector<Period> periods;
  int begin = 0;
  for (int end : ends) {
    Period period{series[begin].year, series[end - 1].year, 0, std::nullopt, 0};
    for (int idx = begin; idx < end; ++idx) period.mean += series[idx].value;
    period.mean /= end - begin;
    if (!periods.empty()) {
      double previous = periods.back().mean;
      period.difference_vs_previous = period.mean - previous;
      if (previous != 0) period.change_vs_previous = period.mean / previous;
    }
    periods.push_back(period);
    begin = end;
  }
  return periods;
}

}  // namespace

Segmentation OptimalPartitioning(const std::vector<double>& x, double penalty,
                                 int min_segment_length) {
  assert(!x.empty() && min_segment_length >= 1 && penalty >= 0);
  int n = static_cast<int>(x.size());
  int m = min_segment_length;
  if (n < 2 * m) return SingleSegment(x, penalty);
  PrefixTable table(x, penalty);
  for (int t = m; t <= n; ++t) {
    table.Relax(0, t);
    for (int s = m; s <= t - m; ++s) table.Relax(s, t);
  }
  return table.Backtrack(n);
}

Segmentation Pelt(const std::vector<double>& x, double penalty, int min_segment_length) {
  assert(!x.empty() && min_segment_length >= 1 && penalty >= 0);
  int n = static_cast<int>(x.size());
  int m = min_segment_length;
  if (n < 2 * m) return SingleSegment(x, penalty);
  PrefixTable table(x, penalty);
  // Candidate last change points in increasing order, each with the time it leaves the
  // set. Beaten(s, t) proves s loses to t only for ends T where [t, T) is a segment,
  // i.e. T >= t + m, so s is dropped at t + m rather than at once.
  struct Candidate {
    int s;
    int drop_at;
  };
  std::vector<Candidate> candidates;
  for (int t = m; t <= n; ++t) {
    // x[0, s) with 0 < s < m cannot be segmented, so such s never become candidates.
    if (t - m == 0 || t - m >= m) candidates.push_back({t - m, n + 1});
    std::erase_if(candidates, [t](const Candidate& c) { return c.drop_at <= t; });
    for (const Candidate& c : candidates) table.Relax(c.s, t);
    for (Candidate& c : candidates) {
      if (table.Beaten(c.s, t)) c.drop_at = std::min(c.drop_at, t + m);
    }
  }
  return table.Backtrack(n);
}

double NoiseScale(const std::vector<double>& x) {
  if (x.size() < 2) return 0;
  double sum = 0;
  for (size_t idx = 1; idx < x.size(); ++idx) sum += std::fabs(x[idx] - x[idx - 1]);
  return kMeanAbsDiffToSd * sum / static_cast<double>(x.size() - 1);
}

double BicPenalty(const std::vector<double>& x) {
  double sigma = NoiseScale(x);
  if (sigma == 0) sigma = 1;  // constant series: any positive penalty keeps one segment
  return 2 * sigma * sigma * std::log(static_cast<double>(x.size()));
}

Result<double> ChosenPenalty(std::vector<YearValue> series, const PeltOptions& options) {
  DEFCOOP_RETURN_IF_ERROR(SortAndCheck(series, options));
  return PenaltyFor(Transformed(series, options.log_values), options);
}

Result<std::vector<Period>> DetectPeriods(std::vector<YearValue> series,
                                          const PeltOptions& options) {
  DEFCOOP_RETURN_IF_ERROR(SortAndCheck(series, options));
  std::vector<double> x = Transformed(series, options.log_values);
  Segmentation segmentation = Pelt(x, PenaltyFor(x, options), options.min_segment_length);
  return ToPeriods(series, segmentation.ends);
}

Result<std::vector<PenaltyTrial>> PenaltySensitivity(std::vector<YearValue> series,
                                                     const PeltOptions& options) {
  DEFCOOP_RETURN_IF_ERROR(SortAndCheck(series, options));
  std::vector<double> x = Transformed(series, options.log_values);
  double chosen = PenaltyFor(x, options);
  std::vector<PenaltyTrial> trials;
  for (double multiplier : kSensitivityMultipliers) {
    PenaltyTrial trial{multiplier, chosen * multiplier, {}};
    Segmentation segmentation = Pelt(x, trial.penalty, options.min_segment_length);
    for (size_t idx = 0; idx + 1 < segmentation.ends.size(); ++idx)
      trial.boundaries.push_back(series[segmentation.ends[idx]].year);
    trials.push_back(std::move(trial));
  }
  return trials;
}

YearRange CoveredYears(YearRange wanted, YearRange coverage) {
  return {std::max(wanted.first, coverage.first), std::min(wanted.last, coverage.last)};
}

YearRange DeliveryYears(const std::vector<Transfer>& transfers) {
  YearRange span{9999, 0};
  for (const Transfer& transfer : transfers) {
    for (const Delivery& delivery : transfer.deliveries) {
      span.first = std::min(span.first, delivery.year);
      span.last = std::max(span.last, delivery.year);
    }
  }
  return span;
}

std::vector<BoundaryMatch> ComparePeriods(const std::vector<Period>& detected,
                                          const std::vector<YearRange>& given) {
  std::vector<int> detected_years;
  for (size_t idx = 1; idx < detected.size(); ++idx)
    detected_years.push_back(detected[idx].start_year);
  std::vector<BoundaryMatch> matches;
  for (size_t idx = 1; idx < given.size(); ++idx) {
    BoundaryMatch match{given[idx].first, std::nullopt, 0};
    for (int year : detected_years) {
      int offset = year - match.given_year;
      if (!match.nearest_detected || std::abs(offset) < std::abs(match.offset_years)) {
        match.nearest_detected = year;
        match.offset_years = offset;
      }
    }
    matches.push_back(match);
  }
  return matches;
}

}  // namespace defcoop::analysis
