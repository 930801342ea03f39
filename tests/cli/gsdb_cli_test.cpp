// `defcoop import gsdb`, `defcoop sanctions` and the GSDB rows of `defcoop embargoes`
// end to end: the real binary on the real GSDB V3 file in ../shared/data (never copied
// into the repository). Expected cases are read from the file itself here.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kGsdb = std::string(DEFCOOP_SHARED_DATA_DIR) + "/sanctions/GSDB_V3.csv";

std::string TempPath(const std::string& name) {
  return (fs::temp_directory_path() /
          ("defcoop-gsdb-cli-" + std::to_string(::getpid()) + "-" + name))
      .string();
}

// Case ids whose sanctioned_state is exactly `target` (its second field, never quoted
// when it is a single name), read with a plain split.
std::set<int> CasesAgainst(const std::string& target) {
  std::ifstream in(kGsdb);
  std::string line;
  std::getline(in, line);
  std::set<int> ids;
  while (std::getline(in, line)) {
    size_t first = line.find(',');
    size_t second = line.find(',', first + 1);
    if (line.substr(first + 1, second - first - 1) == target)
      ids.insert(std::stoi(line.substr(0, first)));
  }
  return ids;
}

nlohmann::json Json(const std::string& args, const std::string& db) {
  CommandResult result = RunDefcoop("--format json " + args, db);
  EXPECT_EQ(result.exit_code, 0) << args << ": " << result.err;
  return result.exit_code == 0 ? nlohmann::json::parse(result.out) : nlohmann::json::object();
}

class GsdbCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kGsdb)) return;
    db_ = TempPath("store.db");
    fs::remove(db_);
    ASSERT_EQ(RunDefcoop("init", db_).exit_code, 0);
    import_ = RunDefcoop("--format json import gsdb '" + kGsdb + "'", db_);
  }
  static void TearDownTestSuite() { fs::remove(db_); }

  void SetUp() override {
    if (!fs::exists(kGsdb)) GTEST_SKIP() << kGsdb << " is not there";
  }

  static inline std::string db_;
  static inline CommandResult import_;
};

TEST_F(GsdbCliTest, ImportLoadsEveryCaseAndNamesWhatItCouldNotResolve) {
  ASSERT_EQ(import_.exit_code, 0) << import_.err;
  auto json = nlohmann::json::parse(import_.out);
  EXPECT_EQ(json["meta"]["records_read"], 1325);
  EXPECT_EQ(json["meta"]["imported"], 1325);
  EXPECT_EQ(json["meta"]["rejected"], 0);
  EXPECT_EQ(json["meta"]["repaired"], 1);  // case 1275: one outcome for two objectives
  EXPECT_NE(import_.err.find("GSDB_V3.csv:1276: repaired"), std::string::npos) << import_.err;
  // Organizations GSDB names that the store does not define are reported, not dropped.
  EXPECT_NE(import_.err.find("unresolved name 'EEC'"), std::string::npos) << import_.err;
  EXPECT_EQ(RunDefcoop("--format csv query \"SELECT count(*) AS n FROM sanction_case\"", db_).out,
            "n\n1325\n");
}

TEST_F(GsdbCliTest, SanctionsOnTurkiyeAreTheCasesTheFileNames) {
  auto json = Json("sanctions --target Türkiye", db_);
  std::set<int> ids;
  for (const auto& row : json["rows"]) ids.insert(row["case"].get<int>());
  EXPECT_EQ(ids, CasesAgainst("Turkey"));
  EXPECT_EQ(json["meta"]["sources"], nlohmann::json::array({"gsdb-v3"}));
}

TEST_F(GsdbCliTest, TheUsEmbargoOf1975IsRecordedByTwoCasesAndTheCanadianOneByNone) {
  auto json = Json("embargoes --target Türkiye", db_);
  EXPECT_EQ(json["meta"]["gsdb"], "used");
  std::map<std::string, std::set<int>> cases;
  std::map<std::string, int> rows;
  for (const auto& row : json["rows"]) {
    if (row["row"] != "gsdb_case") continue;
    ++rows[row["embargo"]];
    if (row.contains("case")) cases[row["embargo"]].insert(row["case"].get<int>());
  }
  EXPECT_EQ(cases["emb:usa-1975"], (std::set<int>{183, 196}));
  EXPECT_TRUE(cases["emb:can-2020"].empty());
  EXPECT_EQ(rows["emb:can-2020"], 1);  // the row saying no case records it
}

TEST(GsdbCliEmptyStoreTest, WithoutAnImportSanctionsSaysHowAndEmbargoesSaySoInMeta) {
  std::string db = TempPath("empty.db");
  fs::remove(db);
  ASSERT_EQ(RunDefcoop("init", db).exit_code, 0);
  CommandResult result = RunDefcoop("sanctions --target TUR", db);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("import gsdb"), std::string::npos) << result.err;
  auto json = nlohmann::json::parse(RunDefcoop("--format json embargoes --target TUR", db).out);
  EXPECT_EQ(json["meta"]["gsdb"], "missing");
  for (const auto& row : json["rows"]) EXPECT_NE(row["row"], "gsdb_case");
  std::string other = TempPath("other.csv");
  std::ofstream(other) << "a,b\n1,2\n";
  std::string before = ReadText(db);
  result = RunDefcoop("import gsdb '" + other + "'", db);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("not a GSDB V3 case file"), std::string::npos) << result.err;
  EXPECT_EQ(ReadText(db), before);
  fs::remove(other);
  fs::remove(db);
}

}  // namespace
}  // namespace defcoop::testing
