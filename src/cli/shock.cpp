// `defcoop shock --date D [--window 12m|6m|365d] [--actor X] [--with Y] [--type T]
// [--placebo day|month] [--source curated|dcad]`: curated facts (by default agreements
// between Türkiye and the Turkic states), or with --source dcad DCAD's agreements of the
// same actors, counted in equal windows before and after a shock date, the exact test
// of equal Poisson rates, and the shock's rank among placebo dates over the data's span
// (analysis/shock.h). Facts are selected as `defcoop timeline` selects them. The meta
// and notes state what the test rests on (records, sources, span).
#include "defcoop/analysis/shock.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <memory>

#include "context.h"
#include "defcoop/analysis/shock_timeline.h"
#include "defcoop/analysis/timeline.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

// The article's case: Türkiye and the Turkic states, Turkmenistan included.
const std::vector<std::string> kDefaultActors = {"TUR"};
const std::vector<std::string> kDefaultPartners = {"AZE", "KAZ", "KGZ", "UZB", "TKM"};
constexpr const char* kDefaultType = "agreement";

struct ShockCliOptions {
  std::string date;
  std::string window = "12m";
  std::vector<std::string> actors;
  std::vector<std::string> partners;
  std::vector<std::string> types;
  std::string placebo = "month";
  std::string source = "curated";  // or "dcad"
};

enum class Placement { kBefore, kAfter, kAmbiguous, kOutside };

Status ParseWindow(const std::string& text, analysis::ShockOptions* options) {
  auto usage = Status::Usage(
      "--window must be a number followed by m (months), y (years) or d (days), "
      "like 12m or 365d; not '" +
      text + "'");
  if (text.size() < 2) return usage;
  char unit = text.back();
  std::string digits = text.substr(0, text.size() - 1);
  if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 6)
    return usage;
  int length = std::stoi(digits);
  if (length < 1) return usage;
  if (unit == 'd') {
    options->window_unit = analysis::WindowUnit::kDays;
    options->window_length = length;
  } else if (unit == 'm' || unit == 'y') {
    options->window_unit = analysis::WindowUnit::kMonths;
    options->window_length = unit == 'y' ? 12 * length : length;
  } else {
    return usage;
  }
  return Status::Ok();
}

Result<analysis::ShockOptions> ParseShockOptions(const ShockCliOptions& cli) {
  analysis::ShockOptions options;
  DEFCOOP_RETURN_IF_ERROR(ParseWindow(cli.window, &options));
  if (cli.placebo == "day") {
    options.placebo_step = analysis::PlaceboStep::kDay;
  } else if (cli.placebo != "month") {
    return Status::Usage("--placebo must be day or month, not '" + cli.placebo + "'");
  }
  return options;
}

Result<analysis::TimelineFilter> MakeFilter(const names::NameIndex& index,
                                            const ShockCliOptions& cli) {
  bool defaults = cli.actors.empty() && cli.partners.empty();
  analysis::TimelineFilter filter;
  DEFCOOP_RETURN_IF_ERROR(
      AddCountries(index, cli.actors.empty() ? kDefaultActors : cli.actors, &filter.actors));
  DEFCOOP_RETURN_IF_ERROR(
      AddCountries(index, defaults ? kDefaultPartners : cli.partners, &filter.partners));
  if (cli.types.empty()) filter.types.insert(kDefaultType);
  filter.types.insert(cli.types.begin(), cli.types.end());
  return filter;
}

// Where one fact falls, by the analysis's own rule: the test run on that fact alone,
// with a one-day span so that no placebo dates are computed.
Placement Place(const Date& date, const Date& shock, analysis::ShockOptions options) {
  options.span_from = shock;
  options.span_to = shock;
  auto alone = analysis::TestShock({date}, shock, options);
  if (!alone.ok()) return Placement::kOutside;
  if (alone->before > 0) return Placement::kBefore;
  if (alone->after > 0) return Placement::kAfter;
  return alone->ambiguous > 0 ? Placement::kAmbiguous : Placement::kOutside;
}

struct Placed {
  std::vector<const analysis::TimelineEntry*> before;
  std::vector<const analysis::TimelineEntry*> after;
  std::vector<const analysis::TimelineEntry*> ambiguous;
};

Placed PlaceAll(const std::vector<analysis::TimelineEntry>& entries, const Date& shock,
                const analysis::ShockOptions& options) {
  Placed placed;
  for (const analysis::TimelineEntry& entry : entries) {
    switch (Place(entry.date, shock, options)) {
      case Placement::kBefore:
        placed.before.push_back(&entry);
        break;
      case Placement::kAfter:
        placed.after.push_back(&entry);
        break;
      case Placement::kAmbiguous:
        placed.ambiguous.push_back(&entry);
        break;
      case Placement::kOutside:
        break;
    }
  }
  return placed;
}

