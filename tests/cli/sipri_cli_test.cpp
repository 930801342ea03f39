// The SIPRI commands end to end: the real binary on real SIPRI exports in ../shared/data.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kSipri = std::string(DEFCOOP_SHARED_DATA_DIR) + "/sipri";
const std::string kOldRegister =
    kSipri + "/ColasDroin__SIPRI_arms_transfers_analysis/trade-register.csv";
const std::string kNewRegister = kSipri + "/Andrei-Teodor-Petre__InfoVizProject/trade-register.csv";
const std::string kNewTable =
    kSipri + "/Andrei-Teodor-Petre__InfoVizProject/import-values_1990-2023.csv";
const std::string kRegionalTable =
    kSipri +
    "/Andrei-Teodor-Petre__InfoVizProject/regional-transfers_1990-2023-suppliers_to_the_region.csv";
const std::string kOldRegister2024 = kSipri + "/MJHofmann__SIPRI_BRICS/trade-register.csv";
const std::string kOldTable2024 =
    kSipri + "/MJHofmann__SIPRI_BRICS/import-export-values_1950-2024.csv";

class SipriCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kSipri)) return;
    db_ = (fs::temp_directory_path() / ("defcoop-sipri-cli-" + std::to_string(::getpid()) + ".db"))
              .string();
    fs::remove(db_);
    ASSERT_EQ(RunDefcoop("init", db_).exit_code, 0);
    import_ = RunDefcoop("--format json import sipri '" + kOldRegister + "' '" + kNewRegister +
                             "' '" + kNewTable + "' '" + kRegionalTable + "' '" + kOldRegister2024 +
                             "' '" + kOldTable2024 + "'",
                         db_);
  }
  static void TearDownTestSuite() { fs::remove(db_); }

  void SetUp() override {
    if (!fs::exists(kSipri)) GTEST_SKIP() << "no SIPRI data at " << kSipri;
  }

  static nlohmann::json Json(const std::string& args) {
    CommandResult result = RunDefcoop("--format json " + args, db_);
    EXPECT_EQ(result.exit_code, 0) << args << ": " << result.err;
    return result.exit_code == 0 ? nlohmann::json::parse(result.out) : nlohmann::json::object();
  }

  static inline std::string db_;
  static inline CommandResult import_;
};

TEST_F(SipriCliTest, ImportReportsEveryFileWithCountsAndRepairs) {
  ASSERT_EQ(import_.exit_code, 0) << import_.err;
  auto json = nlohmann::json::parse(import_.out);
  ASSERT_EQ(json["rows"].size(), 6u);
  EXPECT_EQ(json["rows"][0]["format"], "old_register");
  EXPECT_EQ(json["rows"][0]["vintage"], "2025-03-13");
  EXPECT_EQ(json["rows"][0]["records_read"], 29515);
  EXPECT_EQ(json["rows"][0]["imported"], 29515);
  EXPECT_EQ(json["rows"][0]["repaired"], 4);
  EXPECT_EQ(json["rows"][1]["format"], "new_register");
  EXPECT_EQ(json["rows"][1]["records_read"], 27838);
  EXPECT_EQ(json["rows"][2]["format"], "importer_table");
  EXPECT_EQ(json["meta"]["rejected"], 0);
  EXPECT_NE(import_.err.find("repaired: joined lines 5432-5433"), std::string::npos) << import_.err;
  EXPECT_EQ(json["meta"]["unresolved_names"], 0) << import_.err;
}

TEST_F(SipriCliTest, ImportEndsWithOneSummaryLine) {
  CommandResult again = RunDefcoop("import sipri '" + kOldRegister + "'", db_);
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_TRUE(again.out.find("29515 records read, 29515 imported, 0 rejected, 4 repaired\n") !=
              std::string::npos)
      << again.out;
}

