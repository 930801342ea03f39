// `defcoop import dcad` and `defcoop dca` end to end: the real binary on the real DCAD
// main file in ../shared/data (never copied into the repository). Expected agreements
// are read from the file itself here, independently of the reader under test.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kDcad =
    std::string(DEFCOOP_SHARED_DATA_DIR) + "/alliances_dca/DCAD-v1.0-main.csv";

std::string TempPath(const std::string& name) {
  return (fs::temp_directory_path() /
          ("defcoop-dcad-cli-" + std::to_string(::getpid()) + "-" + name))
      .string();
}

// DCAids of the rows whose COW codes are `one` and any of `others` (either order),
// read with a plain split: the first four and the last field hold no commas.
std::set<std::string> IdsFromFile(int one, const std::set<int>& others) {
  std::ifstream in(kDcad);
  std::string line;
  std::getline(in, line);
  std::set<std::string> ids;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string c1, n1, c2;
    std::getline(fields, c1, ',');
    std::getline(fields, n1, ',');
    std::getline(fields, c2, ',');
    int a = std::stoi(c1), b = std::stoi(c2);
    if ((a == one && others.count(b)) || (b == one && others.count(a)))
      ids.insert(line.substr(line.rfind(',') + 1));
  }
  return ids;
}

class DcadCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kDcad)) return;
    db_ = TempPath("store.db");
    fs::remove(db_);
    ASSERT_EQ(RunDefcoop("init", db_).exit_code, 0);
    import_ = RunDefcoop("--format json import dcad '" + kDcad + "'", db_);
  }
  static void TearDownTestSuite() { fs::remove(db_); }

  void SetUp() override {
    if (!fs::exists(kDcad)) GTEST_SKIP() << kDcad << " is not there";
  }

  static inline std::string db_;
  static inline CommandResult import_;
};

TEST_F(DcadCliTest, ImportLoadsEveryRowOrSaysWhyNot) {
  ASSERT_EQ(import_.exit_code, 0) << import_.err;
  auto json = nlohmann::json::parse(import_.out);
  EXPECT_EQ(json["meta"]["records_read"], 1871);
  EXPECT_EQ(json["meta"]["imported"], 1868);
  EXPECT_EQ(json["meta"]["rejected"], 3);
  EXPECT_EQ(json["meta"]["repaired"], 1);
  EXPECT_EQ(json["meta"]["unresolved_codes"], 0);
  EXPECT_NE(import_.err.find("DCAD-v1.0-main.csv:293: rejected: ccode1 and ccode2 are both 145"),
            std::string::npos)
      << import_.err;
  // The same bytes again change nothing.
  CommandResult again = RunDefcoop("import dcad '" + kDcad + "'", db_);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.err.find("already imported"), std::string::npos);
  auto count = RunDefcoop("--format csv query \"SELECT count(*) AS n FROM dca\"", db_);
  EXPECT_EQ(count.out, "n\n1868\n");
}

