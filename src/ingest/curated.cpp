#include "defcoop/ingest/curated.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "curated_row.h"
#include "defcoop/csv/reader.h"

namespace defcoop::ingest {
namespace {

namespace fs = std::filesystem;
using Columns = std::vector<std::string>;

// Ids already defined, per namespace, with where they were first defined.
using IdRegistry = std::map<std::string, Location>;

struct Context {
  Dataset* data;
  std::vector<Status>* problems;
  References refs;
  IdRegistry actor_ids, platform_ids, component_ids, agreement_ids, venture_ids, embargo_ids,
      event_ids, indicator_ids, claim_ids;
};

struct TableSpec {
  std::string file;
  Columns required;
  Columns optional;
  std::function<void(const CuratedRow&, Context&)> read_row;
  // For tables without an id column: the columns that identify a row (two rows with the
  // same values there are a duplicate). Tables with ids are checked by DefineId.
  Columns key = {};
};

const std::vector<std::string> kActorKinds = {"state", "historical_state", "organization", "region",
                                              "firm",  "armed_group",      "unknown"};
const std::vector<std::string> kNameKinds = {"official", "short", "alias", "historical", "sipri"};

void DefineId(const std::string& id, const Location& where, IdRegistry* registry,
              std::vector<Status>* problems) {
  if (id.empty()) return;
  auto [existing, inserted] = registry->emplace(id, where);
  if (!inserted) {
    problems->push_back(Status::InvalidInput(
        "duplicate id '" + id + "' (first defined at " + existing->second.ToString() + ")", where));
  }
}

void AddCode(Dataset* data, const std::string& actor, const std::string& scheme,
             const std::string& code, const std::vector<SourceRef>& sources) {
  if (code.empty()) return;
  data->actor_codes.push_back({actor, scheme, code, std::nullopt, std::nullopt, sources});
}

void ReadState(const CuratedRow& row, Context& context) {
  Actor actor;
  actor.id = row.Required("id");
  std::string kind = row.OneOf("kind", {"state", "historical_state"});
  actor.kind = kind == "historical_state" ? ActorKind::kHistoricalState : ActorKind::kState;
  actor.name = row.Required("name");
  actor.founded = row.OptionalDate("from");
  actor.dissolved = row.OptionalDate("to");
  actor.note = row.Text("note");
  actor.sources = row.Sources();
  DefineId(actor.id, row.Where("id"), &context.actor_ids, context.problems);
  Dataset* data = context.data;
  AddCode(data, actor.id, "iso3", actor.id, actor.sources);
  for (const char* scheme : {"iso2", "iso3n", "cow_n", "cow_c", "fips", "cameo"}) {
    AddCode(data, actor.id, scheme, row.Text(scheme), actor.sources);
  }
  for (const std::string& spelling : row.List("sipri")) {
    data->actor_names.push_back(
        {actor.id, "en", "Latn", spelling, "sipri", std::nullopt, std::nullopt, actor.sources});
  }
  data->actor_names.push_back(
      {actor.id, "en", "Latn", actor.name, "official", std::nullopt, std::nullopt, actor.sources});
  data->actors.push_back(std::move(actor));
}

void ReadActor(const CuratedRow& row, Context& context) {
  Actor actor;
  actor.id = row.Required("id");
  std::string kind = row.OneOf("kind", kActorKinds);
  actor.kind = ParseActorKind(kind).value_or(ActorKind::kUnknown);
  actor.name = row.Required("name");
  actor.home_state = row.ActorRef("home_state", false);
  actor.founded = row.OptionalDate("founded");
  actor.dissolved = row.OptionalDate("dissolved");
  actor.note = row.Text("note");
  actor.sources = row.Sources();
  DefineId(actor.id, row.Where("id"), &context.actor_ids, context.problems);
  context.data->actor_names.push_back(
      {actor.id, "en", "", actor.name, "official", std::nullopt, std::nullopt, actor.sources});
  context.data->actors.push_back(std::move(actor));
}

void ReadActorName(const CuratedRow& row, Context& context) {
  ActorName name;
  name.actor_id = row.ActorRef("actor", true);
  name.lang = row.Text("lang");
  name.script = row.Text("script");
  name.name = row.Required("name");
  name.kind = row.OneOf("kind", kNameKinds);
  name.valid_from = row.OptionalDate("from");
  name.valid_to = row.OptionalDate("to");
  name.sources = row.Sources();
  context.data->actor_names.push_back(std::move(name));
}

void ReadMembership(const CuratedRow& row, Context& context) {
  Membership membership;
  membership.actor_id = row.ActorRef("actor", true);
  membership.organization_id = row.ActorRef("organization", true);
  membership.role = row.OneOf("role", {"member", "observer"});
  membership.from = row.OptionalDate("from");
  membership.to = row.OptionalDate("to");
  membership.note = row.Text("note");
  membership.sources = row.Sources();
  context.data->memberships.push_back(std::move(membership));
}

// A component part or a platform subsystem must be one of SubsystemParts(), so that a
// platform's subsystems and its components' parts can be matched.
void CheckPart(const CuratedRow& row, const std::string& column, const std::string& part) {
  const std::vector<std::string>& parts = SubsystemParts();
  if (std::find(parts.begin(), parts.end(), part) != parts.end()) return;
  std::string allowed;
  for (const std::string& known : parts) allowed += (allowed.empty() ? "" : ", ") + known;
  row.Problem(column, "unknown part '" + part + "' (one of: " + allowed + ")");
}

void ReadPlatform(const CuratedRow& row, Context& context) {
  Platform platform;
  platform.id = row.Required("id");
  platform.name = row.Required("name");
  platform.aliases = row.List("aliases");
  platform.category = row.Text("category");
  platform.domain = row.OneOf("domain", {"air", "land", "sea", "space", "multi"});
  platform.developers = row.ActorList("developers", false);
  platform.origin = row.ActorRef("origin", false);
  platform.first_delivered = row.OptionalDate("first_delivered");
  platform.subsystems = row.List("subsystems");
  for (const std::string& part : platform.subsystems) CheckPart(row, "subsystems", part);
  platform.note = row.Text("note");
  platform.sources = row.Sources();
  DefineId(platform.id, row.Where("id"), &context.platform_ids, context.problems);
  context.data->platforms.push_back(std::move(platform));
}

void ReadComponent(const CuratedRow& row, Context& context) {
  Component component;
  component.id = row.Required("id");
  component.platform_id = row.PlatformRef("platform");
  component.part = row.Required("part");
  if (!component.part.empty()) CheckPart(row, "part", component.part);
  component.name = row.Required("name");
  component.maker = row.ActorRef("maker", false);
  component.maker_state = row.ActorRef("maker_state", false);
  component.value_share = row.Number("value_share");
  if (component.value_share && (*component.value_share < 0 || *component.value_share > 1)) {
    row.Problem("value_share", "value_share must be a fraction between 0 and 1");
  }
  component.value_share_is_estimate =
      row.Text("value_share_is_estimate").empty() ? true : row.Bool("value_share_is_estimate");
  component.from = row.OptionalDate("from");
  component.to = row.OptionalDate("to");
  component.replaced_by = row.ComponentRef("replaced_by");
  component.note = row.Text("note");
  component.sources = row.Sources();
  DefineId(component.id, row.Where("id"), &context.component_ids, context.problems);
  context.data->components.push_back(std::move(component));
}

void ReadAgreement(const CuratedRow& row, Context& context) {
  Agreement agreement;
  agreement.id = row.Required("id");
  agreement.date = row.RequiredDate("date");
  agreement.parties = row.ActorList("parties", true);
  agreement.type =
      row.OneOf("type", {"framework", "military_cooperation", "military_technical", "intelligence",
                         "training", "defense_industry", "licensed_production", "joint_venture",
                         "strategic_partnership", "roadmap", "alliance"});
  agreement.title = row.Required("title");
  agreement.status = row.OneOf(
      "status", {"signed", "ratified", "in_force", "suspended", "resumed", "ended"}, false);
  agreement.note = row.Text("note");
  agreement.sources = row.Sources();
  DefineId(agreement.id, row.Where("id"), &context.agreement_ids, context.problems);
  context.data->agreements.push_back(std::move(agreement));
}

void ReadVenture(const CuratedRow& row, Context& context) {
  Venture venture;
  venture.id = row.Required("id");
  venture.name = row.Required("name");
  venture.actor_id = row.ActorRef("actor", false);
  venture.type = row.OneOf("type", {"joint_venture", "licence"});
  venture.partners = row.ActorList("partners", true);
  venture.shares = row.NumberList("shares");
  if (!venture.shares.empty() && venture.shares.size() != venture.partners.size()) {
    row.Problem("shares", "give one share per partner, or none");
  }
  venture.founded = row.OptionalDate("founded");
  venture.ended = row.OptionalDate("ended");
  venture.products = row.Text("products");
  venture.note = row.Text("note");
  venture.sources = row.Sources();
  DefineId(venture.id, row.Where("id"), &context.venture_ids, context.problems);
  context.data->ventures.push_back(std::move(venture));
}

void ReadEmbargo(const CuratedRow& row, Context& context) {
  Embargo embargo;
  embargo.id = row.Required("id");
  embargo.imposers = row.ActorList("imposers", true);
  embargo.target = row.ActorRef("target", true);
  embargo.scope = row.OneOf(
      "scope", {"all_arms", "listed_items", "components", "financial", "programme_exclusion"});
  embargo.legal_basis = row.Text("legal_basis");
  embargo.trigger = row.EventRef("trigger");
  embargo.start = row.OptionalDate("start");
  embargo.end = row.OptionalDate("end");
  embargo.status = row.OneOf("status", {"in_force", "lifted", "partial"}, false);
  embargo.title = row.Required("title");
  embargo.note = row.Text("note");
  embargo.sources = row.Sources();
  DefineId(embargo.id, row.Where("id"), &context.embargo_ids, context.problems);
  context.data->embargoes.push_back(std::move(embargo));
}

void ReadEvent(const CuratedRow& row, Context& context) {
  Event event;
  event.id = row.Required("id");
  event.date = row.RequiredDate("date");
  event.end_date = row.OptionalDate("end_date");
  event.type =
      row.OneOf("type", {"war", "operation", "visit", "statement", "acquisition", "delivery",
                         "decision", "founding", "invasion", "test", "sanction", "exercise"});
  event.actors = row.ActorList("actors", false);
  event.title = row.Required("title");
  event.note = row.Text("note");
  event.sources = row.Sources();
  if (event.end_date && *event.end_date < event.date) {
    context.problems->push_back(Status::InvalidInput(
        "end_date " + event.end_date->ToString() + " is before date " + event.date.ToString(),
        row.Where("end_date")));
  }
  DefineId(event.id, row.Where("id"), &context.event_ids, context.problems);
  context.data->events.push_back(std::move(event));
}

void ReadIndicator(const CuratedRow& row, Context& context) {
  Indicator indicator;
  indicator.id = row.Required("id");
  indicator.actor_id = row.ActorRef("actor", true);
  indicator.metric = row.Required("metric");
  indicator.period = row.Required("period");
  if (!indicator.period.empty() && !ParseYearRange(indicator.period).ok()) {
    context.problems->push_back(Status::InvalidInput(
        "period '" + indicator.period + "' is not a year or a range like 2018-2022",
        row.Where("period")));
  }
  if (row.Text("value").empty()) row.Required("value");
  indicator.value = row.Number("value").value_or(0);
  indicator.unit = row.OneOf("unit", {"usd", "percent", "count", "ratio"});
  indicator.estimate = row.Bool("estimate");
  indicator.note = row.Text("note");
  indicator.sources = row.Sources();
  DefineId(indicator.id, row.Where("id"), &context.indicator_ids, context.problems);
  context.data->indicators.push_back(std::move(indicator));
}

void ReadClaim(const CuratedRow& row, Context& context) {
  Claim claim;
  claim.id = row.Required("id");
  claim.text = row.Required("text");
  claim.section = row.Required("section");
  claim.kind = row.OneOf("kind", {"value", "growth_rate", "ratio", "rank", "date", "count",
                                  "shock_test", "supplier_rank"});
  claim.params = row.Text("params");
  claim.expected = row.Text("expected");
  claim.tolerance = row.Text("tolerance");
  claim.note = row.Text("note");
  claim.sources = row.Sources();
  DefineId(claim.id, row.Where("id"), &context.claim_ids, context.problems);
  context.data->claims.push_back(std::move(claim));
}

// curation-log.csv: how each curated row was found. Not loaded into the store; each row
// must name a row that exists in the table it names (read after every table).
void ReadCurationLogEntry(const CuratedRow& row, Context& context) {
  const std::map<std::string, const IdRegistry*> tables = {
      {"actors", &context.actor_ids},         {"platforms", &context.platform_ids},
      {"components", &context.component_ids}, {"agreements", &context.agreement_ids},
      {"ventures", &context.venture_ids},     {"embargoes", &context.embargo_ids},
      {"events", &context.event_ids},         {"indicators", &context.indicator_ids},
      {"claims", &context.claim_ids}};
  std::string row_id = row.Required("row_id");
  std::vector<std::string> table_names;
  for (const auto& [name, ids] : tables) table_names.push_back(name);
  std::string table = row.OneOf("table", table_names);
  row.OneOf("corpus", {"docs", "issues", "code", "pages"});
  row.Required("query");
  row.RequiredDate("found_on");
  auto found = tables.find(table);
  if (!row_id.empty() && found != tables.end() && !found->second->count(row_id)) {
    row.Problem("row_id", "unknown row id '" + row_id + "' in table " + table +
                              " (the log must name a row of " + table + ".csv)");
  }
}

// gdelt_defense_codes.csv: the CAMEO event codes whose full GDELT rows `import gdelt`
// keeps. Not loaded into the store (the import reads it); checked here as every file
// that cites sources is.
void ReadGdeltCode(const CuratedRow& row, Context& /*context*/) {
  std::string code = row.Required("cameo_code");
  bool digits = code.find_first_not_of("0123456789") == std::string::npos;
  if (!code.empty() && (!digits || code.size() < 2 || code.size() > 4))
    row.Problem("cameo_code", "'" + code + "' is not a CAMEO event code (2 to 4 digits)");
  row.Required("label");
  row.Sources();
}

const Columns kActorColumns = {"home_state", "founded", "dissolved", "note"};
const Columns kNameColumns = {"lang", "script", "from", "to"};
const Columns kNameKey = {"actor", "lang", "script", "name", "kind", "from"};

// The files of a curated data folder, in load order (actors before the facts citing them).
std::vector<TableSpec> TableSpecs() {
  return {
      {"states.csv",
       {"id", "kind", "name", "sources"},
       {"iso2", "iso3n", "cow_n", "cow_c", "fips", "cameo", "sipri", "from", "to", "note"},
       ReadState},
      {"actors.csv", {"id", "kind", "name", "sources"}, kActorColumns, ReadActor},
      {"sipri_actors.csv", {"id", "kind", "name", "sources"}, kActorColumns, ReadActor},
      {"actor_names.csv", {"actor", "name", "kind", "sources"}, kNameColumns, ReadActorName,
       kNameKey},
      {"state_names.csv", {"actor", "name", "kind", "sources"}, kNameColumns, ReadActorName,
       kNameKey},
      {"sipri_actor_names.csv", {"actor", "name", "kind", "sources"}, kNameColumns, ReadActorName,
       kNameKey},
      {"memberships.csv",
       {"actor", "organization", "role", "sources"},
       {"from", "to", "note"},
       ReadMembership,
       {"actor", "organization", "role", "from"}},
      {"platforms.csv",
       {"id", "name", "domain", "sources"},
       {"aliases", "category", "developers", "origin", "first_delivered", "subsystems", "note"},
       ReadPlatform},
      {"components.csv",
       {"id", "platform", "part", "name", "sources"},
       {"maker", "maker_state", "value_share", "value_share_is_estimate", "from", "to",
        "replaced_by", "note"},
       ReadComponent},
      {"agreements.csv",
       {"id", "date", "parties", "type", "title", "sources"},
       {"status", "note"},
       ReadAgreement},
      {"ventures.csv",
       {"id", "name", "type", "partners", "sources"},
       {"actor", "shares", "founded", "ended", "products", "note"},
       ReadVenture},
      {"embargoes.csv",
       {"id", "imposers", "target", "scope", "title", "sources"},
       {"legal_basis", "trigger", "start", "end", "status", "note"},
       ReadEmbargo},
      {"events.csv",
       {"id", "date", "type", "title", "sources"},
       {"end_date", "actors", "note"},
       ReadEvent},
      {"indicators.csv",
       {"id", "actor", "metric", "period", "value", "unit", "sources"},
       {"estimate", "note"},
       ReadIndicator},
      {"claims.csv",
       {"id", "text", "section", "kind", "sources"},
       {"params", "expected", "tolerance", "note"},
       ReadClaim},
  };
}

// Optional side file; see ReadCurationLogEntry.
const TableSpec kCurationLog = {"curation-log.csv",
                                {"row_id", "table", "corpus", "query", "found_on"},
                                {},
                                ReadCurationLogEntry};

// Optional side file; see ReadGdeltCode.
const TableSpec kGdeltCodes = {"gdelt_defense_codes.csv",
                               {"cameo_code", "label", "sources"},
                               {"project_tag"},
                               ReadGdeltCode,
                               {"cameo_code"}};

bool Contains(const Columns& columns, const std::string& name) {
  return std::find(columns.begin(), columns.end(), name) != columns.end();
}

// Maps header names to positions; reports unknown and missing columns.
std::map<std::string, size_t> ReadHeader(const csv::Record& header, const TableSpec& spec,
                                         const std::string& path, std::vector<Status>* problems) {
  std::map<std::string, size_t> columns;
  for (size_t idx = 0; idx < header.fields.size(); ++idx) {
    std::string name(csv::Trim(header.fields[idx]));
    Location where{path, header.line, header.columns[idx]};
    if (!Contains(spec.required, name) && !Contains(spec.optional, name)) {
      problems->push_back(Status::InvalidInput(
          "unknown column '" + name + "' (see docs/data-format.md for " + spec.file + ")", where));
      continue;
    }
    if (!columns.emplace(name, idx).second) {
      problems->push_back(Status::InvalidInput("column '" + name + "' appears twice", where));
    }
  }
  for (const std::string& name : spec.required) {
    if (!columns.count(name)) {
      problems->push_back(Status::InvalidInput("missing required column '" + name + "'",
                                               Location{path, header.line, 0}));
    }
  }
  return columns;
}

// The rows of one file seen so far, by their whole text and by their key, with their lines.
struct SeenRows {
  std::map<std::vector<std::string>, int> rows;
  std::map<std::vector<std::string>, int> keys;
};

std::vector<std::string> TrimmedFields(const csv::Record& record) {
  std::vector<std::string> fields;
  for (const std::string& field : record.fields) fields.emplace_back(csv::Trim(field));
  return fields;
}

std::string Joined(const Columns& names, const std::string& separator) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : separator) + name;
  return text;
}

