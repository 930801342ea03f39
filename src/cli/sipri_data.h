// What the analysis commands share: the store's data loaded once per Session (the
// curated data with its name index, and the SIPRI register of a vintage: the newest
// unless --vintage says otherwise), turning country arguments (any spelling, or a group
// such as OTS) into actor ids, and the meta every SIPRI output carries: vintage, credit
// line, source and the approximation note.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "context.h"
#include "defcoop/analysis/coverage.h"
#include "defcoop/analysis/tiv.h"
#include "defcoop/names/name_book.h"

namespace defcoop::cli {

// Actor names in each interface language (en, tr, kk, ru), each book made on first use
// (a book other than English reads CLDR and iso-codes). Thread-safe.
class NameBooks {
 public:
  // `actors` needs its actors, actor_names and actor_codes.
  explicit NameBooks(const Dataset& actors);
  // The book of `lang`, or null for a language other than those four.
  const names::NameBook* In(std::string_view lang) const;

 private:
  Dataset actors_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::unique_ptr<names::NameBook>, std::less<>> books_;
};

// The data of one store an analysis reads. Shared and never changed once loaded.
struct SipriData {
  std::shared_ptr<const NameBooks> names;
  std::string vintage;                     // "" when only the curated data is loaded
  std::vector<Transfer> transfers;         // of `vintage`
  analysis::SupplierYearTiv exporter_tiv;  // of `transfers`, for exporter ranks
  YearRange span;                          // first and last delivery year in the data
  // The curated data. From Session::Names() and the selective Session::Sipri(vintage,
  // select), only what names need (Store::LoadActors): actors, actor_names, actor_codes
  // and memberships, no citations but those of names.
  Dataset curated;
  names::NameIndex index;
};
using SharedData = std::shared_ptr<const SipriData>;

// What an analysis reads of a register: the transfers `selection` takes (chosen in
// SQLite over indexes) and, when `exporter_totals`, every supplier's yearly TIV over the
// whole vintage (exporter ranks compare all suppliers).
struct SipriNeeds {
  store::TransferSelection selection;
  bool exporter_totals = false;
};
// Says what to read once the register's vintage and span are known (`data` holds no
// transfers yet); an error it returns is the command's.
using SelectFn = std::function<Result<SipriNeeds>(const SipriData& data)>;
using SharedDcas = std::shared_ptr<const std::vector<DefenseCooperationAgreement>>;
using SharedSanctions = std::shared_ptr<const std::vector<SanctionCase>>;

// The read-only data of one store, loaded on first use and kept: one Session serves a
// CLI run, or every request of `defcoop serve` (it is thread-safe).
class Session {
 public:
  explicit Session(std::string db_path) : db_path_(std::move(db_path)) {}

  // The curated data and name index, with no transfers.
  Result<SharedData> Curated();
  // The name index and books alone (`curated` holds the actor tables only, see
  // SipriData): for commands that resolve and show names and read no other curated fact.
  Result<SharedData> Names();
  // The register of `vintage` ("" = newest) with the curated data. Errors: no SIPRI
  // data imported, or an unknown vintage (the message lists the ones there are).
  Result<SharedData> Sipri(const std::string& vintage);
  // The register of `vintage` with only what `select` asks for (span and vintage are the
  // whole register's; errors as Sipri(), then select's). Not kept: each call reads the
  // store. When the whole register is already loaded (a warmed `defcoop serve`) that is
  // returned: the analyses filter it to the same answer. Its `curated` is that of
  // Names() unless the whole curated data is loaded already.
  Result<SharedData> Sipri(const std::string& vintage, const SelectFn& select);
  // The imported DCAD agreements. Error: none imported (the message says how).
  Result<SharedDcas> Dcas();
  // The imported GSDB cases; an empty list when none are imported.
  Result<SharedSanctions> Sanctions();

 private:
  Result<SharedData> LoadCurated(bool actors_only);
  static Result<std::shared_ptr<SipriData>> LoadCuratedFrom(const store::Store& store,
                                                            bool actors_only);
  Result<SharedData> LoadSipri(const std::string& vintage);

