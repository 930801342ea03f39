// `defcoop diff --from VINTAGE --to VINTAGE [--recipient X] [--supplier Y] [--years A-B]
// [--by deal|recipient|supplier|year]`: what SIPRI revised between two releases of its
// register (analysis/vintage_diff.h): deals added, removed, changed or ambiguous, and
// delivered TIV per recipient, supplier or year before and after, the revision split by
// kind of deal and as a share of the earlier figure.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "defcoop/analysis/vintage_diff.h"
#include "defcoop/core/version.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

struct DiffOptions {
  std::string from;
  std::string to;
  std::vector<std::string> suppliers;
  std::vector<std::string> recipients;
  std::string years;
  std::string by = "deal";
};

constexpr std::string_view kKeyRule =
    "SIPRI deal id when both registers carry it (new format); else the key (supplier, recipient, "
    "designation, order year), ambiguous keys listed, never paired by guess";

Result<analysis::RevisionGroup> ParseBy(const std::string& by) {
  if (by == "deal" || by == "total") return analysis::RevisionGroup::kTotal;
  if (by == "recipient") return analysis::RevisionGroup::kRecipient;
  if (by == "supplier") return analysis::RevisionGroup::kSupplier;
  if (by == "year") return analysis::RevisionGroup::kYear;
  return Status::Usage("unknown --by '" + by + "' (use deal, recipient, supplier or year)");
}

// The vintage's imported files, each with its content hash. Error: a vintage holding
// more than one register (its deals would be counted twice).
Result<nlohmann::ordered_json> VintageFiles(const Context& context, const std::string& vintage) {
  auto store = context.OpenStore(store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  int registers = 0;
  for (const store::Vintage& v : (*store)->Vintages()) {
    if (v.vintage != vintage) continue;
    for (size_t file_idx = 0; file_idx < v.files.size(); ++file_idx) {
      files.push_back({{"path", v.files[file_idx]},
                       {"format", v.formats[file_idx]},
                       {"content_hash", v.content_hashes[file_idx]}});
      registers += v.formats[file_idx].find("register") != std::string::npos ? 1 : 0;
    }
  }
  if (registers > 1) {
    return Status::InvalidInput("vintage " + vintage + " holds " + std::to_string(registers) +
                                " registers; diff compares one register per vintage (see "
                                "`defcoop vintages`)");
  }
  return nlohmann::ordered_json{{"vintage", vintage}, {"files", files}};
}

// One release's register: the deals of the suppliers and recipients asked for, at any date
// and in any year (a deal must be seen whole in both releases to be matched); sets *filter.
Result<SharedData> LoadRelease(const Context& context, const DiffOptions& options,
                               const std::string& vintage, analysis::TivFilter* filter) {
  return LoadSipriData(context, vintage, [&](const SipriData& data) -> Result<SipriNeeds> {
    auto suppliers = ResolveActors(data.index, options.suppliers);
    if (!suppliers.ok()) return suppliers.status();
    auto recipients = ResolveActors(data.index, options.recipients);
    if (!recipients.ok()) return recipients.status();
    std::optional<YearRange> years;
    DEFCOOP_RETURN_IF_ERROR(ParseOptionalYears(options.years, &years));
    *filter = {*suppliers, *recipients, years};
    return SipriNeeds{SelectionFor(*suppliers, *recipients, std::nullopt), false};
  });
}

std::string LinesText(const std::vector<const Transfer*>& side) {
  std::string text;
  for (const Transfer* t : side)
    text += (text.empty() ? "" : ", ") + std::to_string(t->source_line);
  return text;
}

std::string DealIdText(const analysis::DealDiff& deal) {
  const auto& side = deal.before.empty() ? deal.after : deal.before;
  return deal.rule == analysis::MatchRule::kDealId ? side.front()->deal_id : "";
}

nlohmann::ordered_json RevisionsJson(const analysis::DealDiff& deal) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  if (deal.change == analysis::DealChange::kAmbiguous) {
    list.push_back(fmt::format("{} records -> {} records with this key", deal.before.size(),
                               deal.after.size()));
  }
  for (const analysis::FieldRevision& revision : deal.revisions) {
    list.push_back(revision.field + ": " + (revision.before.empty() ? "-" : revision.before) +
                   " -> " + (revision.after.empty() ? "-" : revision.after));
  }
  return list;
}

nlohmann::ordered_json DealRow(const SipriData& data, const analysis::DealDiff& deal,
                               const analysis::TivFilter& filter, const std::string& lang) {
  const Transfer& any = deal.before.empty() ? *deal.after.front() : *deal.before.front();
  double before = analysis::FilteredTiv(deal.before, filter);
  double after = analysis::FilteredTiv(deal.after, filter);
  return {{"change", std::string(analysis::ToString(deal.change))},
          {"match", std::string(analysis::ToString(deal.rule))},
          {"deal_id", DealIdText(deal)},
          {"supplier", DisplayName(data, analysis::SupplierKey(any), lang)},
          {"recipient", DisplayName(data, analysis::RecipientKey(any), lang)},
          {"designation", any.designation},
          {"order_year", any.order_year ? nlohmann::ordered_json(*any.order_year) : nullptr},
          {"tiv_before", before},
          {"tiv_after", after},
          {"revision", after - before},
          {"revisions", RevisionsJson(deal)},
          {"lines_before", LinesText(deal.before)},
          {"lines_after", LinesText(deal.after)}};
}

