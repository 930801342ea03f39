// `defcoop alliances [--actor X] [--with Y] [--years A-B] [--obligation O]`: formal
// alliance obligations from ATOP 5.1 (Leeds et al.; directed dyad-years 1815–2018) as
// spans of consecutive years, per direction (state 1's obligation towards state 2) and
// kind of obligation. `alliances --actor Türkiye --with OTS TKM` shows when Türkiye and
// the Turkic states were bound to defend, consult or not attack each other.
#include "defcoop/analysis/alliances.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "sipri_data.h"

namespace defcoop::cli {
namespace {

constexpr YearRange kAtopYears{1815, 2018};

struct AllianceOptions {
  std::vector<std::string> actors;
  std::vector<std::string> partners;
  std::string years;
  std::vector<std::string> obligations;
};

Result<analysis::AllianceFilter> MakeFilter(const names::NameIndex& index,
                                            const AllianceOptions& options) {
  analysis::AllianceFilter filter;
  DEFCOOP_RETURN_IF_ERROR(AddCountries(index, options.actors, &filter.actors));
  DEFCOOP_RETURN_IF_ERROR(AddCountries(index, options.partners, &filter.partners));
  DEFCOOP_RETURN_IF_ERROR(ParseOptionalYears(options.years, &filter.years));
  return filter;
}

bool Wanted(const std::vector<std::string>& obligations, const std::string& obligation) {
  return obligations.empty() ||
         std::find(obligations.begin(), obligations.end(), obligation) != obligations.end();
}

Status RunAlliances(Context& context, const AllianceOptions& options) {
  auto loaded = LoadCuratedData(context);
  if (!loaded.ok()) return loaded.status();
  auto filter = MakeFilter((*loaded)->index, options);
  if (!filter.ok()) return filter.status();
  auto store = context.OpenStore(store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto imported = (*store)->Query("SELECT count(*) FROM atop_file");
  if (imported.ok() && imported->rows[0][0] == std::optional<std::string>("0")) {
    return Status::NotFound(
        "no ATOP alliance data in the store; import it with `defcoop import atop FILE`");
  }
  std::set<std::string> ids = filter->actors.Ids();
  std::vector<std::string> actors(ids.begin(), ids.end());
  auto years = (*store)->LoadAllianceYears(actors);
  if (!years.ok()) return years.status();
  const SipriData& data = **loaded;
  Output output;
  output.columns = {"state1", "state2", "obligation", "from", "to"};
  for (const analysis::AllianceSpan& span : analysis::AllianceSpans(*years, *filter)) {
    if (!Wanted(options.obligations, span.obligation)) continue;
    output.rows.push_back({{"state1", DisplayName(data, span.actor1, context.lang)},
                           {"state2", DisplayName(data, span.actor2, context.lang)},
                           {"obligation", span.obligation},
                           {"from", span.years.first},
                           {"to", span.years.last},
                           {"actor1", span.actor1},
                           {"actor2", span.actor2}});
  }
  output.meta["spans"] = output.rows.size();
  output.meta["coverage"] = kAtopYears.ToString();
  output.meta["sources"] = {"atop-5.1"};
  output.notes.push_back(
      fmt::format("{} span(s) of years. Source: ATOP 5.1 (Leeds et al.), directed dyad-years {} as "
                  "converted by the peacesciencer R package; state 1 is bound towards state 2.",
                  output.rows.size(), kAtopYears.ToString()));
  return context.Emit(output);
}

}  // namespace

void AddAlliances(CLI::App* command, Context* context) {
  auto options = std::make_shared<AllianceOptions>();
  command->add_option("--actor", options->actors, "on one side: this actor or group (repeatable)");
  command->add_option("--with", options->partners, "on the other side: this actor or group");
  command->add_option("--years", options->years, "years A-B");
  command->add_option("--obligation", options->obligations,
                      "defense, offense, neutrality, nonaggression or consultation (repeatable)");
  command->callback([context, options] { context->result = RunAlliances(*context, *options); });
}

}  // namespace defcoop::cli
