#include "defcoop/store/store.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "db.h"
#include "fault_vfs.h"
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
      if (status.ok() && migration.fill) status = migration.fill(db);
      if (!status.ok()) {
        return Status::Store("migration to schema v" + std::to_string(migration.version) + " (" +
                             std::string(migration.description) + ") failed: " + status.message());
      }
    }
    DEFCOOP_RETURN_IF_ERROR(Exec(db, "PRAGMA application_id = " + std::to_string(kApplicationId)));
    return Exec(db, "PRAGMA user_version = " + std::to_string(to_version));
  });
}

// Why a store that was to be created could not be: its folder is missing or not
// writable (SQLite says only "unable to open database file"). Empty when neither.
std::string FolderProblem(const std::string& path, int flags) {
  if (!(flags & SQLITE_OPEN_CREATE)) return "";
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) {
    return "; the folder " + folder.string() + " does not exist: create it, or choose another "
           "store path (--db PATH or DEFCOOP_DB)";
  }
  if (::access(folder.c_str(), W_OK) != 0) {
    return "; the folder " + folder.string() + " is not writable (" + std::strerror(errno) +
           "): choose a store path in a folder you can write (--db PATH or DEFCOOP_DB)";
  }
  return "";
}

Result<sqlite3*> OpenConnection(const std::string& path, int flags) {
  InstallFaultInjectionFromEnvironment();
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Io("cannot open the store " + path + ": " + message +
                      FolderProblem(path, flags));
  }
  sqlite3_busy_timeout(db, BusyTimeoutMs());
  return db;
}

// Write-ahead logging: readers (`defcoop serve`) see a consistent snapshot while an
// import writes, and a writer that is killed leaves nothing a reader must roll back.
// A store in use by readers of an older defcoop may refuse the switch for now: it stays
// in rollback mode, where every write is still atomic, and switches on a later write.
void UseWriteAheadLog(sqlite3* db) { Exec(db, "PRAGMA journal_mode = WAL"); }

// A journal or write-ahead log beside the store: a write was cut short (killed, full
// disk) or a writer is running.
bool HasLeftoverJournal(const std::string& path) {
  return fs::exists(path + "-journal") || fs::exists(path + "-wal");
}

Status CheckBuildComplete(sqlite3* db, const std::string& path) {
  Status status;
  if (ReadPragma(db, "user_version", &status) < kFirstVersionWithState) return Status::Ok();
  Statement complete(db, "SELECT 1 FROM store_state WHERE key = 'curated_complete'");
  if (complete.Step()) return Status::Ok();
  if (!complete.status().ok()) return complete.status();
  return Status::Store(path +
                       " is an unfinished store: the `defcoop init` that built it did not "
                       "complete (it was stopped or failed); run `defcoop init` again");
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
  if ((flags & SQLITE_OPEN_READWRITE) != 0) UseWriteAheadLog(db);
  if (version < target) {
    if ((flags & SQLITE_OPEN_READWRITE) == 0)
      return fail(Status::Internal("migration needs write access"));
    status = Migrate(db, version, target);
    if (!status.ok()) return fail(status);
  }
  Exec(db, "PRAGMA foreign_keys = ON");
  return db;
}

// Opens read-only. A journal left by a writer that was killed mid-write is rolled back
// first (through a writable connection: a read-only one cannot), so the store reads as
// it was before that write.
Result<sqlite3*> OpenReadOnly(const std::string& path) {
  Result<sqlite3*> db = OpenAndCheck(path, SQLITE_OPEN_READONLY, 0, false);
  if (db.ok() || !HasLeftoverJournal(path)) return db;
  Result<sqlite3*> writer = OpenAndCheck(path, SQLITE_OPEN_READWRITE, 0, false);
  if (!writer.ok()) {
    return Status::Store(path + " has an unfinished write (its journal " + path +
                         "-journal or -wal was left by a defcoop that stopped mid-write) and "
                         "recovering it needs write access: " + writer.status().message());
  }
  sqlite3_close(*writer);
  return OpenAndCheck(path, SQLITE_OPEN_READONLY, 0, false);
}

