// The reader of the curated data folder (docs/data-format.md): sources.json plus one
// CSV per table. It never stops at the first problem: every malformed field, unknown
// reference, duplicate id or fact without a source is collected as a Status with
// file:line:column, so `defcoop validate` can list them all at once. A Dataset with
// problems must not be loaded into a store.
#pragma once

#include <string>
#include <vector>

#include "defcoop/core/model.h"
#include "defcoop/core/status.h"

namespace defcoop::ingest {

struct CuratedLoad {
  Dataset data;
  std::vector<Status> problems;  // empty when the folder is valid
  int files_read = 0;
};

// Reads every file of `dir`. Every file is required (a missing one is a problem naming
// it: an absent file would empty its table); a table with no rows is a file with just
// its header row. A folder that does not exist or is a file is one problem.
CuratedLoad LoadCuratedData(const std::string& dir);

// Number of facts (rows of fact tables, sources excluded) in a data set.
size_t CountFacts(const Dataset& data);

}  // namespace defcoop::ingest
