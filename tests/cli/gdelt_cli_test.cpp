// `defcoop import gdelt` and `defcoop events` end to end: the real binary on every real
// GDELT file in ../shared/data/gdelt (never copied into the repository). Expected counts
// are made here from the raw files with plain splits (tests/ingest/gdelt_raw.h),
// independently of the reader, the rollup and the SQL under test.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "../ingest/gdelt_raw.h"
#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kGdelt = std::string(DEFCOOP_SHARED_DATA_DIR) + "/gdelt";

struct Sample {
  std::string path;
  bool header;
  bool derived;
  bool mentions;
};

const std::vector<Sample>& Samples() {
  static const std::vector<Sample> kSamples = {
      {"events_v2/20191024143000.export.CSV", false, false, false},
      {"events_v2/events2samps_gdeltPyR.csv", true, false, false},
      {"events_v2/mentions_sample_gdeltPyR.csv", true, false, true},
      {"events_v1/gdelt1_sample_20160728_mixed.tsv", false, false, false},
      {"events_v1/gdelt1_georgia_june2012.csv", true, false, false},
      {"events_v1/gdelt1_georgia_nov2012.csv", true, false, false},
      {"derived/gdelt2_countrydyads_20201113.csv", true, true, false},
      {"derived/gdelt2_countrydyads_20201114.csv", true, true, false},
      {"derived/gdelt2_countrydyads_20201115.csv", true, true, false},
  };
  return kSamples;
}

std::string Quoted(const Sample& sample) { return "'" + kGdelt + "/" + sample.path + "'"; }

std::string AllFiles() {
  std::string files;
  for (const Sample& sample : Samples()) files += " " + Quoted(sample);
  return files;
}

std::string TempPath(const std::string& name) {
  return (fs::temp_directory_path() /
          ("defcoop-gdelt-cli-" + std::to_string(::getpid()) + "-" + name))
      .string();
}

// Every event row of the event files, as the raw lines say.
std::vector<RawGdeltRow> AllRawRows(bool november_only = false) {
  std::vector<RawGdeltRow> rows;
  for (const Sample& sample : Samples()) {
    if (sample.mentions || (november_only && !sample.derived)) continue;
    auto file = ReadRawGdelt(kGdelt + "/" + sample.path, sample.header, sample.derived);
    rows.insert(rows.end(), file.begin(), file.end());
  }
  return rows;
}

// The five Turkic Republics' CAMEO country codes, which are their actor ids.
const std::set<std::string> kTurkic = {"AZE", "KAZ", "KGZ", "UZB", "TKM"};

bool TurAze(const RawGdeltRow& row) {
  return (row.actor1_country == "TUR" && row.actor2_country == "AZE") ||
         (row.actor1_country == "AZE" && row.actor2_country == "TUR");
}

std::string IsoDay(const std::string& yyyymmdd) {
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

class GdeltCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kGdelt)) return;
    db_ = TempPath("store.db");
    rejects_ = TempPath("rejects.csv");
    fs::remove(db_);
    ASSERT_EQ(RunDefcoop("init", db_).exit_code, 0);
    import_ = RunDefcoop("--format json import gdelt" + AllFiles() + " --rejects " + rejects_, db_);
  }
  static void TearDownTestSuite() {
    fs::remove(db_);
    fs::remove(rejects_);
  }
  void SetUp() override {
    if (!fs::exists(kGdelt)) GTEST_SKIP() << kGdelt << " is not there";
  }

  static nlohmann::json Events(const std::string& args) {
    CommandResult result = RunDefcoop("--format json events " + args, db_);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return nlohmann::json::parse(result.out);
  }

  static inline std::string db_;
  static inline std::string rejects_;
  static inline CommandResult import_;
};

TEST_F(GdeltCliTest, EveryFileImportsEveryLineOrSaysWhyNot) {
  ASSERT_EQ(import_.exit_code, 0) << import_.err;
  auto json = nlohmann::json::parse(import_.out);
  ASSERT_EQ(json["rows"].size(), Samples().size());
  for (size_t idx = 0; idx < Samples().size(); ++idx) {
    const auto& row = json["rows"][idx];
    std::string text = ReadText(kGdelt + "/" + Samples()[idx].path);
    int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) -
                (Samples()[idx].header ? 1 : 0);
    EXPECT_EQ(row["records_read"], lines) << row;
    EXPECT_EQ(row["records_read"].get<int>(),
              row["imported"].get<int>() + row["rejected"].get<int>())
        << row;
  }
  EXPECT_EQ(json["meta"]["records_read"].get<int>(),
            json["meta"]["imported"].get<int>() + json["meta"]["rejected"].get<int>());
  // The rejects file lists what was rejected: its header and one line per rejected row.
  std::string rejects = ReadText(rejects_);
  EXPECT_EQ(std::count(rejects.begin(), rejects.end(), '\n'),
            1 + json["meta"]["rejected"].get<int>() + json["meta"]["repaired"].get<int>());
}