// Reports a row that repeats an earlier row of the file, or its key; true when the row is
// an exact repeat (the caller then skips it, so its id is not reported twice).
bool IsDuplicateRow(const csv::Record& record, const std::map<std::string, size_t>& columns,
                    const TableSpec& spec, const std::string& path, SeenRows* seen,
                    std::vector<Status>* problems) {
  std::vector<std::string> fields = TrimmedFields(record);
  Location where{path, record.line, 0};
  auto [row, fresh_row] = seen->rows.emplace(fields, record.line);
  if (!fresh_row) {
    problems->push_back(Status::InvalidInput(
        "the same row appears twice (first at " + path + ":" + std::to_string(row->second) + ")",
        where));
    return true;
  }
  if (spec.key.empty()) return false;
  std::vector<std::string> key;
  for (const std::string& name : spec.key) {
    auto column = columns.find(name);
    key.push_back(column == columns.end() ? "" : fields[column->second]);
  }
  auto [first, fresh_key] = seen->keys.emplace(key, record.line);
  if (!fresh_key) {
    problems->push_back(Status::InvalidInput(
        "duplicate row: same " + Joined(spec.key, ", ") + " (" + Joined(key, ", ") +
            ") as " + path + ":" + std::to_string(first->second),
        where));
  }
  return false;
}

