// What every subcommand shares: the global options, the output streams, and helpers to
// open the store and build the name index from it. A subcommand's body sets `result`;
// Run() turns it into an exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>
#include <string>

#include "defcoop/names/name_index.h"
#include "defcoop/store/store.h"
#include "output.h"

namespace defcoop::cli {

class Session;

struct Context {
  Context(std::ostream& out_stream, std::ostream& err_stream)
      : result_stream(out_stream.rdbuf()), out(result_stream), err(err_stream) {}

 private:
  std::ostream result_stream;  // where `out` writes: stdout, or the --out file

 public:
  std::ostream& out;
  std::ostream& err;
  std::string db_path;
  std::string format_text = "table";
  bool format_given = false;  // --format was on the command line (panel defaults to CSV)
  std::string lang = "en";
  // Global output options (app.cpp): --out, --no-meta, --wide, --records, --width.
  std::string out_path;
  bool no_meta = false;
  bool wide = false;
  bool records = false;
  size_t width = 0;
  bool stdout_is_terminal = false;
  Status result;
  // The store's data, loaded once: made on first use for a CLI run, set up front and
  // shared by every request of `defcoop serve` (hence mutable in a const Context).
  mutable std::shared_ptr<Session> session;
  // Merged into every JSON meta this command prints (`defcoop serve`: data_version).
  nlohmann::ordered_json extra_meta = nlohmann::ordered_json::object();

  Format format() const;  // valid after Run() checked format_text
  Result<std::unique_ptr<store::Store>> OpenStore(store::OpenMode mode) const;
  // How tables are laid out: the terminal's width when stdout is one (not with --out),
  // else no limit; --width N forces a width, --wide lifts it, --records asks the record view.
  TableLayout Layout() const;
  // Prints the result in the chosen format; with --no-meta and --out FILE in CSV, the meta
  // goes to FILE.meta.json instead of comment lines (errors: that file cannot be written).
  Status Emit(const Output& output) const;
  // Sends `out` to `stream` (the --out file).
  void RedirectOut(std::ostream& stream) { result_stream.rdbuf(stream.rdbuf()); }
  // A usage error when the output file `path` of `option` is the store (or one of its
  // SQLite side files) or one of `inputs` (output_file.h); ok for "".
  Status CheckOutput(const std::string& option, const std::string& path,
                     const std::vector<std::string>& inputs = {}) const;
};

// The names known to a store: curated names plus ICU/iso-codes names for states. `folds`
// are the store's saved match keys (Store::LoadNameFolds), used when this defcoop's
// folding made them (names::FoldVersion), so known spellings need no ICU transliterator.
names::NameIndex BuildNameIndex(const Dataset& data, const store::NameFolds& folds = {});
// The match keys of every non-ASCII spelling of `data`'s name index, to save with it.
store::NameFolds NameFoldsOf(const Dataset& data);

// A subcommand: its name, one line of help, and a function that declares its options
// on `command` and sets the callback that runs it.
struct Command {
  const char* name;
  const char* summary;
  void (*add)(CLI::App* command, Context* context);
};

// The subcommand table (commands.cpp); each `Add...` lives in its own file.
const std::vector<Command>& Commands();

void AddInit(CLI::App* command, Context* context);
void AddCompletion(CLI::App* command, Context* context);
void AddManpage(CLI::App* command, Context* context);
void AddValidate(CLI::App* command, Context* context);
void AddResolve(CLI::App* command, Context* context);
void AddShow(CLI::App* command, Context* context);
void AddTimeline(CLI::App* command, Context* context);
void AddQuery(CLI::App* command, Context* context);
void AddImport(CLI::App* command, Context* context);
void AddVintages(CLI::App* command, Context* context);
void AddDiff(CLI::App* command, Context* context);
void AddTiv(CLI::App* command, Context* context);
void AddSuppliers(CLI::App* command, Context* context);
void AddExports(CLI::App* command, Context* context);
void AddPeriods(CLI::App* command, Context* context);
void AddShock(CLI::App* command, Context* context);
void AddShift(CLI::App* command, Context* context);
void AddEmbargoes(CLI::App* command, Context* context);
void AddExposure(CLI::App* command, Context* context);
void AddNetwork(CLI::App* command, Context* context);
void AddClaims(CLI::App* command, Context* context);
void AddReport(CLI::App* command, Context* context);
void AddServe(CLI::App* command, Context* context);
void AddSources(CLI::App* command, Context* context);
void AddDca(CLI::App* command, Context* context);
void AddSanctions(CLI::App* command, Context* context);
void AddAlliances(CLI::App* command, Context* context);
void AddEvents(CLI::App* command, Context* context);
void AddPanel(CLI::App* command, Context* context);

// Sources as a list of strings "id" or "id [locator]", for output rows.
nlohmann::ordered_json SourcesJson(const std::vector<SourceRef>& sources);

}  // namespace defcoop::cli
