// `defcoop sanctions [--target X] [--imposer Y] [--years A-B] [--type T]`: cases of the
// Global Sanctions Data Base (GSDB V3; Felbermayr et al. 2020), one row per case with its
// parties, years, measures, objectives and outcomes. `sanctions --target Türkiye` lists
// the sanctions on Türkiye; `embargoes` shows which of them record each curated embargo.
#include "defcoop/analysis/sanctions.h"

#include <fmt/format.h>

#include <memory>

#include "sipri_data.h"

namespace defcoop::cli {
namespace {

struct SanctionOptions {
  std::vector<std::string> targets;
  std::vector<std::string> imposers;
  std::string years;
  std::vector<std::string> types;
};

Result<analysis::SanctionFilter> MakeFilter(const names::NameIndex& index,
                                            const SanctionOptions& options) {
  analysis::SanctionFilter filter;
  DEFCOOP_RETURN_IF_ERROR(AddCountries(index, options.targets, &filter.targets));
  for (const std::string& imposer : options.imposers) {
    // An imposer may be an organization (EU, UN): GSDB lists it as the sender itself.
    auto found = index.Resolve(imposer);
    if (!found.ok()) return found.status();
    filter.senders.insert(found->id);
  }
  DEFCOOP_RETURN_IF_ERROR(ParseOptionalYears(options.years, &filter.years));
  filter.types.insert(options.types.begin(), options.types.end());
  return filter;
}

// Parties by name in the output language where they resolved, else as GSDB writes them.
std::vector<std::string> PartyNames(const SipriData& data, const std::string& lang,
                                    const std::vector<std::string>& names,
                                    const std::vector<std::string>& ids) {
  std::vector<std::string> shown;
  for (size_t idx = 0; idx < names.size(); ++idx) {
    bool resolved = idx < ids.size() && !ids[idx].empty();
    shown.push_back(resolved ? DisplayName(data, ids[idx], lang) : names[idx]);
  }
  return shown;
}

Status RunSanctions(Context& context, const SanctionOptions& options) {
  auto loaded = LoadCuratedData(context);
  if (!loaded.ok()) return loaded.status();
  auto cases = LoadSanctions(context);
  if (!cases.ok()) return cases.status();
  if ((*cases)->empty()) {
    return Status::NotFound(
        "no GSDB cases in the store; import them with `defcoop import gsdb FILE`");
  }
  auto filter = MakeFilter((*loaded)->index, options);
  if (!filter.ok()) return filter.status();
  Output output;
  output.columns = {"case",    "begin",    "end",        "targets",
                    "senders", "measures", "objectives", "outcomes"};
  const SipriData& data = **loaded;
  for (const SanctionCase& c : analysis::SelectSanctions(**cases, *filter)) {
    output.rows.push_back({{"case", c.case_id},
                           {"begin", c.begin},
                           {"end", c.ongoing ? "ongoing" : std::to_string(c.end)},
                           {"targets", PartyNames(data, context.lang, c.targets, c.target_ids)},
                           {"senders", PartyNames(data, context.lang, c.senders, c.sender_ids)},
                           {"measures", c.types},
                           {"objectives", c.objectives},
                           {"outcomes", c.outcomes},
                           {"trade_detail", c.trade_detail},
                           {"target_ids", c.target_ids},
                           {"sender_ids", c.sender_ids}});
  }
  output.meta["cases"] = output.rows.size();
  output.meta["sources"] = {"gsdb-v3"};
  output.notes.push_back(fmt::format(
      "{} case(s). Source: Global Sanctions Data Base, V3 (case level; begin years 1949–2022; "
      "\"ongoing\" where GSDB codes every outcome as ongoing).",
      output.rows.size()));
  return context.Emit(output);
}

}  // namespace

void AddSanctions(CLI::App* command, Context* context) {
  auto options = std::make_shared<SanctionOptions>();
  command->add_option("--target", options->targets, "sanctions on this state or group");
  command->add_option("--imposer", options->imposers,
                      "imposed by this state or organization (repeatable)");
  command->add_option("--years", options->years, "in force in some of these years A-B");
  command->add_option("--type", options->types,
                      "trade, arms, military, financial, travel or other (repeatable)");
  command->callback([context, options] { context->result = RunSanctions(*context, *options); });
}

}  // namespace defcoop::cli
