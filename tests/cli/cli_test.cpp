// End-to-end tests of the defcoop command line: the real binary, real stores.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(DEFCOOP_TEST_DIR) + "/../fixtures";
const std::string kGolden = std::string(DEFCOOP_TEST_DIR) + "/golden";

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("defcoop-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "test.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandResult Run(const std::string& args, const std::string& cwd = ".") {
    return RunDefcoop(args, db_, cwd);
  }
  void InitShipped() {
    CommandResult init = Run("init");
    ASSERT_EQ(init.exit_code, 0) << init.err;
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(CliTest, ValidateListsEveryDefectAsInTheGoldenFile) {
  CommandResult result = Run("validate curated-defects", kFixtures);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, ReadText(kGolden + "/validate-defects.txt"));
  EXPECT_EQ(result.err, "defcoop: error: 11 problem(s) in curated-defects\n");
}

// Mistakes that teach: the mistyped word is named and the nearest valid one suggested.
TEST_F(CliTest, AMistypedCommandSuggestsTheNearestOne) {
  CommandResult typo = Run("suplliers Azerbaijan");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("unknown command 'suplliers'; did you mean 'suppliers'?"),
            std::string::npos)
      << typo.err;
  CommandResult nested = Run("import sirpi register.csv");
  EXPECT_EQ(nested.exit_code, 2);
  EXPECT_NE(nested.err.find("unknown import subcommand 'sirpi'; did you mean 'sipri'?"),
            std::string::npos)
      << nested.err;
  CommandResult far = Run("frobnicate");
  EXPECT_NE(far.err.find("unknown command 'frobnicate'\n"), std::string::npos) << far.err;
}

TEST_F(CliTest, AMistypedOptionSuggestsTheNearestOne) {
  CommandResult typo = Run("suppliers Azerbaijan --year 2020");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("unknown option '--year' for suppliers; did you mean '--years'?"),
            std::string::npos)
      << typo.err;
}

// Regression: a port in use said only "cannot listen on 127.0.0.1:P".
TEST_F(CliTest, APortInUseSaysTheCauseAndTheFix) {
  InitShipped();
  int holder = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(holder, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(holder, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(holder, 1), 0);
  socklen_t length = sizeof address;
  ASSERT_EQ(::getsockname(holder, reinterpret_cast<sockaddr*>(&address), &length), 0);
  int port = ntohs(address.sin_port);
  CommandResult result = RunDefcoop("serve --web '' --port " + std::to_string(port), db_);
  ::close(holder);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("another program uses the port"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("--port 0"), std::string::npos) << result.err;
}

// Regression: a store in a missing (or read-only) folder said only "unable to open
// database file".
TEST_F(CliTest, AStoreInAMissingFolderSaysSoAndHowToChooseAnother) {
  std::string db = (dir_ / "no-such-folder" / "x.db").string();
  CommandResult result = RunDefcoop("init", db);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("no-such-folder does not exist"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("--db PATH"), std::string::npos) << result.err;
}

// Regression: a date written with slashes was told its month needs 2 digits after '-'.
TEST_F(CliTest, ADateWithSlashesIsShownWithDashes) {
  CommandResult result = RunDefcoop("shock --date 2022/02/24", db_);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("2022-02-24"), std::string::npos) << result.err;
}

TEST_F(CliTest, ValidateAcceptsTheShippedData) {
  CommandResult result = Run("validate");
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_NE(result.out.find(": valid ("), std::string::npos);
}

TEST_F(CliTest, InitWithInvalidDataLeavesTheStoreByteIdentical) {
  ASSERT_EQ(Run("init --data " + kFixtures + "/curated-small").exit_code, 0);
  std::string before = ReadText(db_);
  CommandResult result = Run("init --data " + kFixtures + "/curated-defects");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("the store was not changed"), std::string::npos);
  EXPECT_EQ(ReadText(db_), before);
}

TEST_F(CliTest, InitWithInvalidDataCreatesNoStore) {
  EXPECT_EQ(Run("init --data " + kFixtures + "/curated-defects").exit_code, 1);
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(CliTest, MissingStoreIsOneClearLine) {
  CommandResult result = Run("timeline");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "defcoop: error: no store at " + db_ +
                            "; build one with `defcoop init` (or pass --db / set DEFCOOP_DB)\n");
}

TEST_F(CliTest, UnknownCommandIsAUsageError) {
  CommandResult result = Run("frobnicate");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("defcoop: "), std::string::npos);
}

