// `defcoop events --actor X --with Y... --codes 057,0312 --by day|month|year|dyad|code
// [--from --to] [--min-sources N] [--root-only] [--directed]`: GDELT's news-coded events
// between states, from the imported files' rollup: events, mentions, sources, articles,
// mean tone and Goldstein per row, with example source URLs from the full rows of the
// defense-relevant codes. X and Y take any spelling or a group (OTS counts its members
// over their memberships). The meta names the files, versions and days the answer rests on.
#include <fmt/format.h>

#include <memory>
#include <set>

#include "defcoop/csv/reader.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

struct EventsOptions {
  std::vector<std::string> actors;
  std::vector<std::string> partners;
  std::vector<std::string> codes;
  std::string by = "day";
  std::string from, to;
  int64_t min_sources = 0;
  bool root_only = false;
  bool directed = false;
  int examples = 3;
};

Result<store::GdeltGroup> GroupOf(const std::string& by) {
  if (by == "day") return store::GdeltGroup::kDay;
  if (by == "month") return store::GdeltGroup::kMonth;
  if (by == "year") return store::GdeltGroup::kYear;
  if (by == "dyad") return store::GdeltGroup::kDyad;
  if (by == "code") return store::GdeltGroup::kCode;
  return Status::Usage("--by must be day, month, year, dyad or code, not '" + by + "'");
}

// "057,0312" and repeated --codes into one list of CAMEO codes.
Result<std::vector<std::string>> CodesOf(const std::vector<std::string>& inputs) {
  std::vector<std::string> codes;
  for (const std::string& input : inputs) {
    for (const std::string& code : csv::SplitList(input, ',')) {
      bool digits = !code.empty() && code.find_first_not_of("0123456789") == std::string::npos;
      if (!digits || code.size() < 2 || code.size() > 4) {
        return Status::Usage("--codes: '" + code +
                             "' is not a CAMEO code (2 to 4 digits, e.g. 057 or 0312)");
      }
      codes.push_back(code);
    }
  }
  return codes;
}

// --from/--to at any precision ("2020", "2020-11", "2020-11-13") as ISO days.
Status DayBound(const std::string& option, const std::string& text, bool first,
                std::optional<std::string>* day) {
  if (text.empty()) return Status::Ok();
  auto date = ParseDate(text);
  if (!date.ok()) return Status::Usage(option + ": " + date.status().message());
  *day = (first ? date->Earliest() : date->Latest()).ToString();
  return Status::Ok();
}

Result<store::GdeltEventQuery> MakeQuery(const names::NameIndex& index,
                                         const EventsOptions& options) {
  store::GdeltEventQuery query;
  DEFCOOP_RETURN_IF_ERROR(AddCountries(index, options.actors, &query.actors));
  DEFCOOP_RETURN_IF_ERROR(AddCountries(index, options.partners, &query.partners));
  if (options.directed && query.actors.empty())
    return Status::Usage("--directed needs --actor (the side doing the action)");
  auto codes = CodesOf(options.codes);
  if (!codes.ok()) return codes.status();
  query.codes = std::move(*codes);
  auto by = GroupOf(options.by);
  if (!by.ok()) return by.status();
  query.by = *by;
  DEFCOOP_RETURN_IF_ERROR(DayBound("--from", options.from, true, &query.from));
  DEFCOOP_RETURN_IF_ERROR(DayBound("--to", options.to, false, &query.to));
  if (options.min_sources < 0) return Status::Usage("--min-sources must be 0 or more");
  query.min_sources = options.min_sources;
  query.root_only = options.root_only;
  query.directed = options.directed;
  return query;
}

double MeanOf(double sum, int64_t events) { return events > 0 ? sum / events : 0.0; }

void AddRows(const std::vector<std::string>& keys, const store::GdeltAnswer& answer,
             Output* output) {
  output->columns = keys;
  for (const char* column :
       {"events", "mentions", "sources", "articles", "mean_tone", "mean_goldstein", "example_urls"})
    output->columns.push_back(column);
  for (const store::GdeltEventRow& row : answer.rows) {
    nlohmann::ordered_json out;
    for (size_t idx = 0; idx < keys.size(); ++idx) out[keys[idx]] = row.key[idx];
    out["events"] = row.events;
    out["mentions"] = row.mentions;
    out["sources"] = row.sources;
    out["articles"] = row.articles;
    out["mean_tone"] = MeanOf(row.tone_sum, row.events);
    out["mean_goldstein"] = MeanOf(row.goldstein_sum, row.events);
    out["example_urls"] = row.example_urls;
    output->rows.push_back(std::move(out));
  }
}

