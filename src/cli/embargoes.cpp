// `defcoop embargoes [--target X] [--vintage V]`: each embargo (imposers, scope, trigger,
// dates), the components it hit and what replaced them with the delay, and the SIPRI
// deliveries from an imposer to the target during the embargo, flagged `during_embargo`.
// Without SIPRI data the embargoes are still listed and meta.sipri says it is missing.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <set>

#include "defcoop/analysis/embargo.h"
#include "defcoop/analysis/sanctions.h"
#include "messages.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

struct EmbargoOptions {
  std::vector<std::string> targets;
  std::string vintage;
};

constexpr const char* kSipriSource = "sipri-atdb";

std::string DateText(const std::optional<Date>& date) { return date ? date->ToString() : ""; }

std::string Span(const std::optional<Date>& from, const std::optional<Date>& to) {
  if (!from && !to) return "";
  return DateText(from) + "–" + DateText(to);
}

std::string NameOf(const names::NameIndex& index, const std::string& id) {
  const Actor* actor = index.FindActor(id);
  return actor ? actor->name : id;
}

std::string PlatformName(const Dataset& data, const std::string& id) {
  for (const Platform& p : data.platforms) {
    if (p.id == id) return p.name;
  }
  return id;
}

std::vector<SourceRef> Union(std::vector<SourceRef> first, const std::vector<SourceRef>& second) {
  for (const SourceRef& ref : second) {
    if (std::find(first.begin(), first.end(), ref) == first.end()) first.push_back(ref);
  }
  return first;
}

// Curated data and, when the store has a SIPRI register, its transfers.
struct EmbargoInputs {
  SharedData data;  // transfers empty and vintage "" when there is no SIPRI data
  bool has_sipri = false;
};

Result<EmbargoInputs> LoadInputs(const Context& context, const std::string& vintage) {
  auto data = LoadSipriDataIfAny(context, vintage);
  if (!data.ok()) return data.status();
  return EmbargoInputs{*data, !(*data)->vintage.empty()};
}

class EmbargoRows {
 public:
  EmbargoRows(const SipriData& data, Output* output) : data_(data), output_(output) {}

  void AddEmbargo(const analysis::EmbargoReport& report) {
    const Embargo& e = report.embargo;
    std::vector<std::string> imposer_names;
    for (const std::string& id : e.imposers) imposer_names.push_back(NameOf(data_.index, id));
    std::string detail =
        e.scope + "; by " + Join(imposer_names) + " on " + NameOf(data_.index, e.target);
    if (report.trigger)
      detail +=
          "; trigger: " + report.trigger->title + " (" + report.trigger->date.ToString() + ")";
    if (!e.status.empty()) detail += "; " + e.status;
    Add({{"embargo", e.id},
         {"row", "embargo"},
         {"when", Span(e.start, e.end)},
         {"item", e.title},
         {"detail", detail},
         {"imposers", e.imposers},
         {"target", e.target},
         {"target_state", report.target_state},
         {"scope", e.scope},
         {"legal_basis", e.legal_basis},
         {"trigger", e.trigger},
         {"trigger_title", report.trigger ? report.trigger->title : ""},
         {"trigger_date", report.trigger ? report.trigger->date.ToString() : ""},
         {"start", DateText(e.start)},
         {"end", DateText(e.end)},
         {"status", e.status},
         {"title", e.title}},
        e.sources);
  }

