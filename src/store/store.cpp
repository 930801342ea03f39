#include "defcoop/store/store.h"

#include <sqlite3.h>

#include <filesystem>

#include "db.h"
#include "schema.h"

namespace defcoop::store {
namespace {

namespace fs = std::filesystem;

int ReadPragma(sqlite3* db, const char* pragma, Status* status) {
  Statement statement(db, std::string("PRAGMA ") + pragma);
  if (!statement.Step()) {
    *status = statement.prepared() ? statement.status() : Status::Store(statement.error());
    return 0;
  }
  return statement.Int(0);
}

bool IsEmptyDatabase(sqlite3* db) {
  Statement statement(db, "SELECT count(*) FROM sqlite_master");
  return statement.Step() && statement.Int(0) == 0;
}

Status Migrate(sqlite3* db, int from_version, int to_version) {
  return InTransaction(db, [&]() -> Status {
    for (const Migration& migration : Migrations()) {
      if (migration.version <= from_version || migration.version > to_version) continue;
      Status status = Exec(db, migration.sql);
      if (!status.ok()) {
        return Status::Store("migration to schema v" + std::to_string(migration.version) + " (" +
                             std::string(migration.description) + ") failed: " + status.message());
      }
    }
    DEFCOOP_RETURN_IF_ERROR(Exec(db, "PRAGMA application_id = " + std::to_string(kApplicationId)));
    return Exec(db, "PRAGMA user_version = " + std::to_string(to_version));
  });
}

Result<sqlite3*> OpenConnection(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Io("cannot open the store " + path + ": " + message);
  }
  sqlite3_busy_timeout(db, 5000);
  return db;
}

// Checks the file is a defcoop store and brings its schema to `target`; returns the
// connection, or an error that says what to do.
Result<sqlite3*> OpenAndCheck(const std::string& path, int flags, int target, bool may_create) {
  Result<sqlite3*> opened = OpenConnection(path, flags);
  if (!opened.ok()) return opened;
  sqlite3* db = *opened;
  auto fail = [&](Status status) -> Result<sqlite3*> {
    sqlite3_close(db);
    return status;
  };
  Status status;
  int application_id = ReadPragma(db, "application_id", &status);
  int version = ReadPragma(db, "user_version", &status);
  if (!status.ok()) {
    return fail(Status::Store(path + " is not a defcoop store (" + status.message() + ")"));
  }
  bool fresh = application_id == 0 && version == 0 && IsEmptyDatabase(db);
  if (fresh && !may_create) {
    return fail(
        Status::Store(path + " is an empty database, not a defcoop store; run `defcoop init`"));
  }
  if (!fresh && application_id != kApplicationId) {
    return fail(Status::Store(path + " is an SQLite file of another program, not a defcoop store; "
                                     "choose another --db path"));
  }
  int latest = Store::CurrentSchemaVersion();
  if (version > latest) {
    return fail(
        Status::Store(path + " was written by a newer defcoop (schema v" + std::to_string(version) +
                      "; this defcoop reads up to v" + std::to_string(latest) +
                      "): upgrade defcoop, or build a new store with `defcoop init --db OTHER`"));
  }
  if (version < target) {
    if ((flags & SQLITE_OPEN_READWRITE) == 0)
      return fail(Status::Internal("migration needs write access"));
    status = Migrate(db, version, target);
    if (!status.ok()) return fail(status);
  }
  Exec(db, "PRAGMA foreign_keys = ON");
  return db;
}

}  // namespace

int Store::CurrentSchemaVersion() { return Migrations().back().version; }

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, OpenMode mode,
                                           int max_version) {
  int target = max_version > 0 ? max_version : CurrentSchemaVersion();
  bool exists = fs::exists(path);
  if (!exists && mode != OpenMode::kCreate) {
    return Status::Store("no store at " + path +
                         "; build one with `defcoop init` (or pass --db / set DEFCOOP_DB)");
  }
  if (exists && fs::is_directory(path))
    return Status::Store(path + " is a folder, not a store file");
  int write_flags = SQLITE_OPEN_READWRITE | (mode == OpenMode::kCreate ? SQLITE_OPEN_CREATE : 0);
  if (mode != OpenMode::kReadOnly) {
    Result<sqlite3*> db = OpenAndCheck(path, write_flags, target, mode == OpenMode::kCreate);
    if (!db.ok()) return db.status();
    return std::unique_ptr<Store>(new Store(*db));
  }
  Result<sqlite3*> db = OpenAndCheck(path, SQLITE_OPEN_READONLY, 0, false);
  if (!db.ok()) return db.status();
  auto store = std::unique_ptr<Store>(new Store(*db));
  if (store->SchemaVersion() >= target) return store;
  // An older store: migrate it once through a writable connection, then reopen read-only.
  store.reset();
  Result<sqlite3*> upgraded = OpenAndCheck(path, SQLITE_OPEN_READWRITE, target, false);
  if (!upgraded.ok()) return upgraded.status();
  sqlite3_close(*upgraded);
  db = OpenAndCheck(path, SQLITE_OPEN_READONLY, 0, false);
  if (!db.ok()) return db.status();
  return std::unique_ptr<Store>(new Store(*db));
}

Store::~Store() { sqlite3_close(db_); }

int Store::SchemaVersion() const {
  Status status;
  return ReadPragma(db_, "user_version", &status);
}

Result<QueryResult> Store::Query(const std::string& sql) const {
  Statement statement(db_, sql);
  if (!statement.prepared()) return Status::InvalidInput("SQL error: " + statement.error());
  if (!statement.ReadOnly()) {
    return Status::Usage("`defcoop query` is read-only: the statement would change the store");
  }
  QueryResult result;
  for (int column = 0; column < statement.ColumnCount(); ++column) {
    result.columns.push_back(statement.ColumnName(column));
  }
  while (statement.Step()) {
    std::vector<std::optional<std::string>> row;
    for (int column = 0; column < statement.ColumnCount(); ++column) {
      row.push_back(statement.OptionalText(column));
    }
    result.rows.push_back(std::move(row));
  }
  if (!statement.status().ok())
    return Status::InvalidInput("SQL error: " + statement.status().message());
  return result;
}

}  // namespace defcoop::store
