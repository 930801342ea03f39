#include "schema.h"

namespace defcoop::store {
namespace {

// Version 1: the curated data model of DESIGN.md. Dates are ISO 8601 text at the
// precision the source gave; list fields are child tables so SQL can query them.
constexpr std::string_view kCuratedSchema = R"sql(
CREATE TABLE source (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  title TEXT NOT NULL,
  csl_json TEXT NOT NULL
);
CREATE TABLE actor (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('state', 'historical_state', 'organization', 'region', 'firm',
                                     'armed_group', 'unknown')),
  name TEXT NOT NULL,
  home_state TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  founded TEXT,
  dissolved TEXT,
  note TEXT
);
CREATE TABLE actor_name (
  id INTEGER PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  lang TEXT,
  script TEXT,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  valid_from TEXT,
  valid_to TEXT
);
CREATE INDEX actor_name_actor ON actor_name (actor_id);
CREATE TABLE actor_code (
  id INTEGER PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  scheme TEXT NOT NULL,
  code TEXT NOT NULL,
  valid_from TEXT,
  valid_to TEXT
);
CREATE INDEX actor_code_actor ON actor_code (actor_id);
CREATE TABLE membership (
  id INTEGER PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  organization_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  role TEXT NOT NULL CHECK (role IN ('member', 'observer')),
  valid_from TEXT,
  valid_to TEXT,
  note TEXT
);
CREATE TABLE platform (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  category TEXT,
  domain TEXT NOT NULL,
  origin TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  first_delivered TEXT,
  note TEXT
);
CREATE TABLE platform_alias (
  platform_id TEXT NOT NULL REFERENCES platform (id) DEFERRABLE INITIALLY DEFERRED,
  alias TEXT NOT NULL
);
CREATE TABLE platform_developer (
  platform_id TEXT NOT NULL REFERENCES platform (id) DEFERRABLE INITIALLY DEFERRED,
  actor_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE component (
  id TEXT PRIMARY KEY,
  platform_id TEXT NOT NULL REFERENCES platform (id) DEFERRABLE INITIALLY DEFERRED,
  part TEXT NOT NULL,
  name TEXT NOT NULL,
  maker TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  maker_state TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  value_share REAL CHECK (value_share BETWEEN 0 AND 1),
  value_share_is_estimate INTEGER NOT NULL,
  valid_from TEXT,
  valid_to TEXT,
  replaced_by TEXT REFERENCES component (id) DEFERRABLE INITIALLY DEFERRED,
  note TEXT
);
CREATE TABLE agreement (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  type TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT,
  note TEXT
);
CREATE TABLE agreement_party (
  agreement_id TEXT NOT NULL REFERENCES agreement (id) DEFERRABLE INITIALLY DEFERRED,
  actor_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE venture (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  actor_id TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  type TEXT NOT NULL,
  founded TEXT,
  ended TEXT,
  products TEXT,
  note TEXT
);
CREATE TABLE venture_partner (
  venture_id TEXT NOT NULL REFERENCES venture (id) DEFERRABLE INITIALLY DEFERRED,
  actor_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  share REAL
);
CREATE TABLE event (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  end_date TEXT,
  type TEXT NOT NULL,
  title TEXT NOT NULL,
  note TEXT
);
CREATE TABLE event_actor (
  event_id TEXT NOT NULL REFERENCES event (id) DEFERRABLE INITIALLY DEFERRED,
  actor_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE embargo (
  id TEXT PRIMARY KEY,
  target TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  scope TEXT NOT NULL,
  legal_basis TEXT,
  trigger_event TEXT REFERENCES event (id) DEFERRABLE INITIALLY DEFERRED,
  start_date TEXT,
  end_date TEXT,
  status TEXT,
  title TEXT NOT NULL,
  note TEXT
);
CREATE TABLE embargo_imposer (
  embargo_id TEXT NOT NULL REFERENCES embargo (id) DEFERRABLE INITIALLY DEFERRED,
  actor_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE indicator (
  id TEXT PRIMARY KEY,
  actor_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  metric TEXT NOT NULL,
  period TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  estimate INTEGER NOT NULL,
  note TEXT
);
CREATE TABLE claim (
  id TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  section TEXT NOT NULL,
  kind TEXT NOT NULL,
  params TEXT,
  expected TEXT,
  tolerance TEXT,
  note TEXT
);
-- Every fact's sources: fact_table names the table, fact_id its id (rowid for tables
-- without a text id).
CREATE TABLE citation (
  fact_table TEXT NOT NULL,
  fact_id TEXT NOT NULL,
  source_id TEXT NOT NULL REFERENCES source (id) DEFERRABLE INITIALLY DEFERRED,
  locator TEXT
);
CREATE INDEX citation_fact ON citation (fact_table, fact_id);
)sql";

// Version 2: imported SIPRI files. A file is identified by the hash of its bytes, so
// importing it again changes nothing; its rows go when the file's row goes.
constexpr std::string_view kSipriSchema = R"sql(
CREATE TABLE sipri_file (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  vintage TEXT NOT NULL,
  title TEXT,
  records_read INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  repaired INTEGER NOT NULL,
  imported_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE transfer (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES sipri_file (id) ON DELETE CASCADE,
  vintage TEXT NOT NULL,
  deal_id TEXT,
  supplier_name TEXT NOT NULL,
  recipient_name TEXT NOT NULL,
  supplier_id TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  recipient_id TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  designation TEXT,
  description TEXT,
  category TEXT,
  order_year INTEGER,
  order_year_is_estimate INTEGER NOT NULL,
  number_ordered REAL,
  number_ordered_is_estimate INTEGER NOT NULL,
  number_delivered REAL,
  number_delivered_is_estimate INTEGER NOT NULL,
  status TEXT,
  tiv_unit REAL,
  tiv_unit_new REAL,
  tiv_order REAL,
  tiv_delivered REAL,
  local_production INTEGER NOT NULL,
  comments TEXT,
  source_line INTEGER NOT NULL
);
CREATE INDEX transfer_vintage ON transfer (vintage, supplier_id, recipient_id);
CREATE TABLE delivery (
  transfer_id INTEGER NOT NULL REFERENCES transfer (id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  number REAL NOT NULL,
  tiv REAL NOT NULL,
  year_is_estimate INTEGER NOT NULL,
  number_is_estimate INTEGER NOT NULL,
  approximate INTEGER NOT NULL
);
CREATE INDEX delivery_transfer ON delivery (transfer_id);
CREATE TABLE tiv_cell (
  file_id INTEGER NOT NULL REFERENCES sipri_file (id) ON DELETE CASCADE,
  vintage TEXT NOT NULL,
  table_kind TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  actor_id TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  counterpart_name TEXT,
  counterpart_id TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  year INTEGER NOT NULL,
  tiv REAL NOT NULL,
  under_half INTEGER NOT NULL,
  source_line INTEGER NOT NULL
);
CREATE INDEX tiv_cell_vintage ON tiv_cell (vintage, table_kind);
CREATE TABLE import_problem (
  file_id INTEGER NOT NULL REFERENCES sipri_file (id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  repaired INTEGER NOT NULL
);
)sql";

// Version 3: defense cooperation agreements from the DCAD main file (Kinne 2020).
constexpr std::string_view kDcadSchema = R"sql(
CREATE TABLE dcad_file (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  records_read INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  repaired INTEGER NOT NULL,
  imported_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE dca (
  file_id INTEGER NOT NULL REFERENCES dcad_file (id) ON DELETE CASCADE,
  dcad_id TEXT NOT NULL UNIQUE,
  cow1 INTEGER NOT NULL,
  cow2 INTEGER NOT NULL,
  cow_name1 TEXT NOT NULL,
  cow_name2 TEXT NOT NULL,
  actor1_id TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  actor2_id TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  signed TEXT NOT NULL,
  in_force TEXT,
  type TEXT NOT NULL,
  categories TEXT NOT NULL,
  terminated INTEGER,
  end_year_estimate INTEGER,
  source_type TEXT NOT NULL,
  source TEXT NOT NULL,
  source_line INTEGER NOT NULL
);
CREATE INDEX dca_actors ON dca (actor1_id, actor2_id);
CREATE TABLE dcad_problem (
  file_id INTEGER NOT NULL REFERENCES dcad_file (id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  repaired INTEGER NOT NULL
);
)sql";

// Version 4: sanctions cases from the Global Sanctions Data Base (GSDB V3, case level).
constexpr std::string_view kGsdbSchema = R"sql(
CREATE TABLE gsdb_file (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  records_read INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  repaired INTEGER NOT NULL,
  imported_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE sanction_case (
  file_id INTEGER NOT NULL REFERENCES gsdb_file (id) ON DELETE CASCADE,
  case_id INTEGER NOT NULL UNIQUE,
  begin_year INTEGER NOT NULL,
  end_year INTEGER NOT NULL,
  ongoing INTEGER NOT NULL,
  types TEXT NOT NULL,
  trade_detail TEXT,
  objectives TEXT NOT NULL,
  outcomes TEXT NOT NULL,
  source_line INTEGER NOT NULL
);
CREATE TABLE sanction_party (
  case_id INTEGER NOT NULL REFERENCES sanction_case (case_id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('target', 'sender')),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  actor_id TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX sanction_party_actor ON sanction_party (actor_id, role);
CREATE TABLE gsdb_problem (
  file_id INTEGER NOT NULL REFERENCES gsdb_file (id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  repaired INTEGER NOT NULL
);
)sql";

// Version 5: alliance obligations from ATOP 5.1 (directed dyad-years).
constexpr std::string_view kAtopSchema = R"sql(
CREATE TABLE atop_file (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  records_read INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  repaired INTEGER NOT NULL,
  imported_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE alliance_year (
  file_id INTEGER NOT NULL REFERENCES atop_file (id) ON DELETE CASCADE,
  cow1 INTEGER NOT NULL,
  cow2 INTEGER NOT NULL,
  actor1_id TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  actor2_id TEXT REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,
  year INTEGER NOT NULL,
  defense INTEGER NOT NULL,
  offense INTEGER NOT NULL,
  neutrality INTEGER NOT NULL,
  nonaggression INTEGER NOT NULL,
  consultation INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  UNIQUE (cow1, cow2, year)
);
CREATE INDEX alliance_year_actors ON alliance_year (actor1_id, actor2_id);
CREATE TABLE atop_problem (
  file_id INTEGER NOT NULL REFERENCES atop_file (id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  repaired INTEGER NOT NULL
);
)sql";

// Version 6: the store's state. `curated_complete` is written in the transaction that
// loads the curated data, so a store whose build never finished (schema, no data) is
// told apart from a complete one. Stores with curated data from older versions were
// built completely (their actors exist), so they are marked complete here.
constexpr std::string_view kStateSchema = R"sql(
CREATE TABLE store_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO store_state SELECT 'curated_complete', datetime('now') WHERE EXISTS (SELECT 1 FROM actor);
)sql";

// Version 7: the major subsystems a platform has, so coverage of its components can be
// stated (docs/data-format.md, `subsystems`).
constexpr std::string_view kSubsystemSchema = R"sql(
CREATE TABLE platform_subsystem (
  platform_id TEXT NOT NULL REFERENCES platform (id) DEFERRABLE INITIALLY DEFERRED,
  part TEXT NOT NULL
);
)sql";

// Version 8: commands select the transfers they need in SQLite (Store::LoadTransfers
// with a TransferSelection); a recipient's transfers are found through this index as a
// supplier's are through transfer_vintage, and a register's first and last delivery
// year are kept with its file (Store::DeliverySpan reads them, not every delivery).
// Older stores gain both when next opened.
constexpr std::string_view kSelectionIndexSchema = R"sql(
CREATE INDEX transfer_recipient ON transfer (vintage, recipient_id);
ALTER TABLE sipri_file ADD COLUMN first_delivery_year INTEGER;
ALTER TABLE sipri_file ADD COLUMN last_delivery_year INTEGER;
UPDATE sipri_file SET
  first_delivery_year = (SELECT min(d.year) FROM transfer t JOIN delivery d ON d.transfer_id = t.id
                         WHERE t.file_id = sipri_file.id),
  last_delivery_year = (SELECT max(d.year) FROM transfer t JOIN delivery d ON d.transfer_id = t.id
                        WHERE t.file_id = sipri_file.id);
)sql";

// Version 9: GDELT event data (the GDELT Project). Many files, each imported once (by
// content hash), its rows going with it. gdelt_dyad_day holds every state-to-state event
// rolled up per file, day (SQLDATE), directed dyad, event code, quad class, root flag and
// the event's NumSources, as sums (means are sum / events over any set of rows, so files
// and days combine exactly; --min-sources filters on event_sources). gdelt_event keeps
// the full rows, with SOURCEURL, of the defense-relevant codes (data/gdelt_defense_codes.csv);
// gdelt_day counts every event of a day, whatever its actors (for rates).
constexpr std::string_view kGdeltSchema = R"sql(
CREATE TABLE gdelt_file (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  layout TEXT,
  version INTEGER,
  code_list TEXT,
  first_day TEXT,
  last_day TEXT,
  state_events INTEGER,
  records_read INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  repaired INTEGER NOT NULL,
  imported_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE gdelt_dyad_day (
  file_id INTEGER NOT NULL REFERENCES gdelt_file (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  actor1_id TEXT NOT NULL,
  actor2_id TEXT NOT NULL,
  event_code TEXT NOT NULL,
  root_code TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  is_root INTEGER NOT NULL,
  event_sources INTEGER NOT NULL,
  events INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  tone_sum REAL NOT NULL,
  goldstein_sum REAL NOT NULL
);
CREATE INDEX gdelt_dyad_day_dyad ON gdelt_dyad_day (actor1_id, actor2_id, day);
CREATE INDEX gdelt_dyad_day_file ON gdelt_dyad_day (file_id);
CREATE TABLE gdelt_event (
  file_id INTEGER NOT NULL REFERENCES gdelt_file (id) ON DELETE CASCADE,
  global_event_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  actor1_code TEXT, actor1_name TEXT, actor1_country TEXT, actor1_id TEXT NOT NULL,
  actor2_code TEXT, actor2_name TEXT, actor2_country TEXT, actor2_id TEXT NOT NULL,
  is_root INTEGER NOT NULL,
  event_code TEXT NOT NULL,
  base_code TEXT NOT NULL,
  root_code TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  mentions INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  tone REAL NOT NULL,
  action_geo_country TEXT,
  action_geo_id TEXT,
  action_geo_name TEXT,
  date_added TEXT NOT NULL,
  source_url TEXT,
  source_line INTEGER NOT NULL
);
CREATE INDEX gdelt_event_dyad ON gdelt_event (actor1_id, actor2_id, day);
CREATE INDEX gdelt_event_file ON gdelt_event (file_id);
CREATE TABLE gdelt_mention (
  file_id INTEGER NOT NULL REFERENCES gdelt_file (id) ON DELETE CASCADE,
  global_event_id INTEGER NOT NULL,
  event_time TEXT NOT NULL,
  mention_time TEXT NOT NULL,
  mention_type INTEGER NOT NULL,
  source_name TEXT,
  identifier TEXT,
  confidence INTEGER NOT NULL,
  doc_tone REAL NOT NULL,
  source_line INTEGER NOT NULL
);
CREATE INDEX gdelt_mention_event ON gdelt_mention (global_event_id);
CREATE INDEX gdelt_mention_file ON gdelt_mention (file_id);
CREATE TABLE gdelt_day (
  file_id INTEGER NOT NULL REFERENCES gdelt_file (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  events INTEGER NOT NULL
);
CREATE INDEX gdelt_day_file ON gdelt_day (file_id);
CREATE TABLE gdelt_problem (
  file_id INTEGER NOT NULL REFERENCES gdelt_file (id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  repaired INTEGER NOT NULL
);
)sql";

// Version 10: what a command would otherwise recompute from the whole store on every
// run. Each register file's delivered TIV per supplier (the supplier id, or its SIPRI
// name when unresolved) and year, summed in register order at import, for exporter
// ranks (Store::ForEachSupplierYear); older stores' files are summed when next opened
// (FillSupplierYearTotals). And the match keys of non-ASCII curated spellings
// (names::FoldForMatch), written by `defcoop init` with the curated data, so resolving a
// name needs no ICU transliterator; store_state 'name_fold_version' says which folding
// made them (a store without keys, or with another version's, folds as before).
constexpr std::string_view kPrecomputedSchema = R"sql(
CREATE TABLE supplier_year_tiv (
  file_id INTEGER NOT NULL REFERENCES sipri_file (id) ON DELETE CASCADE,
  supplier_key TEXT NOT NULL,
  year INTEGER NOT NULL,
  tiv REAL NOT NULL,
  PRIMARY KEY (file_id, supplier_key, year)
) WITHOUT ROWID;
CREATE TABLE name_fold (
  spelling TEXT PRIMARY KEY,
  match_key TEXT NOT NULL
) WITHOUT ROWID;
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "curated data model", kCuratedSchema},
      {2, "SIPRI registers and TIV tables", kSipriSchema},
      {3, "DCAD defense cooperation agreements", kDcadSchema},
      {4, "GSDB sanctions cases", kGsdbSchema},
      {5, "ATOP alliance obligations", kAtopSchema},
      {6, "store state (build complete marker)", kStateSchema},
      {7, "platform subsystems", kSubsystemSchema},
      {8, "index of transfers by recipient", kSelectionIndexSchema},
      {9, "GDELT event data", kGdeltSchema},
      {10, "supplier-year totals and folded name keys", kPrecomputedSchema, FillSupplierYearTotals},
  };
  return kMigrations;
}

}  // namespace defcoop::store