  void AddHit(const analysis::EmbargoReport& report, const analysis::EmbargoHit& hit) {
    const Component& c = hit.component;
    std::string item =
        PlatformName(data_.curated, c.platform_id) + ": " + c.name + " (" + c.maker_state + ")";
    std::string detail = "no replacement recorded";
    nlohmann::ordered_json row = {{"embargo", report.embargo.id},
                                  {"row", "component_hit"},
                                  {"when", Span(c.from, c.to)},
                                  {"item", item},
                                  {"detail", ""},
                                  {"platform", c.platform_id},
                                  {"platform_name", PlatformName(data_.curated, c.platform_id)},
                                  {"component", c.id},
                                  {"part", c.part},
                                  {"name", c.name},
                                  {"maker", c.maker},
                                  {"maker_state", c.maker_state},
                                  {"component_from", DateText(c.from)},
                                  {"component_to", DateText(c.to)},
                                  {"replaced_by", c.replaced_by}};
    std::vector<SourceRef> sources = c.sources;
    if (hit.replacement) {
      const Component& r = *hit.replacement;
      detail = "replaced by " + r.name + " (" + r.maker_state + ", from " + DateText(r.from) + ")";
      row["replacement_name"] = r.name;
      row["replacement_maker_state"] = r.maker_state;
      row["replacement_from"] = DateText(r.from);
      sources = Union(sources, r.sources);
    } else if (!c.replaced_by.empty()) {
      detail = "replaced by " + c.replaced_by + " (not in the data)";
    }
    if (hit.delay) {
      detail += "; delay " + hit.delay->ToString();
      row["delay"] = hit.delay->amount;
      row["delay_unit"] = hit.delay->Unit();
      row["delay_text"] = hit.delay->ToString();
    } else if (hit.replacement) {
      detail += "; delay unknown (the replacement has no start date)";
    }
    row["detail"] = detail;
    Add(std::move(row), sources);
  }

  void AddDelivery(const analysis::EmbargoReport& report, const analysis::EmbargoDelivery& d) {
    std::string item = fmt::format("SIPRI deliveries {} → {}, {}", NameOf(data_.index, d.supplier),
                                   NameOf(data_.index, d.recipient), d.year);
    std::string detail = fmt::format("TIV {}{}: {}", CellText(d.tiv, ""),
                                     d.approximate ? " (approximate)" : "", Join(d.designations));
    nlohmann::ordered_json row = {{"embargo", report.embargo.id},
                                  {"row", "delivery"},
                                  {"when", std::to_string(d.year)},
                                  {"item", item},
                                  {"detail", detail},
                                  {"during_embargo", true},
                                  {"supplier", d.supplier},
                                  {"recipient", d.recipient},
                                  {"year", d.year},
                                  {"tiv", d.tiv},
                                  {"designations", d.designations},
                                  {"approximate", d.approximate},
                                  {"vintage", data_.vintage},
                                  {"sources", {kSipriSource}}};
    output_->rows.push_back(std::move(row));
    approximate_ = approximate_ || d.approximate;
  }

  // The GSDB cases that record the embargo, or one row saying none does.
  void AddGsdb(const analysis::EmbargoReport& report, const std::vector<SanctionCase>& cases) {
    const Actor* target = data_.index.FindActor(report.embargo.target);
    std::string target_state = target ? target->home_state : "";
    auto recording = analysis::CasesRecording(report.embargo, cases, target_state);
    for (const SanctionCase& c : recording) {
      std::string when =
          fmt::format("{}–{}", c.begin, c.ongoing ? "ongoing" : std::to_string(c.end));
      std::string detail =
          fmt::format("{} on {}, {}; measures: {}; objective: {}", Parties(c.senders, c.sender_ids),
                      Parties(c.targets, c.target_ids), when, Join(c.types), Join(c.objectives));
      output_->rows.push_back({{"embargo", report.embargo.id},
                               {"row", "gsdb_case"},
                               {"when", when},
                               {"item", fmt::format("GSDB case {}", c.case_id)},
                               {"detail", detail},
                               {"case", c.case_id},
                               {"measures", c.types},
                               {"sources", {"gsdb-v3"}}});
    }
    if (recording.empty()) {
      output_->rows.push_back(
          {{"embargo", report.embargo.id},
           {"row", "gsdb_case"},
           {"when", ""},
           {"item", "GSDB: no case"},
           {"detail", "no GSDB case against this target by these imposers in these years"},
           {"sources", {"gsdb-v3"}}});
    }
  }

  const std::set<std::string>& source_ids() const { return source_ids_; }
  bool approximate() const { return approximate_; }

 private:
  // GSDB parties by the store's names where they resolved, else as GSDB writes them.
  std::string Parties(const std::vector<std::string>& names,
                      const std::vector<std::string>& ids) const {
    std::vector<std::string> shown;
    for (size_t idx = 0; idx < names.size(); ++idx)
      shown.push_back(idx < ids.size() && !ids[idx].empty() ? NameOf(data_.index, ids[idx])
                                                            : names[idx]);
    return Join(shown);
  }

