#include "defcoop/cli/app.h"

#include <cstdlib>
#include <exception>
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
      ->check(CLI::IsMember({"table", "csv", "json"}));
  app.add_option("--lang", context.lang, "language of names and labels: en, tr, kk, ru")
      ->check(CLI::IsMember({"en", "tr", "kk", "ru"}));
}

}  // namespace

Format Context::format() const { return ParseFormat(format_text).value(); }

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

names::NameIndex BuildNameIndex(const Dataset& data) {
  return names::NameIndex(data.actors, data.actor_names, data.actor_codes, data.memberships,
                          [codes = data.actor_codes] {
                            return names::GeneratedStateNames(
                                codes, {"en", "tr", "kk", "ru", "az", "uz", "ky", "de", "fr"});
                          });
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
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
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
  return context.result;
}

int Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  // A full disk or a closed pipe behind stdout is a failure, not a silent exit 0.
  ErrnoStreambuf out_errors(out.rdbuf());
  std::ostream tracked_out(&out_errors);
  Context context{tracked_out, err};
  context.db_path = DefaultDbPath();
  Status status = ParseAndRun(context, std::vector<std::string>(argv, argv + argc));
  Status written = CheckWritten(tracked_out, "the output");
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
