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
  std::map<std::string, std::string> ids = {{"Turkiye", "TUR"},       {"Kazakhstan", "KAZ"},
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
           {{"KAZ", "TUR"}, {705, 640}},
           {{"TUR", "USA"}, {640, 2}},
           {{"KAZ", "RUS"}, {705, 365}}}) {
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
  const std::vector<std::string> obligations = {"defense", "offense", "neutrality", "nonaggression",
                                                "consultation"};
  for (const auto& [pair, cows] :
       std::map<std::pair<std::string, std::string>, std::pair<int, int>>{
           {{"TUR", "KAZ"}, {640, 705}},
           {{"TUR", "USA"}, {640, 2}},
           {{"RUS", "KAZ"}, {365, 705}}}) {
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

// A hand-made store: a new-format register (deliveries 1990-1999), DCAD, ATOP (to 1996)
// and GSDB (1994-1996) files written here, imported through the real importers, so COW
// 365 resolves to the Soviet Union in 1990 and to Russia in 1995.
class PanelFixtureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempPath("fixture");
    fs::create_directories(dir_);
    db_ = dir_ + "/store.db";
    ASSERT_EQ(RunDefcoop("init", db_).exit_code, 0);
    Write("register.csv",
          "Transfers of major conventional arms.\nSource: SIPRI Arms Transfers Database.\n"
          "Data generated: 13 Mar 2025 10:02:49 AM\n"
          "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,"
          "Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,"
          "Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV "
          "delivery values,Local production\n"
          "1,Soviet Union,Turkiye,Tank A,tank,Armoured vehicles,1989,No,2,No,1990,No,New,3,3,6,No\n"
          "2,Russia,Kazakhstan,Tank B,tank,Armoured vehicles,1995,No,1,No,1995,No,New,4,4,4,No\n"
          "3,Turkiye,Kazakhstan,Boat C,boat,Ships,1998,No,1,No,1999,No,New,2.5,2.5,2.5,No\n");
    Write("dcad.csv",
          "ccode1,cowName1,ccode2,cowName2,signDay,signMonth,signYear,EIFDay,EIFMonth,EIFYear,type,"
          "category1,category2,category3,span,renewType,renewYears,terminated,durationActual,"
          "endYearEstimate,asymmetry,categoryConf,UNTS,fullText,sourceType,source,factivaConf,"
          "factivaSign,factivaEIF,DCAid\n"
          "365,RUS,640,TUR,1,4,1990,,,,general,DCA,,,,,,0,,1993,1,typical,,Y,treaty,T,,,,DCADv1.0-"
          "0001\n"
          "365,RUS,705,KZK,1,4,1995,,,,sector,TREX,,,,,,0,,2010,1,typical,,Y,treaty,T,,,,DCADv1.0-"
          "0002\n");
    Write("atop.csv",
          "\"ccode1\",\"ccode2\",\"year\",\"atop_defense\",\"atop_offense\",\"atop_neutral\","
          "\"atop_nonagg\",\"atop_consul\"\n365,640,1990,0,0,0,1,0\n365,705,1995,1,0,0,0,1\n"
          "640,705,1996,0,0,0,0,1\n");
    Write("gsdb.csv",
          "case_id,sanctioned_state,sanctioning_state,begin,end,trade,descr_trade,arms,military,"
          "financial,travel,other,target_mult,sender_mult,objective,success\n"
          "1,Kazakhstan,Turkiye,1994,1996,0,,1,0,0,0,0,0,0,policy_change,success_total\n");
    for (const char* kind : {"sipri", "dcad", "atop", "gsdb"}) {
      std::string file = dir_ + "/" + (kind == std::string("sipri") ? "register" : kind) + ".csv";
      CommandResult imported = RunDefcoop(std::string("import ") + kind + " '" + file + "'", db_);
      ASSERT_EQ(imported.exit_code, 0) << kind << ": " << imported.err;
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name) << text;
  }

  // Rows of a state-year panel by (id, year).
  std::map<std::pair<std::string, int>, nlohmann::json> StateYears(const std::string& args) {
    CommandResult panel = RunDefcoop("--format json panel --unit state-year " + args, db_);
    EXPECT_EQ(panel.exit_code, 0) << panel.err;
    std::map<std::pair<std::string, int>, nlohmann::json> rows;
    nlohmann::json parsed = nlohmann::json::parse(panel.out);
    for (const auto& row : parsed["rows"])
      rows[{row["id"].get<std::string>(), std::stoi(row["year"].get<std::string>())}] = row;
    return rows;
  }

  std::string dir_;
  std::string db_;
};

