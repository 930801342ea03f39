// `defcoop suppliers COUNTRY [--years A-B] [--vintage V]`: each supplier's share of the
// country's (or group's) arms imports, the HHI, and the change against the window of the
// same length just before.
#include <fmt/format.h>

#include <memory>

#include "messages.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

struct SharesOptions {
  std::string country;
  std::string years;
  std::string vintage;
};

// Whether the register has data for every year of `years`: outside its span a total is
// unknown, not zero.
bool Covered(const SipriData& data, YearRange years) {
  return years.first >= data.span.first && years.last <= data.span.last;
}

// The window before, or nulls when the register does not cover it.
nlohmann::ordered_json WindowJson(const SipriData& data, const analysis::ShareTable& table,
                                  YearRange years) {
  if (!Covered(data, years)) {
    return {{"years", years.ToString()},
            {"total", nullptr},
            {"hhi", nullptr},
            {"note", "outside the register's years " + data.span.ToString()}};
  }
  return {{"years", years.ToString()}, {"total", table.total}, {"hhi", table.hhi}};
}

std::string PreviousText(const SipriData& data, const analysis::ShareTable& table, YearRange years,
                         const std::string& lang) {
  if (!Covered(data, years)) return report::Msg("cli_previous_uncovered", lang, {years.ToString()});
  return report::Msg("cli_previous_total", lang,
                     {years.ToString(), fmt::format("{:.0f}", table.total)});
}

// "total 123 TIV in 2011-2020; HHI 0.412 (previous 2001-2010: total 98, HHI 0.355)", in `lang`.
std::string TotalsNote(const SipriData& data, const analysis::ShareTable& table, YearRange years,
                       const analysis::ShareTable& previous, YearRange before,
                       const std::string& lang) {
  std::vector<std::string> args{fmt::format("{:.0f}", table.total), years.ToString(),
                                fmt::format("{:.3f}", table.hhi), before.ToString()};
  if (!Covered(data, before)) return report::Msg("cli_supplier_totals_uncovered", lang, args);
  args.push_back(fmt::format("{:.0f}", previous.total));
  args.push_back(fmt::format("{:.3f}", previous.hhi));
  return report::Msg("cli_supplier_totals", lang, args);
}

void AddShareRows(const SipriData& data, const std::string& lang, const analysis::ShareTable& table,
                  const char* key, Output* output) {
  output->columns = {"rank", key, "name", "tiv", "share", "approximate"};
  for (const analysis::Share& share : table.rows) {
    output->rows.push_back({{"rank", share.rank},
                            {key, share.actor},
                            {"name", DisplayName(data, share.actor, lang)},
                            {"tiv", share.tiv},
                            {"share", share.share},
                            {"approximate", share.approximate}});
  }
}

// The register with the transfers of `country` (as supplier, or as recipient when
// `as_recipient`) delivered in the years asked for and the window before; sets *actors
// and *years.
Result<SharedData> LoadShares(const Context& context, const SharesOptions& options,
                              bool as_recipient, bool exporter_totals, Result<ActorSet>* actors,
                              Result<YearRange>* years) {
  return LoadSipriData(context, options.vintage, [&](const SipriData& data) -> Result<SipriNeeds> {
    *actors = ResolveActors(data.index, {options.country});
    if (!actors->ok()) return actors->status();
    *years = YearsOrSpan(options.years, data);
    if (!years->ok()) return years->status();
    YearRange read{analysis::PreviousWindow(**years).first, (*years)->last};
    return SipriNeeds{
        as_recipient ? SelectionFor({}, **actors, read) : SelectionFor(**actors, {}, read),
        exporter_totals};
  });
}

Status RunSuppliers(Context& context, const SharesOptions& options) {
  Result<ActorSet> recipients = ActorSet{};
  Result<YearRange> years = YearRange{};
  auto loaded = LoadShares(context, options, true, false, &recipients, &years);
  if (!loaded.ok()) return loaded.status();
  const SipriData& data = **loaded;
  analysis::ShareTable table = analysis::SupplierShares(data.transfers, *recipients, *years);
  YearRange before = analysis::PreviousWindow(*years);
  analysis::ShareTable previous = analysis::SupplierShares(data.transfers, *recipients, before);
  Output output;
  AddShareRows(data, context.lang, table, "supplier", &output);
  output.meta["recipient"] = options.country;
  output.meta["recipients"] = recipients->IdsIn(*years);
  output.meta["recipients_counted"] = CountedJson(data, *recipients, {before.first, years->last});
  output.meta["years"] = years->ToString();
  output.meta["total"] = table.total;
  output.meta["hhi"] = table.hhi;
  output.meta["previous"] = WindowJson(data, previous, before);
  bool compared = Covered(data, before);
  if (compared) output.meta["hhi_change"] = table.hhi - previous.hhi;
  if (compared && previous.total > 0)
    output.meta["total_growth"] = table.total / previous.total - 1;
  AddSipriMeta(data, table.approximate || (compared && previous.approximate), context.lang,
               &output);
  output.notes.insert(output.notes.begin(),
                      TotalsNote(data, table, *years, previous, before, context.lang));
  return context.Emit(output);
}