bool IsBlank(const csv::Record& record) {
  for (const std::string& field : record.fields) {
    if (!csv::Trim(field).empty()) return false;
  }
  return true;
}

void ReadTable(const std::string& dir, const TableSpec& spec, Context& context, int* files_read) {
  fs::path path = fs::path(dir) / spec.file;
  std::string shown = path.string();
  if (!fs::exists(path)) {
    // An absent file would silently empty its table in the store.
    context.problems->push_back(Status::InvalidInput(
        "missing file " + spec.file + " (every table file is required; for a table with no "
        "rows, keep a file with just the header row)",
        Location{shown, 0, 0}));
    return;
  }
  Result<std::string> text = csv::ReadFile(shown);
  if (!text.ok()) {
    context.problems->push_back(text.status());
    return;
  }
  ++*files_read;
  if (!csv::IsValidUtf8(*text)) {
    context.problems->push_back(Status::InvalidInput("the file is not UTF-8 (save it as UTF-8 CSV)",
                                                     Location{shown, 1, 0}));
    return;
  }
  csv::Reader reader(csv::StripBom(*text), shown);
  csv::Record record;
  Status error;
  if (!reader.Next(&record, &error)) {
    context.problems->push_back(
        error.ok() ? Status::InvalidInput("the file is empty; it needs a header row",
                                          Location{shown, 1, 0})
                   : error);
    return;
  }
  std::map<std::string, size_t> columns = ReadHeader(record, spec, shown, context.problems);
  size_t header_size = record.fields.size();
  SeenRows seen;
  while (true) {
    error = Status::Ok();
    if (!reader.Next(&record, &error)) {
      if (error.ok()) break;
      context.problems->push_back(error);
      continue;
    }
    if (IsBlank(record)) continue;
    if (record.fields.size() != header_size) {
      context.problems->push_back(Status::InvalidInput(
          "expected " + std::to_string(header_size) + " fields as in the header, found " +
              std::to_string(record.fields.size()) + " (quote fields that contain commas)",
          Location{shown, record.line, 0}));
      continue;
    }
    if (IsDuplicateRow(record, columns, spec, shown, &seen, context.problems)) continue;
    spec.read_row(CuratedRow(record, columns, shown, context.problems, &context.refs), context);
  }
}

