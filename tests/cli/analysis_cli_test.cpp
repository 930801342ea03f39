// The analysis commands end to end (periods, shock, shift, network): the real binary on
// the shipped curated data and on real SIPRI registers in ../shared/data.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kSipri = std::string(DEFCOOP_SHARED_DATA_DIR) + "/sipri";
// The newest register (old format, vintage 2026-05-18) and a new-format one (2024-04-13).
const std::string kNewestRegister = kSipri + "/alexarui__network-analysis/trade-register.csv";
const std::string kNewFormatRegister =
    kSipri + "/Andrei-Teodor-Petre__InfoVizProject/trade-register.csv";
constexpr const char* kNewFormatVintage = "2024-04-13";

std::string TempPath(const std::string& name) {
  return (fs::temp_directory_path() /
          ("defcoop-analysis-cli-" + std::to_string(::getpid()) + "-" + name))
      .string();
}

nlohmann::json RunJson(const std::string& args, const std::string& db) {
  CommandResult result = RunDefcoop("--format json " + args, db);
  EXPECT_EQ(result.exit_code, 0) << args << ": " << result.err;
  return result.exit_code == 0 ? nlohmann::json::parse(result.out) : nlohmann::json::object();
}

// P(X >= k) for X ~ Binomial(n, 1/2).
double UpperTailHalf(int k, int n) {
  double tail = 0;
  for (int x = k; x <= n; ++x)
    tail += std::exp(std::lgamma(n + 1) - std::lgamma(x + 1) - std::lgamma(n - x + 1) -
                     n * std::log(2.0));
  return tail;
}

// The shipped curated data only: shock needs no SIPRI register.
class CuratedAnalysisCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = TempPath("curated.db");
    fs::remove(db_);
    ASSERT_EQ(RunDefcoop("init", db_).exit_code, 0);
  }
  static void TearDownTestSuite() { fs::remove(db_); }

  static inline std::string db_;
};

TEST_F(CuratedAnalysisCliTest, ShockOf2022HasMoreTurkicAgreementsAfterThanBefore) {
  auto json = RunJson("shock --date 2022-02-24", db_);
  ASSERT_EQ(json["rows"].size(), 2u);
  const auto& before = json["rows"][0];
  const auto& after = json["rows"][1];
  EXPECT_EQ(before["window"], "before");
  EXPECT_EQ(after["window"], "after");
  EXPECT_EQ(before["from"], "2021-02-24");
  EXPECT_EQ(before["to"], "2022-02-23");
  EXPECT_EQ(after["to"], "2023-02-23");
  int before_count = before["count"], after_count = after["count"];
  EXPECT_GT(after_count, before_count);
  EXPECT_EQ(after["events"].size(), static_cast<size_t>(after_count));
  EXPECT_EQ(json["meta"]["date"], "2022-02-24");
  double p = json["meta"]["p_value"];
  EXPECT_GT(p, 0);
  EXPECT_LT(p, 1);
  // Both windows are 365 days, so the conditional test is Binomial(n, 1/2): two-sided,
  // twice the upper tail of the larger count (R's binom.test for p = 1/2).
  ASSERT_EQ(before["days"], after["days"]);
  int n = before_count + after_count;
  EXPECT_NEAR(p, std::min(1.0, 2 * UpperTailHalf(after_count, n)), 1e-12);
  EXPECT_NEAR(json["meta"]["p_value_greater"].get<double>(), UpperTailHalf(after_count, n), 1e-12);
  EXPECT_GE(json["meta"]["placebo_rank"].get<int>(), 1);
  EXPECT_GT(json["meta"]["placebo_dates"].get<int>(), 0);
  EXPECT_FALSE(json["meta"]["sources"].empty());
}

