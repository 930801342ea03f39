// `defcoop tiv [--supplier X] [--recipient Y] [--years A-B] [--by ...]
// [--moving-average N] [--vintage V] [--check]`: delivered SIPRI TIV, grouped.
// --check compares the register with SIPRI's importer TIV table of the same vintage.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "messages.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

struct TivOptions {
  std::vector<std::string> suppliers;
  std::vector<std::string> recipients;
  std::string years;
  std::vector<std::string> by;
  int moving_average = 0;
  std::string vintage;
  bool check = false;
};

Result<std::vector<analysis::TivGroup>> ParseGroups(const std::vector<std::string>& names) {
  std::vector<analysis::TivGroup> groups;
  for (const std::string& name : names) {
    if (name == "year")
      groups.push_back(analysis::TivGroup::kYear);
    else if (name == "supplier")
      groups.push_back(analysis::TivGroup::kSupplier);
    else if (name == "recipient")
      groups.push_back(analysis::TivGroup::kRecipient);
    else if (name == "category")
      groups.push_back(analysis::TivGroup::kCategory);
    else if (name == "dyad") {
      groups.push_back(analysis::TivGroup::kSupplier);
      groups.push_back(analysis::TivGroup::kRecipient);
    } else {
      return Status::Usage("unknown --by '" + name +
                           "' (use year, supplier, recipient, dyad or category)");
    }
  }
  return groups;
}

bool Has(const std::vector<analysis::TivGroup>& groups, analysis::TivGroup group) {
  return std::find(groups.begin(), groups.end(), group) != groups.end();
}

std::vector<std::string> Columns(const std::vector<analysis::TivGroup>& groups) {
  std::vector<std::string> columns;
  if (Has(groups, analysis::TivGroup::kSupplier)) columns.push_back("supplier");
  if (Has(groups, analysis::TivGroup::kRecipient)) columns.push_back("recipient");
  if (Has(groups, analysis::TivGroup::kCategory)) columns.push_back("category");
  if (Has(groups, analysis::TivGroup::kYear)) columns.push_back("year");
  columns.push_back("tiv");
  columns.push_back("approximate");
  return columns;
}

nlohmann::ordered_json RowJson(const analysis::TivRow& row,
                               const std::vector<std::string>& columns) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  for (const std::string& column : columns) {
    if (column == "supplier") json["supplier"] = row.supplier;
    if (column == "recipient") json["recipient"] = row.recipient;
    if (column == "category") json["category"] = row.category;
    if (column == "year") json["year"] = row.year;
  }
  json["tiv"] = row.tiv;
  json["approximate"] = row.approximate;
  return json;
}

Status RunCheck(Context& context, const SipriData& data);

// The register with the transfers the filter of `options` can count; sets *filter.
Result<SharedData> LoadFiltered(const Context& context, const TivOptions& options,
                                analysis::TivFilter* filter) {
  return LoadSipriData(context, options.vintage, [&](const SipriData& data) -> Result<SipriNeeds> {
    auto groups = ParseGroups(options.by.empty() ? std::vector<std::string>{"year"} : options.by);
    if (!groups.ok()) return groups.status();
    auto suppliers = ResolveActors(data.index, options.suppliers);
    if (!suppliers.ok()) return suppliers.status();
    auto recipients = ResolveActors(data.index, options.recipients);
    if (!recipients.ok()) return recipients.status();
    auto years = YearsOrSpan(options.years, data);
    if (!years.ok()) return years.status();
    *filter = {*suppliers, *recipients, *years};
    return SipriNeeds{SelectionFor(*suppliers, *recipients, *years), false};
  });
}

Status RunTiv(Context& context, const TivOptions& options) {
  if (options.check) {
    auto loaded = LoadSipriData(context, options.vintage);
    if (!loaded.ok()) return loaded.status();
    return RunCheck(context, **loaded);
  }
  analysis::TivFilter filter;
  auto loaded = LoadFiltered(context, options, &filter);
  if (!loaded.ok()) return loaded.status();
  const SipriData& data = **loaded;
  auto groups = ParseGroups(options.by.empty() ? std::vector<std::string>{"year"} : options.by);
  if (!groups.ok()) return groups.status();
  const ActorSet* suppliers = &filter.suppliers;
  const ActorSet* recipients = &filter.recipients;
  const YearRange* years = &*filter.years;
  std::vector<analysis::TivRow> rows = analysis::AggregateTiv(data.transfers, filter, *groups);
  Output output;
  if (*groups == std::vector<analysis::TivGroup>{analysis::TivGroup::kYear})
    DEFCOOP_RETURN_IF_ERROR(UseExactYears(context, data, filter, &rows, &output));
  if (options.moving_average > 1) {
    if (!Has(*groups, analysis::TivGroup::kYear)) {
      return Status::Usage("--moving-average needs --by year (alone or with other groups)");
    }
    rows = analysis::MovingAverage(rows, options.moving_average, *years);
  }
  output.columns = Columns(*groups);
  bool approximate = false;
  for (const analysis::TivRow& row : rows) {
    output.rows.push_back(RowJson(row, output.columns));
    approximate = approximate || row.approximate;
  }
  output.meta["years"] = years->ToString();
  output.meta["suppliers"] = options.suppliers;
  output.meta["recipients"] = options.recipients;
  if (!suppliers->empty()) output.meta["suppliers_counted"] = CountedJson(data, *suppliers, *years);
  if (!recipients->empty())
    output.meta["recipients_counted"] = CountedJson(data, *recipients, *years);
  if (options.moving_average > 1) output.meta["moving_average_years"] = options.moving_average;
  AddSipriMeta(data, approximate, context.lang, &output);
  return context.Emit(output);
}

