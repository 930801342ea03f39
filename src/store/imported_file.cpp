#include "imported_file.h"

#include <sqlite3.h>

namespace defcoop::store {

Result<ImportSummary> SaveImportedFile(sqlite3* db, const ImportedFile& file,
                                       const std::function<Status(int64_t)>& save_rows) {
  std::string source(file.source);
  ImportSummary summary;
  summary.file = file.path;
  summary.format = source;
  summary.records_read = file.records_read;
  summary.imported = file.imported;
  for (const InputProblem& problem : *file.problems)
    (problem.repaired ? summary.repaired : summary.rejected) += 1;
  Statement existing(db, "SELECT 1 FROM " + source + "_file WHERE content_hash = ?");
  existing.Bind(1, file.content_hash);
  if (existing.Step()) {
    summary.already_imported = true;
    return summary;
  }
  Status status = InTransaction(db, [&]() -> Status {
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
