// `defcoop periods SERIES [--years A-B] [--penalty bic|N] [--min-length N] [--raw]
// [--compare A-B,C-D,...] [--vintage V]`: development periods of a yearly series found
// by PELT (analysis/periods.h). SERIES is exports:COUNTRY or imports:COUNTRY (delivered
// SIPRI TIV; years without deliveries are 0) or indicator:METRIC:ACTOR (curated
// indicators of single years). The detected boundaries are compared with a source's
// periods: --compare, or by default for Türkiye's exports the article's three periods.
#include "defcoop/analysis/periods.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>

#include "sipri_data.h"

namespace defcoop::cli {
namespace {

// The article's periodisation of Türkiye's defense industry (claim:three-periods).
constexpr const char* kArticlePeriods = "1970-1990,1990-2004,2005-2023";
constexpr const char* kArticleSource =
    "bazarbayev2024 [section \"Türkiye's Defense Industry Evolution: From Embargoes to Global "
    "Leadership\", para. 1; section \"Conclusion\", para. 1]";

struct PeriodsOptions {
  std::string series;
  std::string years;
  std::string penalty = "bic";
  int min_length = 3;
  bool raw = false;
  std::string compare;
  std::string vintage;
};

enum class SeriesKind { kExports, kImports, kIndicator };

struct SeriesSpec {
  SeriesKind kind = SeriesKind::kExports;
  std::string metric;  // indicators only
  std::string actor;   // as the user wrote it
};

// What the command computes on, whichever source it came from.
struct Series {
  std::vector<analysis::YearValue> values;
  std::vector<std::string> actors;  // resolved ids
  bool approximate = false;
  int skipped = 0;  // indicator rows for a period longer than a year
  std::optional<YearRange> coverage;  // the register's years, when --years reached outside
};

Result<SeriesSpec> ParseSeries(const std::string& text) {
  size_t colon = text.find(':');
  std::string kind = text.substr(0, colon);
  std::string rest = colon == std::string::npos ? "" : text.substr(colon + 1);
  if (kind == "exports" && !rest.empty()) return SeriesSpec{SeriesKind::kExports, "", rest};
  if (kind == "imports" && !rest.empty()) return SeriesSpec{SeriesKind::kImports, "", rest};
  size_t second = rest.find(':');
  if (kind == "indicator" && second != std::string::npos && second > 0 &&
      second + 1 < rest.size()) {
    return SeriesSpec{SeriesKind::kIndicator, rest.substr(0, second), rest.substr(second + 1)};
  }
  return Status::Usage("unknown series '" + text +
                       "' (use exports:COUNTRY, imports:COUNTRY or indicator:METRIC:ACTOR)");
}

Result<analysis::PeltOptions> ParsePelt(const PeriodsOptions& options) {
  analysis::PeltOptions pelt;
  pelt.min_segment_length = options.min_length;
  pelt.log_values = !options.raw;
  if (options.min_length < 1) return Status::Usage("--min-length must be at least 1");
  if (options.penalty == "bic") return pelt;
  size_t used = 0;
  try {
    pelt.penalty_value = std::stod(options.penalty, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != options.penalty.size() || !std::isfinite(pelt.penalty_value) ||
      pelt.penalty_value < 0) {
    return Status::Usage("--penalty must be 'bic' or a number >= 0, not '" + options.penalty + "'");
  }
  pelt.penalty = analysis::PenaltyKind::kManual;
  return pelt;
}

Result<std::vector<YearRange>> ParseCompare(const std::string& text) {
  std::vector<YearRange> periods;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string item =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    auto range = ParseYearRange(item);
    if (!range.ok()) return Status::Usage("--compare: " + range.status().message());
    periods.push_back(*range);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return periods;
}

Result<Series> SipriSeries(const Context& context, const SipriData& data, const SeriesSpec& spec,
                           const std::string& years_text, Output* output) {
  auto actors = ResolveActors(data.index, {spec.actor});
  if (!actors.ok()) return actors.status();
  analysis::TivFilter filter;
  (spec.kind == SeriesKind::kExports ? filter.suppliers : filter.recipients) = *actors;
  std::vector<analysis::TivRow> rows =
      analysis::AggregateTiv(data.transfers, filter, {analysis::TivGroup::kYear});
  DEFCOOP_RETURN_IF_ERROR(UseExactYears(context, data, filter, &rows, output));
  YearRange years{0, -1};
  Series series;
  if (!years_text.empty()) {
    auto parsed = ParseYearRange(years_text);
    if (!parsed.ok()) return Status::Usage(parsed.status().message());
    // Years the register does not cover are unknown, not years without deliveries.
    years = analysis::CoveredYears(*parsed, data.span);
    if (!(years == *parsed)) series.coverage = data.span;
  } else if (!rows.empty()) {
    years = {rows.front().year, rows.back().year};
  }
  if (years.Length() < 1)
    return Status::NotFound("no deliveries for " + spec.actor + " in vintage " + data.vintage +
                            (series.coverage ? " in the years it covers, " +
                                                   series.coverage->ToString()
                                             : ""));
  std::set<std::string> ids = actors->Ids();
  series.actors.assign(ids.begin(), ids.end());
  for (int year = years.first; year <= years.last; ++year) series.values.push_back({year, 0});
  for (const analysis::TivRow& row : rows) {
    if (!years.Contains(row.year)) continue;
    series.values[row.year - years.first].value = row.tiv;
    series.approximate = series.approximate || row.approximate;
  }
  return series;
}

Result<Series> IndicatorSeries(const Context& context, const SeriesSpec& spec,
                               const std::string& years_text) {
  auto loaded = LoadCuratedData(context);
  if (!loaded.ok()) return loaded.status();
  const Dataset& data = (*loaded)->curated;
  auto actor = (*loaded)->index.Resolve(spec.actor);
  if (!actor.ok()) return actor.status();
  std::optional<YearRange> years;
  if (!years_text.empty()) {
    auto parsed = ParseYearRange(years_text);
    if (!parsed.ok()) return Status::Usage(parsed.status().message());
    years = *parsed;
  }
  Series series;
  series.actors = {actor->id};
  for (const Indicator& indicator : data.indicators) {
    if (indicator.actor_id != actor->id || indicator.metric != spec.metric) continue;
    auto year = ParseDate(indicator.period);
    if (!year.ok() || year->precision() != DatePrecision::kYear) {
      ++series.skipped;
      continue;
    }
    if (!years || years->Contains(year->year))
      series.values.push_back({year->year, indicator.value});
  }
  if (series.values.empty()) {
    return Status::NotFound("no yearly indicator '" + spec.metric + "' for " + actor->id);
  }
  return series;
}

std::string SeriesLabel(const SeriesSpec& spec, const Series& series) {
  std::string actors;
  for (const std::string& id : series.actors) actors += (actors.empty() ? "" : "+") + id;
  if (spec.kind == SeriesKind::kIndicator) return "indicator:" + spec.metric + ":" + actors;
  return (spec.kind == SeriesKind::kExports ? "exports:" : "imports:") + actors;
}

void AddPeriodRows(const std::vector<analysis::Period>& periods, Output* output) {
  output->columns = {
      "period", "start", "end", "mean", "change_vs_previous", "difference_vs_previous"};
  for (size_t idx = 0; idx < periods.size(); ++idx) {
    const analysis::Period& period = periods[idx];
    nlohmann::ordered_json change = nullptr;
    if (period.change_vs_previous) change = *period.change_vs_previous;
    output->rows.push_back({{"period", idx + 1},
                            {"start", period.start_year},
                            {"end", period.end_year},
                            {"mean", period.mean},
                            {"change_vs_previous", change},
                            {"difference_vs_previous", period.difference_vs_previous}});
  }
}

// How the number of periods changes with the penalty (analysis::PenaltySensitivity).
void AddSensitivity(const std::vector<analysis::PenaltyTrial>& trials, Output* output) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  std::string text;
  size_t fewest = SIZE_MAX, most = 0;
  for (const analysis::PenaltyTrial& trial : trials) {
    size_t periods = trial.boundaries.size() + 1;
    fewest = std::min(fewest, periods);
    most = std::max(most, periods);
    rows.push_back({{"multiplier", trial.multiplier},
                    {"penalty", trial.penalty},
                    {"periods", periods},
                    {"boundaries", trial.boundaries}});
    text += fmt::format("{}×{} {}", text.empty() ? "" : ", ", trial.multiplier, periods);
  }
  output->meta["sensitivity"] = rows;
  output->meta["periods_range"] = {fewest, most};
  output->notes.push_back(fmt::format(
      "sensitivity: periods found with the penalty multiplied by {}; {} to {} period(s)", text,
      fewest, most));
}

void AddComparison(const std::vector<analysis::Period>& periods,
                   const std::vector<YearRange>& given, bool from_article, Output* output) {
  if (given.empty()) return;
  nlohmann::ordered_json matches = nlohmann::ordered_json::array();
  for (const analysis::BoundaryMatch& match : analysis::ComparePeriods(periods, given)) {
    nlohmann::ordered_json nearest = nullptr;
    std::string text = fmt::format("given boundary {}: ", match.given_year);
    if (match.nearest_detected) {
      nearest = *match.nearest_detected;
      text += fmt::format("nearest detected {} (offset {:+d} years)", *match.nearest_detected,
                          match.offset_years);
    } else {
      text += "no boundary detected";
    }
    matches.push_back({{"given", match.given_year},
                       {"nearest_detected", nearest},
                       {"offset", match.offset_years}});
    output->notes.push_back(text);
  }
  std::vector<std::string> given_text;
  for (const YearRange& range : given) given_text.push_back(range.ToString());
  output->meta["compare_periods"] = given_text;
  output->meta["compare"] = matches;
  if (from_article) {
    output->meta["compare_source"] = kArticleSource;
    output->meta["sources"].push_back("bazarbayev2024");
    output->notes.push_back(std::string("Compared with the article's periods: ") + kArticleSource);
  }
}

Result<Series> LoadSeries(Context& context, const SeriesSpec& spec, const PeriodsOptions& options,
                          SharedData* sipri, Output* output) {
  if (spec.kind == SeriesKind::kIndicator) return IndicatorSeries(context, spec, options.years);
  auto data = LoadSipriData(context, options.vintage);
  if (!data.ok()) return data.status();
  *sipri = *data;
  return SipriSeries(context, **sipri, spec, options.years, output);
}

Status RunPeriods(Context& context, const PeriodsOptions& options) {
  auto spec = ParseSeries(options.series);
  if (!spec.ok()) return spec.status();
  auto pelt = ParsePelt(options);
  if (!pelt.ok()) return pelt.status();
  bool article = options.compare.empty() && spec->kind == SeriesKind::kExports;
  auto given = ParseCompare(options.compare.empty() ? kArticlePeriods : options.compare);
  if (!given.ok()) return given.status();
  SharedData sipri;
  Output output;
  auto series = LoadSeries(context, *spec, options, &sipri, &output);
  if (!series.ok()) return series.status();
  article = article && series->actors == std::vector<std::string>{"TUR"};
  if (!article && options.compare.empty()) given->clear();
  auto periods = analysis::DetectPeriods(series->values, *pelt);
  if (!periods.ok()) return periods.status();
  AddPeriodRows(*periods, &output);
  std::string label = SeriesLabel(*spec, *series);
  output.meta["series"] = label;
  output.meta["years"] =
      YearRange{periods->front().start_year, periods->back().end_year}.ToString();
  output.meta["periods"] = periods->size();
  output.meta["penalty"] = options.penalty == "bic" ? "bic" : "manual";
  auto penalty = analysis::ChosenPenalty(series->values, *pelt);
  if (!penalty.ok()) return penalty.status();
  output.meta["penalty_value"] = *penalty;
  output.meta["min_length"] = options.min_length;
  output.meta["scale"] = pelt->log_values ? "log(value + 1)" : "raw";
  output.notes.push_back(fmt::format(
      "{} period(s) of {} in {}: PELT, {} penalty {:.4g} on {}, minimum length {}", periods->size(),
      label, output.meta["years"].get<std::string>(), output.meta["penalty"].get<std::string>(),
      *penalty, output.meta["scale"].get<std::string>(), options.min_length));
  auto trials = analysis::PenaltySensitivity(series->values, *pelt);
  if (!trials.ok()) return trials.status();
  AddSensitivity(*trials, &output);
  if (series->coverage) {
    output.meta["coverage"] = series->coverage->ToString();
    output.notes.push_back("--years reaches outside the register's years (" +
                           series->coverage->ToString() +
                           "): only the years it covers are used, since the others are unknown");
  }
  if (sipri) {
    AddSipriMeta(*sipri, series->approximate, context.lang, &output);
  } else {
    output.meta["sources"] = nlohmann::ordered_json::array();
    if (series->skipped > 0) output.meta["skipped_multi_year_values"] = series->skipped;
  }
  AddComparison(*periods, *given, article, &output);
  return context.Emit(output);
}

}  // namespace

void AddPeriods(CLI::App* command, Context* context) {
  auto options = std::make_shared<PeriodsOptions>();
  command
      ->add_option("series", options->series,
                   "exports:COUNTRY, imports:COUNTRY or indicator:METRIC:ACTOR")
      ->required();
  command->add_option("--years", options->years,
                      "years A-B (default: the country's first to last delivery year)");
  command->add_option("--penalty", options->penalty,
                      "bic (default) or a number on the cost's scale");
  command->add_option("--min-length", options->min_length,
                      "minimum period length in years (default 3)");
  command->add_flag("--raw", options->raw, "detect on raw values instead of log(value + 1)");
  command->add_option(
      "--compare", options->compare,
      "a source's periods, e.g. 1970-1990,1990-2004,2005-2023 (default for Türkiye's "
      "exports: the article's)");
  command->add_option("--vintage", options->vintage, "SIPRI vintage (default: newest)");
  command->callback([context, options] { context->result = RunPeriods(*context, *options); });
}

}  // namespace defcoop::cli