// Recipient-years whose table value is at least this are the ones the error is quoted
// for: smaller cells are dominated by SIPRI's rounding to whole millions.
constexpr double kErrorMinTiv = 100;

void AddDifferenceRows(const std::vector<analysis::TableDifference>& differences, Output* output) {
  for (const auto& d : differences) {
    output->rows.push_back({{"recipient", d.recipient},
                            {"period", d.period},
                            {"register_tiv", d.register_tiv},
                            {"table_tiv", d.table_tiv},
                            {"difference", d.register_tiv - d.table_tiv},
                            {"table_under_half", d.table_under_half}});
  }
}

// Compares per year always (the even split of an old register shows there, and is
// measured), and over the table's whole period too when the register is old-format.
Status RunCheck(Context& context, const SipriData& data) {
  auto store = context.OpenStore(store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto table = (*store)->LoadTivCells(data.vintage, SipriFormat::kImporterTable);
  if (!table.ok()) return table.status();
  if (table->empty()) {
    return Status::NotFound("no importer TIV table of vintage " + data.vintage +
                            " in the store; import the table SIPRI generated with the register");
  }
  bool split = std::any_of(data.transfers.begin(), data.transfers.end(), [](const Transfer& t) {
    return std::any_of(t.deliveries.begin(), t.deliveries.end(),
                       [](const Delivery& d) { return d.approximate; });
  });
  auto per_year = analysis::CompareWithTable(data.transfers, *table, true);
  Output output;
  output.columns = {"recipient", "period", "register_tiv", "table_tiv", "difference"};
  AddDifferenceRows(per_year, &output);
  output.meta["compared"] =
      split ? "per recipient and year, and over the table's period" : "per recipient and year";
  output.meta["differences"] = per_year.size();
  output.meta["differences_per_year"] = per_year.size();
  analysis::YearError error = analysis::PerYearError(data.transfers, *table, kErrorMinTiv);
  output.meta["year_error"] = {{"recipient_years", error.compared},
                               {"min_table_tiv", kErrorMinTiv},
                               {"median_relative", error.median},
                               {"p90_relative", error.p90}};
  std::string summary =
      report::Msg("cli_tiv_check_summary", context.lang,
                  {std::to_string(per_year.size()), std::to_string(error.compared),
                   fmt::format("{:.0f}", kErrorMinTiv), fmt::format("{:.1f}", error.median * 100),
                   fmt::format("{:.1f}", error.p90 * 100)});
  if (split) {
    auto whole = analysis::CompareWithTable(data.transfers, *table, false);
    AddDifferenceRows(whole, &output);
    output.meta["differences_whole_period"] = whole.size();
    summary += report::Msg("cli_tiv_check_split", context.lang, {std::to_string(whole.size())});
  }
  AddSipriMeta(data, false, context.lang, &output);
  output.notes.insert(output.notes.begin(), summary);
  return context.Emit(output);
}

}  // namespace

void AddTiv(CLI::App* command, Context* context) {
  auto options = std::make_shared<TivOptions>();
  command->add_option("--supplier", options->suppliers, "supplier or group (repeatable)");
  command->add_option("--recipient", options->recipients, "recipient or group (repeatable)");
  command->add_option("--years", options->years, "delivery years A-B (default: all)");
  command->add_option("--by", options->by, "year, supplier, recipient, dyad, category")
      ->delimiter(',');
  command->add_option("--moving-average", options->moving_average,
                      "N-year trailing average (SIPRI uses 5)");
  command->add_option("--vintage", options->vintage,
                      "SIPRI vintage (default: newest; see `defcoop vintages`)");
  command->add_flag("--check", options->check,
                    "compare the register with SIPRI's TIV table of the same vintage");
  command->callback([context, options] { context->result = RunTiv(*context, *options); });
}

}  // namespace defcoop::cli