// meta.files, meta.versions, meta.first_day/last_day: what the answer rests on.
void AddMeta(const store::GdeltAnswer& answer, const store::GdeltEventQuery& query,
             Output* output) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  std::set<int> versions;
  std::string first, last;
  int64_t events = 0;
  for (const store::GdeltFileShare& share : answer.files) {
    files.push_back({{"path", share.file.path},
                     {"layout", share.file.layout},
                     {"version", share.file.version},
                     {"events", share.events},
                     {"first_day", share.first_day},
                     {"last_day", share.last_day},
                     {"code_list", share.file.code_list}});
    versions.insert(share.file.version);
    if (first.empty() || share.first_day < first) first = share.first_day;
    last = std::max(last, share.last_day);
    events += share.events;
  }
  output->meta["events"] = events;
  output->meta["first_day"] = first;
  output->meta["last_day"] = last;
  output->meta["versions"] = versions;
  output->meta["files"] = files;
  output->meta["codes"] = query.codes;
  output->meta["min_sources"] = query.min_sources;
  output->meta["root_only"] = query.root_only;
  output->meta["directed"] = query.directed;
  output->meta["credit"] = "The GDELT Project (event data, CAMEO-coded)";
  output->notes.push_back(fmt::format(
      "{} event(s) from {} GDELT file(s), {} to {}. GDELT counts news reports coded as events "
      "between states (CAMEO), not verified events; mean tone and Goldstein are means over "
      "events. Example URLs come from the full rows kept for the defense-relevant codes.",
      events, answer.files.size(), first.empty() ? "-" : first, last.empty() ? "-" : last));
}

Status RunEvents(Context& context, const EventsOptions& options) {
  auto loaded = LoadCuratedData(context);
  if (!loaded.ok()) return loaded.status();
  auto query = MakeQuery((*loaded)->index, options);
  if (!query.ok()) return query.status();
  auto store = context.OpenStore(store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto imported = (*store)->GdeltFiles();
  if (!imported.ok()) return imported.status();
  if (imported->empty()) {
    return Status::NotFound(
        "no GDELT data in the store: import files first with `defcoop import gdelt FILE...`");
  }
  auto answer = (*store)->GdeltEvents(*query, options.examples);
  if (!answer.ok()) return answer.status();
  Output output;
  AddRows(store::GdeltKeyNames(query->by), *answer, &output);
  AddMeta(*answer, *query, &output);
  output.meta["imported_files"] = imported->size();
  return context.Emit(output);
}

}  // namespace

void AddEvents(CLI::App* command, Context* context) {
  auto options = std::make_shared<EventsOptions>();
  command->add_option("--actor", options->actors, "one side: an actor or group (repeatable)");
  command->add_option("--with", options->partners, "the other side (repeatable)");
  command->add_option("--codes", options->codes,
                      "CAMEO codes, comma-separated: 057 (and its subcodes), 0312, 04 (a root)");
  command->add_option("--by", options->by, "group by day, month, year, dyad or code")
      ->capture_default_str();
  command->add_option("--from", options->from, "first day (2020, 2020-11 or 2020-11-13)");
  command->add_option("--to", options->to, "last day (2020, 2020-11 or 2020-11-15)");
  command->add_option("--min-sources", options->min_sources,
                      "only events reported by at least N sources");
  command->add_flag("--root-only", options->root_only,
                    "only root events (IsRootEvent: found in the lead paragraph of an article)");
  command->add_flag("--directed", options->directed,
                    "only events with --actor as Actor1 (the side acting)");
  command->add_option("--examples", options->examples, "example source URLs per row")
      ->capture_default_str();
  command->callback([context, options] { context->result = RunEvents(*context, *options); });
}

}  // namespace defcoop::cli
