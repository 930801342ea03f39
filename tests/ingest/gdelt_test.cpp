// The GDELT reader on every real GDELT file in ../shared/data/gdelt (never copied here),
// and on bad input made from a real row. Expected counts come from the files themselves,
// read here with plain splits, independently of the reader under test.
#include "defcoop/ingest/gdelt.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "defcoop/csv/reader.h"
#include "defcoop/ingest/curated.h"
#include "gdelt_raw.h"

namespace defcoop::ingest {
namespace {

const std::string kGdelt = std::string(DEFCOOP_SHARED_DATA_DIR) + "/gdelt";

struct RealFile {
  std::string path;  // under kGdelt
  std::string layout;
  int version;
  bool header;
};

const std::vector<RealFile>& RealFiles() {
  static const std::vector<RealFile> kFiles = {
      {"events_v2/20191024143000.export.CSV", "gdelt2", 2, false},
      {"events_v2/events2samps_gdeltPyR.csv", "gdelt2-header", 2, true},
      {"events_v2/mentions_sample_gdeltPyR.csv", "mentions-header", 2, true},
      {"events_v1/gdelt1_sample_20160728_mixed.tsv", "gdelt1", 1, false},
      {"events_v1/gdelt1_georgia_june2012.csv", "gdelt1-header", 1, true},
      {"events_v1/gdelt1_georgia_nov2012.csv", "gdelt1-header", 1, true},
      {"derived/gdelt2_countrydyads_20201113.csv", "gdelt2-derived", 2, true},
      {"derived/gdelt2_countrydyads_20201114.csv", "gdelt2-derived", 2, true},
      {"derived/gdelt2_countrydyads_20201115.csv", "gdelt2-derived", 2, true},
  };
  return kFiles;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int LineCount(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

using DyadCode = std::tuple<std::string, std::string, std::string>;

// (Actor1CountryCode, Actor2CountryCode, EventCode) -> rows, counted from the raw lines.
std::map<DyadCode, int> CountFromFile(const RealFile& file) {
  std::map<DyadCode, int> counts;
  for (const auto& row : testing::ReadRawGdelt(kGdelt + "/" + file.path, file.header,
                                               file.layout == "gdelt2-derived")) {
    ++counts[{row.actor1_country, row.actor2_country, row.event_code}];
  }
  return counts;
}

// Rows whose EventRootCode lost its leading zero ("4" for "04"), as the raw file says.
int ShortRootCodes(const RealFile& file) {
  if (file.layout.rfind("mentions", 0) == 0) return 0;
  std::string path = kGdelt + "/" + file.path;
  int rows = 0;
  for (const auto& row : testing::ReadRawGdelt(path, file.header, file.layout == "gdelt2-derived"))
    rows += row.root_code.size() == 1;
  return rows;
}

TEST(GdeltTest, EveryRealFileReadsEveryLineAsARowOrAProblem) {
  for (const RealFile& file : RealFiles()) {
    std::string path = kGdelt + "/" + file.path;
    if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is not there";
    int events = 0, mentions = 0;
    GdeltSink sink{[&](GdeltEvent&&) { ++events; }, [&](GdeltMention&&) { ++mentions; }};
    auto read = ReadGdeltFile(path, sink);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    EXPECT_EQ(read->layout, file.layout) << path;
    EXPECT_EQ(read->version, file.version) << path;
    int lines = LineCount(Slurp(path)) - (file.header ? 1 : 0);
    EXPECT_EQ(read->records_read, lines) << path;
    int rejected = 0, repaired = 0;
    for (const InputProblem& problem : read->problems) ++(problem.repaired ? repaired : rejected);
    EXPECT_EQ(read->records_read, read->imported + rejected) << path;
    EXPECT_EQ(read->imported, events + mentions) << path;
    EXPECT_EQ(rejected, 0) << path << ": " << read->problems.front().reason;
    EXPECT_EQ(repaired, ShortRootCodes(file)) << path;
    EXPECT_FALSE(read->content_hash.empty());
  }
}

TEST(GdeltTest, CountsPerDyadAndCodeMatchACountFromTheRawFile) {
  for (const RealFile& file : RealFiles()) {
    if (file.layout.rfind("mentions", 0) == 0) continue;
    std::string path = kGdelt + "/" + file.path;
    if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is not there";
    std::map<DyadCode, int> read_counts;
    GdeltSink sink{[&](GdeltEvent&& e) {
                     ++read_counts[{e.actor1_country, e.actor2_country, e.event_code}];
                   },
                   nullptr};
    ASSERT_TRUE(ReadGdeltFile(path, sink).ok());
    EXPECT_EQ(read_counts, CountFromFile(file)) << path;
  }
}

TEST(GdeltTest, KeepsCodesAsTextAndReadsTheFieldsByLayout) {
  std::string path = kGdelt + "/events_v1/gdelt1_georgia_june2012.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is not there";
  std::vector<GdeltEvent> events;
  GdeltSink sink{[&](GdeltEvent&& e) { events.push_back(std::move(e)); }, nullptr};
  ASSERT_TRUE(ReadGdeltFile(path, sink).ok());
  // Line 2:
  // 206605240,20120601,...,NA,...,"AFR","AFRICA","AFR",...,1,"042","042","04",1,1.9,3,1,3,7.2...
  const GdeltEvent& first = events.front();
  EXPECT_EQ(first.global_event_id, 206605240);
  EXPECT_EQ(first.day, "2012-06-01");
  EXPECT_EQ(first.actor1_country, "");  // NA
  EXPECT_EQ(first.actor2_country, "AFR");
  EXPECT_EQ(first.event_code, "042");
  EXPECT_EQ(first.root_code, "04");
  EXPECT_EQ(first.quad_class, 1);
  EXPECT_DOUBLE_EQ(first.goldstein, 1.9);
  EXPECT_EQ(first.mentions, 3);
  EXPECT_EQ(first.sources, 1);
  EXPECT_EQ(first.articles, 3);
  EXPECT_EQ(first.action_geo_country, "GG");
  EXPECT_EQ(first.date_added, "20130203");
  EXPECT_EQ(first.line, 2);
}

TEST(GdeltTest, BackFileRowsWithoutSourceUrlAndDailyRowsWithItBothRead) {
  std::string path = kGdelt + "/events_v1/gdelt1_sample_20160728_mixed.tsv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is not there";
  int with_url = 0, without_url = 0;
  GdeltSink sink{[&](GdeltEvent&& e) { ++(e.source_url.empty() ? without_url : with_url); },
                 nullptr};
  ASSERT_TRUE(ReadGdeltFile(path, sink).ok());
  EXPECT_EQ(with_url, 509);     // SOURCES.md: 58-field daily rows
  EXPECT_EQ(without_url, 201);  // 57-field 1982 back-file rows
}

// The first line of the real 2.0 export, and the file with lines replaced.
std::string FirstV2Line() {
  std::string text = Slurp(kGdelt + "/events_v2/20191024143000.export.CSV");
  return text.substr(0, text.find('\n'));
}

std::string WithField(std::string line, size_t field, const std::string& value) {
  auto fields = testing::SplitQuoted(line, '\t');
  fields[field] = value;
  std::string joined;
  for (size_t i = 0; i < fields.size(); ++i) joined += (i ? "\t" : "") + fields[i];
  return joined;
}

std::string WithId(const std::string& line, int64_t id) {
  return WithField(line, 0, std::to_string(id));
}

class GdeltBadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kGdelt + "/events_v2/20191024143000.export.CSV"))
      GTEST_SKIP() << "no GDELT sample";
    line_ = FirstV2Line();
  }