TEST_F(GdeltCliTest, ImportingTheSameFilesAgainChangesNothing) {
  auto before = RunDefcoop(
      "--format csv --no-meta query \"SELECT (SELECT count(*) FROM gdelt_file) AS files,"
      " (SELECT sum(events) FROM gdelt_dyad_day) AS events\"",
      db_);
  CommandResult again = RunDefcoop("--format json import gdelt" + AllFiles(), db_);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  nlohmann::json answer = nlohmann::json::parse(again.out);  // kept: the loop reads into it
  for (const auto& row : answer["rows"]) EXPECT_TRUE(row["already_imported"]);
  EXPECT_NE(again.err.find("already imported"), std::string::npos);
  auto after = RunDefcoop(
      "--format csv --no-meta query \"SELECT (SELECT count(*) FROM gdelt_file) AS files,"
      " (SELECT sum(events) FROM gdelt_dyad_day) AS events\"",
      db_);
  EXPECT_EQ(before.out, after.out);
  EXPECT_EQ(after.out.substr(0, 15), "files,events\n9,");
  // --replace imports a file again in place of its earlier import: the same totals.
  CommandResult replaced = RunDefcoop("import gdelt --replace " + Quoted(Samples().front()), db_);
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_NE(replaced.err.find("replaced 1 earlier import(s)"), std::string::npos) << replaced.err;
  auto replaced_counts = RunDefcoop(
      "--format csv --no-meta query \"SELECT (SELECT count(*) FROM gdelt_file) AS files,"
      " (SELECT sum(events) FROM gdelt_dyad_day) AS events\"",
      db_);
  EXPECT_EQ(replaced_counts.out, before.out);
}

TEST_F(GdeltCliTest, DyadCountsMatchACountFromTheRawFiles) {
  std::map<std::pair<std::string, std::string>, long> expected;
  for (const RawGdeltRow& row : AllRawRows()) {
    bool out = row.actor1_country == "TUR" && kTurkic.count(row.actor2_country);
    bool in = row.actor2_country == "TUR" && kTurkic.count(row.actor1_country);
    if (out || in) ++expected[{row.actor1_country, row.actor2_country}];
  }
  ASSERT_FALSE(expected.empty());
  auto json = Events("--actor Türkiye --with AZE KAZ KGZ UZB TKM --by dyad");
  std::map<std::pair<std::string, std::string>, long> counted;
  for (const auto& row : json["rows"]) counted[{row["actor1"], row["actor2"]}] = row["events"];
  EXPECT_EQ(counted, expected);
  // --directed: Türkiye as Actor1 only.
  auto directed = Events("--actor Türkiye --with AZE KAZ KGZ UZB TKM --by dyad --directed");
  std::map<std::pair<std::string, std::string>, long> acting;
  for (const auto& row : directed["rows"]) acting[{row["actor1"], row["actor2"]}] = row["events"];
  for (const auto& [dyad, events] : expected)
    if (dyad.first == "TUR") {
      EXPECT_EQ(acting[dyad], events) << dyad.second;
    }
  for (const auto& [dyad, events] : acting) EXPECT_EQ(dyad.first, "TUR");
}

TEST_F(GdeltCliTest, CodeCountsAndSumsMatchTheRawFilesInNovember2020) {
  struct Sums {
    long events = 0, mentions = 0, sources = 0, articles = 0;
    double tone = 0;
  };
  std::map<std::string, Sums> expected;
  for (const RawGdeltRow& row : AllRawRows(true)) {
    if (!TurAze(row)) continue;
    Sums& sums = expected[row.event_code];
    sums.events += 1;
    sums.mentions += row.mentions;
    sums.sources += row.sources;
    sums.articles += row.articles;
    sums.tone += row.tone;
  }
  auto json =
      Events("--actor Türkiye --with Azerbaijan --by code --from 2020-11-13 --to 2020-11-15");
  ASSERT_EQ(json["rows"].size(), expected.size());
  for (const auto& row : json["rows"]) {
    const Sums& sums = expected[row["code"]];
    EXPECT_EQ(row["events"], sums.events) << row;
    EXPECT_EQ(row["mentions"], sums.mentions) << row;
    EXPECT_EQ(row["sources"], sums.sources) << row;
    EXPECT_EQ(row["articles"], sums.articles) << row;
    EXPECT_NEAR(row["mean_tone"].get<double>(), sums.tone / sums.events, 1e-9) << row;
  }
  // What the answer rests on: the three November files, GDELT 2.0.
  EXPECT_EQ(json["meta"]["files"].size(), 3u);
  EXPECT_EQ(json["meta"]["versions"], nlohmann::json::array({2}));
}

