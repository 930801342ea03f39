// `defcoop timeline [--actor X] [--with Y] [--type T] [--from D] [--to D]`: dated facts
// in order. X and Y take any spelling or a group ("OTS", "OTS@2022").
#include "defcoop/analysis/timeline.h"

#include <memory>

#include "context.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

struct TimelineOptions {
  std::vector<std::string> actors;
  std::vector<std::string> partners;
  std::vector<std::string> types;
  std::string from;
  std::string to;
};

Status ParseOptionalDate(const std::string& text, std::optional<Date>* date) {
  if (text.empty()) return Status::Ok();
  auto parsed = ParseDate(text);
  if (!parsed.ok()) return Status::Usage(parsed.status().message());
  *date = *parsed;
  return Status::Ok();
}

Result<analysis::TimelineFilter> MakeFilter(const names::NameIndex& index,
                                            const TimelineOptions& options) {
  analysis::TimelineFilter filter;
  DEFCOOP_RETURN_IF_ERROR(AddCountries(index, options.actors, &filter.actors));
  DEFCOOP_RETURN_IF_ERROR(AddCountries(index, options.partners, &filter.partners));
  filter.types.insert(options.types.begin(), options.types.end());
  DEFCOOP_RETURN_IF_ERROR(ParseOptionalDate(options.from, &filter.from));
  DEFCOOP_RETURN_IF_ERROR(ParseOptionalDate(options.to, &filter.to));
  return filter;
}

Status RunTimeline(Context& context, const TimelineOptions& options) {
  auto loaded = LoadCuratedData(context);
  if (!loaded.ok()) return loaded.status();
  const Dataset& data = (*loaded)->curated;
  const names::NameIndex& index = (*loaded)->index;
  auto filter = MakeFilter(index, options);
  if (!filter.ok()) return filter.status();
  Output output;
  output.columns = {"date", "end_date", "kind", "type", "actors", "title", "sources"};
  std::vector<analysis::TimelineEntry> entries = analysis::BuildTimeline(data, *filter);
  for (const analysis::TimelineEntry& entry : entries) {
    output.rows.push_back({{"date", entry.date.ToString()},
                           {"end_date", entry.end_date ? entry.end_date->ToString() : ""},
                           {"kind", entry.kind},
                           {"type", entry.type},
                           {"actors", entry.actors},
                           {"title", entry.title},
                           {"sources", SourcesJson(entry.sources)},
                           {"id", entry.id}});
  }
  output.meta["actors"] = options.actors;
  output.meta["with"] = options.partners;
  output.meta["entries"] = output.rows.size();
  AddCoverage(analysis::TimelineCoverage(entries), context.lang, &output);
  return context.Emit(output);
}

}  // namespace

void AddTimeline(CLI::App* command, Context* context) {
  auto options = std::make_shared<TimelineOptions>();
  command->add_option("--actor", options->actors, "involving this actor or group (repeatable)");
  command->add_option("--with", options->partners,
                      "and also this actor or group (e.g. --actor TUR --with OTS)");
  command->add_option("--type", options->types,
                      "kinds (event, agreement, embargo, venture) or types (war, roadmap, ...)");
  command->add_option("--from", options->from, "from this date (YYYY[-MM[-DD]])");
  command->add_option("--to", options->to, "up to this date (YYYY[-MM[-DD]])");
  command->callback([context, options] { context->result = RunTimeline(*context, *options); });
}

}  // namespace defcoop::cli