void AddDealRows(const SipriData& data, const analysis::VintageDiff& diff,
                 const analysis::TivFilter& filter, const std::string& lang, Output* output) {
  output->columns = {"change",      "match",        "deal_id",    "supplier",  "recipient",
                     "designation", "order_year",   "tiv_before", "tiv_after", "revision",
                     "revisions",   "lines_before", "lines_after"};
  for (const analysis::DealDiff& deal : diff.deals) {
    if (deal.change == analysis::DealChange::kUnchanged || !analysis::Concerns(deal, filter))
      continue;
    output->rows.push_back(DealRow(data, deal, filter, lang));
  }
  // Largest revisions first; the matcher's order (key, register order) breaks ties.
  std::stable_sort(output->rows.begin(), output->rows.end(), [](const auto& a, const auto& b) {
    return std::fabs(a["revision"].template get<double>()) >
           std::fabs(b["revision"].template get<double>());
  });
}

nlohmann::ordered_json ShareJson(const analysis::RevisionRow& row) {
  auto share = row.share();
  return share ? nlohmann::ordered_json(*share) : nlohmann::ordered_json(nullptr);
}

void AddGroupRows(const SipriData& data, const analysis::VintageDiff& diff,
                  const analysis::TivFilter& filter, analysis::RevisionGroup by,
                  const std::string& column, const std::string& lang, Output* output) {
  std::vector<analysis::RevisionRow> rows = analysis::RevisionTotals(diff, filter, by);
  bool by_year = by == analysis::RevisionGroup::kYear;
  if (!by_year) {
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return std::fabs(a.revision()) > std::fabs(b.revision());
    });
  }
  output->columns = {column};
  if (!by_year) output->columns.push_back("name");
  for (const char* name :
       {"before", "after", "revision", "share", "added", "removed", "changed", "ambiguous",
        "deals_added", "deals_removed", "deals_changed", "ambiguous_groups"}) {
    output->columns.push_back(name);
  }
  if (by_year) output->columns.push_back("approximate");
  for (const analysis::RevisionRow& row : rows) {
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    if (by_year) {
      json["year"] = row.year;
    } else {
      json[column] = row.key;
      json["name"] = DisplayName(data, row.key, lang);
    }
    json.update({{"before", row.before},
                 {"after", row.after},
                 {"revision", row.revision()},
                 {"share", ShareJson(row)},
                 {"added", row.added},
                 {"removed", row.removed},
                 {"changed", row.changed},
                 {"ambiguous", row.ambiguous},
                 {"deals_added", row.deals_added},
                 {"deals_removed", row.deals_removed},
                 {"deals_changed", row.deals_changed},
                 {"ambiguous_groups", row.ambiguous_groups}});
    if (by_year) json["approximate"] = row.approximate;
    output->rows.push_back(std::move(json));
  }
}

// meta.deals: how many deals of each kind concern the question.
nlohmann::ordered_json DealCounts(const analysis::VintageDiff& diff,
                                  const analysis::TivFilter& filter) {
  std::map<analysis::DealChange, int> counts;
  size_t ambiguous_before = 0;
  size_t ambiguous_after = 0;
  for (const analysis::DealDiff& deal : diff.deals) {
    if (!analysis::Concerns(deal, filter)) continue;
    ++counts[deal.change];
    if (deal.change != analysis::DealChange::kAmbiguous) continue;
    ambiguous_before += deal.before.size();
    ambiguous_after += deal.after.size();
  }
  return {{"added", counts[analysis::DealChange::kAdded]},
          {"removed", counts[analysis::DealChange::kRemoved]},
          {"changed", counts[analysis::DealChange::kChanged]},
          {"unchanged", counts[analysis::DealChange::kUnchanged]},
          {"rekeyed", counts[analysis::DealChange::kRekeyed]},
          {"ambiguous_groups", counts[analysis::DealChange::kAmbiguous]},
          {"ambiguous_records_before", ambiguous_before},
          {"ambiguous_records_after", ambiguous_after}};
}

// meta.total, and whether before + added - removed + changed + ambiguous = after.
nlohmann::ordered_json TotalJson(const analysis::RevisionRow& total) {
  double rebuilt = total.before + total.added - total.removed + total.changed + total.ambiguous;
  return {{"before", total.before},
          {"after", total.after},
          {"revision", total.revision()},
          {"share", ShareJson(total)},
          {"added", total.added},
          {"removed", total.removed},
          {"changed", total.changed},
          {"ambiguous", total.ambiguous},
          {"reconciles", analysis::SameTiv(rebuilt, total.after)}};
}

