// Saving and loading imported ATOP files (alliance obligations by directed dyad-year).
#include <sqlite3.h>

#include "db.h"
#include "defcoop/store/store.h"
#include "imported_file.h"

namespace defcoop::store {
namespace {

Status SaveYears(sqlite3* db, int64_t file_id, const AtopFile& file) {
  Statement insert(db, "INSERT INTO alliance_year VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const AllianceYear& a : file.years) {
    DEFCOOP_RETURN_IF_ERROR(insert.BindInt64(1, file_id)
                                .Bind(2, a.cow1)
                                .Bind(3, a.cow2)
                                .BindOrNull(4, a.actor1_id)
                                .BindOrNull(5, a.actor2_id)
                                .Bind(6, a.year)
                                .Bind(7, a.defense)
                                .Bind(8, a.offense)
                                .Bind(9, a.neutrality)
                                .Bind(10, a.nonaggression)
                                .Bind(11, a.consultation)
                                .Bind(12, a.source_line)
                                .Run());
  }
  return Status::Ok();
}

}  // namespace

Result<ImportSummary> Store::SaveAtopFile(const AtopFile& file, ImportMode mode) {
  ImportedFile imported{"atop",
                        file.path,
                        file.content_hash,
                        file.bytes_hash,
                        file.records_read,
                        static_cast<int>(file.years.size()),
                        &file.problems};
  return SaveImportedFile(db_, imported, mode,
                          [&](int64_t file_id) { return SaveYears(db_, file_id, file); });
}

Result<std::vector<AllianceYear>> Store::LoadAllianceYears(const std::vector<std::string>& actors,
                                                          std::optional<YearRange> years) const {
  // The actors as a JSON array for SQLite's json_each: one statement for any number.
  std::string list = "[";
  for (const std::string& id : actors) {
    list += (list.size() > 1 ? ",\"" : "\"") + id + "\"";
  }
  list += "]";
  Statement rows(db_,
                 "SELECT cow1, cow2, actor1_id, actor2_id, year, defense, offense, neutrality,"
                 " nonaggression, consultation, source_line FROM alliance_year"
                 " WHERE (?1 = '[]' OR actor1_id IN (SELECT value FROM json_each(?1))"
                 " OR actor2_id IN (SELECT value FROM json_each(?1)))"
                 " AND (?2 IS NULL OR year BETWEEN ?2 AND ?3)"
                 " ORDER BY actor1_id, actor2_id, year");
  rows.Bind(1, list);
  rows.Bind(2, years ? std::optional<int>(years->first) : std::nullopt);
  rows.Bind(3, years ? std::optional<int>(years->last) : std::nullopt);
  std::vector<AllianceYear> found;
  while (rows.Step()) {
    found.push_back({rows.Int(0), rows.Int(1), rows.Text(2), rows.Text(3), rows.Int(4),
                     rows.Int(5) != 0, rows.Int(6) != 0, rows.Int(7) != 0, rows.Int(8) != 0,
                     rows.Int(9) != 0, rows.Int(10)});
  }
  if (!rows.status().ok()) return rows.status();
  return found;
}

Result<std::optional<YearRange>> Store::AtopYears() const {
  Statement span(db_, "SELECT min(year), max(year) FROM alliance_year");
  std::optional<YearRange> years;
  if (span.Step() && !span.IsNull(0)) years = YearRange{span.Int(0), span.Int(1)};
  if (!span.status().ok()) return span.status();
  return years;
}

}  // namespace defcoop::store