  static std::string Join(const std::vector<std::string>& items) {
    std::string joined;
    for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
    return joined;
  }

  void Add(nlohmann::ordered_json row, const std::vector<SourceRef>& sources) {
    row["sources"] = SourcesJson(sources);
    for (const SourceRef& ref : sources) source_ids_.insert(ref.source_id);
    output_->rows.push_back(std::move(row));
  }

  const SipriData& data_;
  Output* output_;
  std::set<std::string> source_ids_;
  bool approximate_ = false;
};

void AddMeta(const EmbargoInputs& inputs, const EmbargoRows& rows, const EmbargoOptions& options,
             const std::set<std::string>& targets, size_t embargoes, const std::string& lang,
             Output* output) {
  output->meta["target"] = options.targets;
  output->meta["targets"] = targets;
  output->meta["embargoes"] = embargoes;
  std::vector<std::string> sources(rows.source_ids().begin(), rows.source_ids().end());
  if (inputs.has_sipri) {
    AddSipriMeta(*inputs.data, rows.approximate(), lang, output);
    sources.push_back(kSipriSource);
    output->meta["sipri"] = "used";
    output->notes.push_back(report::Msg("cli_embargo_deliveries_note", lang));
  } else {
    output->meta["sipri"] = "missing";
    std::string note =
        "No SIPRI register in the store: deliveries during embargoes were not checked "
        "(import one with `defcoop import sipri FILE`).";
    output->meta["note"] = note;
    output->notes.push_back(report::Msg("cli_embargo_no_sipri", lang));
  }
  output->meta["sources"] = sources;
  output->notes.push_back(report::Msg("cli_embargo_delays_note", lang));
}

Status RunEmbargoes(Context& context, const EmbargoOptions& options) {
  auto inputs = LoadInputs(context, options.vintage);
  if (!inputs.ok()) return inputs.status();
  const SipriData& data = *inputs->data;
  auto targets = ResolveCountries(data.index, options.targets);
  if (!targets.ok()) return targets.status();
  analysis::EmbargoQuery query{*targets, std::nullopt};
  if (inputs->has_sipri && data.span.last > 0) query.sipri_last_year = data.span.last;
  auto reports = analysis::AnalyzeEmbargoes(data.curated, data.transfers, query);
  Output output;
  output.columns = {"embargo", "row", "when", "item", "detail", "sources"};
  auto sanctions = LoadSanctions(context);
  if (!sanctions.ok()) return sanctions.status();
  EmbargoRows rows(data, &output);
  for (const analysis::EmbargoReport& report : reports) {
    rows.AddEmbargo(report);
    for (const analysis::EmbargoHit& hit : report.hits) rows.AddHit(report, hit);
    for (const analysis::EmbargoDelivery& d : report.deliveries) rows.AddDelivery(report, d);
    if (!(*sanctions)->empty()) rows.AddGsdb(report, **sanctions);
  }
  AddMeta(*inputs, rows, options, *targets, reports.size(), context.lang, &output);
  output.word_columns = {"row"};
  if (!(*sanctions)->empty()) {
    output.meta["gsdb"] = "used";
    output.notes.push_back(report::Msg("cli_embargo_gsdb_note", context.lang));
  } else {
    output.meta["gsdb"] = "missing";
  }
  AddCuratedCoverage(data.curated,
                     {analysis::CuratedKind::kEmbargoes, analysis::CuratedKind::kEvents},
                     context.lang, &output);
  return context.Emit(output);
}

}  // namespace

void AddEmbargoes(CLI::App* command, Context* context) {
  auto options = std::make_shared<EmbargoOptions>();
  command->add_option("--target", options->targets,
                      "embargoes on this state or group (any spelling; repeatable)");
  command->add_option("--vintage", options->vintage, "SIPRI vintage (default: newest, if any)");
  command->callback([context, options] { context->result = RunEmbargoes(*context, *options); });
}

}  // namespace defcoop::cli
