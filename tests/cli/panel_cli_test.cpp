// `defcoop panel` end to end on the real files in ../shared/data (never copied into the
// repository): a store with the 2026 SIPRI register, DCAD, ATOP and GSDB, and a set of
// dyad-years checked against counts made here from the raw files with plain splits,
// independently of the readers under test. Also the codebook and citation files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kShared = DEFCOOP_SHARED_DATA_DIR;
const std::string kRegister = kShared + "/sipri/alexarui__network-analysis/trade-register.csv";
const std::string kDcad = kShared + "/alliances_dca/DCAD-v1.0-main.csv";
const std::string kAtop = kShared + "/alliances_dca/atop5.1_directed_dyad_year_peacesciencer.csv";
const std::string kGsdb = kShared + "/sanctions/GSDB_V3.csv";

std::string TempPath(const std::string& name) {
  return (fs::temp_directory_path() /
          ("defcoop-panel-cli-" + std::to_string(::getpid()) + "-" + name))
      .string();
}

std::vector<std::string> Split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  std::string field;
  while (std::getline(in, field, separator)) fields.push_back(field);
  if (!line.empty() && line.back() == separator) fields.emplace_back();
  return fields;
}

using DyadYear = std::tuple<std::string, std::string, int>;  // supplier, recipient, year

// Delivered TIV per (supplier, recipient, year) of the old-format register: SIPRI's TIV of
// delivered weapons spread evenly over the listed delivery years. Fields are never quoted
// in this format (SOURCES.md); the header is line 12.
std::map<DyadYear, double> RegisterTiv(const std::set<std::string>& names) {
  std::ifstream in(kRegister);
  std::string line;
  std::map<DyadYear, double> tiv;
  for (int n = 0; n < 12; ++n) std::getline(in, line);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto f = Split(line, ',');
    if (f.size() < 16 || !names.count(f[0]) || !names.count(f[1]) || f[15].empty()) continue;
    auto years = Split(f[10], ';');
    for (const std::string& year : years) {
      tiv[{f[1], f[0], std::stoi(year)}] += std::stod(f[15]) / static_cast<double>(years.size());
    }
  }
  return tiv;
}

struct DcadCount {
  int signed_count = 0;
  int in_force = 0;
};
// DCAD agreements of an unordered COW pair per year: signed then, and in force from the
// signing year to endYearEstimate.
std::map<int, DcadCount> DcadCounts(int one, int two) {
  std::ifstream in(kDcad);
  std::string line;
  std::getline(in, line);
  std::map<int, DcadCount> counts;
  while (std::getline(in, line)) {
    auto f = Split(line, ',');
    int a = std::stoi(f[0]), b = std::stoi(f[2]);
    if (!((a == one && b == two) || (a == two && b == one))) continue;
    int signed_year = std::stoi(f[6]);
    int end = std::stoi(f[19]);
    ++counts[signed_year].signed_count;
    for (int year = signed_year; year <= end; ++year) ++counts[year].in_force;
  }
  return counts;
}

// ATOP obligations (defense, offense, neutrality, nonaggression, consultation) of a
// directed COW pair per year.
std::map<int, std::vector<int>> AtopRows(int one, int two) {
  std::ifstream in(kAtop);
  std::string line;
  std::getline(in, line);
  std::map<int, std::vector<int>> rows;
  while (std::getline(in, line)) {
    auto f = Split(line, ',');
    if (std::stoi(f[0]) != one || std::stoi(f[1]) != two) continue;
    rows[std::stoi(f[2])] = {std::stoi(f[3]), std::stoi(f[4]), std::stoi(f[5]), std::stoi(f[6]),
                             std::stoi(f[7])};
  }
  return rows;
}

class PanelCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    for (const std::string& file : {kRegister, kDcad, kAtop, kGsdb}) {
      if (!fs::exists(file)) return;
    }
    db_ = TempPath("store.db");
    fs::remove(db_);
    ASSERT_EQ(RunDefcoop("init", db_).exit_code, 0);
    for (const auto& [kind, file] : std::vector<std::pair<std::string, std::string>>{
             {"sipri", kRegister}, {"dcad", kDcad}, {"atop", kAtop}, {"gsdb", kGsdb}}) {
      CommandResult imported = RunDefcoop("import " + kind + " '" + file + "'", db_);
      ASSERT_EQ(imported.exit_code, 0) << imported.err;
    }
    CommandResult panel = RunDefcoop(
        "--format json panel --unit directed-dyad-year --years 1980-2025 --states Türkiye "
        "Kazakhstan 'United States' Russia 'Soviet Union' Syria",
        db_);
    ASSERT_EQ(panel.exit_code, 0) << panel.err;
    nlohmann::json parsed = nlohmann::json::parse(panel.out);
    for (const auto& row : parsed["rows"]) {
      rows_[{row["id1"].get<std::string>(), row["id2"].get<std::string>(),
             std::stoi(row["year"].get<std::string>())}] = row;
    }
    ASSERT_GT(rows_.size(), 500u) << panel.err;
  }
  static void TearDownTestSuite() {
    if (!db_.empty()) fs::remove(db_);
  }
  void SetUp() override {
    if (db_.empty()) GTEST_SKIP() << "the real files in " << kShared << " are not there";
  }

  static const nlohmann::json& Row(const std::string& one, const std::string& two, int year) {
    static const nlohmann::json kNone;
    auto found = rows_.find({one, two, year});
    if (found == rows_.end()) {
      ADD_FAILURE() << "no row " << one << " " << two << " " << year;
      return kNone;
    }
    return found->second;
  }

  static inline std::string db_;
  static inline std::map<DyadYear, nlohmann::json> rows_;
};

double Number(const nlohmann::json& cell) { return std::stod(cell.get<std::string>()); }

TEST_F(PanelCliTest, SipriTivMatchesTheRegister) {
  std::map<std::string, std::string> ids = {{"Turkiye", "TUR"},      {"Kazakhstan", "KAZ"},
                                            {"United States", "USA"}, {"Russia", "RUS"},
                                            {"Soviet Union", "SUN"},  {"Syria", "SYR"}};
  std::set<std::string> names;
  for (const auto& [name, id] : ids) names.insert(name);
  std::map<DyadYear, double> expected = RegisterTiv(names);
  ASSERT_FALSE(expected.empty());
  int compared = 0, nonzero = 0;
  for (const auto& [key, row] : rows_) {
    const auto& [one, two, year] = key;
    std::string supplier, recipient;
    for (const auto& [name, id] : ids) {
      if (id == one) supplier = name;
      if (id == two) recipient = name;
    }
    auto found = expected.find({supplier, recipient, year});
    double want = found == expected.end() ? 0 : found->second;
    ASSERT_TRUE(row["sipri_tiv_12"].is_string()) << one << two << year;
    EXPECT_NEAR(Number(row["sipri_tiv_12"]), want, 1e-6) << one << ">" << two << " " << year;
    ++compared;
    if (want > 0) ++nonzero;
  }
  EXPECT_GT(compared, 500);
  EXPECT_GT(nonzero, 50);
  // Every delivery of the register lies in a year a state existed: none is lost.
  double total = 0;
  for (const auto& [key, row] : rows_) total += Number(row["sipri_tiv_12"]);
  double raw = 0;
  for (const auto& [key, tiv] : expected) {
    if (std::get<2>(key) >= 1980) raw += tiv;
  }
  EXPECT_NEAR(total, raw, 1e-6);
}

TEST_F(PanelCliTest, DcadCountsMatchTheFile) {
  for (const auto& [pair, cows] :
       std::map<std::pair<std::string, std::string>, std::pair<int, int>>{
           {{"KAZ", "TUR"}, {705, 640}}, {{"TUR", "USA"}, {640, 2}}, {{"KAZ", "RUS"}, {705, 365}}}) {
    auto counts = DcadCounts(cows.first, cows.second);
    ASSERT_FALSE(counts.empty());
    for (int year = 1992; year <= 2010; ++year) {
      const auto& row = Row(pair.first, pair.second, year);
      EXPECT_EQ(row["dcad_signed"], std::to_string(counts[year].signed_count))
          << pair.first << pair.second << year;
      EXPECT_EQ(row["dcad_in_force"], std::to_string(counts[year].in_force))
          << pair.first << pair.second << year;
    }
    EXPECT_TRUE(Row(pair.first, pair.second, 2011)["dcad_in_force"].is_null());
  }
}