  GdeltRead Parse(const std::string& text) {
    auto read = ParseGdelt(text, "bad.CSV", GdeltSink{[&](GdeltEvent&&) { ++events_; }, nullptr});
    EXPECT_TRUE(read.ok()) << read.status().ToString();
    return read.ok() ? *read : GdeltRead{};
  }

  std::string line_;
  int events_ = 0;
};

TEST_F(GdeltBadInputTest, WrongFieldCountIsRejectedWithItsLine) {
  std::string short_line = line_.substr(0, line_.rfind('\t'));  // 60 fields
  GdeltRead read = Parse(line_ + "\n" + WithId(line_, 1) + "\n" + short_line + "\n");
  EXPECT_EQ(read.records_read, 3);
  EXPECT_EQ(read.imported, 2);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].where.ToString(), "bad.CSV:3");
  EXPECT_EQ(read.problems[0].reason, "expected 61 fields (gdelt2), found 60");
  EXPECT_EQ(events_, 2);
}

TEST_F(GdeltBadInputTest, BadDatesAndCodesAreRejectedWithTheFieldAndValue) {
  std::string text = line_ + "\n" + WithField(WithId(line_, 2), 1, "20191301") + "\n" +
                     WithField(WithId(line_, 3), 59, "2019102414") + "\n" +
                     WithField(WithId(line_, 4), 26, "42") + "\n" +
                     WithField(WithId(line_, 5), 29, "5") + "\n";
  GdeltRead read = Parse(text);
  EXPECT_EQ(read.records_read, 5);
  EXPECT_EQ(read.imported, 1);
  ASSERT_EQ(read.problems.size(), 4u);
  EXPECT_EQ(read.problems[0].where.line, 2);
  EXPECT_EQ(read.problems[0].reason, "SQLDATE '20191301' is not a date (YYYYMMDD)");
  EXPECT_EQ(read.problems[1].reason, "DATEADDED '2019102414' is not a timestamp (YYYYMMDDHHMMSS)");
  EXPECT_EQ(read.problems[2].reason, "EventCode '42' is not under root code '13'");
  EXPECT_EQ(read.problems[3].where.line, 5);
  EXPECT_EQ(read.problems[3].reason, "QuadClass '5' is not 1 to 4");
}

