// Periods of a yearly series: change points in the mean, found by PELT (Killick,
// Fearnhead & Eckley 2012, "Optimal detection of changepoints with a linear
// computational cost", JASA 107(500)), so that a claim like "Turkish imports fell in
// three periods: 1970s-1990s, 1990s-2004, 2005-2023" can be checked against the data.
//
// Contract: the series must cover consecutive years with no gaps or repeats; a year
// without deliveries is a 0, which the caller writes (absence in SIPRI means no
// deliveries, but only the caller knows that), and only for the years the source
// covers (CoveredYears). Empty, non-consecutive, non-finite or
// (with log_values) negative input yields an InvalidInput Status, never an exception.
// The cost of a segment is the Gaussian mean-shift cost, the sum of squared deviations
// from the segment mean, computed on log(value + 1) when log_values is set: arms
// transfers grow multiplicatively, and the +1 keeps years with zero deliveries finite
// (log 0 is undefined) while leaving large values almost unchanged. Pelt and
// OptimalPartitioning are public so that tests can check that PELT's pruning never
// loses the optimum. Everything here is a pure function.
#pragma once

#include <optional>
#include <vector>

#include "defcoop/core/date.h"
#include "defcoop/core/model.h"
#include "defcoop/core/status.h"

namespace defcoop::analysis {

struct YearValue {
  int year = 0;
  double value = 0;
};

enum class PenaltyKind {
  // 2·σ̂²·log(n): the BIC/SIC of R's changepoint package for a change in mean,
  // see BicPenalty below.
  kBic,
  kManual,  // PeltOptions::penalty_value, on the scale of the cost (squared units)
};

struct PeltOptions {
  PenaltyKind penalty = PenaltyKind::kBic;
  double penalty_value = 0;    // used when penalty == kManual; must be >= 0
  int min_segment_length = 3;  // years; >= 1
  bool log_values = true;      // cost on log(value + 1) instead of the raw values
};

// A segmentation of x[0, n): `ends` holds each segment's exclusive end index in
// increasing order, the last one being n. `cost` is the sum of the segment costs plus
// one penalty per segment (the quantity both algorithms minimise).
struct Segmentation {
  std::vector<int> ends;
  double cost = 0;
};

// The exact minimum-cost segmentation with every segment at least min_segment_length
// long (a series shorter than 2·min_segment_length is one segment). Pelt prunes,
// OptimalPartitioning (Jackson et al. 2005) tries every last change point: O(n²).
// Among equal-cost segmentations both pick the one with the earliest last change.
// Preconditions (asserted, not checked): x not empty, min_segment_length >= 1,
// penalty >= 0.
Segmentation Pelt(const std::vector<double>& x, double penalty, int min_segment_length);
Segmentation OptimalPartitioning(const std::vector<double>& x, double penalty,
                                 int min_segment_length);

// The noise scale σ̂ the BIC penalty is set with: the mean absolute first difference,
// scaled to the standard deviation under normality. For independent N(μ, σ²) values a
// difference x[t] - x[t-1] is N(0, 2σ²), whose mean absolute value is 2σ/√π, so
// σ̂ = mean|diff(x)|·√π/2. Differences leave out a change in mean except at the change
// itself, which adds one term of |jump|/(n - 1). Unlike the median absolute deviation
// of the differences (Fryzlewicz 2014, Ann. Statist. 42(6)), which this replaced, it
// cannot collapse: a yearly SIPRI series with many years without deliveries has more
// than half of its differences at or near 0, so their MAD was 0.049 for Türkiye's
// exports 1970–2023 and 0.004 for Ukraine's, a penalty so small that PELT split every
// few years. σ̂ is 0 only for a constant series (then 1, see BicPenalty).
double NoiseScale(const std::vector<double>& x);

// The BIC penalty for a Gaussian change in mean, on the scale of the cost:
// 2·σ̂²·log(n). R's changepoint package (Killick & Eckley 2014, J. Stat. Softw. 58(3),
// function penalty_decision) sets "BIC"/"SIC" = (p + 1)·log(n) with p = 1 parameter
// per segment for a change in mean, i.e. 2·log(n), for data of unit variance. We
// scale the data's variance out instead of the data, with σ̂ = NoiseScale(x); a
// constant series gets penalty 2·log(n), which keeps it one segment.
double BicPenalty(const std::vector<double>& x);

struct Period {
  int start_year = 0;
  int end_year = 0;  // inclusive
  double mean = 0;   // mean of the raw values (not the logs) over the period
  // This period's mean divided by the previous one's (2.0 = doubled); empty for the
  // first period and when the previous mean is 0.
  std::optional<double> change_vs_previous;
  double difference_vs_previous = 0;  // mean minus the previous mean; 0 for the first
};

// Periods of `series` in year order (the series may come in any order; it is sorted
// by year first). InvalidInput when the series is empty, has a gap or a repeated year, a
// non-finite value, a negative value with log_values, min_segment_length < 1 or a
// negative manual penalty; the message names the offending year. The periods' change
// points are those of Pelt on the (log-)values with the chosen penalty.
Result<std::vector<Period>> DetectPeriods(std::vector<YearValue> series,
                                          const PeltOptions& options = {});

// How firm the number of periods is: the periods found with the penalty multiplied by
// each of kSensitivityMultipliers (a quarter of the chosen penalty to four times it).
// A count that holds over the whole range is firm; one that changes with a doubling
// of the penalty is not.
inline constexpr double kSensitivityMultipliers[] = {0.25, 0.5, 1, 2, 4};

struct PenaltyTrial {
  double multiplier = 1;
  double penalty = 0;            // on the cost's scale
  std::vector<int> boundaries;   // first year of every period but the first
};

// The trials for kSensitivityMultipliers, in that order, around the penalty `options`
// chooses (BicPenalty or the manual one). Same errors as DetectPeriods.
Result<std::vector<PenaltyTrial>> PenaltySensitivity(std::vector<YearValue> series,
                                                     const PeltOptions& options = {});

// The penalty DetectPeriods uses for `series` with `options` (BicPenalty on the
// transformed values, or the manual value). Same errors as DetectPeriods.
Result<double> ChosenPenalty(std::vector<YearValue> series, const PeltOptions& options = {});

// The years of `wanted` inside `coverage`, the years a source covers: a register that
// starts in 1995 says nothing about 1970–1994 (unknown, not zero), so a series is
// never filled with zeros there. Empty (first > last) when the two do not overlap.
YearRange CoveredYears(YearRange wanted, YearRange coverage);

// The years of the first and last delivery in `transfers`: the years a register
// covers. {9999, 0} (empty) without deliveries.
YearRange DeliveryYears(const std::vector<Transfer>& transfers);

// How a detected boundary lines up with one boundary of a source's periods. A
// boundary is the first year of every period but the first: for the article's
// 1970s-1990s / 1990s-2004 / 2005-2023, the given boundaries are 1990 and 2005.
struct BoundaryMatch {
  int given_year = 0;
  std::optional<int> nearest_detected;  // empty when nothing was detected
  int offset_years = 0;                 // nearest_detected - given_year (negative: earlier)
};

// For each given boundary, the nearest detected one (the earlier on a tie). `given`
// is taken in order; its periods need not touch or be disjoint.
std::vector<BoundaryMatch> ComparePeriods(const std::vector<Period>& detected,
                                          const std::vector<YearRange>& given);

}  // namespace defcoop::analysis
