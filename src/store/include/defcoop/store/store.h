// The store: one SQLite file holding the curated data and imported SIPRI files. This
// is the only module that speaks SQL. Every write happens in one transaction: when it
// fails, the file is left as it was. A new store is built in a temporary file beside
// its path and renamed into place when complete, so a store never exists half-built;
// a store whose build never finished (made by an older defcoop) is refused. The store
// uses SQLite's write-ahead log: readers see a consistent snapshot while a writer
// works, a second writer waits (BusyTimeoutMs) and then fails with "the store is busy",
// and a journal left by a killed writer is rolled back when the store is next opened.
// Opening checks that the file is a defcoop store (SQLite application_id) and applies
// the versioned migrations of schema.cpp to stores written by older versions; a store
// from a newer version is refused with a message that says what to do.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "defcoop/core/gdelt.h"
#include "defcoop/core/imported_file.h"
#include "defcoop/core/model.h"
#include "defcoop/core/status.h"
#include "defcoop/store/gdelt_query.h"

struct sqlite3;

namespace defcoop::store {

enum class OpenMode {
  kReadOnly,   // the file must exist and be a complete defcoop store
  kReadWrite,  // the file must exist and be a complete defcoop store
  kCreate,     // create the file when missing; an unfinished store is accepted
};

// What an import does when the store already holds the same data.
enum class ImportMode {
  kOnce,     // the same data again changes nothing (ImportSummary::already_imported)
  kReplace,  // earlier imports are deleted first, in the same transaction: for SIPRI
             // those of the same data or the same path; for DCAD, GSDB and ATOP (one
             // dataset each) every earlier import of that dataset
};

// What one import of a file did, as reported to the user.
struct ImportSummary {
  std::string file;
  std::string format;
  std::string vintage;
  int records_read = 0;
  int imported = 0;
  int rejected = 0;
  int repaired = 0;
  bool already_imported = false;  // the same data was imported before: nothing changed
  std::string earlier_path;       // the path of that earlier import
  int replaced = 0;               // earlier imports deleted (ImportMode::kReplace)
};

// A vintage of SIPRI data in the store.
struct Vintage {
  std::string vintage;
  std::vector<std::string> files;
  std::vector<std::string> formats;
  std::vector<std::string> content_hashes;  // of each file (ingest::DataHash), as imported
  int transfers = 0;
  int table_cells = 0;
};

// Rows of a read-only query, every value as text ("" for NULL).
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

// How long a streamed query may run inside SQLite (time spent writing its rows is not
// counted) before it is stopped; zero = no limit. `raise_hint` ends the error message
// ("raise it with --timeout SECONDS").
struct QueryLimits {
  std::chrono::milliseconds time_limit{0};
  std::string raise_hint;
};
// The transfers of a vintage a question needs, chosen in SQLite over indexes so a
// command reads what its answer rests on, not the whole register. A transfer is taken
// with all its deliveries (an analysis must see whether it takes the whole deal).
struct TransferSelection {
  std::set<std::string> supplier_ids;   // any supplier when empty
  std::set<std::string> recipient_ids;  // any recipient when empty
  std::optional<YearRange> years;       // with a delivery in these years; any when unset
};
// Delivered TIV as an exporter ranking reads it: SupplierKey (the supplier id, or its
// SIPRI name when unresolved), year and TIV.
using SupplierDeliveryFn = std::function<void(std::string_view supplier_key, int year, double tiv)>;

// An imported GDELT file as the store lists it.
struct GdeltFileInfo {
  int64_t id = 0;
  std::string path;
  std::string layout;
  int version = 0;
  std::string code_list;
  std::string first_day, last_day;  // SQLDATE span of its events ("" when none)
  int records_read = 0, imported = 0, rejected = 0;
  int64_t state_events = 0;
};

// One row of an `events` answer: the group key, sums over the rollup, and up to
// `examples` source URLs from the full rows (defense-relevant codes only).
struct GdeltEventRow {
  std::vector<std::string> key;
  int64_t events = 0, mentions = 0, sources = 0, articles = 0;
  double tone_sum = 0, goldstein_sum = 0;
  std::vector<std::string> example_urls;
};

// An `events` answer and what it rests on: each file with events in the selection, its
// matched events and their first and last day.
struct GdeltFileShare {
  GdeltFileInfo file;
  int64_t events = 0;
  std::string first_day, last_day;
};
struct GdeltAnswer {
  std::vector<GdeltEventRow> rows;
  std::vector<GdeltFileShare> files;
};

// Match keys of spellings (names::FoldForMatch) saved with the curated data, so that a
// command need not fold them again; `version` names the folding that made them
// (names::FoldVersion), and keys of another version are not to be used.
struct NameFolds {
  std::string version;
  std::vector<std::pair<std::string, std::string>> keys;  // spelling, match key
};

using QueryColumnsFn = std::function<Status(const std::vector<std::string>& columns)>;
using QueryRowFn = std::function<Status(const std::vector<std::optional<std::string>>& row)>;

class Store {
 public:
  // The schema version this build writes.
  static int CurrentSchemaVersion();

