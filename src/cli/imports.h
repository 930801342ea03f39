// What the `import` subcommands share: the command itself, the problem listing on
// stderr, the --rejects CSV, and the summary table (a row per file and the totals).
#pragma once

#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "context.h"
#include "defcoop/store/store.h"
#include "output_file.h"

namespace defcoop::cli {

// Each subcommand of `import` (one per data source).
void AddImportSipri(CLI::App* import, Context* context);
void AddImportDcad(CLI::App* import, Context* context);
void AddImportGsdb(CLI::App* import, Context* context);
void AddImportAtop(CLI::App* import, Context* context);
void AddImportGdelt(CLI::App* import, Context* context);

// The actor a COW state code stands for on `at` ("" when unknown). COW keeps one code
// across changes the store's actors (like SIPRI's) tell apart: 365 is the Soviet Union
// until its dissolution and Russia after; 345 is Yugoslavia, then Serbia and Montenegro
// (2003–06), else Serbia; 260 (West Germany) is Germany, as in SIPRI's data
// (names/succession.h holds these eras).
std::string ActorForCow(const names::NameIndex& index, int code, const Date& at);

// "PATH: already imported ..." or "PATH: replaced N earlier import(s)", when either.
void ReportEarlierImports(std::ostream& err, const std::string& path,
                          const store::ImportSummary& summary);

inline store::ImportMode ModeOf(bool replace) {
  return replace ? store::ImportMode::kReplace : store::ImportMode::kOnce;
}

// Every problem of a file as "file:line: rejected|repaired|warning: reason".
void PrintProblems(std::ostream& err, const std::vector<InputProblem>& problems);

// Opens the --rejects CSV (header file,line,reason,repaired); "" = none. Refuses a path
// that is the store or one of `inputs` before opening (truncating) anything.
Status OpenRejects(const Context& context, const std::string& path,
                   const std::vector<std::string>& inputs, std::ofstream* out);
// Writes (and flushes) the problems of `file`; an Io error when the write failed (a full
// disk), so the import stops before it changes the store.
Status WriteRejects(std::ostream& out, const std::string& rejects_path, const std::string& file,
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

// An import of one file of a dataset (DCAD, GSDB, ATOP): how to read it, how to resolve
// its actor ids (returning what did not resolve, with how many rows use it), how to save
// it, and how to word what it reports.
template <typename File>
struct FileImport {
  std::function<Result<File>(const std::string& path)> read;
  std::function<std::map<std::string, int>(const names::NameIndex&, File*)> resolve;
  std::function<Result<store::ImportSummary>(store::Store&, const File&, store::ImportMode)> save;
  std::string source_id;       // meta.sources
  std::string unresolved_key;  // meta key counting what did not resolve
  std::function<std::string(const std::string& what, int rows)> unresolved_line;
};

// Reads, resolves and saves `path` in one transaction; prints every problem, writes
// them to `rejects_path` when given, and emits the summary.
template <typename File>
Status RunFileImport(Context& context, const std::string& path, const std::string& rejects_path,
                     store::ImportMode mode, const FileImport<File>& steps) {
  auto store = context.OpenStore(store::OpenMode::kReadWrite);
  if (!store.ok()) return store.status();
  auto data = (*store)->LoadCurated();
  if (!data.ok()) return data.status();
  Result<File> file = steps.read(path);
  if (!file.ok()) return file.status();
  std::map<std::string, int> unresolved = steps.resolve(BuildNameIndex(*data), &*file);
  PrintProblems(context.err, file->problems);
  std::ofstream rejects;
  DEFCOOP_RETURN_IF_ERROR(OpenRejects(context, rejects_path, {path}, &rejects));
  if (rejects.is_open()) {
    DEFCOOP_RETURN_IF_ERROR(WriteRejects(rejects, rejects_path, file->path, file->problems));
  }
  auto summary = steps.save(**store, *file, mode);
  if (!summary.ok()) return summary.status();
  ReportEarlierImports(context.err, path, *summary);
  for (const auto& [what, rows] : unresolved)
    context.err << steps.unresolved_line(what, rows) << "\n";
  ImportReport report;
  report.Add(path, *summary);
  Output& output = report.output();
  output.meta[steps.unresolved_key] = unresolved.size();
  output.meta["sources"] = {steps.source_id};
  return context.Emit(output);
}

// Adds `import NAME FILE [--rejects FILE] [--replace]` running `steps`.
template <typename File>
void AddFileImport(CLI::App* import, Context* context, const std::string& name,
                   const std::string& description, const std::string& file_help,
                   FileImport<File> steps) {
  CLI::App* command = import->add_subcommand(name, description);
  struct Options {
    std::string file;
    std::string rejects_path;
    bool replace = false;
  };
  auto options = std::make_shared<Options>();
  command->add_option("file", options->file, file_help)->required()->check(CLI::ExistingFile);
  command->add_option("--rejects", options->rejects_path, "write rejected rows to this CSV file");
  command->add_flag("--replace", options->replace,
                    "replace the store's earlier import of this dataset (one transaction)");
  command->callback([context, options, steps = std::move(steps)] {
    context->result = RunFileImport(*context, options->file, options->rejects_path,
                                    ModeOf(options->replace), steps);
  });
}

}  // namespace defcoop::cli
