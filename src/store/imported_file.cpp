#include "imported_file.h"

#include <sqlite3.h>

#include <algorithm>

namespace defcoop::store {
namespace {

std::string Upper(std::string_view text) {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) {
    return static_cast<char>(std::toupper(c));
  });
  return upper;
}

ImportSummary SummaryOf(const ImportedFile& file) {
  ImportSummary summary;
  summary.file = file.path;
  summary.format = std::string(file.source);
  summary.records_read = file.records_read;
  summary.imported = file.imported;
  for (const InputProblem& problem : *file.problems)
    (problem.repaired ? summary.repaired : summary.rejected) += 1;
  return summary;
}

// Whether the file goes in: the same data again is no change (kOnce); another file of a
// dataset the store holds once is refused unless replaced; a dataset of many files
// (GDELT) takes it.
Status DecideOnEarlier(const ImportedFile& file, ImportMode mode,
                       const std::vector<EarlierImport>& earlier, ImportSummary* summary) {
  if (earlier.empty()) return Status::Ok();
  auto same = std::find_if(earlier.begin(), earlier.end(),
                           [](const EarlierImport& e) { return e.same_data; });
  if (mode == ImportMode::kOnce && same != earlier.end()) {
    summary->already_imported = true;
    summary->earlier_path = same->path;
    return Status::Ok();
  }
  if (mode == ImportMode::kOnce && file.one_dataset) {
    return Status::InvalidInput(file.path + ": the store already holds a " + Upper(file.source) +
                                " import (" + earlier.front().path + "), and " +
                                Upper(file.source) +
                                " is one dataset: pass --replace to replace it with this file");
  }
  summary->replaced = static_cast<int>(earlier.size());
  return Status::Ok();
}

}  // namespace

Result<std::vector<EarlierImport>> FindEarlierImports(sqlite3* db, const std::string& table,
                                                      const std::string& content_hash,
                                                      const std::string& bytes_hash, bool all,
                                                      const std::string& path) {
  Statement select(db, "SELECT id, path, content_hash IN (?1, ?2) FROM " + table +
                           " WHERE ?3 OR content_hash IN (?1, ?2) OR path = ?4 ORDER BY id");
  select.Bind(1, content_hash).Bind(2, bytes_hash).Bind(3, all).BindOrNull(4, path);
  std::vector<EarlierImport> earlier;
  while (select.Step()) earlier.push_back({select.Int64(0), select.Text(1), select.Int(2) != 0});
  if (!select.status().ok()) return select.status();
  return earlier;
}

Status DeleteImports(sqlite3* db, const std::string& table,
                     const std::vector<EarlierImport>& imports) {
  Statement erase(db, "DELETE FROM " + table + " WHERE id = ?");
  for (const EarlierImport& earlier : imports) {
    DEFCOOP_RETURN_IF_ERROR(erase.BindInt64(1, earlier.id).Run());
  }
  return Status::Ok();
}

Result<ImportSummary> SaveImportedFile(sqlite3* db, const ImportedFile& file, ImportMode mode,
                                       const std::function<Status(int64_t)>& save_rows) {
  std::string source(file.source);
  ImportSummary summary = SummaryOf(file);
  Status status = InTransaction(db, [&]() -> Status {
    auto earlier = FindEarlierImports(db, source + "_file", file.content_hash, file.bytes_hash,
                                      file.one_dataset, "");
    if (!earlier.ok()) return earlier.status();
    DEFCOOP_RETURN_IF_ERROR(DecideOnEarlier(file, mode, *earlier, &summary));
    if (summary.already_imported) return Status::Ok();
    DEFCOOP_RETURN_IF_ERROR(DeleteImports(db, source + "_file", *earlier));
    Statement insert(db, "INSERT INTO " + source +
                             "_file (path, content_hash, records_read, imported, rejected,"
                             " repaired) VALUES (?, ?, ?, ?, ?, ?)");
    DEFCOOP_RETURN_IF_ERROR(insert.Bind(1, file.path)
                                .Bind(2, file.content_hash)
                                .Bind(3, summary.records_read)
                                .Bind(4, summary.imported)
                                .Bind(5, summary.rejected)
                                .Bind(6, summary.repaired)
                                .Run());
    int64_t file_id = sqlite3_last_insert_rowid(db);
    DEFCOOP_RETURN_IF_ERROR(save_rows(file_id));
    return SaveProblems(db, source + "_problem", file_id, *file.problems);
  });
  if (!status.ok()) return status;
  return summary;
}

}  // namespace defcoop::store