TEST_F(PanelFixtureTest, SuccessionAndCoverageEdgesThroughTheStore) {
  auto rows = StateYears("--years 1988-2000 --states 'Soviet Union' Russia Türkiye Kazakhstan");
  auto at = [&](const std::string& id, int year, const std::string& column) {
    return rows[std::make_pair(id, year)][column];
  };
  // The Soviet Union to 1991, Russia and Kazakhstan from 1991; Türkiye throughout.
  EXPECT_EQ(rows.size(), 4u + 10 + 10 + 13);
  EXPECT_EQ(rows.count(std::make_pair(std::string("SUN"), 1992)), 0u);
  EXPECT_EQ(rows.count(std::make_pair(std::string("RUS"), 1990)), 0u);
  EXPECT_EQ(at("SUN", 1990, "sipri_tiv_exports"), "6");
  EXPECT_EQ(at("SUN", 1990, "sipri_tiv_exports_approx"), "0");  // new format: exact
  EXPECT_EQ(at("SUN", 1990, "sipri_deliveries_out"), "1");
  EXPECT_EQ(at("SUN", 1989, "sipri_orders_out"), nullptr);  // before the register's span
  EXPECT_EQ(at("RUS", 1995, "sipri_orders_out"), "1");
  EXPECT_EQ(at("TUR", 1999, "sipri_tiv_exports"), "2.5");
  EXPECT_EQ(at("TUR", 2000, "sipri_tiv_exports"), nullptr);  // after the span
  // DCAD's COW 365 is the Soviet Union in 1990 and Russia in 1995.
  EXPECT_EQ(at("SUN", 1990, "dcad_signed"), "1");
  EXPECT_EQ(at("TUR", 1993, "dcad_in_force"), "1");
  EXPECT_EQ(at("TUR", 1994, "dcad_in_force"), "0");  // ended 1993
  EXPECT_EQ(at("RUS", 1995, "dcad_in_force_trex"), "1");
  EXPECT_EQ(at("RUS", 1992, "dcad_signed"), "0");
  // ATOP's file ends in 1996: 1997 is NA; GSDB's cases span 1994-1996.
  EXPECT_EQ(at("SUN", 1990, "atop_nonaggression_partners"), "1");
  EXPECT_EQ(at("RUS", 1995, "atop_defense_partners"), "1");
  EXPECT_EQ(at("RUS", 1996, "atop_defense_partners"), "0");
  EXPECT_EQ(at("RUS", 1997, "atop_defense_partners"), nullptr);
  EXPECT_EQ(at("KAZ", 1993, "gsdb_sanctions_received"), nullptr);
  EXPECT_EQ(at("KAZ", 1994, "gsdb_sanctions_received"), "1");
  EXPECT_EQ(at("KAZ", 1994, "gsdb_measures_received"), "arms");
  EXPECT_EQ(at("TUR", 1996, "gsdb_sanctions_sent"), "1");
  EXPECT_EQ(at("TUR", 1997, "gsdb_sanctions_sent"), nullptr);
  EXPECT_EQ(at("SUN", 1990, "cow"), "365");
  EXPECT_EQ(at("RUS", 1992, "cow"), "365");
}

TEST_F(PanelFixtureTest, CsvWritesNaAndACodebookForEveryColumn) {
  CommandResult panel = RunDefcoop(
      "panel --unit dyad-year --years 1989-1990 --states Türkiye 'Soviet Union' --sources "
      "sipri,atop --out '" +
          dir_ + "/p.csv'",
      db_);
  ASSERT_EQ(panel.exit_code, 0) << panel.err;
  std::istringstream csv(ReadText(dir_ + "/p.csv"));
  std::string header, y1989, y1990;
  std::getline(csv, header);
  std::getline(csv, y1989);
  std::getline(csv, y1990);
  EXPECT_EQ(header.find("dcad_"), std::string::npos);
  auto columns = Split(header, ',');
  auto cells = Split(y1989, ',');
  ASSERT_EQ(cells.size(), columns.size());
  for (size_t idx = 0; idx < columns.size(); ++idx) {
    if (columns[idx].rfind("sipri_", 0) == 0) {
      EXPECT_EQ(cells[idx], "NA") << columns[idx];
    }
  }
  EXPECT_NE(y1990.find(",6,0,"), std::string::npos) << y1990;  // SUN -> TUR 6, exact
  std::string codebook = ReadText(dir_ + "/p.codebook.csv");
  for (const std::string& column : columns)
    EXPECT_NE(codebook.find("\n" + column + ","), std::string::npos) << column;
  EXPECT_NE(codebook.find("years 1990-1999"), std::string::npos);  // SIPRI's span
  EXPECT_NE(codebook.find("years 1990-1996 (ATOP 5.1)"), std::string::npos);
  std::string bib = ReadText(dir_ + "/p.bib");
  EXPECT_NE(bib.find("sipri-atdb"), std::string::npos);
  EXPECT_EQ(bib.find("kinne2020-dcad"), std::string::npos);  // DCAD was not used
  // A source the store does not hold is an error naming how to import it.
  CommandResult missing = RunDefcoop("panel --unit dyad-year --years 1990 --sources gsdb,x", db_);
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
  EXPECT_NE(missing.err.find("'x'"), std::string::npos) << missing.err;
  // An organisation is not a state: the error says how to take its members.
  CommandResult organisation = RunDefcoop("panel --unit dyad-year --years 1990 --states NATO", db_);
  EXPECT_EQ(organisation.exit_code, 2);
  EXPECT_NE(organisation.err.find("members:NATO"), std::string::npos) << organisation.err;
}

}  // namespace
}  // namespace defcoop::testing