  // Opens `path`. Errors (Status kind kStore or kIo): missing file (unless kCreate), not
  // a SQLite or not a defcoop store, a store from a newer defcoop, a failed migration.
  // `max_version` limits the migrations applied (tests build old stores with it).
  static Result<std::unique_ptr<Store>> Open(const std::string& path, OpenMode mode,
                                             int max_version = 0);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Builds a new store at `path` holding `data`: in a temporary file beside `path`
  // ("PATH.building-PID"), renamed over `path` once complete (an existing file at
  // `path` is replaced). On failure nothing exists at `path` that did not before and the
  // temporary file is removed.
  static Status Build(const std::string& path, const Dataset& data, const NameFolds& folds = {});

  int SchemaVersion() const;

  // Replaces all curated data with `data` in one transaction, which also marks the
  // store complete. SIPRI, DCAD, GSDB and ATOP imports stay; when they reference an
  // actor that `data` no longer has, nothing changes and the error says which actor.
  // The time taken follows the size of `data`, not of the imports.
  // `folds` replace the saved match keys in the same transaction (none: no keys saved).
  Status ReplaceCurated(const Dataset& data, const NameFolds& folds = {});
  Result<Dataset> LoadCurated() const;
  // Only what names are resolved and shown with: actors, their names, codes and
  // memberships, with the citations of the names only (they tell generated names); the
  // other fields and citations stay empty.
  Result<Dataset> LoadActors() const;
  // The match keys saved with the curated data; none (and version "") when there are none.
  Result<NameFolds> LoadNameFolds() const;
  bool HasCuratedData() const;

  // Saves a parsed SIPRI file (whose actor ids are already resolved) in one transaction.
  // `content_hash` identifies the file's data (ingest::DataHash); an earlier import with
  // that hash, or with the file's bytes_hash (how older stores identified files), is the
  // same data: kOnce changes nothing, kReplace replaces it.
  Result<ImportSummary> SaveSipriFile(const SipriFile& file, const std::string& content_hash,
                                      ImportMode mode = ImportMode::kOnce);
  std::vector<Vintage> Vintages() const;
  // Every imported file: SIPRI's by vintage, then DCAD, GSDB and ATOP.
  std::vector<ImportedFileRecord> ImportedFiles() const;
  // Whether `vintage` has any transfer (an index lookup; Vintages() counts them all).
  bool HasTransfers(const std::string& vintage) const;
  // The newest vintage holding `format`s of register data, "" when none.
  std::string NewestVintage() const;
  // Transfers (with deliveries) of a vintage; all vintages when `vintage` is empty.
  Result<std::vector<Transfer>> LoadTransfers(const std::string& vintage) const;
  // The transfers of `vintage` ("" = all) that `selection` takes, in register order.
  Result<std::vector<Transfer>> LoadTransfers(const std::string& vintage,
                                              const TransferSelection& selection) const;
  // The first and last delivery year of `vintage`; {9999, 0} when it has no delivery.
  Result<YearRange> DeliverySpan(const std::string& vintage) const;
  // Each supplier's delivered TIV per year in `vintage` ("" = all), for totals over all
  // suppliers (exporter ranks): `fn` gets parts whose sums, added in the order given, are
  // the sums of the deliveries in register order (transfer, then delivery). A vintage of
  // one register reads the totals saved at import (one call per supplier and year, not
  // one per delivery); several registers are read delivery by delivery.
  Status ForEachSupplierYear(const std::string& vintage, const SupplierDeliveryFn& fn) const;
  Result<std::vector<TivCell>> LoadTivCells(const std::string& vintage,
                                            SipriFormat table_kind) const;