bool AnyApproximate(const std::vector<analysis::RevisionRow>& rows) {
  return std::any_of(rows.begin(), rows.end(), [](const auto& row) { return row.approximate; });
}

void AddMeta(const analysis::VintageDiff& diff, const analysis::TivFilter& filter,
             const DiffOptions& options, nlohmann::ordered_json from_files,
             nlohmann::ordered_json to_files, const std::string& lang, Output* output) {
  analysis::RevisionRow total =
      analysis::RevisionTotals(diff, filter, analysis::RevisionGroup::kTotal).front();
  nlohmann::ordered_json deals = DealCounts(diff, filter);
  bool approximate = options.by == "year" && AnyApproximate(analysis::RevisionTotals(
                                                 diff, filter, analysis::RevisionGroup::kYear));
  AddSipriMeta(options.from + " to " + options.to, approximate, lang, output);
  output->meta["from"] = std::move(from_files);
  output->meta["to"] = std::move(to_files);
  output->meta["match"] = diff.by_deal_id ? "deal_id" : "key";
  output->meta["match_rule"] = std::string(kKeyRule);
  output->meta["suppliers"] = options.suppliers;
  output->meta["recipients"] = options.recipients;
  if (filter.years) output->meta["years"] = filter.years->ToString();
  output->meta["deals"] = deals;
  output->meta["total"] = TotalJson(total);
  output->meta["defcoop_version"] = std::string(kVersion);
  output->notes.push_back(fmt::format(
      "Deals matched by {}: {} added, {} removed, {} changed, {} unchanged, {} re-keyed, {} "
      "ambiguous group(s). Delivered TIV {:.1f} -> {:.1f} ({:+.1f}).",
      diff.by_deal_id ? "SIPRI's deal id" : "key (supplier, recipient, designation, order year)",
      deals["added"].get<int>(), deals["removed"].get<int>(), deals["changed"].get<int>(),
      deals["unchanged"].get<int>(), deals["rekeyed"].get<int>(),
      deals["ambiguous_groups"].get<int>(), total.before, total.after, total.revision()));
  if (!diff.by_deal_id) {
    output->notes.push_back(
        "Re-keyed: a new designation or order year, every figure the same, one partner each "
        "way; any other revised designation or order year shows as one deal removed and one "
        "added.");
  }
}

// meta.from.span and meta.to.span; when they differ and --years does not say otherwise, a
// note: the years only one release covers count as revisions too.
void AddSpans(YearRange before, YearRange after, const analysis::TivFilter& filter,
              Output* output) {
  output->meta["from"]["span"] = before.ToString();
  output->meta["to"]["span"] = after.ToString();
  YearRange common{std::max(before.first, after.first), std::min(before.last, after.last)};
  if (filter.years || (before.first == after.first && before.last == after.last)) return;
  output->notes.push_back("The registers cover deliveries in " + before.ToString() + " and " +
                          after.ToString() +
                          ": deliveries in the years only one covers count "
                          "as revisions; --years " +
                          common.ToString() + " compares the years both cover.");
}

Status RunDiff(Context& context, const DiffOptions& options) {
  auto by = ParseBy(options.by);
  if (!by.ok()) return by.status();
  analysis::TivFilter filter;
  auto before = LoadRelease(context, options, options.from, &filter);
  if (!before.ok()) return before.status();
  auto after = LoadRelease(context, options, options.to, &filter);
  if (!after.ok()) return after.status();
  auto from_files = VintageFiles(context, options.from);
  if (!from_files.ok()) return from_files.status();
  auto to_files = VintageFiles(context, options.to);
  if (!to_files.ok()) return to_files.status();
  analysis::VintageDiff diff = analysis::DiffRegisters((*before)->transfers, (*after)->transfers);
  Output output;
  if (*by == analysis::RevisionGroup::kTotal) {
    AddDealRows(**before, diff, filter, context.lang, &output);
  } else {
    AddGroupRows(**before, diff, filter, *by, options.by, context.lang, &output);
  }
  output.word_columns = {"change"};
  AddMeta(diff, filter, options, std::move(*from_files), std::move(*to_files), context.lang,
          &output);
  AddSpans((*before)->span, (*after)->span, filter, &output);
  return context.Emit(output);
}

}  // namespace

void AddDiff(CLI::App* command, Context* context) {
  auto options = std::make_shared<DiffOptions>();
  command->add_option("--from", options->from, "the earlier SIPRI vintage (see `defcoop vintages`)")
      ->required();
  command->add_option("--to", options->to, "the later SIPRI vintage")->required();
  command->add_option("--supplier", options->suppliers, "supplier or group (repeatable)");
  command->add_option("--recipient", options->recipients, "recipient or group (repeatable)");
  command->add_option("--years", options->years, "delivery years A-B (default: all)");
  command->add_option("--by", options->by, "deal, recipient, supplier or year")
      ->capture_default_str();
  command->callback([context, options] { context->result = RunDiff(*context, *options); });
}

}  // namespace defcoop::cli
