// `defcoop dca [--actor X] [--with Y] [--years A-B] [--category C] [--by year|dyad|category]`:
// defense cooperation agreements of the DCAD (Kinne 2020; bilateral agreements signed
// 1980–2010), one row per agreement, or counted. X and Y take any spelling or a group
// ("OTS", "OTS@2022"): `dca --actor Türkiye --with OTS` lists Türkiye's agreements with
// the Turkic states.
#include "defcoop/analysis/dca.h"

#include <fmt/format.h>

#include <memory>

#include "sipri_data.h"

namespace defcoop::cli {
namespace {

using analysis::kDcadYears;

struct DcaOptions {
  std::vector<std::string> actors;
  std::vector<std::string> partners;
  std::string years;
  std::vector<std::string> categories;
  std::string by;
};

Result<analysis::DcaFilter> MakeFilter(const names::NameIndex& index, const DcaOptions& options) {
  analysis::DcaFilter filter;
  DEFCOOP_RETURN_IF_ERROR(AddCountries(index, options.actors, &filter.actors));
  DEFCOOP_RETURN_IF_ERROR(AddCountries(index, options.partners, &filter.partners));
  DEFCOOP_RETURN_IF_ERROR(ParseOptionalYears(options.years, &filter.years));
  filter.categories.insert(options.categories.begin(), options.categories.end());
  return filter;
}

std::string SideName(const SipriData& data, const std::string& id, const std::string& cow_name,
                     const std::string& lang) {
  return id.empty() ? cow_name : DisplayName(data, id, lang);
}

void AddAgreementRows(const SipriData& data, const std::string& lang,
                      const std::vector<DefenseCooperationAgreement>& agreements, Output* output) {
  output->columns = {"signed", "state1", "state2", "type", "categories", "in_force", "dcad_id"};
  for (const DefenseCooperationAgreement& a : agreements) {
    output->rows.push_back(
        {{"signed", a.signed_on.ToString()},
         {"state1", SideName(data, a.actor1_id, a.cow_name1, lang)},
         {"state2", SideName(data, a.actor2_id, a.cow_name2, lang)},
         {"type", a.type},
         {"categories", a.categories},
         {"in_force", a.in_force ? a.in_force->ToString() : ""},
         {"dcad_id", a.dcad_id},
         {"actor1", a.actor1_id},
         {"actor2", a.actor2_id},
         {"terminated", a.terminated ? nlohmann::ordered_json(*a.terminated) : nullptr},
         {"source", a.source_type + ": " + a.source}});
  }
}

Result<analysis::DcaGroup> GroupOf(const std::string& by) {
  if (by == "year") return analysis::DcaGroup::kYear;
  if (by == "dyad") return analysis::DcaGroup::kDyad;
  if (by == "category") return analysis::DcaGroup::kCategory;
  return Status::Usage("--by must be year, dyad or category, not '" + by + "'");
}

Status RunDca(Context& context, const DcaOptions& options) {
  auto loaded = LoadCuratedData(context);
  if (!loaded.ok()) return loaded.status();
  auto agreements = LoadDcas(context);
  if (!agreements.ok()) return agreements.status();
  auto filter = MakeFilter((*loaded)->index, options);
  if (!filter.ok()) return filter.status();
  auto selected = analysis::SelectDcas(**agreements, *filter);
  Output output;
  if (options.by.empty()) {
    AddAgreementRows(**loaded, context.lang, selected, &output);
  } else {
    auto by = GroupOf(options.by);
    if (!by.ok()) return by.status();
    output.columns = {options.by, "agreements"};
    for (const analysis::DcaCount& count :
         analysis::CountDcas(selected, *by, filter->years.value_or(kDcadYears))) {
      output.rows.push_back({{options.by, count.key}, {"agreements", count.agreements}});
    }
  }
  output.meta["agreements"] = selected.size();
  output.meta["coverage"] = kDcadYears.ToString();
  output.meta["sources"] = {"kinne2020-dcad"};
  output.notes.push_back(fmt::format(
      "{} agreement(s). Source: Defense Cooperation Agreement Dataset (Kinne 2020), DCAD v1.0: "
      "bilateral agreements signed {}; later agreements are not in it.",
      selected.size(), kDcadYears.ToString()));
  return context.Emit(output);
}

}  // namespace

void AddDca(CLI::App* command, Context* context) {
  auto options = std::make_shared<DcaOptions>();
  command->add_option("--actor", options->actors, "signed by this actor or group (repeatable)");
  command->add_option("--with", options->partners,
                      "with this actor or group as the other side (e.g. --actor TUR --with OTS)");
  command->add_option("--years", options->years, "signed in these years A-B");
  command->add_option("--category", options->categories,
                      "DCA, DIC, TREX, PROCUREMENT, COMMISSION or RESEARCH (repeatable)");
  command->add_option("--by", options->by, "count by year, dyad or category");
  command->callback([context, options] { context->result = RunDca(*context, *options); });
}

}  // namespace defcoop::cli
