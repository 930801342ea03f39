// The store's reliability end to end, with real processes: `init` and `import sipri`
// killed at every write (DEFCOOP_FAULT=kill-at-write:K, src/store/fault_vfs.h) and after
// a delay (SIGKILL from here), failed writes and syncs, a full disk, a journal left
// behind, and two writers at once. After each, the store must be the old one or the
// complete new one, with `PRAGMA integrity_check` = ok, and readable by every command.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "run_defcoop.h"

extern char** environ;

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kSmallData = std::string(DEFCOOP_TEST_DIR) + "/../fixtures/curated-small";
constexpr int kKilled = 128 + SIGKILL;  // the shell's exit code for a child killed by SIGKILL

// An invented SIPRI register in the new format (one line per deal), `deals` lines long.
std::string InventedRegister(int deals) {
  std::string text =
      "Transfers of major conventional arms from All countries to All countries.\n"
      "Source: SIPRI Arms Transfers Database (c) SIPRI.\n"
      "Data generated: 13 Mar 2025 10:02:49 AM\n"
      "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order "
      "date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery "
      "year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery "
      "values,Local production\n";
  for (int deal = 1; deal <= deals; ++deal) {
    text += std::to_string(deal) + ",Turkiye,Azerbaijan,Invented design " +
            std::to_string(deal) + ",armoured vehicle with a long description " +
            std::string(deal % 50, 'x') + ",Armoured vehicles,2019,No,2,No," +
            std::to_string(2000 + deal % 24) + ",No,New,1,1,2,No\n";
  }
  return text;
}

// The next write to kill at: every one of the first 40 (opening, the first pages, the
// journal's header), then every 4th, to keep the suite quick.
int NextKillPoint(int write) { return write < 40 ? write + 1 : write + 4; }

// Sets an environment variable for the commands run while it lives.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { ::unsetenv(name_); }

 private:
  const char* name_;
};

class StoreCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("defcoop-store-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "store.db").string();
    register_ = (dir_ / "register.csv").string();
    std::ofstream(register_) << InventedRegister(kDeals);
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandResult Run(const std::string& args) { return RunDefcoop(args, db_); }

  // The answer of a read-only query (first column of the first row), "" when it fails.
  std::string Ask(const std::string& sql) {
    CommandResult result = Run("--format csv query \"" + sql + "\"");
    EXPECT_EQ(result.exit_code, 0) << sql << ": " << result.err;
    size_t newline = result.out.find('\n');
    if (result.exit_code != 0 || newline == std::string::npos) return "";
    std::string value = result.out.substr(newline + 1);
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
    return value;
  }

  // Every command can read the store and SQLite finds it intact.
  void ExpectIntactStore() {
    EXPECT_EQ(Ask("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(Run("vintages").exit_code, 0);
  }

  void SaveBase() { fs::copy_file(db_, base_path(), fs::copy_options::overwrite_existing); }
  void RestoreBase() {
    for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(db_ + suffix);
    fs::copy_file(base_path(), db_, fs::copy_options::overwrite_existing);
  }
  std::string base_path() const { return (dir_ / "base.db").string(); }

  static constexpr int kDeals = 400;
  fs::path dir_;
  std::string db_;
  std::string register_;
};

// Regression: an init killed between its transactions left a store that looked valid.
TEST_F(StoreCliTest, FreshInitKilledAtAnyWriteLeavesNoStoreOrACompleteOne) {
  int kill_points = 0;
  for (int write = 1;; write = NextKillPoint(write)) {
    fs::remove(db_);
    ScopedEnv fault("DEFCOOP_FAULT", "kill-at-write:" + std::to_string(write));
    CommandResult init = Run("init --data '" + kSmallData + "'");
    if (init.exit_code != kKilled) {
      ASSERT_EQ(init.exit_code, 0) << init.err;
      break;
    }
    ++kill_points;
    ASSERT_FALSE(fs::exists(db_)) << "a half-built store after a kill at write " << write;
  }
  EXPECT_GT(kill_points, 10);
  ExpectIntactStore();
  EXPECT_EQ(Ask("SELECT count(*) FROM claim"), "1");
  // The temporary files of the killed builds went with the build that succeeded.
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".building-"), std::string::npos)
        << entry.path();
  }
  std::cout << "fresh init: killed at " << kill_points << " writes\n";
}

