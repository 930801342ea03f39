// Outputs that must not hurt: an output file option (--rejects, --out, --pdf, --graphml,
// --gexf, --edges) naming the store, its journal or the input is refused before anything
// is written; a write that fails (a full device) is an error with exit 1, never exit 0;
// and `query` runs exactly one statement, stops a statement that never ends, and
// streams its rows in constant memory. The real binary on real stores.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

// A small SIPRI TIV table (11 KB): an import that takes a moment.
const std::string kTable = std::string(DEFCOOP_SHARED_DATA_DIR) +
                           "/sipri/Andrei-Teodor-Petre__InfoVizProject/export-values_1990-2023.csv";

class OutputCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    shared_db_ = (fs::temp_directory_path() /
                  ("defcoop-output-" + std::to_string(::getpid()) + "-shared.db"))
                     .string();
    ASSERT_EQ(RunDefcoop("init", shared_db_).exit_code, 0);
  }
  static void TearDownTestSuite() { fs::remove(shared_db_); }

  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("defcoop-output-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "store.db").string();
    fs::copy_file(shared_db_, db_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandResult Run(const std::string& args) { return RunDefcoop(args, db_); }

  // Runs `defcoop ARGS` with stdout going where `stdout_target` says (a shell word).
  CommandResult RunTo(const std::string& args, const std::string& stdout_target) {
    std::string err = (dir_ / "stderr.txt").string();
    std::string command = "DEFCOOP_DB='" + db_ + "' '" + DEFCOOP_BIN + "' " + args + " >" +
                          stdout_target + " 2>'" + err + "'";
    int status = std::system(command.c_str());
    CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = ReadText(err);
    return result;
  }

  void ExpectRefusedAndStoreUnchanged(const std::string& args, const std::string& what) {
    std::string before = ReadText(db_);
    CommandResult result = Run(args);
    EXPECT_EQ(result.exit_code, 2) << args << "\n" << result.err;
    EXPECT_NE(result.err.find(what), std::string::npos) << args << "\n" << result.err;
    EXPECT_NE(result.err.find("choose another file"), std::string::npos) << result.err;
    EXPECT_TRUE(ReadText(db_) == before) << args << ": the store changed";
  }

  static inline std::string shared_db_;
  fs::path dir_;
  std::string db_;
};

TEST_F(OutputCliTest, RejectsFileThatIsTheStoreIsRefusedBeforeItIsTruncated) {
  if (!fs::exists(kTable)) GTEST_SKIP() << "no SIPRI data in ../shared";
  ExpectRefusedAndStoreUnchanged("import sipri '" + kTable + "' --rejects '" + db_ + "'",
                                 "is the store");
}

TEST_F(OutputCliTest, OutputThroughASymlinkOrAnotherSpellingOfTheStoreIsRefused) {
  fs::path link = dir_ / "innocent.csv";
  fs::create_symlink(db_, link);
  ExpectRefusedAndStoreUnchanged("network --years 2010-2020 --graphml '" + link.string() + "'",
                                 "is the store");
  std::string other_spelling = (dir_ / "." / ".." / dir_.filename() / "store.db").string();
  ExpectRefusedAndStoreUnchanged("report --out '" + other_spelling + "'", "is the store");
}

TEST_F(OutputCliTest, OutputOnTheStoresJournalOrWalIsRefused) {
  ExpectRefusedAndStoreUnchanged("network --years 2010-2020 --edges '" + db_ + "-journal'",
                                 "is the store");
  ExpectRefusedAndStoreUnchanged("network --years 2010-2020 --gexf '" + db_ + "-wal'",
                                 "is the store");
}

TEST_F(OutputCliTest, RejectsFileThatIsTheImportedInputIsRefused) {
  if (!fs::exists(kTable)) GTEST_SKIP() << "no SIPRI data in ../shared";
  ExpectRefusedAndStoreUnchanged("import sipri '" + kTable + "' --rejects '" + kTable + "'",
                                 "is the input");
}

TEST_F(OutputCliTest, PdfThatIsTheHtmlItIsPrintedFromIsRefused) {
  std::string html = (dir_ / "brief.html").string();
  ExpectRefusedAndStoreUnchanged("report --out '" + html + "' --pdf '" + html + "'",
                                 "is the input");
}

TEST_F(OutputCliTest, RejectsOnAFullDeviceFailsAndImportsNothing) {
  if (!fs::exists(kTable) || !fs::exists("/dev/full")) GTEST_SKIP() << "no data or /dev/full";
  std::string before = ReadText(db_);
  CommandResult result = Run("import sipri '" + kTable + "' --rejects /dev/full");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("cannot write /dev/full (No space left on device)"), std::string::npos)
      << result.err;
  EXPECT_TRUE(ReadText(db_) == before) << "the store changed";
}

