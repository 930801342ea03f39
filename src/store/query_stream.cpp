// Store::StreamQuery and Store::DataVersion: the user's own SQL (`defcoop query`) run one
// statement at a time, row by row, under a time budget; and the counter `defcoop serve`
// watches to notice that another process changed the store.
#include <sqlite3.h>

#include <cmath>
#include <memory>

#include "defcoop/store/store.h"

namespace defcoop::store {
namespace {

using Clock = std::chrono::steady_clock;

// SQLite calls the progress handler every this many virtual machine instructions: often
// enough to stop within milliseconds, rare enough to cost nothing measurable.
constexpr int kProgressInstructions = 10000;

// Time spent inside sqlite3_step, summed over the steps of one query.
struct StepBudget {
  Clock::duration limit{};
  Clock::duration used{};
  Clock::time_point step_started;
  bool exceeded = false;
};

int CheckBudget(void* data) {
  auto* budget = static_cast<StepBudget*>(data);
  if (budget->used + (Clock::now() - budget->step_started) <= budget->limit) return 0;
  budget->exceeded = true;
  return 1;  // non-zero interrupts the statement (SQLITE_INTERRUPT)
}

// How much of a refused second statement the error message quotes.
constexpr size_t kQuotedChars = 40;

struct Finalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, Finalizer>;

// The single statement in `sql`; refuses text with a second statement after it (SQLite
// would silently ignore it). Trailing semicolons, spaces and comments are fine.
Result<StatementPtr> PrepareOne(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, &tail) != SQLITE_OK)
    return Status::InvalidInput(std::string("SQL error: ") + sqlite3_errmsg(db));
  StatementPtr statement(raw);
  if (!statement) return Status::Usage("the SQL holds no statement");
  while (tail && *tail) {
    sqlite3_stmt* next = nullptr;
    const char* rest = nullptr;
    int code = sqlite3_prepare_v2(db, tail, -1, &next, &rest);
    StatementPtr second(next);
    if (code != SQLITE_OK || second) {
      std::string second_text(tail);
      second_text.erase(0, second_text.find_first_not_of(" \t\r\n"));
      return Status::Usage(
          "`defcoop query` runs one SQL statement, and this text holds more than one (the "
          "second starts: '" +
          second_text.substr(0, kQuotedChars) + "'); run them one at a time");
    }
    if (rest == tail) break;
    tail = rest;
  }
  if (!sqlite3_stmt_readonly(statement.get()))
    return Status::Usage("`defcoop query` is read-only: the statement would change the store");
  return statement;
}

std::vector<std::optional<std::string>> RowOf(sqlite3_stmt* statement, int columns) {
  std::vector<std::optional<std::string>> row;
  row.reserve(columns);
  for (int column = 0; column < columns; ++column) {
    if (sqlite3_column_type(statement, column) == SQLITE_NULL) {
      row.emplace_back(std::nullopt);
      continue;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
    row.emplace_back(std::string(text, sqlite3_column_bytes(statement, column)));
  }
  return row;
}

std::string LimitMessage(const QueryLimits& limits) {
  double seconds = std::chrono::duration<double>(limits.time_limit).count();
  std::string message = "the query ran longer than " +
                        std::to_string(static_cast<long long>(std::ceil(seconds))) +
                        " s and was stopped";
  return limits.raise_hint.empty() ? message : message + "; " + limits.raise_hint;
}

// Steps through every row; `budget` (may be null) is charged for the time in SQLite.
Status StepRows(sqlite3* db, sqlite3_stmt* statement, StepBudget* budget,
                const QueryRowFn& on_row) {
  int columns = sqlite3_column_count(statement);
  for (;;) {
    if (budget) budget->step_started = Clock::now();
    int code = sqlite3_step(statement);
    if (budget) budget->used += Clock::now() - budget->step_started;
    if (code == SQLITE_DONE) return Status::Ok();
    if (code != SQLITE_ROW)
      return Status::InvalidInput(std::string("SQL error: ") + sqlite3_errmsg(db));
    DEFCOOP_RETURN_IF_ERROR(on_row(RowOf(statement, columns)));
  }
}

}  // namespace

Status Store::StreamQuery(const std::string& sql, const QueryLimits& limits,
                          const QueryColumnsFn& on_columns, const QueryRowFn& on_row) const {
  auto statement = PrepareOne(db_, sql);
  if (!statement.ok()) return statement.status();
  std::vector<std::string> columns;
  for (int column = 0; column < sqlite3_column_count(statement->get()); ++column)
    columns.push_back(sqlite3_column_name(statement->get(), column));
  DEFCOOP_RETURN_IF_ERROR(on_columns(columns));
  std::unique_ptr<StepBudget> budget;
  if (limits.time_limit.count() > 0) {
    budget = std::make_unique<StepBudget>();
    budget->limit = limits.time_limit;
    sqlite3_progress_handler(db_, kProgressInstructions, CheckBudget, budget.get());
  }
  Status status = StepRows(db_, statement->get(), budget.get(), on_row);
  sqlite3_progress_handler(db_, 0, nullptr, nullptr);
  if (budget && budget->exceeded) return Status::InvalidInput(LimitMessage(limits));
  return status;
}

Result<int64_t> Store::DataVersion() const {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, "PRAGMA data_version", -1, &raw, nullptr) != SQLITE_OK)
    return Status::Store(std::string("cannot read the data version: ") + sqlite3_errmsg(db_));
  StatementPtr statement(raw);
  if (sqlite3_step(statement.get()) != SQLITE_ROW)
    return Status::Store(std::string("cannot read the data version: ") + sqlite3_errmsg(db_));
  return static_cast<int64_t>(sqlite3_column_int64(statement.get(), 0));
}

}  // namespace defcoop::store