  // Saves a parsed DCAD file (actor ids resolved where they could be) in one
  // transaction; `format` in the summary is "dcad". The same data twice changes nothing
  // (kOnce). The store holds one DCAD import: another file is refused with an error that
  // says to replace (kReplace deletes the earlier import in the same transaction).
  // GSDB and ATOP below work the same way.
  Result<ImportSummary> SaveDcadFile(const DcadFile& file, ImportMode mode = ImportMode::kOnce);
  // Every DCAD agreement in the store, in DCAid order.
  Result<std::vector<DefenseCooperationAgreement>> LoadDcas() const;

  // Saves a parsed GSDB file as SaveDcadFile does. `format` in the summary is "gsdb".
  Result<ImportSummary> SaveGsdbFile(const GsdbFile& file, ImportMode mode = ImportMode::kOnce);
  // Every GSDB case in the store, in case_id order.
  Result<std::vector<SanctionCase>> LoadSanctionCases() const;
  // The first begin year and last end year of the imported GSDB cases; none when none.
  Result<std::optional<YearRange>> GsdbYears() const;

  // Saves a parsed ATOP file as SaveDcadFile does. `format` in the summary is "atop".
  Result<ImportSummary> SaveAtopFile(const AtopFile& file, ImportMode mode = ImportMode::kOnce);
  // The alliance years with one of `actors` on either side (all when `actors` is
  // empty) and, when given, within `years`, in (actor1, actor2, year) order.
  Result<std::vector<AllianceYear>> LoadAllianceYears(
      const std::vector<std::string>& actors,
      std::optional<YearRange> years = std::nullopt) const;
  // The first and last year of the imported ATOP file; none when none is imported.
  Result<std::optional<YearRange>> AtopYears() const;

  // Saves what an import keeps of a GDELT file (core/gdelt.h) in one transaction. Many
  // files make the dataset: a file whose data the store holds already changes nothing
  // (kOnce) or is replaced (kReplace); other files are added.
  Result<ImportSummary> SaveGdeltFile(const GdeltFileImport& file,
                                      ImportMode mode = ImportMode::kOnce);
  // The imported GDELT files, in import order.
  Result<std::vector<GdeltFileInfo>> GdeltFiles() const;
  // The answer to `query` (gdelt_query.h), with up to `examples` URLs per row.
  Result<GdeltAnswer> GdeltEvents(const GdeltEventQuery& query, int examples) const;

  // Runs one read-only SQL statement. A statement that would write is refused.
  Result<QueryResult> Query(const std::string& sql) const;
  // Runs exactly one read-only SQL statement and hands over its column names, then each
  // row as SQLite produces it (nothing is kept, so memory does not grow with the answer).
  // Errors: SQL text holding more than one statement or a statement that would write
  // (kUsage), SQL errors and a query stopped at `limits` (kInvalidInput), or the first
  // error a callback returns (the query stops there).
  Status StreamQuery(const std::string& sql, const QueryLimits& limits,
                     const QueryColumnsFn& on_columns, const QueryRowFn& on_row) const;

  // SQLite's `PRAGMA data_version` on this connection: it changes whenever another
  // connection (another process's import or init) commits to the file.
  Result<int64_t> DataVersion() const;

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  // Moves every committed page into the main file, so the file alone is the store.
  Status Seal();
  sqlite3* db_;
};

}  // namespace defcoop::store
