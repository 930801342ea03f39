// A thin RAII layer over the SQLite C API for this module: prepared statements with
// typed binding and reading, and execution that turns SQLite errors into Status.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "defcoop/core/date.h"
#include "defcoop/core/model.h"
#include "defcoop/core/status.h"

namespace defcoop::store {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool prepared() const { return stmt_ != nullptr; }
  const std::string& error() const { return error_; }

  // Binds parameters by 1-based index; empty strings and nullopt bind NULL when asked.
  Statement& Bind(int idx, std::string_view text);
  // Without this, a string literal would bind as bool (a standard conversion wins).
  Statement& Bind(int idx, const char* text) { return Bind(idx, std::string_view(text)); }
  Statement& BindOrNull(int idx, std::string_view text);
  Statement& Bind(int idx, double value);
  Statement& Bind(int idx, int value);
  Statement& BindInt64(int idx, int64_t value);
  Statement& Bind(int idx, bool value) { return Bind(idx, value ? 1 : 0); }
  Statement& Bind(int idx, const std::optional<double>& value);
  Statement& Bind(int idx, const std::optional<int>& value);
  Statement& Bind(int idx, const std::optional<Date>& value);

  // Steps once: true when a row is available; false at the end or on error (see status()).
  bool Step();
  // Runs to completion (for INSERT/UPDATE), then resets for the next binding.
  Status Run();
  void Reset();
  Status status() const { return status_; }

  std::string Text(int column) const;  // "" for NULL
  std::optional<std::string> OptionalText(int column) const;
  double Double(int column) const;
  std::optional<double> OptionalDouble(int column) const;
  int Int(int column) const;
  int64_t Int64(int column) const;
  std::optional<int> OptionalInt(int column) const;
  std::optional<Date> OptionalDate(int column) const;
  bool IsNull(int column) const;
  int ColumnCount() const;
  std::string ColumnName(int column) const;
  bool ReadOnly() const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string error_;
  Status status_;
};

// A list field stored as one TEXT column: items joined with '|' (items hold no '|').
std::string JoinList(const std::vector<std::string>& items);
std::vector<std::string> SplitList(const std::string& text);

// Writes an imported file's problems to `table` (file_id, line, reason, repaired).
Status SaveProblems(sqlite3* db, std::string_view table, int64_t file_id,
                    const std::vector<InputProblem>& problems);

// How long a writer waits for another writer to finish (sqlite3_busy_timeout), in ms:
// $DEFCOOP_BUSY_TIMEOUT_MS when set to a number, else kDefaultBusyTimeoutMs.
constexpr int kDefaultBusyTimeoutMs = 30000;  // an import of a large register takes ~10 s
int BusyTimeoutMs();

// The Status for the last error of `db`; a busy or locked store gets one message that
// says another defcoop is writing, a full disk says so.
Status StoreError(sqlite3* db, const std::string& message);

// Executes SQL text (possibly several statements) without results.
Status Exec(sqlite3* db, std::string_view sql);

// Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails.
template <typename Body>
Status InTransaction(sqlite3* db, Body body) {
  DEFCOOP_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
  Status status = body();
  if (status.ok()) status = Exec(db, "COMMIT");
  if (!status.ok()) Exec(db, "ROLLBACK");
  return status;
}

}  // namespace defcoop::store