TEST_F(SipriCliTest, ImportingTheSameFileTwiceChangesNothing) {
  std::string count_sql = "query \"SELECT count(*) AS n FROM transfer\"";
  auto before = Json(count_sql);
  CommandResult again = RunDefcoop("import sipri '" + kNewRegister + "'", db_);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.err.find("already imported"), std::string::npos);
  EXPECT_EQ(Json(count_sql)["rows"], before["rows"]);
}

TEST_F(SipriCliTest, RejectsFileListsRepairedRecordsWithLines) {
  std::string rejects = db_ + ".rejects.csv";
  ASSERT_EQ(
      RunDefcoop("import sipri --rejects '" + rejects + "' '" + kOldRegister + "'", db_).exit_code,
      0);
  std::string text = ReadText(rejects);
  EXPECT_EQ(text.rfind("file,line,reason,repaired\n", 0), 0u);
  EXPECT_NE(text.find(",5432,"), std::string::npos) << text;
  fs::remove(rejects);
}

TEST_F(SipriCliTest, VintagesListsEachWithItsFiles) {
  auto json = Json("vintages");
  std::vector<std::string> vintages;
  for (const auto& row : json["rows"]) vintages.push_back(row["vintage"]);
  EXPECT_EQ(vintages, (std::vector<std::string>{"2024-04-13", "2024-10-13", "2025-03-13"}));
  EXPECT_EQ(json["meta"]["newest_register_vintage"], "2025-03-13");
}

TEST_F(SipriCliTest, AzerbaijanSuppliersAreLedByRussiaWithTurkiyeAmongThem) {
  auto json = Json("suppliers Azerbaijan --years 2011-2020");
  ASSERT_FALSE(json["rows"].empty());
  EXPECT_EQ(json["rows"][0]["supplier"], "RUS");
  EXPECT_GT(json["rows"][0]["share"].get<double>(), 0.5);
  bool has_turkiye = false;
  double shares = 0;
  for (const auto& row : json["rows"]) {
    has_turkiye = has_turkiye || row["supplier"] == "TUR";
    shares += row["share"].get<double>();
  }
  EXPECT_TRUE(has_turkiye);
  EXPECT_NEAR(shares, 1.0, 1e-9);
  EXPECT_EQ(json["meta"]["vintage"], "2025-03-13");
  EXPECT_EQ(json["meta"]["credit"], "Information from the SIPRI Arms Transfers Database");
  EXPECT_GT(json["meta"]["hhi"].get<double>(), 0.3);
  EXPECT_EQ(json["meta"]["previous"]["years"], "2001-2010");
}

TEST_F(SipriCliTest, TurkmenistanSuppliersInTheNewRegisterAreExactPerYear) {
  auto json = Json("suppliers Turkmenistan --years 2011-2020 --vintage 2024-04-13");
  ASSERT_FALSE(json["rows"].empty());
  EXPECT_FALSE(json["meta"]["approximate"].get<bool>());
}

TEST_F(SipriCliTest, TurkiyeExportsHaveARankAndGrowth) {
  auto json = Json("exports Türkiye --years 2018-2023 --vintage 2024-04-13");
  EXPECT_GT(json["meta"]["rank"].get<int>(), 0);
  EXPECT_TRUE(json["meta"].contains("growth"));
  EXPECT_EQ(json["meta"]["supplier"], "TUR");
}

TEST_F(SipriCliTest, TivFromTurkiyeToTheOtsByDyad) {
  auto json = Json("tiv --supplier Türkiye --recipient OTS --by dyad");
  std::set<std::string> recipients;
  for (const auto& row : json["rows"]) {
    EXPECT_EQ(row["supplier"], "TUR");
    recipients.insert(row["recipient"].get<std::string>());
  }
  EXPECT_TRUE(recipients.count("AZE"));
  EXPECT_FALSE(recipients.count("TUR"));  // no transfers to itself
}