// The exporter rank among states, and the non-state suppliers listed apart.
void AddRankMeta(const SipriData& data, const std::string& supplier, YearRange years,
                 Output* output) {
  auto is_state = [&data](std::string_view key) { return IsState(data, key); };
  analysis::Rank rank = analysis::ExporterRank(data.exporter_tiv, supplier, years, is_state);
  output->meta["rank"] = rank.rank;
  output->meta["exporters"] = rank.of;
  output->meta["rank_among"] = "states";
  nlohmann::ordered_json apart = nlohmann::ordered_json::array();
  for (const auto& [key, tiv] : analysis::IneligibleExporters(data.exporter_tiv, years, is_state))
    apart.push_back({{"supplier", key}, {"name", DisplayName(data, key)}, {"tiv", tiv}});
  output->meta["not_ranked"] = std::move(apart);
}

Status RunExports(Context& context, const SharesOptions& options) {
  Result<ActorSet> suppliers = ActorSet{};
  Result<YearRange> years = YearRange{};
  auto loaded = LoadShares(context, options, false, true, &suppliers, &years);
  if (!loaded.ok()) return loaded.status();
  const SipriData& data = **loaded;
  analysis::ShareTable table = analysis::RecipientShares(data.transfers, *suppliers, *years);
  YearRange before = analysis::PreviousWindow(*years);
  analysis::ShareTable previous = analysis::RecipientShares(data.transfers, *suppliers, before);
  Output output;
  AddShareRows(data, context.lang, table, "recipient", &output);
  // One actor named as itself has an exporter rank; a group's members are not one exporter.
  bool single = suppliers->spans().size() == 1 && suppliers->spans()[0].via.empty();
  std::string supplier = single ? suppliers->spans()[0].id : options.country;
  output.meta["supplier"] = supplier;
  if (!single) output.meta["suppliers_counted"] = CountedJson(data, *suppliers, *years);
  output.meta["years"] = years->ToString();
  output.meta["total"] = table.total;
  if (single) AddRankMeta(data, supplier, *years, &output);
  output.meta["previous"] = WindowJson(data, previous, before);
  bool compared = Covered(data, before);
  if (compared && previous.total > 0) output.meta["growth"] = table.total / previous.total - 1;
  AddSipriMeta(data, table.approximate || (compared && previous.approximate), context.lang,
               &output);
  int rank = output.meta.value("rank", 0);
  const std::string& lang = context.lang;
  std::string rank_text =
      !single ? report::Msg("cli_exports_group", lang)
      : rank > 0
          ? report::Msg("cli_exports_rank", lang,
                        {std::to_string(rank), std::to_string(output.meta["exporters"].get<int>())})
          : report::Msg("cli_exports_unranked", lang);
  std::string exporter = single ? DisplayName(data, supplier, lang) : options.country;
  output.notes.insert(output.notes.begin(),
                      report::Msg("cli_exports_summary", lang,
                                  {exporter, fmt::format("{:.0f}", table.total), years->ToString(),
                                   rank_text, PreviousText(data, previous, before, lang)}));
  return context.Emit(output);
}

void AddSharesOptions(CLI::App* command, SharesOptions* options, const char* what) {
  command->add_option("country", options->country, what)->required();
  command->add_option("--years", options->years, "delivery years A-B (default: all)");
  command->add_option("--vintage", options->vintage, "SIPRI vintage (default: newest)");
}

}  // namespace

void AddSuppliers(CLI::App* command, Context* context) {
  auto options = std::make_shared<SharesOptions>();
  AddSharesOptions(command, options.get(), "recipient country or group");
  command->callback([context, options] { context->result = RunSuppliers(*context, *options); });
}

void AddExports(CLI::App* command, Context* context) {
  auto options = std::make_shared<SharesOptions>();
  AddSharesOptions(command, options.get(), "supplier country");
  command->callback([context, options] { context->result = RunExports(*context, *options); });
}

}  // namespace defcoop::cli
