#include "db.h"

#include <cstdlib>

namespace defcoop::store {

int BusyTimeoutMs() {
  const char* text = std::getenv("DEFCOOP_BUSY_TIMEOUT_MS");
  if (!text || !*text) return kDefaultBusyTimeoutMs;
  char* end = nullptr;
  long value = std::strtol(text, &end, 10);
  if (*end != '\0' || value < 0 || value > 24L * 3600 * 1000) return kDefaultBusyTimeoutMs;
  return static_cast<int>(value);
}

Status StoreError(sqlite3* db, const std::string& message) {
  int code = sqlite3_errcode(db);
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return Status::Store("the store is busy: another defcoop is writing to it (waited " +
                         std::to_string(BusyTimeoutMs() / 1000) +
                         " s); try again when it has finished");
  }
  if (code == SQLITE_FULL) return Status::Io("the disk is full: " + message);
  if (code == SQLITE_IOERR) return Status::Io("cannot write the store: " + message);
  return Status::Store(message);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    error_ = sqlite3_errmsg(db);
    status_ = StoreError(db, error_);
    stmt_ = nullptr;
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int idx, std::string_view text) {
  sqlite3_bind_text(stmt_, idx, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindOrNull(int idx, std::string_view text) {
  if (text.empty()) {
    sqlite3_bind_null(stmt_, idx);
    return *this;
  }
  return Bind(idx, text);
}

Statement& Statement::Bind(int idx, double value) {
  sqlite3_bind_double(stmt_, idx, value);
  return *this;
}

Statement& Statement::Bind(int idx, int value) {
  sqlite3_bind_int(stmt_, idx, value);
  return *this;
}

Statement& Statement::BindInt64(int idx, int64_t value) {
  sqlite3_bind_int64(stmt_, idx, value);
  return *this;
}

Statement& Statement::Bind(int idx, const std::optional<double>& value) {
  if (!value) {
    sqlite3_bind_null(stmt_, idx);
    return *this;
  }
  return Bind(idx, *value);
}

Statement& Statement::Bind(int idx, const std::optional<int>& value) {
  if (!value) {
    sqlite3_bind_null(stmt_, idx);
    return *this;
  }
  return Bind(idx, *value);
}

Statement& Statement::Bind(int idx, const std::optional<Date>& value) {
  if (!value) {
    sqlite3_bind_null(stmt_, idx);
    return *this;
  }
  return Bind(idx, std::string_view(value->ToString()));
}

bool Statement::Step() {
  if (!stmt_) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = StoreError(db_, sqlite3_errmsg(db_));
  return false;
}

Status Statement::Run() {
  if (!stmt_) return status_;
  int rc = sqlite3_step(stmt_);
  Status result = rc == SQLITE_DONE || rc == SQLITE_ROW ? Status::Ok()
                                                       : StoreError(db_, sqlite3_errmsg(db_));
  Reset();
  return result;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::optional<double> Statement::OptionalDouble(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Double(column);
}

int Statement::Int(int column) const { return sqlite3_column_int(stmt_, column); }

int64_t Statement::Int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<int> Statement::OptionalInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

std::optional<Date> Statement::OptionalDate(int column) const {
  if (IsNull(column)) return std::nullopt;
  Result<Date> date = ParseDate(Text(column));
  if (!date.ok()) return std::nullopt;
  return *date;
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

std::string Statement::ColumnName(int column) const { return sqlite3_column_name(stmt_, column); }

bool Statement::ReadOnly() const { return stmt_ && sqlite3_stmt_readonly(stmt_); }

Status Exec(sqlite3* db, std::string_view sql) {
  char* message = nullptr;
  std::string text(sql);
  if (sqlite3_exec(db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string error = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    return StoreError(db, error);
  }
  return Status::Ok();
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : "|") + item;
  return joined;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> items;
  for (size_t start = 0; !text.empty();) {
    size_t bar = text.find('|', start);
    items.push_back(text.substr(start, bar == std::string::npos ? bar : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return items;
}

Status SaveProblems(sqlite3* db, std::string_view table, int64_t file_id,
                    const std::vector<InputProblem>& problems) {
  Statement problem(db, "INSERT INTO " + std::string(table) + " VALUES (?, ?, ?, ?)");
  for (const InputProblem& p : problems) {
    DEFCOOP_RETURN_IF_ERROR(problem.BindInt64(1, file_id)
                                .Bind(2, p.where.line)
                                .Bind(3, p.reason)
                                .Bind(4, p.repaired)
                                .Run());
  }
  return Status::Ok();
}

}  // namespace defcoop::store