// The line on which each element of a top-level JSON array starts (text already parsed
// as an array), so problems with an item name its line.
std::vector<int> ArrayItemLines(const std::string& text) {
  std::vector<int> lines;
  int line = 1;
  int depth = 0;
  bool in_string = false;
  bool expect_item = false;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') ++pos;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (depth == 1 && expect_item && c != ']') lines.push_back(line);
    expect_item = depth == 1 && c == ',';
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') expect_item = ++depth == 1;
    if (c == ']' || c == '}') --depth;
  }
  return lines;
}

// A string member of a CSL-JSON item ("" when absent); an error when it is not a string.
std::string TextMember(const nlohmann::json& item, const char* key, std::string* error) {
  auto found = item.find(key);
  if (found == item.end()) return "";
  if (!found->is_string()) {
    *error = std::string("'") + key + "' must be a string, found " + found->type_name();
    return "";
  }
  return found->get<std::string>();
}

// One CSL-JSON item as a Source, or an empty id and a problem.
Source ReadSourceItem(const nlohmann::json& item, size_t idx, const Location& where,
                      std::vector<Status>* problems) {
  std::string item_name = "item " + std::to_string(idx + 1);
  if (!item.is_object()) {
    problems->push_back(Status::InvalidInput(
        item_name + " is " + std::string(item.type_name()) + ", not an object with an id, a "
        "type and a title",
        where));
    return {};
  }
  std::string error;
  Source source;
  source.id = TextMember(item, "id", &error);
  source.type = TextMember(item, "type", &error);
  source.title = TextMember(item, "title", &error);
  if (!error.empty()) {
    problems->push_back(Status::InvalidInput(item_name + ": " + error, where));
    return {};
  }
  if (source.id.empty() || source.type.empty() || source.title.empty()) {
    problems->push_back(
        Status::InvalidInput(item_name + " needs an id, a type and a title", where));
    return {};
  }
  source.csl_json = item.dump();
  return source;
}