TEST_F(StoreCliTest, InitOverAStoreKilledAtAnyWriteLeavesTheOldOrTheNewData) {
  ASSERT_EQ(Run("init --data '" + kSmallData + "'").exit_code, 0);
  ASSERT_EQ(Run("import sipri '" + register_ + "'").exit_code, 0);
  fs::path changed = dir_ / "changed-data";
  fs::copy(kSmallData, changed);
  std::ofstream(changed / "claims.csv", std::ios::app)
      << "claim:second,A second claim.,Azerbaijan,date,table=events;id=event:war,2020-09,,,"
         "article[Azerbaijan]\n";
  SaveBase();
  int kill_points = 0;
  for (int write = 1;; write = NextKillPoint(write)) {
    RestoreBase();
    CommandResult init;
    {
      ScopedEnv fault("DEFCOOP_FAULT", "kill-at-write:" + std::to_string(write));
      init = Run("init --data '" + changed.string() + "'");
    }
    std::string claims = Ask("SELECT count(*) FROM claim");
    EXPECT_TRUE(claims == "1" || claims == "2") << "after a kill at write " << write;
    EXPECT_EQ(Ask("SELECT count(*) FROM transfer"), std::to_string(kDeals));
    ExpectIntactStore();
    if (init.exit_code != kKilled) {
      ASSERT_EQ(init.exit_code, 0) << init.err;
      EXPECT_EQ(claims, "2");
      break;
    }
    ++kill_points;
  }
  EXPECT_GT(kill_points, 3);
  std::cout << "init over a store: killed at " << kill_points << " writes\n";
}

// Regression: after kill -9 during an import, the journal left behind made every
// read-only command say "not a defcoop store".
TEST_F(StoreCliTest, ImportKilledAtAnyWriteLeavesTheOldOrTheNewStoreReadable) {
  ASSERT_EQ(Run("init --data '" + kSmallData + "'").exit_code, 0);
  SaveBase();
  int kill_points = 0;
  int left_journals = 0;
  for (int write = 1;; write = NextKillPoint(write)) {
    RestoreBase();
    CommandResult import;
    {
      ScopedEnv fault("DEFCOOP_FAULT", "kill-at-write:" + std::to_string(write));
      import = Run("import sipri '" + register_ + "'");
    }
    left_journals += fs::exists(db_ + "-wal") || fs::exists(db_ + "-journal") ? 1 : 0;
    std::string transfers = Ask("SELECT count(*) FROM transfer");
    EXPECT_TRUE(transfers == "0" || transfers == std::to_string(kDeals))
        << transfers << " transfers after a kill at write " << write;
    ExpectIntactStore();
    if (import.exit_code != kKilled) {
      ASSERT_EQ(import.exit_code, 0) << import.err;
      EXPECT_EQ(transfers, std::to_string(kDeals));
      break;
    }
    ++kill_points;
  }
  EXPECT_GT(kill_points, 10);
  EXPECT_GT(left_journals, 0);
  std::cout << "import: killed at " << kill_points << " writes, " << left_journals
            << " left a journal\n";
}

// An older store in rollback-journal mode, with a hot journal left by a killed writer:
// a read-only command rolls it back instead of calling the file "not a defcoop store".
TEST_F(StoreCliTest, HotRollbackJournalIsRolledBackByAReadOnlyCommand) {
  ASSERT_EQ(Run("init --data '" + kSmallData + "'").exit_code, 0);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // A writer that dies holding a half-written transaction (cache spill to the file).
    sqlite3* writer = nullptr;
    sqlite3_open(db_.c_str(), &writer);
    sqlite3_exec(writer, "PRAGMA cache_size = 1; BEGIN; DELETE FROM actor_name;", nullptr,
                 nullptr, nullptr);
    ::raise(SIGKILL);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  ASSERT_TRUE(fs::exists(db_ + "-journal"));
  EXPECT_NE(Ask("SELECT count(*) FROM actor_name"), "0");
  ExpectIntactStore();
}