TEST_F(SipriCliTest, FiveYearMovingAverageSmoothsTheYearlySeries) {
  auto yearly = Json("tiv --recipient Azerbaijan --years 2010-2020 --by year --vintage 2024-04-13");
  auto smooth = Json(
      "tiv --recipient Azerbaijan --years 2010-2020 --by year --moving-average 5 --vintage "
      "2024-04-13");
  ASSERT_EQ(smooth["rows"].size(), 11u);
  EXPECT_EQ(smooth["meta"]["moving_average_years"], 5);
  // 2020's average is the mean of 2016-2020 (years without deliveries count as zero).
  double sum = 0;
  for (const auto& row : yearly["rows"]) {
    if (row["year"].get<int>() >= 2016) sum += row["tiv"].get<double>();
  }
  EXPECT_NEAR(smooth["rows"][10]["tiv"].get<double>(), sum / 5, 1e-9);
}

TEST_F(SipriCliTest, RegisterAgreesWithItsOwnTiVTableInBothFormats) {
  auto per_year = Json("tiv --check --vintage 2024-04-13");
  EXPECT_EQ(per_year["meta"]["compared"], "per recipient and year");
  EXPECT_EQ(per_year["rows"].size(), 0u) << per_year["rows"].dump();
  auto period = Json("tiv --check --vintage 2024-10-13");
  EXPECT_EQ(period["meta"]["differences_whole_period"], 0) << period["rows"].dump();
}

// An old register's even split is measured year by year against SIPRI's own table.
TEST_F(SipriCliTest, CheckMeasuresTheEvenSplitYearByYear) {
  auto json = Json("tiv --check --vintage 2024-10-13");
  EXPECT_GT(json["meta"]["differences_per_year"].get<int>(), 100);
  EXPECT_GT(json["meta"]["year_error"]["recipient_years"].get<int>(), 100);
  EXPECT_GT(json["meta"]["year_error"]["median_relative"].get<double>(), 0.01);
  // The summary line says the same counts in the --lang language.
  CommandResult kk = RunDefcoop("--lang kk tiv --check --vintage 2024-10-13", db_);
  ASSERT_EQ(kk.exit_code, 0) << kk.err;
  std::string counted = std::to_string(json["meta"]["year_error"]["recipient_years"].get<int>());
  EXPECT_NE(kk.out.find(counted + " алушы-жылда"), std::string::npos) << kk.out.substr(0, 600);
  EXPECT_NE(kk.out.find("ескі форматтағы тізілім"), std::string::npos);
  EXPECT_EQ(kk.out.find("recipient-years"), std::string::npos);
  auto exact = Json("tiv --check --vintage 2024-04-13");
  // A new-format register differs from its table only by the rounding of each cell.
  EXPECT_LT(exact["meta"]["year_error"]["median_relative"].get<double>(), 0.005);
}

// The cell of `recipient` and `year` in a SIPRI importer table, read with a plain split.
double TableCell(const std::string& path, const std::string& recipient, int year) {
  std::istringstream lines(ReadText(path));
  std::string line;
  std::vector<std::string> header;
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string field; std::getline(split, field, ',');) fields.push_back(field);
    if (!fields.empty() && fields[0] == "Recipient") header = fields;
    if (header.empty() || fields.empty() || fields[0] != recipient) continue;
    for (size_t idx = 0; idx < header.size() && idx < fields.size(); ++idx) {
      if (header[idx] == std::to_string(year))
        return fields[idx].empty() ? 0 : std::stod(fields[idx]);
    }
  }
  return -1;
}