TEST_F(CliTest, EveryCommandHasHelp) {
  for (const char* command :
       {"init", "validate", "resolve", "show", "timeline", "query", "vintages", "import sipri"}) {
    CommandResult result = Run(std::string(command) + " --help");
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_NE(result.out.find("Usage"), std::string::npos) << command << ": " << result.out;
  }
}

TEST_F(CliTest, QueryReadsAndRefusesWrites) {
  InitShipped();
  CommandResult read = Run("--format csv query \"SELECT id FROM actor WHERE id = 'TUR'\"");
  EXPECT_EQ(read.exit_code, 0);
  EXPECT_EQ(read.out, "id\nTUR\n");
  CommandResult write = Run("query \"DELETE FROM actor\"");
  EXPECT_EQ(write.exit_code, 2);
  EXPECT_NE(write.err.find("read-only"), std::string::npos);
}

TEST_F(CliTest, ResolveAnswersInJsonWithMetaAndRows) {
  InitShipped();
  CommandResult result = Run("--format json resolve Türkiye Қазақстан KGZ");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  ASSERT_TRUE(json.contains("meta"));
  ASSERT_EQ(json["rows"].size(), 3u);
  EXPECT_EQ(json["rows"][0]["id"], "TUR");
  EXPECT_EQ(json["rows"][1]["id"], "KAZ");
  EXPECT_EQ(json["rows"][2]["id"], "KGZ");
  EXPECT_EQ(json["rows"][0]["kind"], "state");
}

TEST_F(CliTest, ResolveUnknownNameListsCandidates) {
  InitShipped();
  CommandResult result = Run("resolve Kazakstn");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("Kazakhstan"), std::string::npos) << result.err;
}

TEST_F(CliTest, ResolveGroupAtADateListsMembersAndObservers) {
  InitShipped();
  CommandResult result = Run("--format csv resolve OTS@2022");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const char* member : {"TUR,", "AZE,", "KAZ,", "KGZ,", "UZB,"}) {
    EXPECT_NE(result.out.find(std::string(member)), std::string::npos) << member;
  }
  EXPECT_NE(result.out.find("HUN,state,Hungary,observer"), std::string::npos) << result.out;
}

TEST_F(CliTest, ResolveNamesInTheOutputLanguage) {
  InitShipped();
  CommandResult result = Run("--lang ru --format csv resolve Turkey");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Turkey,TUR,state,Турция,"), std::string::npos) << result.out;
  result = Run("--lang kk --format csv resolve OTS@2022");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("HUN,state,Венгрия,observer"), std::string::npos) << result.out;
}

TEST_F(CliTest, TimelineOfTurkiyeWithTheTurkicStatesHasThe2022Agreements) {
  InitShipped();
  CommandResult result =
      Run("--format csv timeline --actor Türkiye --with OTS --from 2022 --to 2022");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("2022-03-30,"), std::string::npos)
      << result.out;  // Uzbekistan framework
  EXPECT_NE(result.out.find("2022-03,"), std::string::npos)
      << result.out;  // Kyrgyzstan roadmap
  // The article's Uzbek military cooperation agreement of 26 October 2022 is the one signed on
  // 27 October 2020 (agr:tur-uzb-milcoop-2020): no 2022 row.
  EXPECT_EQ(result.out.find("2022-10-26,"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("2022-05-10,"), std::string::npos)
      << result.out;                                                     // Kazakhstan partnership
  EXPECT_EQ(result.out.find("2019-"), std::string::npos) << result.out;  // outside the range
}

TEST_F(CliTest, ShowAselsanListsItsFoundingVentureAndSources) {
  InitShipped();
  CommandResult result = Run("--format csv show Aselsan");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("actor,Aselsan (firm:aselsan),firm,1975"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("Kazaselsan"), std::string::npos);
  // Ids are shown with their names.
  EXPECT_NE(result.out.find("home state,Türkiye (TUR)"), std::string::npos) << result.out;
}

TEST_F(CliTest, ShowNamesRelatedActorsInTheOutputLanguage) {
  InitShipped();
  CommandResult result = Run("--lang tr --format csv show Kazakhstan");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("actor,Kazakistan (KAZ)"), std::string::npos) << result.out;
  // The OTS by its Turkish short name, as the English output uses "OTS".
  EXPECT_NE(result.out.find("memberships,TDT (org:ots),member"),
            std::string::npos)
      << result.out;
}

TEST_F(CliTest, ShowPlatformListsReplacedComponents) {
  InitShipped();
  CommandResult result = Run("--format csv show \"Bayraktar TB2\"");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("replaced by"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace defcoop::testing