// The shock says what it rests on, and calls its placebo underpowered exactly when more
// than half of the placebo dates have no event in either window.
TEST_F(CuratedAnalysisCliTest, ShockStatesItsCoverageAndWhenItsPlaceboIsNoFinding) {
  auto json = RunJson("shock --date 2022-02-24", db_);
  const auto& meta = json["meta"];
  const auto& coverage = meta["coverage"];
  EXPECT_EQ(coverage["census"], false);
  EXPECT_GE(coverage["records"]["agreements"].get<int>(),
            json["rows"][0]["count"].get<int>() + json["rows"][1]["count"].get<int>());
  EXPECT_GT(coverage["sources"].get<int>(), 0);
  EXPECT_LE(coverage["first"].get<std::string>(), coverage["last"].get<std::string>());
  int empty = meta["placebo_empty_dates"], dates = meta["placebo_dates"];
  EXPECT_EQ(meta["placebo_underpowered"].get<bool>(), 2 * empty > dates);
  CommandResult table = RunDefcoop("shock --date 2022-02-24", db_);
  EXPECT_NE(table.out.find("not a census"), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find("the rank shows where the record has entries") != std::string::npos,
            meta["placebo_underpowered"].get<bool>())
      << table.out;
}

// Every command resting on curated records says how many of which kinds, from how many
// sources, over which span, and that the record is curated, not a census (issue 11).
TEST_F(CuratedAnalysisCliTest, CuratedCommandsStateTheirCoverage) {
  const std::map<std::string, std::string> kind_of = {
      {"timeline --actor TUR", "events"},
      {"embargoes --target TUR", "embargoes"},
      {"claims", "claims"},
      {"network --layers agreements,ventures --years 2011-2024", "agreements"},
      {"exposure --embargo USA", "components"}};
  for (const auto& [command, kind] : kind_of) {
    auto json = RunJson(command, db_);
    const auto& coverage = json["meta"]["coverage"];
    EXPECT_EQ(coverage["census"], false) << command;
    EXPECT_GT(coverage["records"][kind].get<int>(), 0) << command;
    EXPECT_GT(coverage["sources"].get<int>(), 0) << command;
    EXPECT_NE(RunDefcoop(command, db_).out.find("(curated records, not a census) from"),
              std::string::npos)
        << command;
  }
}

// The placebo distribution in the JSON agrees with the rank and placebo p the command
// computed itself: counts add up to the placebo dates, those with a larger statistic to
// rank - 1, those with at least the shock's to placebo_p = (1 + k) / (n + 1).
TEST_F(CuratedAnalysisCliTest, ShockPlaceboDistributionAgreesWithItsRank) {
  for (const char* placebo : {"month", "day"}) {
    auto json = RunJson(std::string("shock --date 2022-02-24 --placebo ") + placebo, db_);
    const auto& meta = json["meta"];
    double shock = meta["statistic"];
    int total = 0, larger = 0, at_least = 0;
    double previous = -1e300;
    for (const auto& bin : meta["placebo_distribution"]) {
      double statistic = bin["statistic"];
      int dates = bin["dates"];
      EXPECT_GT(statistic, previous);  // sorted, one bin per value
      previous = statistic;
      EXPECT_GT(dates, 0);
      total += dates;
      if (statistic > shock + 1e-6) larger += dates;
      if (statistic >= shock - 1e-6) at_least += dates;
    }
    EXPECT_EQ(total, meta["placebo_dates"].get<int>()) << placebo;
    EXPECT_EQ(larger + 1, meta["placebo_rank"].get<int>()) << placebo;
    EXPECT_NEAR((1.0 + at_least) / (total + 1), meta["placebo_p"].get<double>(), 1e-12)
        << placebo;
  }
}

