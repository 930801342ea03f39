// `defcoop query SQL [--timeout SECONDS]`: one read-only SQL statement over the store.
// The store is opened read-only, so no statement can change it; text holding a second
// statement is refused (SQLite would silently run only the first). Rows are printed as
// SQLite produces them, so an answer of any size runs in constant memory; a statement
// that runs longer than --timeout inside SQLite (a recursive CTE without an end) is
// stopped with a message saying how to allow more.
#include <chrono>

#include "context.h"
#include "output_file.h"

namespace defcoop::cli {
namespace {

// Long enough for any join over a store of every SIPRI vintage (seconds at most on a
// laptop), short enough that a query that never ends is noticed.
constexpr double kDefaultTimeoutSeconds = 30;

struct QueryOptions {
  std::string sql;
  double timeout_seconds = kDefaultTimeoutSeconds;
};

store::QueryLimits Limits(const QueryOptions& options) {
  store::QueryLimits limits;
  limits.time_limit =
      std::chrono::milliseconds(static_cast<int64_t>(options.timeout_seconds * 1000));
  limits.raise_hint = "give it more time with --timeout SECONDS (0: no limit)";
  return limits;
}

Status RunQuery(Context& context, const QueryOptions& options) {
  auto store = context.OpenStore(store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  RowStream rows(context.format(), context.out, context.Layout());
  bool begun = false;
  Status status = (*store)->StreamQuery(
      options.sql, Limits(options),
      [&](const std::vector<std::string>& columns) {
        rows.Begin(columns);
        begun = true;
        return Status::Ok();
      },
      [&](const std::vector<std::optional<std::string>>& values) {
        rows.Row(values);
        // A reader that went away (a closed pipe, a full disk) ends the query.
        return context.out ? Status::Ok() : CheckWritten(context.out, "the output");
      });
  if (!begun) return status;
  nlohmann::ordered_json meta;
  meta["rows"] = rows.rows();
  if (!status.ok()) meta["stopped"] = status.message();
  rows.End(meta);
  return status;
}

}  // namespace

void AddQuery(CLI::App* command, Context* context) {
  auto options = std::make_shared<QueryOptions>();
  command->add_option("sql", options->sql, "one SQL statement (read-only)")->required();
  command
      ->add_option("--timeout", options->timeout_seconds,
                   "seconds the statement may run inside SQLite (0: no limit)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  command->callback([context, options] { context->result = RunQuery(*context, *options); });
}

}  // namespace defcoop::cli