nlohmann::ordered_json WindowRow(const char* name, const Date& from, const Date& to, long days,
                                 int count,
                                 const std::vector<const analysis::TimelineEntry*>& entries) {
  nlohmann::ordered_json ids = nlohmann::ordered_json::array();
  nlohmann::ordered_json titles = nlohmann::ordered_json::array();
  for (const analysis::TimelineEntry* entry : entries) {
    ids.push_back(entry->id);
    titles.push_back(entry->date.ToString() + " " + entry->title);
  }
  return {{"window", name}, {"from", from.ToString()}, {"to", to.ToString()}, {"days", days},
          {"count", count}, {"events", ids},           {"titles", titles}};
}

nlohmann::ordered_json SourceIds(const Placed& placed) {
  std::set<std::string> ids;
  for (const auto* list : {&placed.before, &placed.after}) {
    for (const analysis::TimelineEntry* entry : *list) {
      for (const SourceRef& ref : entry->sources) ids.insert(ref.source_id);
    }
  }
  return ids;
}

template <typename T>
nlohmann::ordered_json OrNull(const std::optional<T>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

// The placebo statistics as [{statistic, dates}], by statistic: what a histogram of the
// placebo distribution needs, small even for ten thousand daily placebo dates. The
// statistic is rounded to 1e-6 (unequal month windows make it fractional).
nlohmann::ordered_json PlaceboDistribution(const std::vector<analysis::PlaceboPoint>& placebo) {
  std::map<long long, int> dates_by_statistic;
  for (const analysis::PlaceboPoint& point : placebo)
    ++dates_by_statistic[std::llround(point.statistic * 1e6)];
  nlohmann::ordered_json distribution = nlohmann::ordered_json::array();
  for (const auto& [micro, dates] : dates_by_statistic)
    distribution.push_back({{"statistic", static_cast<double>(micro) / 1e6}, {"dates", dates}});
  return distribution;
}

void AddTestMeta(const analysis::ShockTest& test, const ShockCliOptions& cli, Output* output) {
  output->meta["date"] = test.shock.ToString();
  output->meta["window"] = cli.window;
  output->meta["underpowered"] = test.underpowered;
  output->meta["min_events"] = analysis::kMinEventsForTest;
  output->meta["p_value"] = test.test.p_two_sided;
  output->meta["p_value_greater"] = test.test.p_greater;
  output->meta["rate_ratio"] = OrNull(test.test.rate_ratio);
  output->meta["statistic"] = test.statistic;
  output->meta["placebo_rank"] = OrNull(test.placebo_rank);
  output->meta["placebo_dates"] = test.placebo.size();
  output->meta["placebo_step"] = cli.placebo;
  output->meta["placebo_p"] = OrNull(test.placebo_p_greater);
  output->meta["placebo_p_two_sided"] = OrNull(test.placebo_p_two_sided);
  output->meta["placebo_empty_dates"] = test.placebo_empty;
  output->meta["placebo_underpowered"] = test.placebo_underpowered;
  output->meta["placebo_distribution"] = PlaceboDistribution(test.placebo);
}

std::string TestNote(const analysis::ShockTest& test) {
  if (test.underpowered) {
    return fmt::format(
        "{} before, {} after {}: underpowered, fewer than {} events in the two windows, so no "
        "outcome could be significant at 5% and no p-value is reported as a finding",
        test.before, test.after, test.shock.ToString(), analysis::kMinEventsForTest);
  }
  std::string note = fmt::format(
      "{} before, {} after {}: exact Poisson rate test p = {:.4g} (two-sided), {:.4g} (more after)",
      test.before, test.after, test.shock.ToString(), test.test.p_two_sided, test.test.p_greater);
  if (!test.placebo_underpowered) return note;
  return note + "; not a finding: most placebo dates have no event at all (next line), so the "
                "record is too sparse to tell a shock from where its entries begin";
}

std::string PlaceboNote(const analysis::ShockTest& test) {
  std::string span = test.span_from.ToString() + " to " + test.span_to.ToString();
  if (!test.placebo_rank) {
    return "placebo: no date of " + span +
           " has both windows inside it without overlapping the shock's";
  }
  std::string note = fmt::format(
      "placebo: rank {} of {} (the shock and {} placebo dates in {}, {} overlapping the shock's "
      "windows left out); placebo p (1 + dates with at least the shock's excess after) / {} = "
      "{:.3g}",
      *test.placebo_rank, test.placebo.size() + 1, test.placebo.size(), span, test.overlapping,
      test.placebo.size() + 1, *test.placebo_p_greater);
  if (!test.placebo_underpowered) return note;
  return note + fmt::format(
                    "; underpowered: {} of the {} placebo dates have no event in either window "
                    "(more than {:.0f}%), so the rank shows where the record has entries, not "
                    "the shock, and is no finding",
                    test.placebo_empty, test.placebo.size(), 100 * analysis::kMaxEmptyPlaceboShare);
}

void AddNotes(const analysis::ShockTest& test, const Placed& placed, Output* output) {
  output->notes.push_back(TestNote(test));
  output->notes.push_back(PlaceboNote(test));
  if (placed.ambiguous.empty()) return;
  std::string ids;
  for (const auto* entry : placed.ambiguous)
    ids += (ids.empty() ? "" : ", ") + entry->id + " (" + entry->date.ToString() + ")";
  std::string note =
      fmt::format("{} fact(s) dated too imprecisely to place in a window were left out: {}",
                  placed.ambiguous.size(), ids);
  output->meta["note"] = note;
  output->notes.push_back("Note: " + note);
}

// The last day of the before window: the day before the shock.
Date DayBefore(const Date& day) {
  if (day.day > 1) return {day.year, day.month, day.day - 1};
  if (day.month > 1) return {day.year, day.month - 1, DaysInMonth(day.year, day.month - 1)};
  return {day.year - 1, 12, 31};
}

// The test on the event source asked for: the curated facts, or DCAD's agreements
// (which have no --type: every DCAD agreement counts).
Result<analysis::TimelineShock> RunOnSource(const Context& context, const Dataset& data,
                                            const analysis::TimelineFilter& filter,
                                            const ShockCliOptions& cli, const Date& shock,
                                            const analysis::ShockOptions& options) {
  if (cli.source == "curated") return analysis::TestShockOnTimeline(data, filter, shock, options);
  if (cli.source != "dcad") {
    return Status::Usage("--source must be curated or dcad, not '" + cli.source + "'");
  }
  if (!cli.types.empty()) {
    return Status::Usage("--type selects curated facts; with --source dcad every DCAD agreement "
                         "counts (use `defcoop dca --category` to look at categories)");
  }
  auto dcas = LoadDcas(context);
  if (!dcas.ok()) return dcas.status();
  analysis::DcaFilter dca_filter;
  dca_filter.actors = filter.actors;
  dca_filter.partners = filter.partners;
  return analysis::TestShockOnDcad(**dcas, dca_filter, shock, options);
}

Status RunShock(Context& context, const ShockCliOptions& cli) {
  auto shock = ParseDate(cli.date);
  if (!shock.ok()) return Status::Usage("--date: " + shock.status().message());
  auto options = ParseShockOptions(cli);
  if (!options.ok()) return options.status();
  auto loaded = LoadCuratedData(context);
  if (!loaded.ok()) return loaded.status();
  const Dataset& data = (*loaded)->curated;
  auto filter = MakeFilter((*loaded)->index, cli);
  if (!filter.ok()) return filter.status();
  auto run = RunOnSource(context, data, *filter, cli, *shock, *options);
  if (!run.ok()) return run.status();
  const std::vector<analysis::TimelineEntry>& entries = run->entries;
  const analysis::ShockTest* test = &run->test;
  Placed placed = PlaceAll(entries, *shock, *options);
  Output output;
  output.columns = {"window", "from", "to", "days", "count", "events"};
  output.rows.push_back(WindowRow("before", test->before_from, DayBefore(test->shock),
                                  test->before_days, test->before, placed.before));
  output.rows.push_back(
      WindowRow("after", test->shock, test->after_to, test->after_days, test->after, placed.after));
  AddTestMeta(*test, cli, &output);
  output.meta["actors"] = filter->actors.Ids();
  output.meta["with"] = filter->partners.Ids();
  output.meta["types"] = std::vector<std::string>(filter->types.begin(), filter->types.end());
  output.meta["placebo_span"] = test->span_from.ToString() + ".." + test->span_to.ToString();
  output.meta["placebo_overlapping"] = test->overlapping;
  output.meta["ambiguous"] = test->ambiguous;
  output.meta["sources"] = SourceIds(placed);
  AddNotes(*test, placed, &output);
  output.meta["source"] = cli.source;
  AddCoverage(cli.source == "dcad"
                  ? analysis::TimelineCoverage(entries, analysis::kDcadCoverage)
                  : analysis::TimelineCoverage(entries),
              context.lang, &output);
  return context.Emit(output);
}

}  // namespace

void AddShock(CLI::App* command, Context* context) {
  auto options = std::make_shared<ShockCliOptions>();
  command->add_option("--date", options->date, "the shock date (YYYY[-MM[-DD]])")->required();
  command->add_option("--window", options->window,
                      "window on each side: 12m (default), 6m, 1y, 365d");
  command->add_option("--actor", options->actors,
                      "facts involving this actor or group (default: TUR; repeatable)");
  command->add_option(
      "--with", options->partners,
      "and also this actor or group (default with no --actor: AZE, KAZ, KGZ, UZB, TKM)");
  command->add_option("--type", options->types,
                      "kinds (event, agreement, embargo, venture) or types (default: agreement)");
  command->add_option("--source", options->source,
                      "events to count: curated (the curated facts, default) or dcad (DCAD's "
                      "agreements, signed 1980-2010)");
  command->add_option("--placebo", options->placebo,
                      "placebo dates: month (first days, default) or day");
  command->callback([context, options] { context->result = RunShock(*context, *options); });
}

}  // namespace defcoop::cli
