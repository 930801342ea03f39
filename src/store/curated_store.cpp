// Saving and loading the curated data set (Store::ReplaceCurated, Store::LoadCurated).
#include <sqlite3.h>

#include <map>

#include "db.h"
#include "defcoop/store/store.h"

namespace defcoop::store {
namespace {

// Child tables first, so deletes never leave a dangling reference mid-way.
constexpr const char* kCuratedTables[] = {
    "citation",    "claim",      "indicator",          "embargo_imposer", "embargo",
    "event_actor", "event",      "venture_partner",    "venture",         "agreement_party",
    "agreement",   "component",  "platform_subsystem", "platform_developer", "platform_alias",
    "platform",
    "membership",  "actor_code", "actor_name",         "actor",           "source"};

using CitationMap = std::map<std::pair<std::string, std::string>, std::vector<SourceRef>>;

class CuratedWriter {
 public:
  explicit CuratedWriter(sqlite3* db)
      : db_(db), cite_(db, "INSERT INTO citation VALUES (?, ?, ?, ?)") {}

  Status Cite(const char* table, const std::string& id, const std::vector<SourceRef>& sources) {
    for (const SourceRef& ref : sources) {
      DEFCOOP_RETURN_IF_ERROR(
          cite_.Bind(1, table).Bind(2, id).Bind(3, ref.source_id).BindOrNull(4, ref.locator).Run());
    }
    return Status::Ok();
  }

  std::string LastRowId() const { return std::to_string(sqlite3_last_insert_rowid(db_)); }

  Status Links(const char* sql, const std::string& id, const std::vector<std::string>& targets) {
    Statement insert(db_, sql);
    for (const std::string& target : targets) {
      DEFCOOP_RETURN_IF_ERROR(insert.Bind(1, id).Bind(2, target).Run());
    }
    return Status::Ok();
  }

  Status Write(const Dataset& data);

 private:
  Status WriteSources(const std::vector<Source>& sources);
  Status WriteActors(const Dataset& data);
  Status WritePlatforms(const Dataset& data);
  Status WriteAgreementsAndVentures(const Dataset& data);
  Status WriteEventsAndEmbargoes(const Dataset& data);
  Status WriteIndicatorsAndClaims(const Dataset& data);

