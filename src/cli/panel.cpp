// `defcoop panel --unit dyad-year|directed-dyad-year|state-year --years A-B [--states X...]
// [--with Y...] [--sources sipri,dcad,atop,gsdb,curated] [--vintage V] [--out FILE]`: a
// research panel (analysis/panel.h) over the states that existed in each year, CSV by
// default (one header row, NA for a cell outside a source's coverage). With --out FILE
// its codebook (FILE's stem + .codebook.csv) and citations (.bib, .csl.json) are written
// beside it. docs/panels.md is the researcher's guide.
#include "defcoop/analysis/panel.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>

#include "defcoop/analysis/dca.h"
#include "output_file.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

using analysis::PanelSource;

struct PanelOptions {
  std::string unit;
  std::string years;
  std::vector<std::string> states;
  std::vector<std::string> partners;
  std::string sources;
  std::string vintage;
};

// What the panel read, for its codebook, citations and meta.
struct PanelRun {
  analysis::PanelInputs inputs;
  std::set<PanelSource> sources;
  SharedData curated;
  std::vector<Transfer> transfers;
  SharedDcas dcas;
  std::vector<AllianceYear> alliances;
  SharedSanctions sanctions;
};

Result<std::set<PanelSource>> ParseSources(const std::string& text) {
  std::set<PanelSource> sources;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string name = text.substr(start, comma == std::string::npos ? comma : comma - start);
    auto source = analysis::ParsePanelSource(name);
    if (!source) {
      return Status::Usage(
          "--sources takes sipri, dcad, atop, gsdb and curated (comma-separated), "
          "not '" +
          name + "'");
    }
    sources.insert(*source);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return sources;
}

// The states an argument list stands for; an actor that is not a state is an error.
Result<ActorSet> ResolveStates(const SipriData& data, const std::vector<std::string>& inputs,
                               const std::string& option) {
  auto actors = ResolveActors(data.index, inputs);
  if (!actors.ok()) return actors.status();
  auto input_of = [&](const std::string& id) {
    for (const std::string& input : inputs) {
      auto one = ResolveActors(data.index, {input});
      if (one.ok() && one->ContainsEver(id)) return input;
    }
    return id;
  };
  for (const std::string& id : actors->Ids()) {
    if (!IsState(data, id)) {
      return Status::Usage(option + ": " + DisplayName(data, id) + " (" + id +
                           ") is not a state; a panel's units are states (members:" + input_of(id) +
                           " stands for its member states)");
    }
  }
  return actors;
}

// The transfers of the panel's states: all when no state is named; else those with a
// named state as supplier or recipient (two selections in SQLite; a transfer both take
// is kept once).
Status LoadSipri(const Context& context, const std::string& vintage, const ActorSet& states,
                 PanelRun* run) {
  std::set<std::string> ids = states.Ids();
  auto load = [&](store::TransferSelection selection) {
    return LoadSipriData(context, vintage, [selection](const SipriData&) -> Result<SipriNeeds> {
      return SipriNeeds{selection, false};
    });
  };
  auto supplied = load({ids, {}, std::nullopt});
  if (!supplied.ok()) return supplied.status();
  run->transfers = (*supplied)->transfers;
  if (!ids.empty()) {
    auto received = load({{}, ids, std::nullopt});
    if (!received.ok()) return received.status();
    for (const Transfer& t : (*received)->transfers) {
      if (!ids.count(t.supplier_id)) run->transfers.push_back(t);
    }
  }
  run->inputs.sipri = &run->transfers;
  run->inputs.sipri_vintage = (*supplied)->vintage;
  run->inputs.sipri_years = (*supplied)->span;
  return Status::Ok();
}

// Whether the store holds `source` (the curated record always).
bool Imported(const Context& context, const store::Store& store, PanelSource source) {
  switch (source) {
    case PanelSource::kSipri:
      return !store.NewestVintage().empty();
    case PanelSource::kDcad:
      return LoadDcas(context).ok();
    case PanelSource::kAtop: {
      auto years = store.AtopYears();
      return years.ok() && years->has_value();
    }
    case PanelSource::kGsdb: {
      auto years = store.GsdbYears();
      return years.ok() && years->has_value();
    }
    case PanelSource::kCurated:
      return true;
  }
  return false;
}