void ReadSources(const std::string& dir, Context& context, int* files_read) {
  std::string path = (fs::path(dir) / "sources.json").string();
  Result<std::string> text = csv::ReadFile(path);
  if (!text.ok()) {
    context.problems->push_back(Status::InvalidInput(
        "missing sources.json (every fact must cite a source in it)", Location{path, 0, 0}));
    return;
  }
  ++*files_read;
  nlohmann::json items = nlohmann::json::parse(*text, nullptr, false);
  if (items.is_discarded() || !items.is_array()) {
    context.problems->push_back(Status::InvalidInput(
        "not a CSL-JSON array (export it from Zotero as CSL JSON)", Location{path, 1, 0}));
    return;
  }
  std::set<std::string> seen;
  std::vector<int> item_lines = ArrayItemLines(*text);
  for (size_t idx = 0; idx < items.size(); ++idx) {
    Location where{path, idx < item_lines.size() ? item_lines[idx] : 0, 0};
    Source source = ReadSourceItem(items[idx], idx, where, context.problems);
    if (source.id.empty()) continue;
    if (!seen.insert(source.id).second) {
      context.problems->push_back(
          Status::InvalidInput("duplicate source id '" + source.id + "'", where));
      continue;
    }
    context.data->sources.push_back(std::move(source));
  }
}

