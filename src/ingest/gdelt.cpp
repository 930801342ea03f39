#include "defcoop/ingest/gdelt.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <unordered_map>
#include <vector>

#include "defcoop/core/date.h"
#include "defcoop/csv/reader.h"
#include "defcoop/ingest/content_hash.h"
#include "defcoop/ingest/sipri.h"
#include "table_file.h"
#include "zip_archive.h"

namespace defcoop::ingest {
namespace {

// The event fields the reader uses, under their official names.
enum EventField {
  kId,
  kSqlDate,
  kActor1Code,
  kActor1Name,
  kActor1Country,
  kActor2Code,
  kActor2Name,
  kActor2Country,
  kIsRoot,
  kEventCode,
  kBaseCode,
  kRootCode,
  kQuadClass,
  kGoldstein,
  kNumMentions,
  kNumSources,
  kNumArticles,
  kAvgTone,
  kActionGeoCountry,
  kActionGeoName,
  kDateAdded,
  kSourceUrl,
  kEventFieldCount
};
constexpr std::array<std::string_view, kEventFieldCount> kEventFieldNames = {
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "ActionGeo_CountryCode",
    "ActionGeo_FullName",
    "DATEADDED",
    "SOURCEURL"};

enum MentionField {
  kMentionId,
  kEventTime,
  kMentionTime,
  kMentionType,
  kMentionSource,
  kMentionIdentifier,
  kConfidence,
  kDocTone,
  kMentionFieldCount
};
constexpr std::array<std::string_view, kMentionFieldCount> kMentionFieldNames = {
    "GLOBALEVENTID",     "EventTimeDate",     "MentionTimeDate", "MentionType",
    "MentionSourceName", "MentionIdentifier", "Confidence",      "MentionDocTone"};

// GDELT 1.0's 58 columns in order (the codebook's names); 57 in back-file rows.
const std::vector<std::string>& V1Columns() {
  static const std::vector<std::string> kColumns = {"GLOBALEVENTID",
                                                    "SQLDATE",
                                                    "MonthYear",
                                                    "Year",
                                                    "FractionDate",
                                                    "Actor1Code",
                                                    "Actor1Name",
                                                    "Actor1CountryCode",
                                                    "Actor1KnownGroupCode",
                                                    "Actor1EthnicCode",
                                                    "Actor1Religion1Code",
                                                    "Actor1Religion2Code",
                                                    "Actor1Type1Code",
                                                    "Actor1Type2Code",
                                                    "Actor1Type3Code",
                                                    "Actor2Code",
                                                    "Actor2Name",
                                                    "Actor2CountryCode",
                                                    "Actor2KnownGroupCode",
                                                    "Actor2EthnicCode",
                                                    "Actor2Religion1Code",
                                                    "Actor2Religion2Code",
                                                    "Actor2Type1Code",
                                                    "Actor2Type2Code",
                                                    "Actor2Type3Code",
                                                    "IsRootEvent",
                                                    "EventCode",
                                                    "EventBaseCode",
                                                    "EventRootCode",
                                                    "QuadClass",
                                                    "GoldsteinScale",
                                                    "NumMentions",
                                                    "NumSources",
                                                    "NumArticles",
                                                    "AvgTone",
                                                    "Actor1Geo_Type",
                                                    "Actor1Geo_FullName",
                                                    "Actor1Geo_CountryCode",
                                                    "Actor1Geo_ADM1Code",
                                                    "Actor1Geo_Lat",
                                                    "Actor1Geo_Long",
                                                    "Actor1Geo_FeatureID",
                                                    "Actor2Geo_Type",
                                                    "Actor2Geo_FullName",
                                                    "Actor2Geo_CountryCode",
                                                    "Actor2Geo_ADM1Code",
                                                    "Actor2Geo_Lat",
                                                    "Actor2Geo_Long",
                                                    "Actor2Geo_FeatureID",
                                                    "ActionGeo_Type",
                                                    "ActionGeo_FullName",
                                                    "ActionGeo_CountryCode",
                                                    "ActionGeo_ADM1Code",
                                                    "ActionGeo_Lat",
                                                    "ActionGeo_Long",
                                                    "ActionGeo_FeatureID",
                                                    "DATEADDED",
                                                    "SOURCEURL"};
  return kColumns;
}

// GDELT 2.0's 61 columns: 1.0's with an _ADM2Code after each geo block's _ADM1Code.
const std::vector<std::string>& V2Columns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> columns;
    for (const std::string& name : V1Columns()) {
      columns.push_back(name);
      auto adm1 = name.find("_ADM1Code");
      if (adm1 != std::string::npos) columns.push_back(name.substr(0, adm1) + "_ADM2Code");
    }
    return columns;
  }();
  return kColumns;
}