TEST_F(GdeltBadInputTest, CodesWithoutTheirLeadingZeroAreRestoredAndListed) {
  // Line 1 is 139/139/13; a 2.0 row coded 042/42/4 as the derived files write it.
  std::string text =
      WithField(WithField(WithField(WithId(line_, 7), 26, "042"), 27, "42"), 28, "4");
  std::vector<GdeltEvent> events;
  auto read =
      ParseGdelt(text + "\n" + WithField(text, 27, "43") + "\n", "derived.csv",
                 GdeltSink{[&](GdeltEvent&& e) { events.push_back(std::move(e)); }, nullptr});
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].base_code, "042");
  EXPECT_EQ(events[0].root_code, "04");
  ASSERT_EQ(read->problems.size(), 2u);
  EXPECT_TRUE(read->problems[0].repaired);
  EXPECT_EQ(read->problems[0].reason,
            "EventBaseCode '42' and EventRootCode '4' written without the leading zero (as "
            "numbers, by a spreadsheet or pandas): read as 042 and 04");
  EXPECT_FALSE(read->problems[1].repaired);  // 43 is no base code of 042
  EXPECT_EQ(read->problems[1].reason, "EventBaseCode '43' is not under root code '04'");
}

TEST_F(GdeltBadInputTest, DuplicateEventIdsAndBlankLinesAreRejected) {
  GdeltRead read = Parse(line_ + "\n\n" + line_ + "\n");
  EXPECT_EQ(read.records_read, 3);
  EXPECT_EQ(read.imported, 1);
  ASSERT_EQ(read.problems.size(), 2u);
  EXPECT_EQ(read.problems[0].reason, "blank line");
  EXPECT_EQ(read.problems[1].where.line, 3);
  EXPECT_EQ(read.problems[1].reason, "duplicate GLOBALEVENTID 881990832 (first on line 1)");
}

TEST_F(GdeltBadInputTest, ArchivesAndUnknownLayoutsAreRefusedWhole) {
  // ReadGdeltFile unzips (gdelt_zip_test); an archive in what it unzipped is refused.
  auto zip = ParseGdelt(std::string("PK\x03\x04", 4) + "truncated", "x.export.CSV.zip", {});
  ASSERT_FALSE(zip.ok());
  EXPECT_NE(zip.status().message().find("a zip archive inside the zip archive"),
            std::string::npos);
  auto empty = ParseGdelt("\n", "empty.CSV", {});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "empty.CSV: empty file");
  auto other = ParseGdelt("a\tb\tc\n", "other.tsv", {});
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.status().message().find("other.tsv:1: not a GDELT file: the first line has 3"),
            std::string::npos)
      << other.status().message();
}

TEST_F(GdeltBadInputTest, AHeaderWithoutARequiredColumnIsRefused) {
  auto read = ParseGdelt("GLOBALEVENTID,SQLDATE,EventCode\n1,20200101,042\n", "h.csv", {});
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().message(),
            "h.csv:1: the header has no column Actor1Code (a GDELT event export names its "
            "columns as the codebook does)");
}

TEST(GdeltCodeListTest, TheShippedListReadsAndABadOneSaysWhere) {
  auto list = ReadCameoCodeList(std::string(DEFCOOP_DATA_DIR) + "/gdelt_defense_codes.csv");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_TRUE(list->codes.count("057"));
  EXPECT_TRUE(list->codes.count("0312"));
  EXPECT_FALSE(list->codes.count("010"));
  std::string bad = (std::filesystem::temp_directory_path() / "defcoop-bad-codes.csv").string();
  std::ofstream(bad) << "cameo_code,label,project_tag,sources\n057,Sign,agreement,cameo-codebook\n"
                        "5x,Sign,agreement,cameo-codebook\n";
  auto read = ReadCameoCodeList(bad);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().where().line, 3);
  EXPECT_NE(read.status().message().find("'5x' is not a CAMEO code"), std::string::npos);
  std::filesystem::remove(bad);
}

}  // namespace
}  // namespace defcoop::ingest

namespace defcoop::ingest {
namespace {

// `validate` checks the code list as it checks every file that cites sources.
TEST(GdeltCodeListTest, ValidateChecksTheListsCodesAndSources) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("defcoop-gdelt-codes-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(DEFCOOP_DATA_DIR, dir, fs::copy_options::recursive);
  EXPECT_TRUE(LoadCuratedData(dir.string()).problems.empty());
  std::ofstream(dir / "gdelt_defense_codes.csv")
      << "cameo_code,label,project_tag,sources\n057,Sign,agreement,no-such-source\n"
         "5x,Sign,agreement,cameo-codebook\n";
  auto problems = LoadCuratedData(dir.string()).problems;
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].where().line, 2);
  EXPECT_NE(problems[0].message().find("unknown source id 'no-such-source'"), std::string::npos);
  EXPECT_EQ(problems[1].where().line, 3);
  EXPECT_EQ(problems[1].message(), "'5x' is not a CAMEO event code (2 to 4 digits)");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace defcoop::ingest