// With the importer table of the same release in the store, a recipient's yearly series
// is SIPRI's exact one, not the old register's even split.
TEST_F(SipriCliTest, YearlyImportsUseTheTivTableOfTheSameVintage) {
  auto json = Json("tiv --recipient Türkiye --by year --years 2010-2020 --vintage 2024-10-13");
  EXPECT_EQ(json["meta"]["exact_years"], "2010-2020");
  EXPECT_FALSE(json["meta"]["approximate"].get<bool>());
  bool found = false;
  for (const auto& row : json["rows"]) {
    if (row["year"] != 2015) continue;
    found = true;
    EXPECT_DOUBLE_EQ(row["tiv"].get<double>(), TableCell(kOldTable2024, "Turkiye", 2015));
  }
  EXPECT_TRUE(found);
  // A dyad is not in the table: it stays on the register, marked approximate.
  auto dyad = Json("tiv --supplier USA --recipient Türkiye --by year --vintage 2024-10-13");
  EXPECT_FALSE(dyad["meta"].contains("exact_years"));
  EXPECT_TRUE(dyad["meta"]["approximate"].get<bool>());
  EXPECT_TRUE(dyad["meta"].contains("warning"));
}

// Change points run on the same exact series: PELT must not find breaks the split made.
TEST_F(SipriCliTest, PeriodsUseTheTivTableOfTheSameVintage) {
  auto exact = Json("periods imports:Türkiye --vintage 2024-10-13");
  EXPECT_EQ(exact["meta"]["exact_years"], "1950-2023");
  EXPECT_FALSE(exact["meta"]["approximate"].get<bool>());
  auto split = Json("periods imports:Türkiye --vintage 2025-03-13");  // no table of that vintage
  EXPECT_FALSE(split["meta"].contains("exact_years"));
  EXPECT_TRUE(split["meta"]["approximate"].get<bool>());
}

// The sum of the register's delivered TIV to one recipient, read with a plain split
// (old-format registers: unquoted, the last field is the TIV of delivered weapons).
double RegisterTotalTo(const std::string& path, const std::string& recipient) {
  std::istringstream lines(ReadText(path));
  std::string line;
  double total = 0;
  while (std::getline(lines, line)) {
    if (line.rfind(recipient + ",", 0) != 0) continue;
    std::string last = line.substr(line.find_last_of(',') + 1);
    if (!last.empty() && last.back() == '\r') last.pop_back();
    if (!last.empty()) total += std::stod(last);
  }
  return total;
}

// SIPRI lists NATO as a recipient in its own right: "NATO**" is NATO, not its members.
TEST_F(SipriCliTest, AnOrganisationSipriListsIsThatOrganisation) {
  auto json = Json("tiv --recipient \"NATO**\" --by recipient --vintage 2025-03-13");
  ASSERT_EQ(json["rows"].size(), 1u) << json.dump();
  EXPECT_EQ(json["rows"][0]["recipient"], "org:nato");
  double expected = RegisterTotalTo(kOldRegister, "NATO**");
  ASSERT_GT(expected, 0);
  EXPECT_NEAR(json["rows"][0]["tiv"].get<double>(), expected, 1e-6);
  auto members = Json("tiv --recipient members:NATO --by recipient --vintage 2025-03-13");
  EXPECT_GT(members["rows"].size(), 5u);
}

// Years the register does not cover are no answer, not an empty table.
TEST_F(SipriCliTest, YearsOutsideTheRegisterSayWhatItCovers) {
  CommandResult result =
      RunDefcoop("suppliers Azerbaijan --years 1900-1910 --vintage 2024-04-13", db_);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(
      result.err.find("no SIPRI data for 1900-1910: the register of vintage 2024-04-13 covers"),
      std::string::npos)
      << result.err;
}

// Uzbekistan joined the OTS in 2019: it is not part of "OTS" in 2005-2010.
TEST_F(SipriCliTest, AGroupCountsItsMembersOfTheDay) {
  auto json = Json("suppliers OTS --years 2005-2010 --vintage 2024-04-13");
  for (const auto& id : json["meta"]["recipients"]) EXPECT_NE(id, "UZB");
  ASSERT_FALSE(json["meta"]["recipients_counted"].empty());
  for (const auto& counted : json["meta"]["recipients_counted"]) EXPECT_NE(counted["id"], "UZB");
  auto later = Json("suppliers OTS --years 2019-2022 --vintage 2024-04-13");
  bool has_uzbekistan = false;
  for (const auto& id : later["meta"]["recipients"]) has_uzbekistan |= id == "UZB";
  EXPECT_TRUE(has_uzbekistan);
}