// Starts `defcoop ARGS...` (fork and exec, output to /dev/null) and returns its pid.
pid_t Spawn(const std::vector<std::string>& args) {
  std::string bin = DEFCOOP_BIN;
  std::vector<char*> argv = {bin.data()};
  std::vector<std::string> copies = args;
  for (std::string& arg : copies) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int error = ::posix_spawn(&pid, bin.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return error == 0 ? pid : -1;
}

// Fork and exec the real binary, SIGKILL it after a delay: the kill lands wherever the
// import happens to be (parsing, resolving, writing, committing), not only at a write.
TEST_F(StoreCliTest, ImportKilledAfterADelayLeavesTheOldOrTheNewStore) {
  constexpr int kBigDeals = 20000;  // an import of ~0.7 s
  std::string big = (dir_ / "big.csv").string();
  std::ofstream(big) << InventedRegister(kBigDeals);
  ASSERT_EQ(Run("init --data '" + kSmallData + "'").exit_code, 0);
  SaveBase();
  int old_stores = 0;
  int new_stores = 0;
  for (int delay_ms = 0; delay_ms <= 1000; delay_ms += 40) {
    RestoreBase();
    pid_t pid = Spawn({"--db=" + db_, "import", "sipri", big});
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::string transfers = Ask("SELECT count(*) FROM transfer");
    EXPECT_TRUE(transfers == "0" || transfers == std::to_string(kBigDeals))
        << transfers << " transfers after a kill at " << delay_ms << " ms";
    (transfers == "0" ? old_stores : new_stores) += 1;
    ExpectIntactStore();
  }
  std::cout << "import killed after a delay: " << old_stores << " old stores, " << new_stores
            << " new stores\n";
}

// Every failed write or sync (including a full disk) gives one clear line and exit 1,
// and leaves the store as it was; or, when it hits the checkpoint after the commit (which
// SQLite retries later), the import has succeeded.
TEST_F(StoreCliTest, FailedWriteOrSyncGivesOneClearErrorAndKeepsTheStore) {
  ASSERT_EQ(Run("init --data '" + kSmallData + "'").exit_code, 0);
  SaveBase();
  struct Plan {
    const char* fault;
    int last;  // the import makes ~100 writes and ~5 syncs
    int step;
  };
  int failed_imports = 0;
  for (const Plan& plan : {Plan{"fail-write", 110, 3}, Plan{"full-at-write", 110, 3},
                           Plan{"fail-sync", 8, 1}}) {
    for (int count = 1; count <= plan.last; count += plan.step) {
      RestoreBase();
      CommandResult import;
      {
        ScopedEnv env("DEFCOOP_FAULT", std::string(plan.fault) + ":" + std::to_string(count));
        import = Run("import sipri '" + register_ + "'");
      }
      std::string where = std::string(plan.fault) + ":" + std::to_string(count);
      std::string transfers = Ask("SELECT count(*) FROM transfer");
      ExpectIntactStore();
      if (import.exit_code == 0) {
        EXPECT_EQ(transfers, std::to_string(kDeals)) << where;
        continue;
      }
      ++failed_imports;
      EXPECT_EQ(import.exit_code, 1) << where << ": " << import.err;
      EXPECT_EQ(transfers, "0") << where;
      EXPECT_EQ(import.err.find("internal error"), std::string::npos) << import.err;
      EXPECT_EQ(import.err.rfind("defcoop: error: ", 0), 0u) << import.err;
      if (std::string(plan.fault) == "full-at-write") {
        EXPECT_NE(import.err.find("disk is full"), std::string::npos) << import.err;
      }
    }
  }
  EXPECT_GT(failed_imports, 30);
  std::cout << "import: " << failed_imports << " injected faults made it fail cleanly\n";
}

TEST_F(StoreCliTest, SecondWriterWaitsThenSaysTheStoreIsBusy) {
  ASSERT_EQ(Run("init --data '" + kSmallData + "'").exit_code, 0);
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  {
    ScopedEnv timeout("DEFCOOP_BUSY_TIMEOUT_MS", "300");
    CommandResult import = Run("import sipri '" + register_ + "'");
    EXPECT_EQ(import.exit_code, 1);
    EXPECT_NE(import.err.find("the store is busy: another defcoop is writing to it"),
              std::string::npos)
        << import.err;
    EXPECT_EQ(Run("vintages").exit_code, 0);  // readers are not blocked by a writer
  }
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  EXPECT_EQ(Run("import sipri '" + register_ + "'").exit_code, 0);
  ExpectIntactStore();
}

TEST_F(StoreCliTest, TwoImportsAtOnceBothLand) {
  ASSERT_EQ(Run("init --data '" + kSmallData + "'").exit_code, 0);
  std::string second = (dir_ / "second.csv").string();
  std::string text = InventedRegister(kDeals);
  text.replace(text.find("13 Mar 2025"), 11, "14 Mar 2025");
  std::ofstream(second) << text;
  CommandResult first_result;
  std::thread first([&] { first_result = Run("import sipri '" + register_ + "'"); });
  CommandResult second_result = Run("import sipri '" + second + "'");
  first.join();
  EXPECT_EQ(first_result.exit_code, 0) << first_result.err;
  EXPECT_EQ(second_result.exit_code, 0) << second_result.err;
  EXPECT_EQ(Ask("SELECT count(*) FROM transfer"), std::to_string(2 * kDeals));
  ExpectIntactStore();
}

// Regression: the same register re-saved with a byte-order mark and CRLF line ends was
// imported again and doubled every figure of its vintage.
TEST_F(StoreCliTest, SameRegisterWithBomAndCrlfIsAlreadyImported) {
  ASSERT_EQ(Run("init --data '" + kSmallData + "'").exit_code, 0);
  ASSERT_EQ(Run("import sipri '" + register_ + "'").exit_code, 0);
  std::string text = InventedRegister(kDeals);
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  std::string resaved = (dir_ / "resaved.csv").string();
  std::ofstream(resaved, std::ios::binary) << crlf;
  CommandResult again = Run("import sipri '" + resaved + "'");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err, resaved + ": already imported (the same data as " + register_ +
                           "); nothing changed (pass --replace to import it again)\n");
  EXPECT_EQ(Ask("SELECT count(*) FROM transfer"), std::to_string(kDeals));
}

