#include "defcoop/cli/app.h"

#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <ostream>

#include "context.h"
#include "defcoop/csv/reader.h"
#include "output_file.h"
#include "usage_hints.h"

namespace defcoop::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitData = 1;
constexpr int kExitUsage = 2;
constexpr const char* kDefaultDb = "defcoop.db";

std::string DefaultDbPath() {
  const char* env = std::getenv("DEFCOOP_DB");
  return env && *env ? env : kDefaultDb;
}

int ExitCodeFor(const Status& status) {
  if (status.ok()) return kExitOk;
  return status.kind() == StatusKind::kUsage ? kExitUsage : kExitData;
}

void DeclareGlobals(CLI::App& app, Context& context) {
  app.add_option("--db", context.db_path, "store file (default: $DEFCOOP_DB, else ./defcoop.db)")
      ->capture_default_str();
  app.add_option("--format", context.format_text, "output format: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->each([&context](const std::string&) { context.format_given = true; });
  app.add_option("--lang", context.lang, "language of names and labels: en, tr, kk, ru")
      ->check(CLI::IsMember({"en", "tr", "kk", "ru"}));
  app.add_option("--out", context.out_path,
                 "write the result to FILE instead of stdout (never the store or an input)");
  app.add_flag("--no-meta", context.no_meta,
               "CSV without the leading '#' meta lines (with --out FILE: in FILE.meta.json)");
  app.add_flag("--wide", context.wide, "table: one line per row, whatever the width");
  app.add_flag("--records", context.records, "table: one field per line (record view)");
  app.add_option("--width", context.width,
                 "table: lay out within N columns (default: the terminal's; no limit when "
                 "stdout is not a terminal)")
      ->check(CLI::PositiveNumber);
}

// Thrown by the --out callback to stop before the command runs.
struct OutputRefused {
  Status status;
};

// Every argument that names an existing file, but for the value of --out: the inputs the
// --out file must not be (an imported register, a data file).
std::vector<std::string> FileArguments(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (size_t idx = 1; idx < args.size(); ++idx) {
    if (args[idx] == "--out") {
      ++idx;
      continue;
    }
    std::string value = args[idx];
    if (value.rfind("--out=", 0) == 0) continue;
    if (value.rfind("--", 0) == 0 && value.find('=') != std::string::npos)
      value = value.substr(value.find('=') + 1);
    std::error_code error;
    if (std::filesystem::is_regular_file(value, error)) files.push_back(value);
  }
  return files;
}

// Sends the command's output to the --out file once the options are parsed (before the
// command runs); Finish() closes it and returns the output to where it was.
class OutFile {
 public:
  OutFile(Context& context, std::vector<std::string> inputs)
      : context_(context), inputs_(std::move(inputs)) {}
  ~OutFile() { Finish(Status::Ok()); }

  void Open() {
    if (context_.out_path.empty()) return;
    Status checked = context_.CheckOutput("--out", context_.out_path, inputs_);
    if (!checked.ok()) throw OutputRefused{checked};
    auto opened = OutputFile::Open(context_.out_path);
    if (!opened.ok()) throw OutputRefused{opened.status()};
    file_ = std::move(*opened);
    saved_ = context_.out.rdbuf();
    context_.RedirectOut(file_->stream());
  }

  // The command's status, or the file's when the command succeeded and writing failed.
  Status Finish(Status status) {
    if (!file_) return status;
    Status written = CheckWritten(context_.out, file_->path());
    Status closed = file_->Close();
    context_.out.rdbuf(saved_);
    context_.out.clear();
    file_.reset();
    if (!status.ok()) return status;
    return written.ok() ? closed : written;
  }

 private:
  Context& context_;
  std::vector<std::string> inputs_;
  std::unique_ptr<OutputFile> file_;
  std::streambuf* saved_ = nullptr;
};

}  // namespace

Format Context::format() const { return ParseFormat(format_text).value(); }

TableLayout Context::Layout() const {
  size_t limit = wide ? 0 : OutputWidth(width, stdout_is_terminal && out_path.empty());
  return TableLayout{limit, records};
}

