// What saving an imported file shares: the file's row in its `<source>_file` table
// (path, content hash, counts), its problems in `<source>_problem`, and its own rows,
// all in one transaction; the same data a second time changes nothing, and earlier
// imports are found (and deleted for ImportMode::kReplace) inside that transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "db.h"
#include "defcoop/store/store.h"

namespace defcoop::store {

struct ImportedFile {
  std::string_view source;  // "dcad", "gsdb", "atop": names the tables and the summary's format
  std::string path;
  std::string content_hash;
  std::string bytes_hash;
  int records_read = 0;
  int imported = 0;
  const std::vector<InputProblem>* problems = nullptr;
  // DCAD, GSDB and ATOP are one file each; GDELT is many, so another file is added.
  bool one_dataset = true;
};

// An earlier import: its row id in `<source>_file`, its path, and whether it holds the
// same data (content hash or, for stores of older versions, bytes hash).
struct EarlierImport {
  int64_t id = 0;
  std::string path;
  bool same_data = false;
};

// The rows of `table` (sipri_file, dcad_file, ...) whose content_hash is `content_hash`
// or `bytes_hash`; every row when `all`; also those with path `path` when it is not "".
Result<std::vector<EarlierImport>> FindEarlierImports(sqlite3* db, const std::string& table,
                                                      const std::string& content_hash,
                                                      const std::string& bytes_hash, bool all,
                                                      const std::string& path);

// Deletes the imports (their rows go with them: ON DELETE CASCADE).
Status DeleteImports(sqlite3* db, const std::string& table,
                     const std::vector<EarlierImport>& imports);

// `save_rows(file_id)` writes the file's own rows inside the transaction.
Result<ImportSummary> SaveImportedFile(sqlite3* db, const ImportedFile& file, ImportMode mode,
                                       const std::function<Status(int64_t)>& save_rows);

}  // namespace defcoop::store