TEST_F(SipriCliTest, TheTurkicRepublicsAreTheArticlesFiveStates) {
  for (const char* name :
       {"Turkic Republics", "Түркі Республикалары", "Тюркские республики", "Türk Cumhuriyetleri"}) {
    auto json = Json(std::string("tiv --supplier Türkiye --recipient \"") + name +
                     "\" --by recipient --years 2011-2023 --vintage 2024-04-13");
    std::set<std::string> recipients;
    for (const auto& row : json["rows"]) recipients.insert(row["recipient"].get<std::string>());
    EXPECT_FALSE(recipients.count("TUR")) << name;
    EXPECT_TRUE(recipients.count("AZE")) << name;
    EXPECT_TRUE(recipients.count("TKM")) << name;  // an OTS observer, still a Turkic Republic
  }
}

TEST_F(SipriCliTest, ExporterRanksCompareStatesAndListTheOthersApart) {
  auto json = Json("exports Türkiye --years 2018-2023 --vintage 2024-04-13");
  EXPECT_EQ(json["meta"]["rank_among"], "states");
  bool unknown_apart = false;
  for (const auto& other : json["meta"]["not_ranked"])
    unknown_apart |= other["supplier"] == "unknown:supplier";
  EXPECT_TRUE(unknown_apart) << json["meta"].dump();
}

// The curated region "Central Asia" must be SIPRI's: its members' imports add up to the
// regional table's "Regional total" for Central Asia in every year.
TEST_F(SipriCliTest, CentralAsiaRegionMatchesSipriRegionalTotals) {
  auto json = Json(
      "query \"SELECT r.year, r.tiv AS regional, (SELECT coalesce(sum(c.tiv), 0) FROM tiv_cell c"
      " WHERE c.vintage = r.vintage AND c.table_kind = 'importer_table' AND c.year = r.year"
      " AND c.actor_id IN (SELECT actor_id FROM membership WHERE organization_id ="
      " 'region:central-asia')) AS members, (SELECT count(*) FROM tiv_cell c WHERE c.vintage ="
      " r.vintage AND c.table_kind = 'importer_table' AND c.year = r.year AND c.actor_id IN"
      " (SELECT actor_id FROM membership WHERE organization_id = 'region:central-asia')) AS cells"
      " FROM tiv_cell r WHERE r.table_kind = 'regional_table' AND r.actor_name = 'Central Asia'"
      " AND r.counterpart_name = 'Regional total'\"");
  ASSERT_GT(json["rows"].size(), 20u);
  for (const auto& row : json["rows"]) {
    double regional = std::stod(row["regional"].get<std::string>());
    double members = std::stod(row["members"].get<std::string>());
    double cells = std::stod(row["cells"].get<std::string>());
    EXPECT_LE(std::fabs(regional - members), 0.5 * (cells + 1)) << row.dump();
  }
}

TEST_F(SipriCliTest, GroupsWorkWhereCountriesDo) {
  auto region = Json("suppliers \"Central Asia\" --years 2011-2020 --vintage 2024-04-13");
  EXPECT_EQ(region["meta"]["recipients"].size(), 5u);
  auto kazakhstan = Json("suppliers Kazakhstan --years 2011-2020 --vintage 2024-04-13");
  EXPECT_GT(region["meta"]["total"].get<double>(), kazakhstan["meta"]["total"].get<double>());
}

TEST_F(SipriCliTest, UnknownVintageIsAUsageErrorListingTheKnownOnes) {
  CommandResult result = RunDefcoop("tiv --vintage 1999-01-01", db_);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("2024-04-13"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace defcoop::testing