const std::vector<std::string>& MentionColumns() {
  static const std::vector<std::string> kColumns = {"GLOBALEVENTID",
                                                    "EventTimeDate",
                                                    "MentionTimeDate",
                                                    "MentionType",
                                                    "MentionSourceName",
                                                    "MentionIdentifier",
                                                    "SentenceID",
                                                    "Actor1CharOffset",
                                                    "Actor2CharOffset",
                                                    "ActionCharOffset",
                                                    "InRawText",
                                                    "Confidence",
                                                    "MentionDocLen",
                                                    "MentionDocTone",
                                                    "MentionDocTranslationInfo",
                                                    "Extras"};
  return kColumns;
}

// A column name as compared: lower case, without underscores and surrounding spaces.
std::string NameKey(std::string_view name) {
  std::string key;
  for (char c : csv::Trim(name)) {
    if (c != '_') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

// Where a file keeps the fields the reader uses, and how many fields a row has.
struct Layout {
  std::string name;
  int version = 0;
  GdeltTable table = GdeltTable::kEvents;
  std::vector<int> index;  // position of each EventField or MentionField; -1 = absent
  size_t min_fields = 0, max_fields = 0;
  bool header = false;
  bool na_is_empty = false;  // R's write.csv writes NA for an empty value
  char delimiter = '\t';
  std::string expected;  // "61 fields (GDELT 2.0)": for the field-count message
};

template <size_t N>
std::vector<int> Positions(const std::array<std::string_view, N>& wanted,
                           const std::map<std::string, int>& columns) {
  std::vector<int> index;
  for (std::string_view name : wanted) {
    auto found = columns.find(NameKey(name));
    index.push_back(found == columns.end() ? -1 : found->second);
  }
  return index;
}

std::map<std::string, int> ColumnMap(const std::vector<std::string>& names, int offset) {
  std::map<std::string, int> columns;
  for (size_t idx = 0; idx < names.size(); ++idx)
    columns.emplace(NameKey(names[idx]), static_cast<int>(idx) + offset);
  return columns;
}

Layout Positional(std::string name, int version, GdeltTable table,
                  const std::vector<std::string>& columns, int offset, size_t min_fields,
                  size_t max_fields) {
  Layout layout;
  layout.name = std::move(name);
  layout.version = version;
  layout.table = table;
  auto map = ColumnMap(columns, offset);
  layout.index = table == GdeltTable::kEvents ? Positions(kEventFieldNames, map)
                                              : Positions(kMentionFieldNames, map);
  layout.min_fields = min_fields;
  layout.max_fields = max_fields;
  layout.expected = (min_fields == max_fields
                         ? std::to_string(min_fields)
                         : std::to_string(min_fields) + " or " + std::to_string(max_fields)) +
                    " fields (" + layout.name + ")";
  return layout;
}

// A header row mapped by column name: which table, which version, where each field is.
Result<Layout> HeaderLayout(const std::vector<std::string>& header, char delimiter,
                            const std::string& path) {
  Layout layout;
  size_t count = header.size();
  // The derived dyad-day files: a pandas index, the 61 fields renamed, then Confidence.
  if (count == V2Columns().size() + 2 && csv::Trim(header.front()).empty() &&
      NameKey(header.back()) == "confidence") {
    layout = Positional("gdelt2-derived", 2, GdeltTable::kEvents, V2Columns(), 1, count, count);
  } else {
    auto columns = ColumnMap(header, 0);
    bool mentions = columns.count("mentionidentifier") > 0;
    int version = columns.count("actiongeoadm2code") ? 2 : 1;
    layout.name = mentions ? "mentions-header" : "gdelt" + std::to_string(version) + "-header";
    layout.version = mentions ? 2 : version;
    layout.table = mentions ? GdeltTable::kMentions : GdeltTable::kEvents;
    layout.index =
        mentions ? Positions(kMentionFieldNames, columns) : Positions(kEventFieldNames, columns);
    for (size_t field = 0; field < layout.index.size(); ++field) {
      bool optional = !mentions && field == kSourceUrl;  // 1.0 back-file rows have none
      if (layout.index[field] >= 0 || optional) continue;
      std::string_view name = mentions ? kMentionFieldNames[field] : kEventFieldNames[field];
      return Status::InvalidInput(path + ":1: the header has no column " + std::string(name) +
                                  " (a GDELT " + (mentions ? "Mentions" : "event") +
                                  " export names its columns as the codebook does)");
    }
    layout.min_fields = layout.max_fields = count;
    layout.expected = std::to_string(count) + " fields (as the header)";
  }
  layout.header = true;
  layout.na_is_empty = true;
  layout.delimiter = delimiter;
  return layout;
}

size_t CountFields(std::string_view line, char delimiter) {
  return static_cast<size_t>(std::count(line.begin(), line.end(), delimiter)) + 1;
}

bool IsGzip(std::string_view bytes) { return bytes.substr(0, 2) == "\x1f\x8b"; }

// The layout of a file from its first line.
Result<Layout> DetectLayout(std::string_view text, const std::string& path) {
  if (csv::Trim(text).empty()) return Status::InvalidInput(path + ": empty file");
  std::string_view first = text.substr(0, text.find('\n'));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (NameKey(first).find("globaleventid") != std::string::npos) {
    char delimiter = first.find('\t') != std::string_view::npos ? '\t' : ',';
    csv::Reader reader(text, path, csv::Dialect{delimiter, true});
    csv::Record record;
    Status error;
    if (!reader.Next(&record, &error)) return error;
    return HeaderLayout(record.fields, delimiter, path);
  }
  size_t fields = CountFields(first, '\t');
  if (fields == 57 || fields == 58)
    return Positional("gdelt1", 1, GdeltTable::kEvents, V1Columns(), 0, 57, 58);
  if (fields == V2Columns().size())
    return Positional("gdelt2", 2, GdeltTable::kEvents, V2Columns(), 0, fields, fields);
  if (fields == MentionColumns().size())
    return Positional("mentions", 2, GdeltTable::kMentions, MentionColumns(), 0, fields, fields);
  return Status::InvalidInput(
      path + ":1: not a GDELT file: the first line has " + std::to_string(fields) +
      " tab-separated field(s) and no header row (GDELT 1.0 has 57 or 58, 2.0 has 61, "
      "Mentions 16; an export with a header names GLOBALEVENTID)");
}

// The fields of one row, as views into the text or into a csv::Record.
struct Row {
  int line = 0;
  std::vector<std::string_view> fields;
};

class FieldReader {
 public:
  FieldReader(const Layout& layout, const Row& row) : layout_(layout), row_(row) {}

  std::string_view Get(int field) const {
    int idx = layout_.index[field];
    if (idx < 0 || static_cast<size_t>(idx) >= row_.fields.size()) return {};
    std::string_view value = row_.fields[idx];
    if (layout_.na_is_empty && value == "NA") return {};
    return value;
  }

 private:
  const Layout& layout_;
  const Row& row_;
};

template <typename Number>
bool ParseNumber(std::string_view text, Number* value) {
  if (text.empty()) return false;
  if (text.front() == '+') text.remove_prefix(1);
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

Status Bad(std::string_view name, std::string_view value, std::string_view expected) {
  return Status::InvalidInput(std::string(name) + " '" + std::string(value) + "' is not " +
                              std::string(expected));
}

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// YYYYMMDD as "YYYY-MM-DD", or why not.
Result<std::string> DayOf(std::string_view name, std::string_view text) {
  const char* what = "a date (YYYYMMDD)";
  if (text.size() != 8 || !AllDigits(text)) return Bad(name, text, what);
  int year = 0, month = 0, day = 0;
  ParseNumber(text.substr(0, 4), &year);
  ParseNumber(text.substr(4, 2), &month);
  ParseNumber(text.substr(6, 2), &day);
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month))
    return Bad(name, text, what);
  std::string iso(text.substr(0, 4));
  return iso + "-" + std::string(text.substr(4, 2)) + "-" + std::string(text.substr(6, 2));
}

// YYYYMMDD (1.0) or YYYYMMDDHHMMSS (2.0), checked as a date.
Status CheckTimestamp(std::string_view name, std::string_view text, size_t length) {
  std::string expected = length == 8 ? "a date (YYYYMMDD)" : "a timestamp (YYYYMMDDHHMMSS)";
  if (text.size() != length || !AllDigits(text)) return Bad(name, text, expected);
  auto day = DayOf(name, text.substr(0, 8));
  if (!day.ok()) return Bad(name, text, expected);
  return Status::Ok();
}

// A CAMEO event code: 2 to 4 digits, under its root code.
Status CheckCodes(const GdeltEvent& e) {
  if (e.root_code.size() != 2 || !AllDigits(e.root_code))
    return Bad("EventRootCode", e.root_code, "a two-digit CAMEO root code");
  for (const auto& [name, code] :
       {std::pair{"EventCode", &e.event_code}, std::pair{"EventBaseCode", &e.base_code}}) {
    if (code->size() < 2 || code->size() > 4 || !AllDigits(*code))
      return Bad(name, *code, "a CAMEO code of 2 to 4 digits");
    if (code->compare(0, 2, e.root_code) != 0)
      return Status::InvalidInput(std::string(name) + " '" + *code + "' is not under root code '" +
                                  e.root_code + "'");
  }
  return Status::Ok();
}

// A base or root code that lost its leading zero, as numbers do in a spreadsheet or
// pandas ("4" for "04"), restored to `width` digits when EventCode then starts with it.
bool RestoreLeadingZero(size_t width, const std::string& event_code, std::string* code) {
  if (code->empty() || code->size() >= width || !AllDigits(*code)) return false;
  std::string padded = std::string(width - code->size(), '0') + *code;
  if (event_code.compare(0, width, padded) != 0) return false;
  *code = std::move(padded);
  return true;
}

// Restores the base and root codes; *repair says what changed ("" when nothing did).
void RestoreCodes(GdeltEvent* e, std::string* repair) {
  std::string base = e->base_code, root = e->root_code;
  bool base_restored = RestoreLeadingZero(3, e->event_code, &e->base_code);
  bool root_restored = RestoreLeadingZero(2, e->event_code, &e->root_code);
  if (!base_restored && !root_restored) return;
  std::string what;
  if (base_restored) what = "EventBaseCode '" + base + "'";
  if (root_restored) what += (what.empty() ? "" : " and ") + ("EventRootCode '" + root + "'");
  *repair = what +
            " written without the leading zero (as numbers, by a spreadsheet or pandas): "
            "read as " +
            (base_restored ? e->base_code : "") + (base_restored && root_restored ? " and " : "") +
            (root_restored ? e->root_code : "");
}

template <typename Number>
Status ReadNumber(const FieldReader& f, int field, std::string_view name, Number* value,
                  std::string_view expected) {
  std::string_view text = f.Get(field);
  if (!ParseNumber(text, value)) return Bad(name, text, expected);
  return Status::Ok();
}

Status CheckFieldCount(const Layout& layout, const Row& row) {
  size_t count = row.fields.size();
  if (count >= layout.min_fields && count <= layout.max_fields) return Status::Ok();
  return Status::InvalidInput("expected " + layout.expected + ", found " + std::to_string(count));
}

Result<GdeltEvent> EventOf(const Layout& layout, const Row& row, std::string* repair) {
  DEFCOOP_RETURN_IF_ERROR(CheckFieldCount(layout, row));
  FieldReader f(layout, row);
  GdeltEvent e;
  e.line = row.line;
  DEFCOOP_RETURN_IF_ERROR(ReadNumber(f, kId, "GLOBALEVENTID", &e.global_event_id, "an event id"));
  auto day = DayOf("SQLDATE", f.Get(kSqlDate));
  if (!day.ok()) return day.status();
  e.day = std::move(*day);
  e.actor1_code = f.Get(kActor1Code);
  e.actor1_name = f.Get(kActor1Name);
  e.actor1_country = f.Get(kActor1Country);
  e.actor2_code = f.Get(kActor2Code);
  e.actor2_name = f.Get(kActor2Name);
  e.actor2_country = f.Get(kActor2Country);
  std::string_view root = f.Get(kIsRoot);
  if (root != "0" && root != "1") return Bad("IsRootEvent", root, "0 or 1");
  e.is_root = root == "1";
  e.event_code = f.Get(kEventCode);
  e.base_code = f.Get(kBaseCode);
  e.root_code = f.Get(kRootCode);
  RestoreCodes(&e, repair);
  DEFCOOP_RETURN_IF_ERROR(CheckCodes(e));
  DEFCOOP_RETURN_IF_ERROR(ReadNumber(f, kQuadClass, "QuadClass", &e.quad_class, "1, 2, 3 or 4"));
  if (e.quad_class < 1 || e.quad_class > 4) return Bad("QuadClass", f.Get(kQuadClass), "1 to 4");
  DEFCOOP_RETURN_IF_ERROR(
      ReadNumber(f, kGoldstein, "GoldsteinScale", &e.goldstein, "a number from -10 to 10"));
  if (e.goldstein < -10 || e.goldstein > 10)
    return Bad("GoldsteinScale", f.Get(kGoldstein), "from -10 to 10");
  const std::array<std::pair<int, int64_t*>, 3> counts = {
      {{kNumMentions, &e.mentions}, {kNumSources, &e.sources}, {kNumArticles, &e.articles}}};
  for (auto [field, value] : counts) {
    DEFCOOP_RETURN_IF_ERROR(
        ReadNumber(f, field, kEventFieldNames[field], value, "a count (0 or more)"));
    if (*value < 0) return Bad(kEventFieldNames[field], f.Get(field), "a count (0 or more)");
  }
  DEFCOOP_RETURN_IF_ERROR(ReadNumber(f, kAvgTone, "AvgTone", &e.tone, "a number"));
  e.action_geo_country = f.Get(kActionGeoCountry);
  e.action_geo_name = f.Get(kActionGeoName);
  e.date_added = f.Get(kDateAdded);
  DEFCOOP_RETURN_IF_ERROR(CheckTimestamp("DATEADDED", e.date_added, layout.version == 1 ? 8 : 14));
  e.source_url = f.Get(kSourceUrl);
  return e;
}

Result<GdeltMention> MentionOf(const Layout& layout, const Row& row) {
  DEFCOOP_RETURN_IF_ERROR(CheckFieldCount(layout, row));
  FieldReader f(layout, row);
  GdeltMention m;
  m.line = row.line;
  DEFCOOP_RETURN_IF_ERROR(
      ReadNumber(f, kMentionId, "GLOBALEVENTID", &m.global_event_id, "an event id"));
  m.event_time = f.Get(kEventTime);
  m.mention_time = f.Get(kMentionTime);
  DEFCOOP_RETURN_IF_ERROR(CheckTimestamp("EventTimeDate", m.event_time, 14));
  DEFCOOP_RETURN_IF_ERROR(CheckTimestamp("MentionTimeDate", m.mention_time, 14));
  DEFCOOP_RETURN_IF_ERROR(
      ReadNumber(f, kMentionType, "MentionType", &m.mention_type, "a mention type (1 to 6)"));
  m.source_name = f.Get(kMentionSource);
  m.identifier = f.Get(kMentionIdentifier);
  DEFCOOP_RETURN_IF_ERROR(
      ReadNumber(f, kConfidence, "Confidence", &m.confidence, "a confidence (0 to 100)"));
  DEFCOOP_RETURN_IF_ERROR(ReadNumber(f, kDocTone, "MentionDocTone", &m.doc_tone, "a number"));
  return m;
}

// Calls `handle` with every data row of `text`: raw tab-separated lines split in place
// (GDELT's raw files never quote), or CSV records after the header.
template <typename Handle>
void ForEachRow(std::string_view text, const Layout& layout, const std::string& path,
                Handle handle) {
  Row row;
  if (!layout.header) {
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = std::min(text.find('\n', pos), text.size());
      std::string_view line = text.substr(pos, end - pos);
      pos = end + 1;
      ++row.line;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      row.fields.clear();
      size_t start = 0;
      while (true) {
        size_t tab = line.find('\t', start);
        row.fields.push_back(line.substr(start, tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
      }
      handle(row, Status::Ok());
    }
    return;
  }
  csv::Reader reader(text, path, csv::Dialect{layout.delimiter, true});
  csv::Record record;
  Status error;
  reader.Next(&record, &error);  // the header, read by DetectLayout
  while (true) {
    bool read = reader.Next(&record, &error);
    if (!read && error.ok()) break;
    row.line = read ? record.line : error.where().line;
    row.fields.assign(record.fields.begin(), record.fields.end());
    handle(row, read ? Status::Ok() : error);
  }
}

bool IsBlank(const Row& row) { return row.fields.size() == 1 && row.fields[0].empty(); }

}  // namespace

Result<GdeltRead> ParseGdelt(std::string_view bytes, const std::string& path,
                             const GdeltSink& sink) {
  if (IsZip(bytes)) {
    return Status::InvalidInput(path + ": a zip archive inside the zip archive, not a GDELT table");
  }
  if (IsGzip(bytes)) {
    return Status::InvalidInput(path +
                                ": a gzip file; GDELT publishes zip archives, which defcoop reads "
                                "as they are: gunzip this one first");
  }
  std::string text = table_internal::DecodeText(bytes);
  auto layout = DetectLayout(text, path);
  if (!layout.ok()) return layout.status();
  GdeltRead read;
  read.path = path;
  read.layout = layout->name;
  read.version = layout->version;
  read.table = layout->table;
  read.bytes = static_cast<int64_t>(bytes.size());
  std::unordered_map<int64_t, int> line_of_id;
  auto reject = [&](int line, std::string reason, bool repaired = false) {
    read.problems.push_back(InputProblem{Location{path, line, 0}, std::move(reason), repaired});
  };
  ForEachRow(text, *layout, path, [&](const Row& row, const Status& error) {
    ++read.records_read;
    if (!error.ok()) return reject(row.line, error.message());
    if (IsBlank(row)) return reject(row.line, "blank line");
    if (layout->table == GdeltTable::kMentions) {
      auto mention = MentionOf(*layout, row);
      if (!mention.ok()) return reject(row.line, mention.status().message());
      ++read.imported;
      if (sink.mention) sink.mention(std::move(*mention));
      return;
    }
    std::string repair;
    auto event = EventOf(*layout, row, &repair);
    if (!event.ok()) return reject(row.line, event.status().message());
    auto [first, fresh] = line_of_id.emplace(event->global_event_id, row.line);
    if (!fresh) {
      return reject(row.line, "duplicate GLOBALEVENTID " + std::to_string(first->first) +
                                  " (first on line " + std::to_string(first->second) + ")");
    }
    if (!repair.empty()) reject(row.line, std::move(repair), true);
    ++read.imported;
    if (sink.event) sink.event(std::move(*event));
  });
  return read;
}

Result<GdeltRead> ReadGdeltFile(const std::string& path, const GdeltSink& sink) {
  Result<std::string> bytes = csv::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  // A zipped export is the same data as the CSV inside: it hashes as that CSV, so
  // importing both counts the rows once.
  Result<std::string> unzipped = IsZip(*bytes) ? UnzipSingleFile(*bytes, path) : std::string();
  if (!unzipped.ok()) return unzipped.status();
  std::string_view text = IsZip(*bytes) ? std::string_view(*unzipped) : std::string_view(*bytes);
  Result<GdeltRead> read = ParseGdelt(text, path, sink);
  if (read.ok()) {
    read->content_hash = DataHash(text);
    read->bytes_hash = ContentHash(*bytes);
  }
  return read;
}

}  // namespace defcoop::ingest
