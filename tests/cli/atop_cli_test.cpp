// `defcoop import atop` and `defcoop alliances` end to end on the real ATOP 5.1 file in
// ../shared/data (never copied into the repository); expected years are read from the
// file itself here.
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

const std::string kAtop = std::string(DEFCOOP_SHARED_DATA_DIR) +
                          "/alliances_dca/atop5.1_directed_dyad_year_peacesciencer.csv";

// The years in which `cow1` had the obligation in column `column` (3 = defense) towards
// `cow2`, read with a plain split.
std::set<int> YearsFromFile(int cow1, int cow2, int column) {
  std::ifstream in(kAtop);
  std::string line;
  std::getline(in, line);
  std::set<int> years;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string field; std::getline(split, field, ',');) fields.push_back(field);
    if (std::stoi(fields[0]) == cow1 && std::stoi(fields[1]) == cow2 && fields[column] == "1")
      years.insert(std::stoi(fields[2]));
  }
  return years;
}

TEST(AtopCliTest, AlliancesOfTurkiyeAndAzerbaijanAreTheFilesYearsAsSpans) {
  if (!fs::exists(kAtop)) GTEST_SKIP() << kAtop << " is not there";
  std::string db =
      (fs::temp_directory_path() / ("defcoop-atop-" + std::to_string(::getpid()) + ".db")).string();
  fs::remove(db);
  ASSERT_EQ(RunDefcoop("init", db).exit_code, 0);
  CommandResult import = RunDefcoop("--format json import atop '" + kAtop + "'", db);
  ASSERT_EQ(import.exit_code, 0) << import.err;
  auto summary = nlohmann::json::parse(import.out);
  EXPECT_EQ(summary["meta"]["records_read"], 273296);
  EXPECT_EQ(summary["meta"]["imported"], 273296);
  CommandResult result = RunDefcoop(
      "--format json alliances --actor Türkiye --with Azerbaijan --obligation defense", db);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::set<int> years;
  auto json = nlohmann::json::parse(result.out);
  for (const auto& span : json["rows"]) {
    if (span["actor1"] != "TUR") continue;
    for (int year = span["from"]; year <= span["to"].get<int>(); ++year) years.insert(year);
  }
  EXPECT_EQ(years, YearsFromFile(640, 373, 3));
  EXPECT_FALSE(years.empty());
  fs::remove(db);
}

TEST(AtopCliTest, WithoutAnImportAlliancesSaysHowToImport) {
  std::string db =
      (fs::temp_directory_path() / ("defcoop-atop-empty-" + std::to_string(::getpid()) + ".db"))
          .string();
  fs::remove(db);
  ASSERT_EQ(RunDefcoop("init", db).exit_code, 0);
  CommandResult result = RunDefcoop("alliances --actor TUR", db);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("import atop"), std::string::npos) << result.err;
  fs::remove(db);
}

}  // namespace
}  // namespace defcoop::testing