// Removes a database file with its journals (a failed or abandoned build).
void RemoveStoreFiles(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
}

// Removes "PATH.building-PID" files of builds whose process is gone (killed mid-build).
void RemoveAbandonedBuilds(const std::string& path) {
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string prefix = target.filename().string() + ".building-";
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) {
      continue;  // a journal ("-wal", "-shm", "-journal") goes with its database
    }
    pid_t pid = static_cast<pid_t>(std::stol(pid_text));
    if (::kill(pid, 0) != 0 && errno == ESRCH) RemoveStoreFiles(entry.path().string());
  }
}

// Makes a rename in `dir` durable.
void SyncDirectory(const fs::path& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Renames the complete store `built` over `path`. Journals beside `path` that belong to
// no store (their store was deleted) must go first: SQLite would apply them to the new one.
Status MoveIntoPlace(const std::string& built, const std::string& path) {
  std::error_code error;
  if (!fs::exists(path)) {
    for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(path + suffix, error);
  }
  fs::rename(built, path, error);
  if (error) return Status::Io("cannot move the new store into place at " + path + ": " +
                               error.message());
  SyncDirectory(fs::path(path).parent_path());
  return Status::Ok();
}

int WriteFlags(OpenMode mode) {
  return SQLITE_OPEN_READWRITE | (mode == OpenMode::kCreate ? SQLITE_OPEN_CREATE : 0);
}

// Read-only at schema `target`: an older store is migrated once through a writable
// connection, then reopened read-only.
Result<sqlite3*> OpenReadOnlyAtVersion(const std::string& path, int target) {
  Result<sqlite3*> db = OpenReadOnly(path);
  if (!db.ok()) return db;
  Status status;
  if (ReadPragma(*db, "user_version", &status) >= target) return db;
  sqlite3_close(*db);
  Result<sqlite3*> upgraded = OpenAndCheck(path, SQLITE_OPEN_READWRITE, target, false);
  if (!upgraded.ok()) return upgraded.status();
  sqlite3_close(*upgraded);
  return OpenReadOnly(path);
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
  Result<sqlite3*> db = mode == OpenMode::kReadOnly ? OpenReadOnlyAtVersion(path, target)
                                                    : OpenAndCheck(path, WriteFlags(mode), target,
                                                                   mode == OpenMode::kCreate);
  if (!db.ok()) return db.status();
  auto store = std::unique_ptr<Store>(new Store(*db));
  if (mode == OpenMode::kCreate) return store;
  DEFCOOP_RETURN_IF_ERROR(CheckBuildComplete(*db, path));
  return store;
}

Store::~Store() { sqlite3_close(db_); }

Status Store::Build(const std::string& path, const Dataset& data, const NameFolds& folds) {
  RemoveAbandonedBuilds(path);
  std::string building = path + ".building-" + std::to_string(::getpid());
  RemoveStoreFiles(building);
  Status status = [&]() -> Status {
    auto store = Open(building, OpenMode::kCreate);
    if (!store.ok()) return store.status();
    DEFCOOP_RETURN_IF_ERROR((*store)->ReplaceCurated(data, folds));
    return (*store)->Seal();
  }();
  if (status.ok()) status = MoveIntoPlace(building, path);
  if (!status.ok()) RemoveStoreFiles(building);
  return status;
}

Status Store::Seal() {
  // Leaving WAL mode checkpoints every page into the main file and deletes the log; it
  // fails (and says so) rather than leave pages behind.
  std::string mode;
  {
    Statement to_rollback(db_, "PRAGMA journal_mode = DELETE");
    if (to_rollback.Step()) mode = to_rollback.Text(0);
    if (!to_rollback.status().ok()) return to_rollback.status();
  }  // finalized: an unfinished statement would keep the next switch from happening
  if (mode != "delete") return Status::Io("cannot finish writing the store: the log stays");
  UseWriteAheadLog(db_);
  return Status::Ok();
}

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
