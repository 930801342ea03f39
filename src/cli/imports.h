// What the `import` subcommands share: the command itself, the problem listing on
// stderr, the --rejects CSV, and the summary table (a row per file and the totals).
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include "context.h"
#include "defcoop/store/store.h"

namespace defcoop::cli {

// Each subcommand of `import` (one per data source).
void AddImportSipri(CLI::App* import, Context* context);
void AddImportDcad(CLI::App* import, Context* context);
void AddImportGsdb(CLI::App* import, Context* context);
void AddImportAtop(CLI::App* import, Context* context);

// The actor a COW state code stands for on `at` ("" when unknown). COW keeps one code
// across changes the store's actors (like SIPRI's) tell apart: 365 is the Soviet Union
// until its dissolution and Russia after; 345 is Yugoslavia, then Serbia and Montenegro
// (2003–06), else Serbia; 260 (West Germany) is Germany, as in SIPRI's data.
std::string ActorForCow(const names::NameIndex& index, int code, const Date& at);

// Every problem of a file as "file:line: rejected|repaired|warning: reason".
void PrintProblems(std::ostream& err, const std::vector<InputProblem>& problems);

// Opens the --rejects CSV (header file,line,reason,repaired); "" = none.
Status OpenRejects(const std::string& path, std::ofstream* out);
void WriteRejects(std::ostream& out, const std::string& file,
                  const std::vector<InputProblem>& problems);

// The summary of an import: one row per file, totals in meta and a note.
class ImportReport {
 public:
  ImportReport();
  void Add(const std::string& path, const store::ImportSummary& summary);
  Output& output();

 private:
  Output output_;
  store::ImportSummary total_;
};

}  // namespace defcoop::cli