TEST_F(PanelCliTest, AtopObligationsMatchTheFile) {
  const std::vector<std::string> obligations = {"defense", "offense", "neutrality",
                                                "nonaggression", "consultation"};
  for (const auto& [pair, cows] :
       std::map<std::pair<std::string, std::string>, std::pair<int, int>>{
           {{"TUR", "KAZ"}, {640, 705}}, {{"TUR", "USA"}, {640, 2}}, {{"RUS", "KAZ"}, {365, 705}}}) {
    auto rows = AtopRows(cows.first, cows.second);
    ASSERT_FALSE(rows.empty());
    for (int year = 1992; year <= 2018; ++year) {
      std::vector<int> want = rows.count(year) ? rows[year] : std::vector<int>(5, 0);
      for (size_t o = 0; o < obligations.size(); ++o) {
        EXPECT_EQ(Row(pair.first, pair.second, year)["atop_" + obligations[o] + "_12"],
                  std::to_string(want[o]))
            << pair.first << ">" << pair.second << " " << year << " " << obligations[o];
      }
    }
    EXPECT_TRUE(Row(pair.first, pair.second, 2019)["atop_defense_12"].is_null());
  }
  // The Soviet Union holds COW 365 to 1991, Russia from 1991: both rows exist in 1991.
  EXPECT_EQ(Row("SUN", "SYR", 1990)["cow1"], "365");
  EXPECT_EQ(Row("RUS", "SYR", 1992)["cow1"], "365");
  EXPECT_EQ(rows_.count({"RUS", "SYR", 1990}), 0u);
  EXPECT_EQ(rows_.count({"SUN", "SYR", 1992}), 0u);
  EXPECT_EQ(rows_.count({"TUR", "KAZ", 1990}), 0u);  // Kazakhstan from 1991
}

TEST_F(PanelCliTest, WritesCodebookAndCitationsBesideTheCsv) {
  std::string dir = TempPath("out");
  fs::create_directories(dir);
  CommandResult panel = RunDefcoop(
      "panel --unit dyad-year --years 1992-2000 --states Türkiye --with Kazakhstan --out '" + dir +
          "/tk.csv'",
      db_);
  ASSERT_EQ(panel.exit_code, 0) << panel.err;
  std::string csv = ReadText(dir + "/tk.csv");
  std::istringstream lines(csv);
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header.rfind("id1,name1,iso3_1,cow1,id2,", 0), 0u) << header;
  std::vector<std::string> columns = Split(header, ',');
  int rows = 0;
  for (std::string line; std::getline(lines, line); ++rows) {
    EXPECT_EQ(line.rfind("TUR,Türkiye,TUR,640,KAZ,Kazakhstan,KAZ,705,", 0), 0u) << line;
  }
  EXPECT_EQ(rows, 9);
  std::string codebook = ReadText(dir + "/tk.codebook.csv");
  for (const std::string& column : columns) {
    EXPECT_NE(codebook.find("\n" + column + ","), std::string::npos) << column;
  }
  EXPECT_NE(codebook.find("SIPRI register generated 2026-05-18"), std::string::npos);
  std::string bib = ReadText(dir + "/tk.bib");
  EXPECT_NE(bib.find("Information from the SIPRI Arms Transfers Database"), std::string::npos);
  for (const char* id : {"sipri-atdb", "kinne2020-dcad", "atop-5.1", "gsdb-v3"})
    EXPECT_NE(bib.find(std::string("{") + id + ","), std::string::npos) << id;
  auto csl = nlohmann::json::parse(ReadText(dir + "/tk.csl.json"));
  EXPECT_GE(csl.size(), 4u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace defcoop::testing
