// Saving imported GDELT files (rollup, defense-relevant rows, mentions, events per day)
// and answering `events` from them.
#include <sqlite3.h>

#include <algorithm>

#include "db.h"
#include "defcoop/store/store.h"
#include "imported_file.h"

namespace defcoop::store {
namespace {

Status SaveFileDetails(sqlite3* db, int64_t file_id, const GdeltFileImport& file) {
  std::string first, last;
  if (!file.events_per_day.empty()) {
    first = file.events_per_day.begin()->first;
    last = file.events_per_day.rbegin()->first;
  }
  Statement update(db,
                   "UPDATE gdelt_file SET layout = ?, version = ?, code_list = ?, first_day = ?,"
                   " last_day = ?, state_events = ? WHERE id = ?");
  return update.Bind(1, file.layout)
      .Bind(2, file.version)
      .Bind(3, file.code_list)
      .BindOrNull(4, first)
      .BindOrNull(5, last)
      .BindInt64(6, file.state_events)
      .BindInt64(7, file_id)
      .Run();
}

Status SaveDyadDays(sqlite3* db, int64_t file_id, const GdeltFileImport& file) {
  Statement insert(
      db, "INSERT INTO gdelt_dyad_day VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const GdeltDyadDay& r : file.dyad_days) {
    DEFCOOP_RETURN_IF_ERROR(insert.BindInt64(1, file_id)
                                .Bind(2, r.day)
                                .Bind(3, r.actor1_id)
                                .Bind(4, r.actor2_id)
                                .Bind(5, r.event_code)
                                .Bind(6, r.root_code)
                                .Bind(7, r.quad_class)
                                .Bind(8, r.is_root)
                                .BindInt64(9, r.event_sources)
                                .BindInt64(10, r.events)
                                .BindInt64(11, r.mentions)
                                .BindInt64(12, r.sources)
                                .BindInt64(13, r.articles)
                                .Bind(14, r.tone_sum)
                                .Bind(15, r.goldstein_sum)
                                .Run());
  }
  return Status::Ok();
}

Status SaveEvents(sqlite3* db, int64_t file_id, const GdeltFileImport& file) {
  Statement insert(db,
                   "INSERT INTO gdelt_event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                   " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const GdeltEvent& e : file.defense_events) {
    DEFCOOP_RETURN_IF_ERROR(insert.BindInt64(1, file_id)
                                .BindInt64(2, e.global_event_id)
                                .Bind(3, e.day)
                                .BindOrNull(4, e.actor1_code)
                                .BindOrNull(5, e.actor1_name)
                                .BindOrNull(6, e.actor1_country)
                                .Bind(7, e.actor1_id)
                                .BindOrNull(8, e.actor2_code)
                                .BindOrNull(9, e.actor2_name)
                                .BindOrNull(10, e.actor2_country)
                                .Bind(11, e.actor2_id)
                                .Bind(12, e.is_root)
                                .Bind(13, e.event_code)
                                .Bind(14, e.base_code)
                                .Bind(15, e.root_code)
                                .Bind(16, e.quad_class)
                                .Bind(17, e.goldstein)
                                .BindInt64(18, e.mentions)
                                .BindInt64(19, e.sources)
                                .BindInt64(20, e.articles)
                                .Bind(21, e.tone)
                                .BindOrNull(22, e.action_geo_country)
                                .BindOrNull(23, e.action_geo_id)
                                .BindOrNull(24, e.action_geo_name)
                                .Bind(25, e.date_added)
                                .Bind(26, e.source_url)
                                .Bind(27, e.line)
                                .Run());
  }
  return Status::Ok();
}

Status SaveMentions(sqlite3* db, int64_t file_id, const GdeltFileImport& file) {
  Statement insert(db, "INSERT INTO gdelt_mention VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const GdeltMention& m : file.mentions) {
    DEFCOOP_RETURN_IF_ERROR(insert.BindInt64(1, file_id)
                                .BindInt64(2, m.global_event_id)
                                .Bind(3, m.event_time)
                                .Bind(4, m.mention_time)
                                .Bind(5, m.mention_type)
                                .BindOrNull(6, m.source_name)
                                .BindOrNull(7, m.identifier)
                                .Bind(8, m.confidence)
                                .Bind(9, m.doc_tone)
                                .Bind(10, m.line)
                                .Run());
  }
  return Status::Ok();
}

Status SaveDays(sqlite3* db, int64_t file_id, const GdeltFileImport& file) {
  Statement insert(db, "INSERT INTO gdelt_day VALUES (?, ?, ?)");
  for (const auto& [day, events] : file.events_per_day) {
    DEFCOOP_RETURN_IF_ERROR(insert.BindInt64(1, file_id).Bind(2, day).BindInt64(3, events).Run());
  }
  return Status::Ok();
}

void BindAll(const SqlText& text, Statement* statement) {
  for (size_t idx = 0; idx < text.params.size(); ++idx) {
    int position = static_cast<int>(idx) + 1;
    if (const auto* number = std::get_if<int64_t>(&text.params[idx])) {
      statement->BindInt64(position, *number);
    } else {
      statement->Bind(position, std::get<std::string>(text.params[idx]));
    }
  }
}

std::vector<std::string> KeyOf(const Statement& row, size_t columns) {
  std::vector<std::string> key;
  for (size_t column = 0; column < columns; ++column)
    key.push_back(row.Text(static_cast<int>(column)));
  return key;
}

// Up to `examples` distinct URLs per key, most reported first, into the rows with that key.
Status AddExamples(sqlite3* db, const GdeltEventQuery& query, int examples,
                   std::vector<GdeltEventRow>* rows) {
  if (examples <= 0 || rows->empty()) return Status::Ok();
  SqlText text = GdeltExampleSql(query);
  Statement select(db, text.sql);
  BindAll(text, &select);
  auto row = rows->begin();
  while (select.Step()) {
    std::vector<std::string> key = KeyOf(select, text.key_columns);
    // Both statements order by the key, so the row for `key` is at or after `row`.
    while (row != rows->end() && row->key < key) ++row;
    if (row == rows->end()) break;
    if (row->key != key || static_cast<int>(row->example_urls.size()) >= examples) continue;
    std::string url = select.Text(static_cast<int>(text.key_columns));
    auto& urls = row->example_urls;
    if (std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(std::move(url));
  }
  return select.status();
}

Status AddFileShares(sqlite3* db, const GdeltEventQuery& query,
                     const std::vector<GdeltFileInfo>& files, std::vector<GdeltFileShare>* out) {
  SqlText text = GdeltFilesSql(query);
  Statement select(db, text.sql);
  BindAll(text, &select);
  while (select.Step()) {
    int64_t id = select.Int64(0);
    auto file = std::find_if(files.begin(), files.end(),
                             [&](const GdeltFileInfo& f) { return f.id == id; });
    if (file == files.end()) continue;
    out->push_back({*file, select.Int64(1), select.Text(2), select.Text(3)});
  }
  return select.status();
}

}  // namespace

Result<ImportSummary> Store::SaveGdeltFile(const GdeltFileImport& file, ImportMode mode) {
  ImportedFile imported{"gdelt",           file.path,     file.content_hash, file.bytes_hash,
                        file.records_read, file.imported, &file.problems,    false};
  auto summary = SaveImportedFile(db_, imported, mode, [&](int64_t file_id) -> Status {
    DEFCOOP_RETURN_IF_ERROR(SaveFileDetails(db_, file_id, file));
    DEFCOOP_RETURN_IF_ERROR(SaveDyadDays(db_, file_id, file));
    DEFCOOP_RETURN_IF_ERROR(SaveEvents(db_, file_id, file));
    DEFCOOP_RETURN_IF_ERROR(SaveMentions(db_, file_id, file));
    return SaveDays(db_, file_id, file);
  });
  if (summary.ok()) summary->format = file.layout;
  return summary;
}

Result<std::vector<GdeltFileInfo>> Store::GdeltFiles() const {
  Statement rows(db_,
                 "SELECT path, layout, version, code_list, first_day, last_day, records_read,"
                 " imported, rejected, state_events, id FROM gdelt_file ORDER BY id");
  std::vector<GdeltFileInfo> files;
  while (rows.Step()) {
    GdeltFileInfo f;
    f.path = rows.Text(0);
    f.layout = rows.Text(1);
    f.version = rows.Int(2);
    f.code_list = rows.Text(3);
    f.first_day = rows.Text(4);
    f.last_day = rows.Text(5);
    f.records_read = rows.Int(6);
    f.imported = rows.Int(7);
    f.rejected = rows.Int(8);
    f.state_events = rows.Int64(9);
    f.id = rows.Int64(10);
    files.push_back(std::move(f));
  }
  if (!rows.status().ok()) return rows.status();
  return files;
}

Result<GdeltAnswer> Store::GdeltEvents(const GdeltEventQuery& query, int examples) const {
  SqlText text = GdeltAggregateSql(query);
  Statement select(db_, text.sql);
  BindAll(text, &select);
  std::vector<GdeltEventRow> rows;
  while (select.Step()) {
    GdeltEventRow row;
    row.key = KeyOf(select, text.key_columns);
    int c = static_cast<int>(text.key_columns);
    row.events = select.Int64(c);
    row.mentions = select.Int64(c + 1);
    row.sources = select.Int64(c + 2);
    row.articles = select.Int64(c + 3);
    row.tone_sum = select.Double(c + 4);
    row.goldstein_sum = select.Double(c + 5);
    rows.push_back(std::move(row));
  }
  if (!select.status().ok()) return select.status();
  DEFCOOP_RETURN_IF_ERROR(AddExamples(db_, query, examples, &rows));
  auto files = GdeltFiles();
  if (!files.ok()) return files.status();
  GdeltAnswer answer;
  answer.rows = std::move(rows);
  DEFCOOP_RETURN_IF_ERROR(AddFileShares(db_, query, *files, &answer.files));
  return answer;
}

}  // namespace defcoop::store
