// `defcoop suppliers COUNTRY [--years A-B] [--vintage V]`: each supplier's share of the
// country's (or group's) arms imports, the HHI, and the change against the window of the
// same length just before.
#include <fmt/format.h>

#include <memory>

#include "sipri_data.h"

namespace defcoop::cli {
namespace {

struct SharesOptions {
  std::string country;
  std::string years;
  std::string vintage;
};

nlohmann::ordered_json WindowJson(const analysis::ShareTable& table, YearRange years) {
  return {{"years", years.ToString()}, {"total", table.total}, {"hhi", table.hhi}};
}

void AddShareRows(const SipriData& data, const std::string& lang, const analysis::ShareTable& table,
                  const char* key, Output* output) {
  output->columns = {key, "name", "tiv", "share", "approximate"};
  for (const analysis::Share& share : table.rows) {
    output->rows.push_back({{key, share.actor},
                            {"name", DisplayName(data, share.actor, lang)},
                            {"tiv", share.tiv},
                            {"share", share.share},
                            {"approximate", share.approximate}});
  }
}

Status RunSuppliers(Context& context, const SharesOptions& options) {
  auto loaded = LoadSipriData(context, options.vintage);
  if (!loaded.ok()) return loaded.status();
  const SipriData& data = **loaded;
  auto recipients = ResolveCountries(data.index, {options.country});
  if (!recipients.ok()) return recipients.status();
  auto years = YearsOrSpan(options.years, data);
  if (!years.ok()) return years.status();
  analysis::ShareTable table = analysis::SupplierShares(data.transfers, *recipients, *years);
  YearRange before = analysis::PreviousWindow(*years);
  analysis::ShareTable previous = analysis::SupplierShares(data.transfers, *recipients, before);
  Output output;
  AddShareRows(data, context.lang, table, "supplier", &output);
  output.meta["recipient"] = options.country;
  output.meta["recipients"] = *recipients;
  output.meta["years"] = years->ToString();
  output.meta["total"] = table.total;
  output.meta["hhi"] = table.hhi;
  output.meta["previous"] = WindowJson(previous, before);
  output.meta["hhi_change"] = table.hhi - previous.hhi;
  if (previous.total > 0) output.meta["total_growth"] = table.total / previous.total - 1;
  AddSipriMeta(data, table.approximate || previous.approximate, &output);
  output.notes.insert(
      output.notes.begin(),
      fmt::format("total {:.0f} TIV in {}; HHI {:.3f} (previous {}: total {:.0f}, HHI {:.3f})",
                  table.total, years->ToString(), table.hhi, before.ToString(), previous.total,
                  previous.hhi));
  context.Emit(output);
  return Status::Ok();
}

Status RunExports(Context& context, const SharesOptions& options) {
  auto loaded = LoadSipriData(context, options.vintage);
  if (!loaded.ok()) return loaded.status();
  const SipriData& data = **loaded;
  auto supplier = data.index.Resolve(options.country);
  if (!supplier.ok()) return supplier.status();
  auto years = YearsOrSpan(options.years, data);
  if (!years.ok()) return years.status();
  analysis::ShareTable table = analysis::RecipientShares(data.transfers, {supplier->id}, *years);
  YearRange before = analysis::PreviousWindow(*years);
  analysis::ShareTable previous = analysis::RecipientShares(data.transfers, {supplier->id}, before);
  analysis::Rank rank = analysis::ExporterRank(data.exporter_tiv, supplier->id, *years);
  Output output;
  AddShareRows(data, context.lang, table, "recipient", &output);
  output.meta["supplier"] = supplier->id;
  output.meta["years"] = years->ToString();
  output.meta["total"] = table.total;
  output.meta["rank"] = rank.rank;
  output.meta["exporters"] = rank.of;
  output.meta["previous"] = WindowJson(previous, before);
  if (previous.total > 0) output.meta["growth"] = table.total / previous.total - 1;
  AddSipriMeta(data, table.approximate || previous.approximate, &output);
  output.notes.insert(
      output.notes.begin(),
      fmt::format("{} exported {:.0f} TIV in {}, rank {} of {} exporters; {}: {:.0f} TIV",
                  supplier->name, table.total, years->ToString(), rank.rank, rank.of,
                  before.ToString(), previous.total));
  context.Emit(output);
  return Status::Ok();
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