  std::string db_path_;
  std::mutex mutex_;
  SharedData curated_;
  SharedData names_;
  std::map<std::string, SharedData> by_vintage_;  // "" = the newest
  SharedDcas dcas_;
  SharedSanctions sanctions_;
};

// The context's session's data (shorthands for the commands).
Result<SharedData> LoadCuratedData(const Context& context);
Result<SharedData> LoadNameData(const Context& context);
Result<SharedData> LoadSipriData(const Context& context, const std::string& vintage);
Result<SharedData> LoadSipriData(const Context& context, const std::string& vintage,
                                 const SelectFn& select);
Result<SharedDcas> LoadDcas(const Context& context);
Result<SharedSanctions> LoadSanctions(const Context& context);
// The register of `vintage` when one is asked for or any is imported, else the curated
// data alone (vintage "", no transfers): for analyses that work with or without SIPRI.
Result<SharedData> LoadSipriDataIfAny(const Context& context, const std::string& vintage);

// The actors country arguments stand for, each with the dates it counts: a group
// ("OTS", "members:NATO") as its members over their memberships, "OTS@2022" as the
// members at that date, an organisation SIPRI lists ("NATO**") as itself
// (NameIndex::ResolveActors).
Result<ActorSet> ResolveActors(const names::NameIndex& index,
                               const std::vector<std::string>& inputs);

// The transfers with a supplier among `suppliers` and a recipient among `recipients`
// (any when empty) at any date, that delivered in `years`: a superset of what an analysis
// filtered by the same sets and years counts, so it gives the same answer.
store::TransferSelection SelectionFor(const ActorSet& suppliers, const ActorSet& recipients,
                                      std::optional<YearRange> years);

// Every actor id the arguments count at any date (for lists of facts not yet filtered by
// date: prefer ResolveActors).
Result<std::set<std::string>> ResolveCountries(const names::NameIndex& index,
                                               const std::vector<std::string>& inputs);
Status AddCountries(const names::NameIndex& index, const std::vector<std::string>& inputs,
                    std::set<std::string>* ids);
// Adds the actors the arguments stand for, with their dates, to *actors.
Status AddCountries(const names::NameIndex& index, const std::vector<std::string>& inputs,
                    ActorSet* actors);

// meta.counted: which actors `actors` counted in which of `years` (and through which
// group), so a reader sees that "OTS" in 2005 did not include Uzbekistan.
nlohmann::ordered_json CountedJson(const SipriData& data, const ActorSet& actors,
                                   YearRange years);

// Replaces the even-split years of year-grouped `rows` by the exact totals of SIPRI's TIV
// table of the same vintage, where the store has one and it covers the year: the importer
// table for "deliveries to these recipients", the exporter table for "from these
// suppliers" (a filter on both sides is a dyad, which no table holds). Says so in
// output's meta (exact_years, exact_years_source) and notes; leaves exact rows alone.
Status UseExactYears(const Context& context, const SipriData& data,
                     const analysis::TivFilter& filter, std::vector<analysis::TivRow>* rows,
                     Output* output);

// Whether an actor id is a state (or historical state): exporter ranks compare states.
bool IsState(const SipriData& data, std::string_view id);

// --years A-B into *years when given (a bad range is a usage error); none when empty.
Status ParseOptionalYears(const std::string& text, std::optional<YearRange>* years);

// --years A-B, or the data's whole span when empty. Error: years the register does not
// cover at all (NotFound, naming the years it covers).
Result<YearRange> YearsOrSpan(const std::string& text, const SipriData& data);

// meta.vintage, meta.credit, meta.sources, meta.approximate (+ meta.note when it is).
void AddSipriMeta(const SipriData& data, bool approximate, const std::string& lang, Output* output);
// The same for an output resting on `vintage` (text: "A to B" for two).
void AddSipriMeta(const std::string& vintage, bool approximate, const std::string& lang,
                  Output* output);

// meta.coverage ({"records": {kind: n}, "sources": n, "first": date, "last": date,
// "census": false, "note": ...}) and the same as one line of notes: what the output rests
// on (analysis::CuratedCoverage). The one place every curated-data command states it. The
// note is in `lang`; meta.coverage.note stays in English, as the data of the meta does.
void AddCoverage(const analysis::RecordCoverage& coverage, const std::string& lang,
                 Output* output);
void AddCuratedCoverage(const Dataset& data, const std::vector<analysis::CuratedKind>& kinds,
                        const std::string& lang, Output* output);

// The name of an actor id in `lang` (English when that language has none), or the id.
std::string DisplayName(const SipriData& data, const std::string& id, std::string_view lang = "en");

}  // namespace defcoop::cli