TEST_F(GdeltCliTest, QualityFiltersMatchTheRawFiles) {
  long min_sources = 0, root = 0, by_day = 0;
  std::map<std::string, long> days;
  for (const RawGdeltRow& row : AllRawRows()) {
    if (!TurAze(row)) continue;
    if (row.sources >= 2) ++min_sources;
    if (row.is_root == "1") ++root;
    ++days[IsoDay(row.day)];
  }
  auto total = [](const nlohmann::json& json) {
    long sum = 0;
    for (const auto& row : json["rows"]) sum += row["events"].get<long>();
    return sum;
  };
  EXPECT_EQ(total(Events("--actor TUR --with AZE --by year --min-sources 2")), min_sources);
  EXPECT_EQ(total(Events("--actor TUR --with AZE --by year --root-only")), root);
  auto json = Events("--actor TUR --with AZE --by day");
  for (const auto& row : json["rows"]) {
    EXPECT_EQ(row["events"], days[row["day"]]) << row;
    ++by_day;
  }
  EXPECT_EQ(by_day, static_cast<long>(days.size()));
}

// The codes of the shipped list (first column), read with a plain split.
std::set<std::string> DefenseCodes() {
  std::set<std::string> codes;
  std::istringstream lines(ReadText(std::string(DEFCOOP_DATA_DIR) + "/gdelt_defense_codes.csv"));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) codes.insert(line.substr(0, line.find(',')));
  return codes;
}

TEST_F(GdeltCliTest, ExampleUrlsAreSourcesOfTheDefenseRelevantEventsOfTheRow) {
  std::map<std::string, std::set<std::string>> urls;  // by code, TUR-AZE rows with a URL
  for (const RawGdeltRow& row : AllRawRows())
    if (TurAze(row) && row.event_code.rfind("04", 0) == 0 && !row.url.empty())
      urls[row.event_code].insert(row.url);
  std::set<std::string> defense = DefenseCodes();
  auto json = Events("--actor TUR --with AZE --codes 04 --by code");
  ASSERT_FALSE(json["rows"].empty());
  int with_examples = 0;
  for (const auto& row : json["rows"]) {
    std::string code = row["code"];
    const auto& examples = row["example_urls"];
    bool expected = defense.count(code) && !urls[code].empty();
    EXPECT_EQ(!examples.empty(), expected) << row;
    EXPECT_LE(examples.size(), 3u);
    for (const auto& url : examples) EXPECT_TRUE(urls[code].count(url)) << url;
    with_examples += !examples.empty();
  }
  EXPECT_GT(with_examples, 0);
}

// A write that fails anywhere in an import leaves no part of the file in the store.
TEST_F(GdeltCliTest, AFailedWriteLeavesNoPartOfTheFile) {
  std::string base = TempPath("base.db"), db = TempPath("fault.db");
  ASSERT_EQ(RunDefcoop("init", base).exit_code, 0);
  const std::string count_sql =
      "--format csv --no-meta query \"SELECT (SELECT count(*) FROM gdelt_file) AS files,"
      " (SELECT count(*) FROM gdelt_dyad_day) AS rows\"";
  int failed = 0;
  for (int write : {1, 2, 4, 8, 16, 32, 64}) {
    fs::copy_file(base, db, fs::copy_options::overwrite_existing);
    ::setenv("DEFCOOP_FAULT", ("fail-write:" + std::to_string(write)).c_str(), 1);
    CommandResult import = RunDefcoop("import gdelt " + Quoted(Samples()[6]), db);
    ::unsetenv("DEFCOOP_FAULT");
    std::string counts = RunDefcoop(count_sql, db).out;
    if (import.exit_code == 0) {
      EXPECT_NE(counts, "files,rows\n0,0\n") << write;
      continue;
    }
    ++failed;
    EXPECT_EQ(import.exit_code, 1) << import.err;
    EXPECT_EQ(import.err.find("internal error"), std::string::npos) << import.err;
    EXPECT_EQ(counts, "files,rows\n0,0\n") << write << ": " << import.err;
  }
  EXPECT_GT(failed, 0);
  fs::remove(base);
  fs::remove(db);
}

TEST_F(GdeltCliTest, BadArgumentsAndAnEmptyStoreSaySo) {
  auto bad = RunDefcoop("events --actor TUR --codes 5x", db_);
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("'5x' is not a CAMEO code"), std::string::npos) << bad.err;
  std::string empty = TempPath("empty.db");
  ASSERT_EQ(RunDefcoop("init", empty).exit_code, 0);
  auto none = RunDefcoop("events --actor TUR", empty);
  EXPECT_NE(none.exit_code, 0);
  EXPECT_NE(none.err.find("no GDELT data in the store"), std::string::npos) << none.err;
  fs::remove(empty);
}

}  // namespace
}  // namespace defcoop::testing