TEST_F(CuratedAnalysisCliTest, ShockLeavesOutFactsDatedToAMonthTheWindowCutsThrough) {
  auto json = RunJson(
      "shock --date 2022-02-24 --window 90d --actor Kazakhstan --with Türkiye --placebo day", db_);
  ASSERT_EQ(json["rows"].size(), 2u);
  EXPECT_EQ(json["rows"][0]["days"], 90);
  EXPECT_EQ(json["meta"]["actors"], nlohmann::json::array({"KAZ"}));
  // The after window ends on 2022-05-24: the plan of 2022-02-26, the statement of 2022-05-10
  // and the documents of 2022-05-11 are in it, the two agreements dated only "2022-05" may
  // fall after its end and are left out.
  EXPECT_EQ(json["rows"][1]["events"],
            nlohmann::json::array(
                {"agr:kaz-tur-plan-2022", "agr:kaz-tur-esp-2022", "agr:kaz-tur-milcoop-docs-2022"}));
  EXPECT_EQ(json["rows"][1]["to"], "2022-05-24");
  EXPECT_EQ(json["meta"]["ambiguous"], 2);
  EXPECT_NE(json["meta"]["note"].get<std::string>().find("agr:kaz-tur-intel-2022"),
            std::string::npos);
}

// Regression: `shock`, `claims` and the brief each derived their own placebo span. The
// claim check now reports the span and rank the command reports.
TEST_F(CuratedAnalysisCliTest, ShockAndTheClaimCheckReportTheSameSpanAndRank) {
  auto shock = RunJson("shock --date 2022-02-24", db_);
  const auto& meta = shock["meta"];
  EXPECT_EQ(meta["underpowered"], false);
  std::string span = meta["placebo_span"];
  // The span covers the shock's after window (to 2023-02-23).
  EXPECT_GE(span.substr(span.find("..") + 2), "2023-02-23");
  EXPECT_GT(meta["placebo_overlapping"].get<int>(), 0);
  int dates = meta["placebo_dates"].get<int>() + 1;
  auto claims = RunJson("claims", db_);
  std::string computed;
  for (const auto& row : claims["rows"]) {
    if (row["id"] == "claim:wave-2022") computed = row["computed"];
  }
  std::string expected = "placebo rank " + std::to_string(meta["placebo_rank"].get<int>()) +
                         " of " + std::to_string(dates) + " (" + span + ")";
  EXPECT_NE(computed.find(expected), std::string::npos) << computed << " vs " << expected;
  // The placebo p counts the shock: (1 + k) / (n + 1) is never below 1 / (n + 1).
  EXPECT_GE(meta["placebo_p"].get<double>(), 1.0 / dates - 1e-12);
}

TEST_F(CuratedAnalysisCliTest, ShockWithTooFewEventsSaysUnderpoweredInsteadOfAPValue) {
  CommandResult result = RunDefcoop("shock --date 2022-02-24 --window 1m", db_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = RunJson("shock --date 2022-02-24 --window 1m", db_);
  int events = json["rows"][0]["count"].get<int>() + json["rows"][1]["count"].get<int>();
  ASSERT_LT(events, 6);
  EXPECT_EQ(json["meta"]["underpowered"], true);
  EXPECT_EQ(json["meta"]["min_events"], 6);
  EXPECT_NE(result.out.find("underpowered"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("rate test p ="), std::string::npos) << result.out;
}

TEST_F(CuratedAnalysisCliTest, ShockRejectsABadWindowAsAUsageError) {
  CommandResult result = RunDefcoop("shock --date 2022-02-24 --window 12x", db_);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--window"), std::string::npos) << result.err;
}

TEST_F(CuratedAnalysisCliTest, PeriodsRejectsAnUnknownSeriesAsAUsageError) {
  CommandResult result = RunDefcoop("periods sales:TUR", db_);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("exports:COUNTRY"), std::string::npos) << result.err;
}

// Two real registers, imported once for the suite.
class SipriAnalysisCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kNewestRegister) || !fs::exists(kNewFormatRegister)) return;
    db_ = TempPath("sipri.db");
    fs::remove(db_);
    ASSERT_EQ(RunDefcoop("init", db_).exit_code, 0);
    CommandResult import =
        RunDefcoop("import sipri '" + kNewestRegister + "' '" + kNewFormatRegister + "'", db_);
    ASSERT_EQ(import.exit_code, 0) << import.err;
  }
  static void TearDownTestSuite() {
    if (!db_.empty()) fs::remove(db_);
  }

  void SetUp() override {
    if (!fs::exists(kNewestRegister) || !fs::exists(kNewFormatRegister))
      GTEST_SKIP() << "no SIPRI data at " << kSipri;
  }

  static inline std::string db_;
};

