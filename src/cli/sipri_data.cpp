#include "sipri_data.h"

#include <algorithm>

#include "defcoop/analysis/periods.h"
#include "messages.h"

namespace defcoop::cli {

namespace {

Status CheckVintage(store::Store& store, const std::string& vintage) {
  if (vintage.empty()) {
    return Status::NotFound(
        "no SIPRI register in the store; import one with `defcoop import sipri FILE`");
  }
  if (store.HasTransfers(vintage)) return Status::Ok();
  std::vector<std::string> known;
  for (const store::Vintage& v : store.Vintages()) {
    if (v.transfers > 0) known.push_back(v.vintage);
  }
  if (std::find(known.begin(), known.end(), vintage) != known.end()) return Status::Ok();
  std::string listed;
  for (const std::string& v : known) listed += (listed.empty() ? "" : ", ") + v;
  return Status::Usage("no SIPRI register of vintage '" + vintage + "' (registers: " + listed +
                       ")");
}

Session& SessionOf(const Context& context) {
  if (!context.session) context.session = std::make_shared<Session>(context.db_path);
  return *context.session;
}

}  // namespace

NameBooks::NameBooks(const Dataset& actors) {
  actors_.actors = actors.actors;
  actors_.actor_names = actors.actor_names;
  actors_.actor_codes = actors.actor_codes;
}

const names::NameBook* NameBooks::In(std::string_view lang) const {
  static constexpr std::string_view kLanguages[] = {"en", "tr", "kk", "ru"};
  if (std::find(std::begin(kLanguages), std::end(kLanguages), lang) == std::end(kLanguages))
    return nullptr;
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = books_.find(lang);
  if (found == books_.end()) {
    found =
        books_.emplace(std::string(lang), std::make_unique<names::NameBook>(actors_, lang)).first;
  }
  return found->second.get();
}

Result<SharedData> Session::Curated() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!curated_) {
    auto loaded = LoadCurated(false);
    if (!loaded.ok()) return loaded.status();
    curated_ = *loaded;
  }
  return curated_;
}

Result<SharedData> Session::Names() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (curated_) return curated_;
  if (!names_) {
    auto loaded = LoadCurated(true);
    if (!loaded.ok()) return loaded.status();
    names_ = *loaded;
  }
  return names_;
}