  sqlite3* db_;
  Statement cite_;
};

Status CuratedWriter::WriteSources(const std::vector<Source>& sources) {
  Statement insert(db_, "INSERT INTO source VALUES (?, ?, ?, ?)");
  for (const Source& source : sources) {
    DEFCOOP_RETURN_IF_ERROR(insert.Bind(1, source.id)
                                .Bind(2, source.type)
                                .Bind(3, source.title)
                                .Bind(4, source.csl_json)
                                .Run());
  }
  return Status::Ok();
}

Status CuratedWriter::WriteActors(const Dataset& data) {
  Statement actor(db_, "INSERT INTO actor VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const Actor& a : data.actors) {
    DEFCOOP_RETURN_IF_ERROR(actor.Bind(1, a.id)
                                .Bind(2, ToString(a.kind))
                                .Bind(3, a.name)
                                .BindOrNull(4, a.home_state)
                                .Bind(5, a.founded)
                                .Bind(6, a.dissolved)
                                .BindOrNull(7, a.note)
                                .Run());
    DEFCOOP_RETURN_IF_ERROR(Cite("actor", a.id, a.sources));
  }
  Statement name(db_,
                 "INSERT INTO actor_name (actor_id, lang, script, name, kind, valid_from, valid_to)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const ActorName& n : data.actor_names) {
    DEFCOOP_RETURN_IF_ERROR(name.Bind(1, n.actor_id)
                                .BindOrNull(2, n.lang)
                                .BindOrNull(3, n.script)
                                .Bind(4, n.name)
                                .Bind(5, n.kind)
                                .Bind(6, n.valid_from)
                                .Bind(7, n.valid_to)
                                .Run());
    DEFCOOP_RETURN_IF_ERROR(Cite("actor_name", LastRowId(), n.sources));
  }
  Statement code(db_,
                 "INSERT INTO actor_code (actor_id, scheme, code, valid_from, valid_to)"
                 " VALUES (?, ?, ?, ?, ?)");
  for (const ActorCode& c : data.actor_codes) {
    DEFCOOP_RETURN_IF_ERROR(code.Bind(1, c.actor_id)
                                .Bind(2, c.scheme)
                                .Bind(3, c.code)
                                .Bind(4, c.valid_from)
                                .Bind(5, c.valid_to)
                                .Run());
    DEFCOOP_RETURN_IF_ERROR(Cite("actor_code", LastRowId(), c.sources));
  }
  Statement membership(db_,
                       "INSERT INTO membership (actor_id, organization_id, role, valid_from,"
                       " valid_to, note) VALUES (?, ?, ?, ?, ?, ?)");
  for (const Membership& m : data.memberships) {
    DEFCOOP_RETURN_IF_ERROR(membership.Bind(1, m.actor_id)
                                .Bind(2, m.organization_id)
                                .Bind(3, m.role)
                                .Bind(4, m.from)
                                .Bind(5, m.to)
                                .BindOrNull(6, m.note)
                                .Run());
    DEFCOOP_RETURN_IF_ERROR(Cite("membership", LastRowId(), m.sources));
  }
  return Status::Ok();
}

Status CuratedWriter::WritePlatforms(const Dataset& data) {
  Statement platform(db_, "INSERT INTO platform VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const Platform& p : data.platforms) {
    DEFCOOP_RETURN_IF_ERROR(platform.Bind(1, p.id)
                                .Bind(2, p.name)
                                .BindOrNull(3, p.category)
                                .Bind(4, p.domain)
                                .BindOrNull(5, p.origin)
                                .Bind(6, p.first_delivered)
                                .BindOrNull(7, p.note)
                                .Run());
    DEFCOOP_RETURN_IF_ERROR(Links("INSERT INTO platform_alias VALUES (?, ?)", p.id, p.aliases));
    DEFCOOP_RETURN_IF_ERROR(
        Links("INSERT INTO platform_developer VALUES (?, ?)", p.id, p.developers));
    DEFCOOP_RETURN_IF_ERROR(
        Links("INSERT INTO platform_subsystem VALUES (?, ?)", p.id, p.subsystems));
    DEFCOOP_RETURN_IF_ERROR(Cite("platform", p.id, p.sources));
  }
  Statement component(db_, "INSERT INTO component VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const Component& c : data.components) {
    DEFCOOP_RETURN_IF_ERROR(component.Bind(1, c.id)
                                .Bind(2, c.platform_id)
                                .Bind(3, c.part)
                                .Bind(4, c.name)
                                .BindOrNull(5, c.maker)
                                .BindOrNull(6, c.maker_state)
                                .Bind(7, c.value_share)
                                .Bind(8, c.value_share_is_estimate)
                                .Bind(9, c.from)
                                .Bind(10, c.to)
                                .BindOrNull(11, c.replaced_by)
                                .BindOrNull(12, c.note)
                                .Run());
    DEFCOOP_RETURN_IF_ERROR(Cite("component", c.id, c.sources));
  }
  return Status::Ok();
}

Status CuratedWriter::WriteAgreementsAndVentures(const Dataset& data) {
  Statement agreement(db_, "INSERT INTO agreement VALUES (?, ?, ?, ?, ?, ?)");
  for (const Agreement& a : data.agreements) {
    DEFCOOP_RETURN_IF_ERROR(agreement.Bind(1, a.id)
                                .Bind(2, a.date.ToString())
                                .Bind(3, a.type)
                                .Bind(4, a.title)
                                .BindOrNull(5, a.status)
                                .BindOrNull(6, a.note)
                                .Run());
    DEFCOOP_RETURN_IF_ERROR(Links("INSERT INTO agreement_party VALUES (?, ?)", a.id, a.parties));
    DEFCOOP_RETURN_IF_ERROR(Cite("agreement", a.id, a.sources));
  }
  Statement venture(db_, "INSERT INTO venture VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  Statement partner(db_, "INSERT INTO venture_partner VALUES (?, ?, ?)");
  for (const Venture& v : data.ventures) {
    DEFCOOP_RETURN_IF_ERROR(venture.Bind(1, v.id)
                                .Bind(2, v.name)
                                .BindOrNull(3, v.actor_id)
                                .Bind(4, v.type)
                                .Bind(5, v.founded)
                                .Bind(6, v.ended)
                                .BindOrNull(7, v.products)
                                .BindOrNull(8, v.note)
                                .Run());
    for (size_t idx = 0; idx < v.partners.size(); ++idx) {
      std::optional<double> share;
      if (idx < v.shares.size()) share = v.shares[idx];
      DEFCOOP_RETURN_IF_ERROR(partner.Bind(1, v.id).Bind(2, v.partners[idx]).Bind(3, share).Run());
    }
    DEFCOOP_RETURN_IF_ERROR(Cite("venture", v.id, v.sources));
  }
  return Status::Ok();
}

Status CuratedWriter::WriteEventsAndEmbargoes(const Dataset& data) {
  Statement event(db_, "INSERT INTO event VALUES (?, ?, ?, ?, ?, ?)");
  for (const Event& e : data.events) {
    DEFCOOP_RETURN_IF_ERROR(event.Bind(1, e.id)
                                .Bind(2, e.date.ToString())
                                .Bind(3, e.end_date)
                                .Bind(4, e.type)
                                .Bind(5, e.title)
                                .BindOrNull(6, e.note)
                                .Run());
    DEFCOOP_RETURN_IF_ERROR(Links("INSERT INTO event_actor VALUES (?, ?)", e.id, e.actors));
    DEFCOOP_RETURN_IF_ERROR(Cite("event", e.id, e.sources));
  }
  Statement embargo(db_, "INSERT INTO embargo VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const Embargo& e : data.embargoes) {
    DEFCOOP_RETURN_IF_ERROR(embargo.Bind(1, e.id)
                                .Bind(2, e.target)
                                .Bind(3, e.scope)
                                .BindOrNull(4, e.legal_basis)
                                .BindOrNull(5, e.trigger)
                                .Bind(6, e.start)
                                .Bind(7, e.end)
                                .BindOrNull(8, e.status)
                                .Bind(9, e.title)
                                .BindOrNull(10, e.note)
                                .Run());
    DEFCOOP_RETURN_IF_ERROR(Links("INSERT INTO embargo_imposer VALUES (?, ?)", e.id, e.imposers));
    DEFCOOP_RETURN_IF_ERROR(Cite("embargo", e.id, e.sources));
  }
  return Status::Ok();
}

Status CuratedWriter::WriteIndicatorsAndClaims(const Dataset& data) {
  Statement indicator(db_, "INSERT INTO indicator VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const Indicator& i : data.indicators) {
    DEFCOOP_RETURN_IF_ERROR(indicator.Bind(1, i.id)
                                .Bind(2, i.actor_id)
                                .Bind(3, i.metric)
                                .Bind(4, i.period)
                                .Bind(5, i.value)
                                .Bind(6, i.unit)
                                .Bind(7, i.estimate)
                                .BindOrNull(8, i.note)
                                .Run());
    DEFCOOP_RETURN_IF_ERROR(Cite("indicator", i.id, i.sources));
  }
  Statement claim(db_, "INSERT INTO claim VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const Claim& c : data.claims) {
    DEFCOOP_RETURN_IF_ERROR(claim.Bind(1, c.id)
                                .Bind(2, c.text)
                                .Bind(3, c.section)
                                .Bind(4, c.kind)
                                .BindOrNull(5, c.params)
                                .BindOrNull(6, c.expected)
                                .BindOrNull(7, c.tolerance)
                                .BindOrNull(8, c.note)
                                .Run());
    DEFCOOP_RETURN_IF_ERROR(Cite("claim", c.id, c.sources));
  }
  return Status::Ok();
}

Status CuratedWriter::Write(const Dataset& data) {
  DEFCOOP_RETURN_IF_ERROR(WriteSources(data.sources));
  DEFCOOP_RETURN_IF_ERROR(WriteActors(data));
  DEFCOOP_RETURN_IF_ERROR(WritePlatforms(data));
  DEFCOOP_RETURN_IF_ERROR(WriteAgreementsAndVentures(data));
  DEFCOOP_RETURN_IF_ERROR(WriteEventsAndEmbargoes(data));
  return WriteIndicatorsAndClaims(data);
}

// Imported rows that point at an actor the new curated data lacks. Only actors the
// replacement removed can be missing, so the imported tables (which may hold hundreds
// of thousands of rows) are read only when there are such actors.
Status CheckImportReferences(sqlite3* db) {
  Statement removed(db,
                    "SELECT group_concat(id, ', ') FROM (SELECT id FROM temp.replaced_actor"
                    " WHERE id NOT IN (SELECT id FROM actor))");
  if (!removed.Step()) return removed.status();
  if (removed.IsNull(0)) return Status::Ok();
  Statement orphans(
      db,
      "SELECT id FROM (SELECT supplier_id AS id FROM transfer UNION "
      "SELECT recipient_id FROM transfer UNION SELECT actor_id FROM tiv_cell UNION "
      "SELECT counterpart_id FROM tiv_cell UNION SELECT actor1_id FROM dca UNION "
      "SELECT actor2_id FROM dca UNION SELECT actor_id FROM sanction_party UNION "
      "SELECT actor1_id FROM alliance_year UNION SELECT actor2_id FROM alliance_year) "
      "WHERE id IN (SELECT id FROM temp.replaced_actor WHERE id NOT IN (SELECT id FROM actor))"
      " LIMIT 5");
  std::string missing;
  while (orphans.Step()) missing += (missing.empty() ? "" : ", ") + orphans.Text(0);
  if (!orphans.status().ok()) return orphans.status();
  if (missing.empty()) return Status::Ok();
  return Status::InvalidInput(
      "imported SIPRI, DCAD, GSDB or ATOP data refers to actors the new data does not define (" +
      missing + "); add them back, or build a new store with --db");
}

// The curated tables' references among themselves (what SQLite's foreign keys would
// check at commit; they are off while curated data is replaced, see ReplaceCurated).
Status CheckCuratedReferences(sqlite3* db) {
  for (const char* table : kCuratedTables) {
    Statement check(db, std::string("PRAGMA foreign_key_check(") + table + ")");
    if (check.Step()) {
      return Status::InvalidInput("curated data: a row of " + check.Text(0) +
                                  " refers to a missing row of " + check.Text(2));
    }
    if (!check.status().ok()) return check.status();
  }
  return Status::Ok();
}

Status ReplaceNameFolds(sqlite3* db, const NameFolds& folds) {
  DEFCOOP_RETURN_IF_ERROR(Exec(db, "DELETE FROM name_fold"));
  Statement insert(db, "INSERT OR REPLACE INTO name_fold VALUES (?, ?)");
  for (const auto& [spelling, key] : folds.keys)
    DEFCOOP_RETURN_IF_ERROR(insert.Bind(1, spelling).Bind(2, key).Run());
  Statement version(db, "INSERT OR REPLACE INTO store_state VALUES ('name_fold_version', ?)");
  return version.Bind(1, folds.version).Run();
}

Status ReplaceRows(sqlite3* db, const Dataset& data, const NameFolds& folds) {
  DEFCOOP_RETURN_IF_ERROR(Exec(db,
                               "DROP TABLE IF EXISTS temp.replaced_actor;"
                               "CREATE TEMP TABLE replaced_actor AS SELECT id FROM actor"));
  for (const char* table : kCuratedTables) {
    DEFCOOP_RETURN_IF_ERROR(Exec(db, std::string("DELETE FROM ") + table));
  }
  CuratedWriter writer(db);
  DEFCOOP_RETURN_IF_ERROR(writer.Write(data));
  DEFCOOP_RETURN_IF_ERROR(CheckCuratedReferences(db));
  DEFCOOP_RETURN_IF_ERROR(CheckImportReferences(db));
  DEFCOOP_RETURN_IF_ERROR(Exec(db, "DROP TABLE temp.replaced_actor"));
  DEFCOOP_RETURN_IF_ERROR(ReplaceNameFolds(db, folds));
  return Exec(db,
              "INSERT OR REPLACE INTO store_state VALUES ('curated_complete', datetime('now'))");
}

// The citations of every fact, or of the facts in `tables` only (when given).
CitationMap LoadCitations(sqlite3* db, std::vector<std::string_view> tables = {}) {
  CitationMap citations;
  std::string sql = "SELECT fact_table, fact_id, source_id, locator FROM citation";
  for (size_t i = 0; i < tables.size(); ++i)
    sql += (i == 0 ? " WHERE fact_table IN ('" : "', '") + std::string(tables[i]) +
           (i + 1 == tables.size() ? "')" : "");
  Statement select(db, sql + " ORDER BY rowid");
  while (select.Step()) {
    citations[{select.Text(0), select.Text(1)}].push_back({select.Text(2), select.Text(3)});
  }
  return citations;
}

std::map<std::string, std::vector<std::string>> LoadLinks(sqlite3* db, const char* sql) {
  std::map<std::string, std::vector<std::string>> links;
  Statement select(db, sql);
  while (select.Step()) links[select.Text(0)].push_back(select.Text(1));
  return links;
}

// The sources of a fact (none when it has no citation, or they were not loaded).
std::vector<SourceRef> CitesOf(const CitationMap& cites, const CitationMap::key_type& fact) {
  auto found = cites.find(fact);
  return found == cites.end() ? std::vector<SourceRef>{} : found->second;
}

Date RequiredDate(const Statement& row, int column) {
  return row.OptionalDate(column).value_or(Date{});
}

void LoadActorTables(sqlite3* db, const CitationMap& cites, Dataset* data) {
  Statement actors(
      db, "SELECT id, kind, name, home_state, founded, dissolved, note FROM actor ORDER BY id");
  while (actors.Step()) {
    Actor a{actors.Text(0),         ParseActorKind(actors.Text(1)).value_or(ActorKind::kUnknown),
            actors.Text(2),         actors.Text(3),
            actors.OptionalDate(4), actors.OptionalDate(5),
            actors.Text(6),         CitesOf(cites, {"actor", actors.Text(0)})};
    data->actors.push_back(std::move(a));
  }
  Statement names(db,
                  "SELECT id, actor_id, lang, script, name, kind, valid_from, valid_to FROM "
                  "actor_name ORDER BY id");
  while (names.Step()) {
    data->actor_names.push_back({names.Text(1), names.Text(2), names.Text(3), names.Text(4),
                                 names.Text(5), names.OptionalDate(6), names.OptionalDate(7),
                                 CitesOf(cites, {"actor_name", names.Text(0)})});
  }
  Statement codes(
      db, "SELECT id, actor_id, scheme, code, valid_from, valid_to FROM actor_code ORDER BY id");
  while (codes.Step()) {
    data->actor_codes.push_back({codes.Text(1), codes.Text(2), codes.Text(3), codes.OptionalDate(4),
                                 codes.OptionalDate(5),
                                 CitesOf(cites, {"actor_code", codes.Text(0)})});
  }
  Statement members(db,
                    "SELECT id, actor_id, organization_id, role, valid_from, valid_to, note FROM "
                    "membership ORDER BY id");
  while (members.Step()) {
    data->memberships.push_back({members.Text(1), members.Text(2), members.Text(3),
                                 members.OptionalDate(4), members.OptionalDate(5), members.Text(6),
                                 CitesOf(cites, {"membership", members.Text(0)})});
  }
}

void LoadPlatforms(sqlite3* db, const CitationMap& cites, Dataset* data) {
  auto aliases = LoadLinks(db, "SELECT platform_id, alias FROM platform_alias ORDER BY rowid");
  auto developers =
      LoadLinks(db, "SELECT platform_id, actor_id FROM platform_developer ORDER BY rowid");
  auto subsystems =
      LoadLinks(db, "SELECT platform_id, part FROM platform_subsystem ORDER BY rowid");
  Statement platforms(
      db,
      "SELECT id, name, category, domain, origin, first_delivered, note FROM platform ORDER BY id");
  while (platforms.Step()) {
    std::string id = platforms.Text(0);
    data->platforms.push_back({id, platforms.Text(1), aliases[id], platforms.Text(2),
                               platforms.Text(3), developers[id], platforms.Text(4),
                               platforms.OptionalDate(5), subsystems[id], platforms.Text(6),
                               CitesOf(cites, {"platform", id})});
  }
  Statement components(db,
                       "SELECT id, platform_id, part, name, maker, maker_state, value_share,"
                       " value_share_is_estimate, valid_from, valid_to, replaced_by, note"
                       " FROM component ORDER BY id");
  while (components.Step()) {
    std::string id = components.Text(0);
    data->components.push_back(
        {id, components.Text(1), components.Text(2), components.Text(3), components.Text(4),
         components.Text(5), components.OptionalDouble(6), components.Int(7) != 0,
         components.OptionalDate(8), components.OptionalDate(9), components.Text(10),
         components.Text(11), CitesOf(cites, {"component", id})});
  }
}

void LoadAgreementsAndVentures(sqlite3* db, const CitationMap& cites, Dataset* data) {
  auto parties = LoadLinks(db, "SELECT agreement_id, actor_id FROM agreement_party ORDER BY rowid");
  Statement agreements(
      db, "SELECT id, date, type, title, status, note FROM agreement ORDER BY date, id");
  while (agreements.Step()) {
    std::string id = agreements.Text(0);
    data->agreements.push_back({id, RequiredDate(agreements, 1), parties[id], agreements.Text(2),
                                agreements.Text(3), agreements.Text(4), agreements.Text(5),
                                CitesOf(cites, {"agreement", id})});
  }
  std::map<std::string, std::pair<std::vector<std::string>, std::vector<double>>> partners;
  Statement partner_rows(db,
                         "SELECT venture_id, actor_id, share FROM venture_partner ORDER BY rowid");
  while (partner_rows.Step()) {
    auto& [ids, shares] = partners[partner_rows.Text(0)];
    ids.push_back(partner_rows.Text(1));
    if (auto share = partner_rows.OptionalDouble(2)) shares.push_back(*share);
  }
  Statement ventures(
      db,
      "SELECT id, name, actor_id, type, founded, ended, products, note FROM venture ORDER BY id");
  while (ventures.Step()) {
    std::string id = ventures.Text(0);
    data->ventures.push_back({id, ventures.Text(1), ventures.Text(2), ventures.Text(3),
                              partners[id].first, partners[id].second, ventures.OptionalDate(4),
                              ventures.OptionalDate(5), ventures.Text(6), ventures.Text(7),
                              CitesOf(cites, {"venture", id})});
  }
}

void LoadEventsAndEmbargoes(sqlite3* db, const CitationMap& cites, Dataset* data) {
  auto actors = LoadLinks(db, "SELECT event_id, actor_id FROM event_actor ORDER BY rowid");
  Statement events(db, "SELECT id, date, end_date, type, title, note FROM event ORDER BY date, id");
  while (events.Step()) {
    std::string id = events.Text(0);
    data->events.push_back({id, RequiredDate(events, 1), events.OptionalDate(2), events.Text(3),
                            actors[id], events.Text(4), events.Text(5),
                            CitesOf(cites, {"event", id})});
  }
  auto imposers = LoadLinks(db, "SELECT embargo_id, actor_id FROM embargo_imposer ORDER BY rowid");
  Statement embargoes(db,
                      "SELECT id, target, scope, legal_basis, trigger_event, start_date, end_date,"
                      " status, title, note FROM embargo ORDER BY start_date, id");
  while (embargoes.Step()) {
    std::string id = embargoes.Text(0);
    data->embargoes.push_back({id, imposers[id], embargoes.Text(1), embargoes.Text(2),
                               embargoes.Text(3), embargoes.Text(4), embargoes.OptionalDate(5),
                               embargoes.OptionalDate(6), embargoes.Text(7), embargoes.Text(8),
                               embargoes.Text(9), CitesOf(cites, {"embargo", id})});
  }
}

void LoadIndicatorsAndClaims(sqlite3* db, const CitationMap& cites, Dataset* data) {
  Statement indicators(db,
                       "SELECT id, actor_id, metric, period, value, unit, estimate, note FROM "
                       "indicator ORDER BY id");
  while (indicators.Step()) {
    std::string id = indicators.Text(0);
    data->indicators.push_back({id, indicators.Text(1), indicators.Text(2), indicators.Text(3),
                                indicators.Double(4), indicators.Text(5), indicators.Int(6) != 0,
                                indicators.Text(7), CitesOf(cites, {"indicator", id})});
  }
  Statement claims(
      db,
      "SELECT id, text, section, kind, params, expected, tolerance, note FROM claim ORDER BY id");
  while (claims.Step()) {
    std::string id = claims.Text(0);
    data->claims.push_back({id, claims.Text(1), claims.Text(2), claims.Text(3), claims.Text(4),
                            claims.Text(5), claims.Text(6), claims.Text(7),
                            CitesOf(cites, {"claim", id})});
  }
}

}  // namespace

Status Store::ReplaceCurated(const Dataset& data, const NameFolds& folds) {
  // With foreign keys on, every deleted and inserted actor would make SQLite scan each
  // imported table that refers to actors (they have no index on those columns): 28 s
  // for 329,000 transfers. The references are checked once instead, before commit.
  DEFCOOP_RETURN_IF_ERROR(Exec(db_, "PRAGMA foreign_keys = OFF"));
  Status status = InTransaction(db_, [&]() { return ReplaceRows(db_, data, folds); });
  Exec(db_, "DROP TABLE IF EXISTS temp.replaced_actor");
  Status restored = Exec(db_, "PRAGMA foreign_keys = ON");
  return status.ok() ? restored : status;
}

bool Store::HasCuratedData() const {
  Statement count(db_, "SELECT count(*) FROM actor");
  return count.Step() && count.Int(0) > 0;
}

Result<Dataset> Store::LoadCurated() const {
  Dataset data;
  Statement sources(db_, "SELECT id, type, title, csl_json FROM source ORDER BY id");
  while (sources.Step()) {
    data.sources.push_back({sources.Text(0), sources.Text(1), sources.Text(2), sources.Text(3)});
  }
  CitationMap cites = LoadCitations(db_);
  LoadActorTables(db_, cites, &data);
  LoadPlatforms(db_, cites, &data);
  LoadAgreementsAndVentures(db_, cites, &data);
  LoadEventsAndEmbargoes(db_, cites, &data);
  LoadIndicatorsAndClaims(db_, cites, &data);
  return data;
}

Result<Dataset> Store::LoadActors() const {
  Dataset data;
  // The name index tells generated names by their sources; nothing else here needs any.
  CitationMap cites = LoadCitations(db_, {"actor_name"});
  LoadActorTables(db_, cites, &data);
  return data;
}

Result<NameFolds> Store::LoadNameFolds() const {
  NameFolds folds;
  Statement version(db_, "SELECT value FROM store_state WHERE key = 'name_fold_version'");
  if (version.Step()) folds.version = version.Text(0);
  DEFCOOP_RETURN_IF_ERROR(version.status());
  Statement keys(db_, "SELECT spelling, match_key FROM name_fold");
  while (keys.Step()) folds.keys.emplace_back(keys.Text(0), keys.Text(1));
  DEFCOOP_RETURN_IF_ERROR(keys.status());
  return folds;
}

}  // namespace defcoop::store
