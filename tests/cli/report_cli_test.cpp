// `defcoop report` end to end: the real binary on the shipped data, without SIPRI data
// (the brief says what is missing) and in another language.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

class ReportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("defcoop-report-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "t.db").string();
    ASSERT_EQ(RunDefcoop("init", db_).exit_code, 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string db_;
};

TEST_F(ReportCliTest, WritesTheBriefWithoutSipriDataAndSaysWhatIsMissing) {
  CommandResult result = RunDefcoop("report --out brief.html", db_, dir_.string());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("No SIPRI register imported"), std::string::npos) << result.out;
  std::string html = ReadText((dir_ / "brief.html").string());
  EXPECT_NE(html.find("<section class=\"top\" id=\"bibliography\">"), std::string::npos);
  EXPECT_NE(html.find("No SIPRI register is in the store"), std::string::npos);
}

TEST_F(ReportCliTest, WritesTheDefaultOutputInTheGlobalLanguage) {
  CommandResult result = RunDefcoop("--lang ru report", db_, dir_.string());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string html = ReadText((dir_ / "out" / "brief.html").string());
  EXPECT_NE(html.find("<html lang=\"ru\">"), std::string::npos);
  EXPECT_NE(html.find("Основные выводы"), std::string::npos);
}

TEST_F(ReportCliTest, UnknownFocusIsAnErrorNamingCandidates) {
  CommandResult result = RunDefcoop("report --focus Turkeyy --out b.html", db_, dir_.string());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("Turkeyy"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace defcoop::testing