TEST_F(OutputCliTest, StdoutOnAFullDeviceExitsOneWithAClearLine) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  for (const char* args :
       {"--format json claims", "--format csv query \"SELECT * FROM actor\"", "resolve Turkey"}) {
    CommandResult result = RunTo(args, "/dev/full");
    EXPECT_EQ(result.exit_code, 1) << args << ": " << result.err;
    EXPECT_NE(result.err.find("cannot write the output: No space left on device"),
              std::string::npos)
        << args << ": " << result.err;
  }
}

TEST_F(OutputCliTest, GraphmlOnAFullDeviceFailsNamingTheFile) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  CommandResult result = Run("network --years 2010-2020 --layers agreements --graphml /dev/full");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("cannot write /dev/full: No space left on device"), std::string::npos)
      << result.err;
}

TEST_F(OutputCliTest, QueryWithASecondStatementIsRefusedNotHalfRun) {
  CommandResult result = Run("query \"SELECT 1; DELETE FROM actor\"");
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("holds more than one"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("DELETE FROM actor"), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");
  // One statement with a trailing semicolon and comment is one statement.
  CommandResult one = Run("--format csv query \"SELECT 1 AS n; -- the answer\"");
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, "n\n1\n");
}

TEST_F(OutputCliTest, QueryThatNeverEndsIsStoppedAtTheTimeout) {
  CommandResult result =
      Run("query --timeout 1 \"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
          "SELECT count(*) FROM c\"");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("the query ran longer than 1 s and was stopped"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("--timeout SECONDS"), std::string::npos) << result.err;
}

TEST_F(OutputCliTest, QueryJsonIsStreamedAndStillOneDocument) {
  CommandResult result = Run(
      "--format json query \"SELECT id, name FROM actor WHERE id IN ('TUR', 'AZE') ORDER BY id\"");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json["rows"].size(), 2u);
  EXPECT_EQ(json["rows"][0]["id"], "AZE");
  EXPECT_EQ(json["meta"]["rows"], 2);
  CommandResult empty = Run("--format json query \"SELECT id FROM actor WHERE 0\"");
  EXPECT_EQ(nlohmann::json::parse(empty.out)["rows"].size(), 0u) << empty.out;
}

// 2,000,000 rows of 200 characters (400 MB of CSV): buffered whole this took gigabytes;
// streamed, the process stays far below the limit.
TEST_F(OutputCliTest, QueryStreamsLargeAnswersInConstantMemory) {
  if (!fs::exists("/usr/bin/time")) GTEST_SKIP() << "no /usr/bin/time";
  std::string rss = (dir_ / "rss.txt").string();
  std::string command =
      "DEFCOOP_DB='" + db_ + "' /usr/bin/time -f %M -o '" + rss + "' '" + DEFCOOP_BIN +
      "' --format csv query \"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
      "LIMIT 2000000) SELECT x, printf('%.200c', 'y') AS pad FROM c\" | wc -c >'" +
      (dir_ / "bytes.txt").string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_GT(std::stoll(ReadText((dir_ / "bytes.txt").string())), 400'000'000);
  long max_rss_kb = std::stol(ReadText(rss));
  constexpr long kMaxRssKb = 200 * 1024;
  EXPECT_LT(max_rss_kb, kMaxRssKb) << "peak RSS " << max_rss_kb << " KB";
}

}  // namespace
}  // namespace defcoop::testing