TEST_F(SipriAnalysisCliTest, TurkishExportPeriodsAreComparedWithTheArticles) {
  auto json = RunJson(std::string("periods exports:Türkiye --vintage ") + kNewFormatVintage, db_);
  ASSERT_GE(json["rows"].size(), 1u);
  EXPECT_EQ(json["meta"]["series"], "exports:TUR");
  EXPECT_EQ(json["meta"]["vintage"], kNewFormatVintage);
  EXPECT_EQ(json["meta"]["approximate"], false);  // a new-format register splits per year
  int expected_start = json["rows"][0]["start"];
  for (const auto& row : json["rows"]) {
    EXPECT_EQ(row["start"].get<int>(), expected_start) << row.dump();  // periods tile the span
    expected_start = row["end"].get<int>() + 1;
  }
  ASSERT_EQ(json["meta"]["compare"].size(), 2u);
  EXPECT_EQ(json["meta"]["compare"][0]["given"], 1990);
  EXPECT_EQ(json["meta"]["compare"][1]["given"], 2005);
  EXPECT_NE(json["meta"]["compare_source"].get<std::string>().find("bazarbayev2024"),
            std::string::npos);
}

// Regression: years before a register's first delivery were filled with zeros, so a
// register starting in 1990 produced a "1970-1989" period.
TEST_F(SipriAnalysisCliTest, PeriodsNeverFillYearsOutsideTheRegistersCoverage) {
  auto json = RunJson(
      std::string("periods exports:Türkiye --years 1970-2023 --vintage ") + kNewFormatVintage, db_);
  ASSERT_GE(json["rows"].size(), 1u);
  ASSERT_TRUE(json["meta"].contains("coverage"));
  std::string coverage = json["meta"]["coverage"];
  EXPECT_EQ(json["rows"][0]["start"].get<int>(), std::stoi(coverage.substr(0, 4)));
  EXPECT_GT(json["rows"][0]["start"].get<int>(), 1970);
}

// Regression: MAD(diff) collapsed on Ukraine's zero-heavy exports (penalty 0.004, 11
// periods); the mean absolute difference gives 0.61 and 9 periods (vintage 2026-05-18).
// The sensitivity rows say how the count moves from 1/4 to 4 times the penalty.
TEST_F(SipriAnalysisCliTest, PeriodsPenaltyDoesNotCollapseAndReportsItsSensitivity) {
  auto json = RunJson("periods exports:Ukraine", db_);
  EXPECT_GT(json["meta"]["penalty_value"].get<double>(), 0.1);
  const auto& trials = json["meta"]["sensitivity"];
  ASSERT_EQ(trials.size(), 5u);
  EXPECT_EQ(trials[2]["multiplier"], 1.0);
  EXPECT_EQ(trials[2]["periods"].get<size_t>(), json["rows"].size());
  EXPECT_GE(trials[0]["periods"].get<int>(), trials[4]["periods"].get<int>());
  EXPECT_EQ(json["meta"]["periods_range"][0], trials[4]["periods"]);
}

TEST_F(SipriAnalysisCliTest, PeriodsOfAnotherSeriesCompareOnlyWhenAsked) {
  auto plain = RunJson("periods imports:Azerbaijan --penalty 1 --min-length 4", db_);
  ASSERT_GE(plain["rows"].size(), 1u);
  EXPECT_FALSE(plain["meta"].contains("compare"));
  EXPECT_EQ(plain["meta"]["penalty"], "manual");
  auto compared = RunJson("periods imports:Azerbaijan --compare 1992-2010,2011-2025", db_);
  ASSERT_EQ(compared["meta"]["compare"].size(), 1u);
  EXPECT_EQ(compared["meta"]["compare"][0]["given"], 2011);
}