TEST_F(StoreCliTest, ReplaceImportsTheSameFileAgainInsteadOfAddingIt) {
  ASSERT_EQ(Run("init --data '" + kSmallData + "'").exit_code, 0);
  ASSERT_EQ(Run("import sipri '" + register_ + "'").exit_code, 0);
  CommandResult again = Run("import sipri --replace '" + register_ + "'");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err, register_ + ": replaced 1 earlier import(s)\n");
  EXPECT_EQ(Ask("SELECT count(*) FROM transfer"), std::to_string(kDeals));
  EXPECT_EQ(Ask("SELECT count(*) FROM sipri_file"), "1");
}

// Regression: a store whose build never finished answered "0 supported" with exit 0.
TEST_F(StoreCliTest, UnfinishedStoreIsRefusedUntilInitRunsAgain) {
  ASSERT_EQ(Run("init --data '" + kSmallData + "'").exit_code, 0);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM store_state", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  CommandResult claims = Run("claims");
  EXPECT_EQ(claims.exit_code, 1);
  EXPECT_EQ(claims.err, "defcoop: error: " + db_ +
                            " is an unfinished store: the `defcoop init` that built it did not "
                            "complete (it was stopped or failed); run `defcoop init` again\n");
  EXPECT_EQ(Run("import sipri '" + register_ + "'").exit_code, 1);
  ASSERT_EQ(Run("init --data '" + kSmallData + "'").exit_code, 0);
  EXPECT_EQ(Run("claims").exit_code, 0);
}

// Regression: a 100,000-character unknown recipient made the import take minutes
// (edit distance against every known spelling). Bounded here by a generous deadline.
TEST_F(StoreCliTest, LongUnknownNameDoesNotStallTheImport) {
  ASSERT_EQ(Run("init --data '" + kSmallData + "'").exit_code, 0);
  std::string text = InventedRegister(1);
  text.replace(text.rfind("Azerbaijan"), 10, std::string(100000, 'q'));
  std::string long_name = (dir_ / "long-name.csv").string();
  std::ofstream(long_name) << text;
  pid_t pid = Spawn({"--db=" + db_, "import", "sipri", long_name});
  ASSERT_GT(pid, 0);
  constexpr auto kDeadline = std::chrono::seconds(60);  // the unbounded search took minutes
  auto start = std::chrono::steady_clock::now();
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() - start > kDeadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      FAIL() << "the import did not finish within 60 s";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(Ask("SELECT count(*) FROM transfer WHERE recipient_id IS NULL"), "1");
}

// Regression: `validate FILE` said "the data folder FILE does not exist".
TEST_F(StoreCliTest, ValidateOfAFileSaysItIsNotAFolder) {
  CommandResult validate = Run("validate '" + register_ + "'");
  EXPECT_EQ(validate.exit_code, 1);
  EXPECT_NE(validate.out.find(register_ + " is a file, not a data folder"), std::string::npos)
      << validate.out << validate.err;
}

}  // namespace
}  // namespace defcoop::testing