Status LoadSources(const Context& context, const PanelOptions& options, YearRange years,
                   const ActorSet& states, PanelRun* run) {
  auto store = context.OpenStore(store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  if (options.sources.empty()) {
    for (PanelSource source : {PanelSource::kSipri, PanelSource::kDcad, PanelSource::kAtop,
                               PanelSource::kGsdb, PanelSource::kCurated}) {
      if (Imported(context, **store, source)) run->sources.insert(source);
    }
  } else {
    auto sources = ParseSources(options.sources);
    if (!sources.ok()) return sources.status();
    run->sources = *sources;
    for (PanelSource source : run->sources) {
      if (!Imported(context, **store, source)) {
        return Status::NotFound(fmt::format(
            "--sources {0}: the store holds no {0} data (import it: `defcoop import {0} FILE`)",
            analysis::PanelSourceName(source)));
      }
    }
  }
  if (run->sources.count(PanelSource::kSipri))
    DEFCOOP_RETURN_IF_ERROR(LoadSipri(context, options.vintage, states, run));
  if (run->sources.count(PanelSource::kDcad)) {
    auto dcas = LoadDcas(context);
    if (!dcas.ok()) return dcas.status();
    run->dcas = *dcas;
    run->inputs.dcad = run->dcas.get();
    run->inputs.dcad_years = analysis::kDcadYears;
  }
  if (run->sources.count(PanelSource::kAtop)) {
    auto span = (*store)->AtopYears();
    if (!span.ok()) return span.status();
    std::set<std::string> ids = states.Ids();
    auto alliances = (*store)->LoadAllianceYears({ids.begin(), ids.end()}, years);
    if (!alliances.ok()) return alliances.status();
    run->alliances = std::move(*alliances);
    run->inputs.atop = &run->alliances;
    run->inputs.atop_years = **span;
  }
  if (run->sources.count(PanelSource::kGsdb)) {
    auto span = (*store)->GsdbYears();
    if (!span.ok()) return span.status();
    auto sanctions = LoadSanctions(context);
    if (!sanctions.ok()) return sanctions.status();
    run->sanctions = *sanctions;
    run->inputs.gsdb = run->sanctions.get();
    run->inputs.gsdb_years = **span;
  }
  run->inputs.curated = &run->curated->curated;
  run->inputs.curated_record = run->sources.count(PanelSource::kCurated) > 0;
  return Status::Ok();
}

// The dataset version a column's values come from.
std::string VintageOf(const std::string& source, const PanelRun& run) {
  if (source == "sipri-atdb") return "SIPRI register generated " + run.inputs.sipri_vintage;
  if (source == "kinne2020-dcad") return "DCAD v1.0";
  if (source == "atop-5.1") return "ATOP 5.1";
  if (source == "gsdb-v3") return "GSDB V3";
  if (source == "data/ (curated)") return "the store's curated data (defcoop init)";
  if (source == "cow-states-2016") return "COW State System Membership v2016";
  if (source == "iso3166-1") return "ISO 3166";
  return "";
}

Status WriteCodebook(const std::string& path, const analysis::Panel& panel, const PanelRun& run) {
  auto file = OutputFile::Open(path);
  if (!file.ok()) return file.status();
  std::ostream& out = (*file)->stream();
  out << "column,definition,unit,source,coverage,vintage\n";
  for (const analysis::PanelColumn& c : panel.columns()) {
    out << CsvEscape(c.name) << "," << CsvEscape(c.definition) << "," << CsvEscape(c.unit) << ","
        << CsvEscape(c.source) << "," << CsvEscape(c.coverage) << ","
        << CsvEscape(VintageOf(c.source, run)) << "\n";
  }
  return (*file)->Close();
}

// Whether a curated fact names one of `states` (every fact when `states` is empty), itself
// or through a firm's or agency's home state.
bool NamesOneOf(const Dataset& data, const std::set<std::string>& states,
                const std::vector<std::string>& actors) {
  if (states.empty()) return true;
  for (const std::string& id : actors) {
    if (states.count(id)) return true;
    auto actor = std::find_if(data.actors.begin(), data.actors.end(),
                              [&](const Actor& a) { return a.id == id; });
    if (actor != data.actors.end() && states.count(actor->home_state)) return true;
  }
  return false;
}

// The sources the panel rests on: its datasets, the state codes, and the curated facts
// it may count (those naming one of its states).
std::vector<nlohmann::json> CitedSources(const analysis::Panel& panel, const PanelRun& run,
                                         const std::set<std::string>& states) {
  std::set<std::string> ids;
  for (const analysis::PanelColumn& c : panel.columns()) {
    if (!c.source.empty() && c.source != "data/ (curated)") ids.insert(c.source);
  }
  const Dataset& data = run.curated->curated;
  if (run.inputs.curated_record) {
    auto cite = [&](const std::vector<std::string>& actors, const std::vector<SourceRef>& refs) {
      if (!NamesOneOf(data, states, actors)) return;
      for (const SourceRef& ref : refs) ids.insert(ref.source_id);
    };
    for (const Agreement& a : data.agreements) cite(a.parties, a.sources);
    for (const Venture& v : data.ventures) cite(v.partners, v.sources);
    for (const Embargo& e : data.embargoes) {
      std::vector<std::string> actors = e.imposers;
      actors.push_back(e.target);
      cite(actors, e.sources);
    }
  }
  std::vector<nlohmann::json> items;
  for (const Source& source : data.sources) {
    if (!ids.count(source.id)) continue;
    nlohmann::json item = nlohmann::json::parse(source.csl_json, nullptr, false);
    if (item.is_discarded()) continue;
    item["id"] = source.id;
    if (source.id == "sipri-atdb") {
      item["note"] = std::string(analysis::kSipriCredit) + " (register generated " +
                     run.inputs.sipri_vintage + ").";
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::string BibEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '{' || c == '}' || c == '&' || c == '%' || c == '$' || c == '#' || c == '_')
      out += '\\';
    out += c;
  }
  return out;
}

std::string BibAuthors(const nlohmann::json& item) {
  std::string authors;
  for (const nlohmann::json& author : item.value("author", nlohmann::json::array())) {
    if (!authors.empty()) authors += " and ";
    if (author.contains("literal")) {
      authors += "{" + BibEscape(author["literal"].get<std::string>()) + "}";
    } else {
      authors +=
          BibEscape(author.value("family", "")) + ", " + BibEscape(author.value("given", ""));
    }
  }
  return authors;
}

// One CSL-JSON item as a BibTeX entry (@article for journal articles, @book, else @misc).
std::string BibEntry(const nlohmann::json& item) {
  std::string type = item.value("type", "");
  std::string kind = type == "article-journal" ? "article" : type == "book" ? "book" : "misc";
  std::string entry = "@" + kind + "{" + item.value("id", "") + ",\n";
  auto field = [&](const std::string& name, const std::string& value) {
    if (!value.empty()) entry += "  " + name + " = {" + value + "},\n";
  };
  field("author", BibAuthors(item));
  field("title", BibEscape(item.value("title", "")));
  if (item.contains("issued") && item["issued"].contains("date-parts"))
    field("year", std::to_string(item["issued"]["date-parts"][0][0].get<int>()));
  field(kind == "article" ? "journal" : "howpublished",
        BibEscape(item.value("container-title", "")));
  field("volume", item.value("volume", ""));
  field("number", item.value("issue", ""));
  field("pages", item.value("page", ""));
  field("publisher", BibEscape(item.value("publisher", "")));
  field("version", item.value("version", ""));
  field("url", item.value("URL", ""));
  field("note", BibEscape(item.value("note", "")));
  return entry + "}\n";
}

Status WriteCitations(const std::string& stem, const std::vector<nlohmann::json>& items) {
  auto bib = OutputFile::Open(stem + ".bib");
  if (!bib.ok()) return bib.status();
  for (const nlohmann::json& item : items) (*bib)->stream() << BibEntry(item) << "\n";
  DEFCOOP_RETURN_IF_ERROR((*bib)->Close());
  auto csl = OutputFile::Open(stem + ".csl.json");
  if (!csl.ok()) return csl.status();
  (*csl)->stream() << nlohmann::json(items).dump(2) << "\n";
  return (*csl)->Close();
}

// FILE without its extension: panel.csv -> panel (.codebook.csv, .bib, .csl.json).
std::string Stem(const std::string& path) {
  std::filesystem::path p(path);
  return (p.parent_path() / p.stem()).string();
}

Status WriteSideFiles(const Context& context, const analysis::Panel& panel, const PanelRun& run,
                      const std::set<std::string>& states) {
  std::string stem = Stem(context.out_path);
  for (const char* suffix : {".codebook.csv", ".bib", ".csl.json"})
    DEFCOOP_RETURN_IF_ERROR(context.CheckOutput("--out", stem + suffix));
  DEFCOOP_RETURN_IF_ERROR(WriteCodebook(stem + ".codebook.csv", panel, run));
  return WriteCitations(stem, CitedSources(panel, run, states));
}

nlohmann::ordered_json Meta(const analysis::Panel& panel, const PanelRun& run, size_t rows) {
  nlohmann::ordered_json meta;
  meta["rows"] = rows;
  meta["na"] = "a cell outside its source's coverage (codebook: coverage)";
  nlohmann::ordered_json coverage = nlohmann::ordered_json::object();
  for (const analysis::PanelColumn& c : panel.columns()) {
    if (!c.source.empty() && c.source != "iso3166-1" && c.source != "cow-states-2016")
      coverage[c.source] = c.coverage;
  }
  meta["coverage"] = coverage;
  if (run.inputs.sipri) {
    meta["vintage"] = run.inputs.sipri_vintage;
    meta["credit"] = std::string(analysis::kSipriCredit);
  }
  return meta;
}

Status RunPanel(Context& context, const PanelOptions& options) {
  auto unit = analysis::ParsePanelUnit(options.unit);
  if (!unit) {
    return Status::Usage("--unit must be dyad-year, directed-dyad-year or state-year, not '" +
                         options.unit + "'");
  }
  auto years = ParseYearRange(options.years);
  if (!years.ok()) return Status::Usage("--years: " + years.status().message());
  if (unit == analysis::PanelUnit::kStateYear && !options.partners.empty())
    return Status::Usage("--with names a dyad's other side: use it with a dyad unit");
  PanelRun run;
  auto curated = LoadCuratedData(context);
  if (!curated.ok()) return curated.status();
  run.curated = *curated;
  analysis::PanelRequest request{*unit, *years, {}, {}};
  auto states = ResolveStates(*run.curated, options.states, "--states");
  if (!states.ok()) return states.status();
  auto partners = ResolveStates(*run.curated, options.partners, "--with");
  if (!partners.ok()) return partners.status();
  request.states = *states;
  request.partners = *partners;
  // The states whose facts are read: every state when --states is not given.
  ActorSet every = *states;
  if (states->empty()) every = ActorSet{};
  if (!states->empty()) every.Merge(*partners);
  DEFCOOP_RETURN_IF_ERROR(LoadSources(context, options, *years, every, &run));
  analysis::Panel panel(request, run.inputs);
  std::vector<std::string> columns;
  for (const analysis::PanelColumn& c : panel.columns()) columns.push_back(c.name);
  Format format = context.format_given ? context.format() : Format::kCsv;
  RowStream stream(format, context.out, context.Layout());
  stream.Begin(columns);
  std::vector<std::optional<std::string>> cells;
  std::optional<std::string> na = format == Format::kJson ? std::nullopt : std::optional("NA");
  size_t rows = panel.ForEachRow([&](const std::vector<analysis::PanelCell>& row) {
    cells.clear();
    for (const auto& cell : row) cells.push_back(cell ? cell : na);
    stream.Row(cells);
  });
  stream.End(Meta(panel, run, rows));
  if (!context.out) return CheckWritten(context.out, "the output");
  if (context.out_path.empty()) {
    context.err << "panel: " << rows
                << " rows; the codebook and citations are written beside --out FILE\n";
    return Status::Ok();
  }
  return WriteSideFiles(context, panel, run, every.Ids());
}

}  // namespace

void AddPanel(CLI::App* command, Context* context) {
  auto options = std::make_shared<PanelOptions>();
  command->add_option("--unit", options->unit, "dyad-year, directed-dyad-year or state-year")
      ->required();
  command->add_option("--years", options->years, "years A-B (e.g. 1950-2025)")->required();
  command->add_option("--states", options->states,
                      "these states (any spelling; a group stands for its members over their "
                      "memberships); default: every state");
  command->add_option("--with", options->partners,
                      "dyads of --states with these states or groups (default: among --states)");
  command->add_option("--sources", options->sources,
                      "sipri,dcad,atop,gsdb,curated (default: every one the store holds)");
  command->add_option("--vintage", options->vintage, "SIPRI vintage (default: the newest)");
  command->callback([context, options] { context->result = RunPanel(*context, *options); });
}

}  // namespace defcoop::cli