TEST_F(SipriAnalysisCliTest, AzerbaijanShiftStartsWithRussiaDominant) {
  auto json = RunJson("shift Azerbaijan --years 2010-2023", db_);
  ASSERT_EQ(json["rows"].size(), 10u);  // 5-year windows 2010-2014 ... 2019-2023
  EXPECT_EQ(json["rows"][0]["years"], "2010-2014");
  EXPECT_EQ(json["rows"][0]["dominant"], "RUS");
  EXPECT_GT(json["rows"][0]["dominant_share"].get<double>(), 0.5);
  ASSERT_FALSE(json["meta"]["dominant_changes"].empty());
  EXPECT_EQ(json["meta"]["dominant_changes"][0]["previous"], "RUS");
  ASSERT_FALSE(json["meta"]["falling"].empty());
  EXPECT_EQ(json["meta"]["falling"][0]["supplier"], "RUS");  // the largest fall first
  EXPECT_EQ(json["meta"]["vintage"], "2026-05-18");
}

TEST_F(SipriAnalysisCliTest, NetworkWritesGraphMLAndHasTheDesignKeys) {
  std::string graphml = TempPath("network.graphml");
  auto json = RunJson("network --years 2014-2023 --graphml '" + graphml + "'", db_);
  EXPECT_NE(ReadText(graphml).find("<graphml"), std::string::npos);
  fs::remove(graphml);
  ASSERT_GT(json["rows"].size(), 100u);
  for (const char* key : {"id", "degree", "strength", "betweenness", "eigenvector", "community"}) {
    EXPECT_TRUE(json["rows"][0].contains(key)) << key;
  }
  double density = json["meta"]["density"];
  EXPECT_GT(density, 0);
  EXPECT_LT(density, 1);
  EXPECT_TRUE(json["meta"]["ots_density"].is_number());
  EXPECT_EQ(json["meta"]["years"], "2014-2023");
  EXPECT_EQ(json["meta"]["credit"], "Information from the SIPRI Arms Transfers Database");
}

// Regression: TIV (millions) was added to agreement counts and lengths were 1/TIV.
TEST_F(SipriAnalysisCliTest, NetworkStatesItsWeightingAndKeepsEachLayersUnit) {
  auto json = RunJson("network --years 2014-2023", db_);
  EXPECT_NE(json["meta"]["weighting"].get<std::string>().find("largest"), std::string::npos);
  EXPECT_GT(json["meta"]["layer_scale"]["transfers"].get<double>(), 1000);
  for (const auto& row : json["rows"]) {
    // Each of the three layers adds at most 1 per neighbour.
    EXPECT_LE(row["strength"].get<double>(), 3 * row["degree"].get<double>() + 1e-9) << row.dump();
    if (row["id"] == "CAN") {
      EXPECT_GT(row["betweenness"].get<double>(), 0);
    }
  }
  auto directed = RunJson("network --years 2014-2023 --directed", db_);
  EXPECT_EQ(directed["meta"]["directed"], true);
  EXPECT_EQ(directed["meta"]["layers"], nlohmann::json::array({"transfers"}));
  CommandResult mixed = RunDefcoop("network --directed --layers transfers,agreements", db_);
  EXPECT_EQ(mixed.exit_code, 2);
}

TEST_F(SipriAnalysisCliTest, NetworkTopKeepsTheHeaviestTransferEdges) {
  std::string edges = TempPath("edges.csv");
  RunJson("network --years 2014-2023 --layers transfers --top 5 --edges '" + edges + "'", db_);
  std::string text = ReadText(edges);
  fs::remove(edges);
  EXPECT_EQ(text.rfind("source,target,weight,layer,type\n", 0), 0u) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 6);
}

}  // namespace
}  // namespace defcoop::testing