TEST_F(DcadCliTest, ListsTurkiyesAgreementsWithTheTurkicStates) {
  CommandResult result = RunDefcoop(
      "--format json dca --actor Türkiye --with Azerbaijan Kazakhstan Kyrgyzstan Uzbekistan "
      "Turkmenistan",
      db_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  std::set<std::string> ids;
  std::string previous;
  for (const auto& row : json["rows"]) {
    ids.insert(row["dcad_id"]);
    EXPECT_GE(row["signed"].get<std::string>(), previous);  // by signing date
    previous = row["signed"];
  }
  EXPECT_EQ(ids, IdsFromFile(640, {373, 705, 703, 704, 701}));
  EXPECT_EQ(json["meta"]["agreements"], ids.size());
  EXPECT_EQ(json["meta"]["sources"], nlohmann::json::array({"kinne2020-dcad"}));
}

TEST_F(DcadCliTest, CountsByYearListEveryYearOfTheRange) {
  auto result = RunDefcoop(
      "--format csv --no-meta dca --actor TUR --with KAZ --by year --years 1992-1997", db_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // Türkiye–Kazakhstan: 1993, 1994 and two on 1996-09-03 (DCAD rows 1723–1726).
  EXPECT_EQ(result.out, "year,agreements\n1992,0\n1993,1\n1994,1\n1995,0\n1996,2\n1997,0\n");
}

TEST_F(DcadCliTest, TheSovietUnionAndRussiaShareACowCodeAndAreToldApartByDate) {
  auto json = nlohmann::json::parse(
      RunDefcoop("--format json query \"SELECT DISTINCT actor1_id AS a, actor2_id AS b, "
                 "substr(signed, 1, 4) < '1992' AS early FROM dca WHERE cow1 = 365 OR cow2 = 365\"",
                 db_)
          .out);
  ASSERT_FALSE(json["rows"].empty());
  for (const auto& row : json["rows"]) {
    bool early = row["early"] == "1";
    bool soviet = row["a"] == "SUN" || row["b"] == "SUN";
    bool russia = row["a"] == "RUS" || row["b"] == "RUS";
    EXPECT_EQ(soviet, early) << row;
    EXPECT_EQ(russia, !early) << row;
  }
}

// `shock --source dcad` counts DCAD's agreements instead of the curated facts: every
// agreement it places is one of the dyad's in the file, and its coverage counts them all.
TEST_F(DcadCliTest, ShockRunsOnDcadAgreements) {
  CommandResult result = RunDefcoop(
      "--format json shock --source dcad --date 1996-01-01 --window 36m --actor Türkiye --with "
      "Azerbaijan Kazakhstan Kyrgyzstan Uzbekistan Turkmenistan",
      db_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  std::set<std::string> expected = IdsFromFile(640, {373, 705, 703, 704, 701});
  size_t placed = 0;
  for (const auto& row : json["rows"]) {
    for (const auto& id : row["events"]) {
      EXPECT_TRUE(expected.count(id.get<std::string>())) << id;
      ++placed;
    }
  }
  EXPECT_GT(placed, 0u);
  EXPECT_EQ(json["meta"]["source"], "dcad");
  EXPECT_EQ(json["meta"]["sources"], nlohmann::json::array({"kinne2020-dcad"}));
  EXPECT_EQ(json["meta"]["coverage"]["records"]["agreements"], expected.size());
  EXPECT_EQ(json["meta"]["coverage"]["sources"], 1);
  EXPECT_NE(json["meta"]["coverage"]["note"].get<std::string>().find("DCAD"), std::string::npos);
  // DCAD has no curated types to select.
  EXPECT_EQ(RunDefcoop("shock --source dcad --date 1996 --type visit", db_).exit_code, 2);
  // Regression: a date after DCAD's last year counted zeros DCAD never recorded.
  CommandResult outside = RunDefcoop("shock --source dcad --date 2022-02-24", db_);
  EXPECT_EQ(outside.exit_code, 1);
  EXPECT_NE(outside.err.find("where DCAD has no record"), std::string::npos) << outside.err;
  EXPECT_EQ(RunDefcoop("shock --source gdelt --date 1996", db_).exit_code, 2);
}

TEST_F(DcadCliTest, AFileThatIsNotDcadIsOneClearErrorAndChangesNothing) {
  std::string other = TempPath("other.csv");
  std::ofstream(other) << "Deal ID,Supplier\n1,France\n";
  std::string before = ReadText(db_);
  CommandResult result = RunDefcoop("import dcad '" + other + "'", db_);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("not a DCAD v1.0 main file"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("terminate"), std::string::npos);
  EXPECT_EQ(ReadText(db_), before);
  fs::remove(other);
}

TEST(DcadCliEmptyStoreTest, DcaWithoutImportSaysHowToImport) {
  std::string db = TempPath("empty.db");
  fs::remove(db);
  ASSERT_EQ(RunDefcoop("init", db).exit_code, 0);
  CommandResult result = RunDefcoop("dca --actor TUR", db);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("import dcad"), std::string::npos) << result.err;
  fs::remove(db);
}

}  // namespace
}  // namespace defcoop::testing
