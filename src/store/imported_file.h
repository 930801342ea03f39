// What saving a DCAD or GSDB file shares: the file's row in its `<source>_file` table
// (path, content hash, counts), its problems in `<source>_problem`, and its own rows,
// all in one transaction; the same bytes a second time change nothing.
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
  std::string_view source;  // "dcad" or "gsdb": names the tables and the summary's format
  std::string path;
  std::string content_hash;
  int records_read = 0;
  int imported = 0;
  const std::vector<InputProblem>* problems = nullptr;
};

// `save_rows(file_id)` writes the file's own rows inside the transaction.
Result<ImportSummary> SaveImportedFile(sqlite3* db, const ImportedFile& file,
                                       const std::function<Status(int64_t)>& save_rows);

}  // namespace defcoop::store