Result<SharedData> Session::LoadCurated(bool actors_only) {
  auto store = store::Store::Open(db_path_, store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto data = LoadCuratedFrom(**store, actors_only);
  if (!data.ok()) return data.status();
  return SharedData(*data);
}

Result<std::shared_ptr<SipriData>> Session::LoadCuratedFrom(const store::Store& store,
                                                            bool actors_only) {
  auto curated = actors_only ? store.LoadActors() : store.LoadCurated();
  if (!curated.ok()) return curated.status();
  auto folds = store.LoadNameFolds();
  if (!folds.ok()) return folds.status();
  auto data = std::make_shared<SipriData>();
  data->curated = std::move(*curated);
  data->index = BuildNameIndex(data->curated, *folds);
  data->names = std::make_shared<NameBooks>(data->curated);
  data->span = {0, 0};
  return data;
}

Result<SharedData> Session::Sipri(const std::string& vintage) {
  auto curated = Curated();
  if (!curated.ok()) return curated.status();
  std::lock_guard<std::mutex> lock(mutex_);
  auto cached = by_vintage_.find(vintage);
  if (cached != by_vintage_.end()) return cached->second;
  auto loaded = LoadSipri(vintage);
  if (!loaded.ok()) return loaded.status();
  by_vintage_[vintage] = *loaded;
  return *loaded;
}

Result<SharedData> Session::LoadSipri(const std::string& vintage) {
  auto store = store::Store::Open(db_path_, store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto data = std::make_shared<SipriData>(*curated_);
  data->vintage = vintage.empty() ? (*store)->NewestVintage() : vintage;
  DEFCOOP_RETURN_IF_ERROR(CheckVintage(**store, data->vintage));
  auto transfers = (*store)->LoadTransfers(data->vintage);
  if (!transfers.ok()) return transfers.status();
  data->transfers = std::move(*transfers);
  data->span = analysis::DeliveryYears(data->transfers);
  data->exporter_tiv = analysis::TivBySupplierYear(data->transfers);
  return SharedData(data);
}

Result<SharedData> Session::Sipri(const std::string& vintage, const SelectFn& select) {
  SharedData whole;
  SharedData names;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto cached = by_vintage_.find(vintage);
    if (cached != by_vintage_.end()) whole = cached->second;
    names = curated_ ? curated_ : names_;
  }
  if (whole) {
    auto needs = select(*whole);
    if (!needs.ok()) return needs.status();
    return whole;
  }
  auto store = store::Store::Open(db_path_, store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  // The names a session holds already (`defcoop serve`), else read here for this answer
  // alone (a command line run: read once, never copied).
  std::shared_ptr<SipriData> data;
  if (names) {
    data = std::make_shared<SipriData>(*names);
  } else {
    auto loaded = LoadCuratedFrom(**store, true);
    if (!loaded.ok()) return loaded.status();
    data = std::move(*loaded);
  }
  data->vintage = vintage.empty() ? (*store)->NewestVintage() : vintage;
  DEFCOOP_RETURN_IF_ERROR(CheckVintage(**store, data->vintage));
  auto span = (*store)->DeliverySpan(data->vintage);
  if (!span.ok()) return span.status();
  data->span = *span;
  auto needs = select(*data);
  if (!needs.ok()) return needs.status();
  auto transfers = (*store)->LoadTransfers(data->vintage, needs->selection);
  if (!transfers.ok()) return transfers.status();
  data->transfers = std::move(*transfers);
  if (needs->exporter_totals) {
    analysis::SupplierYearTiv& totals = data->exporter_tiv;
    DEFCOOP_RETURN_IF_ERROR((*store)->ForEachSupplierYear(
        data->vintage, [&totals](std::string_view supplier, int year, double tiv) {
          totals.by_supplier[std::string(supplier)][year] += tiv;
        }));
  }
  return SharedData(data);
}

Result<SharedDcas> Session::Dcas() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (dcas_) return dcas_;
  auto store = store::Store::Open(db_path_, store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto agreements = (*store)->LoadDcas();
  if (!agreements.ok()) return agreements.status();
  if (agreements->empty()) {
    return Status::NotFound(
        "no DCAD agreements in the store; import them with `defcoop import dcad FILE`");
  }
  dcas_ = std::make_shared<const std::vector<DefenseCooperationAgreement>>(std::move(*agreements));
  return dcas_;
}

Result<SharedSanctions> Session::Sanctions() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (sanctions_) return sanctions_;
  auto store = store::Store::Open(db_path_, store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto cases = (*store)->LoadSanctionCases();
  if (!cases.ok()) return cases.status();
  sanctions_ = std::make_shared<const std::vector<SanctionCase>>(std::move(*cases));
  return sanctions_;
}

Result<SharedData> LoadCuratedData(const Context& context) { return SessionOf(context).Curated(); }

Result<SharedData> LoadNameData(const Context& context) { return SessionOf(context).Names(); }

Result<SharedDcas> LoadDcas(const Context& context) { return SessionOf(context).Dcas(); }

Result<SharedSanctions> LoadSanctions(const Context& context) {
  return SessionOf(context).Sanctions();
}

Result<SharedData> LoadSipriData(const Context& context, const std::string& vintage) {
  return SessionOf(context).Sipri(vintage);
}

Result<SharedData> LoadSipriData(const Context& context, const std::string& vintage,
                                 const SelectFn& select) {
  return SessionOf(context).Sipri(vintage, select);
}

Result<SharedData> LoadSipriDataIfAny(const Context& context, const std::string& vintage) {
  auto data = LoadSipriData(context, vintage);
  if (data.ok() || !vintage.empty() || data.status().kind() != StatusKind::kNotFound) return data;
  return LoadCuratedData(context);
}

Result<ActorSet> ResolveActors(const names::NameIndex& index,
                               const std::vector<std::string>& inputs) {
  ActorSet actors;
  for (const std::string& input : inputs) {
    auto resolved = index.ResolveActors(input);
    if (!resolved.ok()) return resolved.status();
    actors.Merge(*resolved);
  }
  return actors;
}

store::TransferSelection SelectionFor(const ActorSet& suppliers, const ActorSet& recipients,
                                      std::optional<YearRange> years) {
  return {suppliers.Ids(), recipients.Ids(), years};
}

Status AddCountries(const names::NameIndex& index, const std::vector<std::string>& inputs,
                    std::set<std::string>* ids) {
  auto actors = ResolveActors(index, inputs);
  if (!actors.ok()) return actors.status();
  std::set<std::string> counted = actors->Ids();
  ids->insert(counted.begin(), counted.end());
  return Status::Ok();
}

Status AddCountries(const names::NameIndex& index, const std::vector<std::string>& inputs,
                    ActorSet* actors) {
  auto resolved = ResolveActors(index, inputs);
  if (!resolved.ok()) return resolved.status();
  actors->Merge(*resolved);
  return Status::Ok();
}

nlohmann::ordered_json CountedJson(const SipriData& data, const ActorSet& actors,
                                   YearRange years) {
  nlohmann::ordered_json counted = nlohmann::ordered_json::array();
  for (const ActorSpan& span : actors.spans()) {
    if (!span.OverlapsYears(years)) continue;
    YearRange within{span.from ? std::max(span.from->year, years.first) : years.first,
                     span.to ? std::min(span.to->year, years.last) : years.last};
    nlohmann::ordered_json entry = {{"id", span.id},
                                    {"name", DisplayName(data, span.id)},
                                    {"years", within.ToString()}};
    if (!span.via.empty()) entry["via"] = span.via;
    counted.push_back(std::move(entry));
  }
  return counted;
}

namespace {

std::optional<SipriFormat> TableFor(const analysis::TivFilter& filter) {
  if (filter.suppliers.empty() && !filter.recipients.empty()) return SipriFormat::kImporterTable;
  if (!filter.suppliers.empty() && filter.recipients.empty()) return SipriFormat::kExporterTable;
  return std::nullopt;
}

}  // namespace

Status UseExactYears(const Context& context, const SipriData& data,
                     const analysis::TivFilter& filter, std::vector<analysis::TivRow>* rows,
                     Output* output) {
  std::optional<SipriFormat> kind = TableFor(filter);
  bool approximate = std::any_of(rows->begin(), rows->end(),
                                 [](const analysis::TivRow& row) { return row.approximate; });
  if (!kind || !approximate) return Status::Ok();
  auto store = context.OpenStore(store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto table = (*store)->LoadTivCells(data.vintage, *kind);
  if (!table.ok()) return table.status();
  YearRange covered = analysis::TableSpan(*table);
  YearRange asked = filter.years.value_or(covered);
  YearRange within{std::max(asked.first, covered.first), std::min(asked.last, covered.last)};
  if (within.first > within.last) return Status::Ok();
  const ActorSet& actors =
      *kind == SipriFormat::kImporterTable ? filter.recipients : filter.suppliers;
  std::erase_if(*rows, [&](const analysis::TivRow& row) { return within.Contains(row.year); });
  for (analysis::TivRow& row : analysis::TableYearTotals(*table, actors, within))
    rows->push_back(std::move(row));
  std::sort(rows->begin(), rows->end(),
            [](const analysis::TivRow& a, const analysis::TivRow& b) { return a.year < b.year; });
  std::string table_name = *kind == SipriFormat::kImporterTable ? "importer" : "exporter";
  output->meta["exact_years"] = within.ToString();
  output->meta["exact_years_source"] = "SIPRI " + table_name + " TIV table of vintage " +
                                       data.vintage +
                                       " (per year, each cell rounded to whole millions)";
  output->notes.push_back("Years " + within.ToString() + " come from SIPRI's " + table_name +
                          " TIV table of the same vintage (exact per year), not the register's "
                          "even split.");
  return Status::Ok();
}

bool IsState(const SipriData& data, std::string_view id) {
  const Actor* actor = data.index.FindActor(id);
  return actor &&
         (actor->kind == ActorKind::kState || actor->kind == ActorKind::kHistoricalState);
}

Result<std::set<std::string>> ResolveCountries(const names::NameIndex& index,
                                               const std::vector<std::string>& inputs) {
  std::set<std::string> ids;
  DEFCOOP_RETURN_IF_ERROR(AddCountries(index, inputs, &ids));
  return ids;
}

Status ParseOptionalYears(const std::string& text, std::optional<YearRange>* years) {
  if (text.empty()) return Status::Ok();
  auto parsed = ParseYearRange(text);
  if (!parsed.ok()) return Status::Usage(parsed.status().message());
  *years = *parsed;
  return Status::Ok();
}

Result<YearRange> YearsOrSpan(const std::string& text, const SipriData& data) {
  if (text.empty()) return data.span;
  auto years = ParseYearRange(text);
  if (!years.ok()) return years.status();
  // An empty table would read as "no deliveries"; these years are simply not covered.
  if (years->last < data.span.first || years->first > data.span.last) {
    return Status::NotFound("no SIPRI data for " + years->ToString() + ": the register of vintage " +
                            data.vintage + " covers " + data.span.ToString());
  }
  return years;
}

namespace {

// "24 agreements, 80 events and 29 indicators" in `lang` (the catalog's "cov_<kind>").
std::string CountedKinds(const analysis::RecordCoverage& coverage, const std::string& lang) {
  if (coverage.kinds.empty()) return report::Msg("cov_none", lang);
  std::string kinds;
  for (size_t i = 0; i < coverage.kinds.size(); ++i) {
    if (i > 0) kinds += i + 1 == coverage.kinds.size() ? report::Msg("cov_and", lang) : ", ";
    const auto& [kind, count] = coverage.kinds[i];
    kinds += report::Msg("cov_" + kind, lang, {std::to_string(count)});
  }
  return kinds;
}

// The coverage note in `lang`: the two descriptions analysis gives come from the catalog.
std::string CoverageNote(const analysis::RecordCoverage& coverage, const std::string& lang) {
  std::string description = coverage.description;
  if (description == analysis::RecordCoverage().description) {
    description = report::Msg("cov_curated", lang);
  } else if (description == analysis::kDcadCoverage) {
    description = report::Msg("cov_dcad", lang);
  }
  std::string dated =
      coverage.first ? report::Msg("cov_dated", lang,
                                   {coverage.first->ToString(), coverage.last->ToString()})
                     : "";
  return report::Msg("cov_rests_on", lang,
                     {CountedKinds(coverage, lang), description,
                      std::to_string(coverage.source_ids.size()), dated});
}

}  // namespace

void AddCoverage(const analysis::RecordCoverage& coverage, const std::string& lang,
                 Output* output) {
  nlohmann::ordered_json records = nlohmann::ordered_json::object();
  for (const auto& [kind, count] : coverage.kinds) records[kind] = count;
  output->meta["coverage"] = {
      {"records", records},
      {"sources", coverage.source_ids.size()},
      {"first", coverage.first ? nlohmann::ordered_json(coverage.first->ToString()) : nullptr},
      {"last", coverage.last ? nlohmann::ordered_json(coverage.last->ToString()) : nullptr},
      {"census", false},
      {"description", coverage.description},
      {"note", analysis::CoverageText(coverage)}};
  output->notes.push_back(CoverageNote(coverage, lang));
}

void AddCuratedCoverage(const Dataset& data, const std::vector<analysis::CuratedKind>& kinds,
                        const std::string& lang, Output* output) {
  AddCoverage(analysis::CuratedCoverage(data, kinds), lang, output);
}

void AddSipriMeta(const SipriData& data, bool approximate, const std::string& lang,
                  Output* output) {
  AddSipriMeta(data.vintage, approximate, lang, output);
}

void AddSipriMeta(const std::string& vintage, bool approximate, const std::string& lang,
                  Output* output) {
  output->meta["vintage"] = vintage;
  output->meta["credit"] = std::string(analysis::kSipriCredit);
  output->meta["sources"] = {"sipri-atdb"};
  output->meta["approximate"] = approximate;
  // SIPRI's credit stays in SIPRI's words.
  output->notes.push_back(
      report::Msg("cli_source_sipri", lang, {std::string(analysis::kSipriCredit), vintage}));
  if (approximate) {
    std::string note =
        "Rows marked approximate rest on an old-format register whose deliveries were spread "
        "evenly over the listed delivery years (SIPRI gives no per-year split there): single "
        "years can be far off (import SIPRI's importer/exporter TIV table of the same vintage "
        "for exact years; `defcoop tiv --check` measures the error). Totals over periods that "
        "take whole deals are exact.";
    output->meta["note"] = note;
    output->meta["warning"] = "per-year figures are approximate (even split of deliveries)";
    output->notes.insert(output->notes.begin(), report::Msg("cli_approx_warning", lang));
  }
}

std::string DisplayName(const SipriData& data, const std::string& id, std::string_view lang) {
  if (const names::NameBook* book = data.names->In(lang)) return book->Name(id);
  const Actor* actor = data.index.FindActor(id);
  return actor ? actor->name : id;
}

}  // namespace defcoop::cli