void CheckReferences(const std::vector<Reference>& refs, const std::set<std::string>& known,
                     const std::string& what, const std::string& fix,
                     std::vector<Status>* problems) {
  for (const Reference& ref : refs) {
    if (!known.count(ref.target)) {
      problems->push_back(Status::InvalidInput(
          "unknown " + what + " '" + ref.target + "' (" + fix + ")", ref.where));
    }
  }
}

std::set<std::string> Keys(const IdRegistry& registry) {
  std::set<std::string> keys;
  for (const auto& [id, where] : registry) keys.insert(id);
  return keys;
}

void CheckAllReferences(Context& context) {
  std::set<std::string> source_ids;
  for (const Source& source : context.data->sources) source_ids.insert(source.id);
  std::vector<Status>* problems = context.problems;
  CheckReferences(context.refs.actors, Keys(context.actor_ids), "actor",
                  "define it in actors.csv or states.csv", problems);
  CheckReferences(context.refs.sources, source_ids, "source id", "add it to sources.json",
                  problems);
  CheckReferences(context.refs.events, Keys(context.event_ids), "event", "define it in events.csv",
                  problems);
  CheckReferences(context.refs.platforms, Keys(context.platform_ids), "platform",
                  "define it in platforms.csv", problems);
  CheckReferences(context.refs.components, Keys(context.component_ids), "component",
                  "define it in components.csv", problems);
}