Status Context::Emit(const Output& output) const {
  PrintOptions options;
  options.table = Layout();
  options.csv_meta = !no_meta;
  options.lang = lang;
  options.extra_meta = &extra_meta;
  Print(output, format(), out, options);
  if (!no_meta || out_path.empty() || format() != Format::kCsv) return Status::Ok();
  std::string sidecar = out_path + ".meta.json";
  DEFCOOP_RETURN_IF_ERROR(CheckOutput("--out", sidecar));
  auto file = OutputFile::Open(sidecar);
  if (!file.ok()) return file.status();
  (*file)->stream() << FullMeta(output, &extra_meta).dump(2) << "\n";
  return (*file)->Close();
}

Status Context::CheckOutput(const std::string& option, const std::string& path,
                            const std::vector<std::string>& inputs) const {
  return CheckOutputPath(option, path, db_path, inputs);
}

Result<std::unique_ptr<store::Store>> Context::OpenStore(store::OpenMode mode) const {
  return store::Store::Open(db_path, mode);
}

nlohmann::ordered_json SourcesJson(const std::vector<SourceRef>& sources) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const SourceRef& ref : sources) {
    list.push_back(ref.locator.empty() ? ref.source_id : ref.source_id + " [" + ref.locator + "]");
  }
  return list;
}

names::NameIndex BuildNameIndex(const Dataset& data, const store::NameFolds& folds) {
  std::shared_ptr<names::KnownFolds> known;
  if (!folds.keys.empty() && folds.version == names::FoldVersion()) {
    known = std::make_shared<names::KnownFolds>(folds.keys.begin(), folds.keys.end());
  }
  return names::NameIndex(
      data.actors, data.actor_names, data.actor_codes, data.memberships,
      [codes = data.actor_codes] {
        return names::GeneratedStateNames(codes,
                                          {"en", "tr", "kk", "ru", "az", "uz", "ky", "de", "fr"});
      },
      std::move(known));
}

store::NameFolds NameFoldsOf(const Dataset& data) {
  return {names::FoldVersion(), BuildNameIndex(data).NonAsciiFolds()};
}

// Parses `args` (args[0] is the program name) and runs the command; help and version
// print to context.out and are not errors.
Status ParseAndRun(Context& context, const std::vector<std::string>& args) {
  CLI::App app{
      "defcoop: an evidence-backed observatory of defense-industry cooperation and arms "
      "transfers"};
  app.name("defcoop");
  app.require_subcommand(1);
  app.fallthrough();
  DeclareGlobals(app, context);
  for (const Command& command : Commands()) {
    command.add(app.add_subcommand(command.name, command.summary), &context);
  }
  if (auto unknown = UnknownCommand(app, args)) return Status::Usage(*unknown);
  OutFile out_file(context, FileArguments(args));
  app.parse_complete_callback([&out_file] { out_file.Open(); });
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const OutputRefused& refused) {
    return refused.status;
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      app.exit(error, context.out, context.err);
      return Status::Ok();
    }
    if (auto unknown = UnknownOption(app, args)) return Status::Usage(*unknown);
    return Status::Usage(error.what());
  } catch (const std::exception& error) {
    return Status::Internal(std::string("internal error: ") + error.what());
  }
  return out_file.Finish(context.result);
}

int Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  // A full disk or a closed pipe behind stdout is a failure, not a silent exit 0.
  ErrnoStreambuf out_errors(out.rdbuf());
  std::ostream tracked_out(&out_errors);
  Context context{tracked_out, err};
  context.db_path = DefaultDbPath();
  context.stdout_is_terminal = &out == &std::cout && ::isatty(STDOUT_FILENO);
  Status status = ParseAndRun(context, std::vector<std::string>(argv, argv + argc));
  Status written = CheckWritten(context.out, "the output");
  if (status.ok()) status = written;
  if (status.kind() == StatusKind::kUsage && context.result.ok()) {
    err << "defcoop: " << status.message() << "\n"
        << "Run `defcoop --help` or `defcoop COMMAND --help` for usage.\n";
  } else if (!status.ok()) {
    err << "defcoop: error: " << status.ToString() << "\n";
  }
  return ExitCodeFor(status);
}

Status RunCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                  const std::string& db_path, std::shared_ptr<Session> session,
                  const nlohmann::ordered_json& extra_meta) {
  Context context{out, err};
  context.db_path = db_path;
  context.session = std::move(session);
  context.extra_meta = extra_meta;
  return ParseAndRun(context, args);
}

}  // namespace defcoop::cli