// A component whose platform lists its subsystems must be of one of them: otherwise the
// platform's coverage would miss a part the record knows.
void CheckComponentParts(const Context& context) {
  std::map<std::string, const Platform*> platforms;
  for (const Platform& p : context.data->platforms) platforms[p.id] = &p;
  for (const Component& c : context.data->components) {
    auto found = platforms.find(c.platform_id);
    if (found == platforms.end() || found->second->subsystems.empty()) continue;
    const std::vector<std::string>& parts = SubsystemParts();
    if (std::find(parts.begin(), parts.end(), c.part) == parts.end()) continue;  // reported
    const std::vector<std::string>& listed = found->second->subsystems;
    if (std::find(listed.begin(), listed.end(), c.part) != listed.end()) continue;
    auto where = context.component_ids.find(c.id);
    context.problems->push_back(Status::InvalidInput(
        "component '" + c.id + "' is a " + c.part + " but " + c.platform_id +
            " does not list it in its subsystems (add it to the platform's subsystems)",
        where == context.component_ids.end() ? Location{} : where->second));
  }
}

// Problems in file, line, column order, so a listing reads top to bottom.
void SortByPlace(std::vector<Status>* problems) {
  std::stable_sort(problems->begin(), problems->end(), [](const Status& a, const Status& b) {
    return std::tie(a.where().file, a.where().line, a.where().column) <
           std::tie(b.where().file, b.where().line, b.where().column);
  });
}

}  // namespace

CuratedLoad LoadCuratedData(const std::string& dir) {
  CuratedLoad load;
  if (!fs::exists(dir)) {
    load.problems.push_back(Status::Io("the data folder " + dir + " does not exist"));
    return load;
  }
  if (!fs::is_directory(dir)) {
    load.problems.push_back(
        Status::Io(dir + " is a file, not a data folder: give the folder that holds "
                         "sources.json and the table files (see docs/data-format.md)"));
    return load;
  }
  Context context{&load.data, &load.problems, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  ReadSources(dir, context, &load.files_read);
  for (const TableSpec& spec : TableSpecs()) ReadTable(dir, spec, context, &load.files_read);
  for (const TableSpec* side : {&kCurationLog, &kGdeltCodes}) {
    if (fs::exists(fs::path(dir) / side->file)) ReadTable(dir, *side, context, &load.files_read);
  }
  CheckAllReferences(context);
  CheckComponentParts(context);
  SortByPlace(&load.problems);
  return load;
}

size_t CountFacts(const Dataset& data) {
  return data.actors.size() + data.actor_names.size() + data.actor_codes.size() +
         data.memberships.size() + data.platforms.size() + data.components.size() +
         data.agreements.size() + data.ventures.size() + data.embargoes.size() +
         data.events.size() + data.indicators.size() + data.claims.size();
}

}  // namespace defcoop::ingest
