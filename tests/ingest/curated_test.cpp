#include "defcoop/ingest/curated.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace defcoop::ingest {
namespace {

const std::string kFixtures = std::string(DEFCOOP_TEST_DIR) + "/../fixtures/";

bool HasProblem(const CuratedLoad& load, const std::string& place, const std::string& text) {
  return std::any_of(load.problems.begin(), load.problems.end(), [&](const Status& problem) {
    std::string line = problem.ToString();
    return line.find(place) != std::string::npos && line.find(text) != std::string::npos;
  });
}

TEST(CuratedData, LoadsTheSmallFixtureWithoutProblems) {
  CuratedLoad load = LoadCuratedData(kFixtures + "curated-small");
  for (const Status& problem : load.problems) ADD_FAILURE() << problem.ToString();
  EXPECT_EQ(load.data.sources.size(), 2u);
  EXPECT_EQ(load.data.actors.size(), 8u);  // 5 states + 3 other actors
  EXPECT_EQ(load.data.events.size(), 2u);
  EXPECT_EQ(load.data.events[0].title, "A war, with a comma");
  EXPECT_EQ(load.data.events[0].end_date->ToString(), "2020-11-10");
  EXPECT_EQ(load.data.ventures[0].shares, (std::vector<double>{0.5, 0.5}));
}

TEST(CuratedData, ExpandsStateRowsIntoCodesAndSipriNames) {
  CuratedLoad load = LoadCuratedData(kFixtures + "curated-small");
  auto has_code = [&](const std::string& scheme, const std::string& code) {
    return std::any_of(load.data.actor_codes.begin(), load.data.actor_codes.end(),
                       [&](const ActorCode& c) {
                         return c.actor_id == "TUR" && c.scheme == scheme && c.code == code;
                       });
  };
  EXPECT_TRUE(has_code("iso3", "TUR"));
  EXPECT_TRUE(has_code("iso2", "TR"));
  EXPECT_TRUE(has_code("cow_n", "640"));
  EXPECT_TRUE(has_code("fips", "TU"));
  EXPECT_TRUE(std::any_of(load.data.actor_names.begin(), load.data.actor_names.end(),
                          [](const ActorName& n) {
                            return n.actor_id == "TUR" && n.name == "Turkiye" && n.kind == "sipri";
                          }));
}

TEST(CuratedData, ReadsSourcesWithLocators) {
  CuratedLoad load = LoadCuratedData(kFixtures + "curated-small");
  const Event& visit = load.data.events[1];
  ASSERT_EQ(visit.sources.size(), 1u);
  EXPECT_EQ(visit.sources[0], (SourceRef{"article", "Kazakhstan"}));
}

TEST(CuratedData, ReportsEveryDefectKindWithItsPlace) {
  CuratedLoad load = LoadCuratedData(kFixtures + "curated-defects");
  EXPECT_TRUE(HasProblem(load, "actors.csv:5:1", "duplicate id 'firm:aselsan'"));
  EXPECT_TRUE(HasProblem(load, "events.csv:2:11", "has no day 30"));
  EXPECT_TRUE(HasProblem(load, "events.csv:3:", "unknown actor 'XYZ'"));
  EXPECT_TRUE(HasProblem(load, "events.csv:4:", "has no source"));
  EXPECT_TRUE(HasProblem(load, "events.csv:5:", "empty element"));
  EXPECT_TRUE(HasProblem(load, "events.csv:6:", "unknown source id 'nosuchsource'"));
  EXPECT_TRUE(HasProblem(load, "events.csv:7:", "unexpected '\"'"));
  EXPECT_TRUE(HasProblem(load, "agreements.csv:2", "expected 8 fields"));
  EXPECT_TRUE(HasProblem(load, "agreements.csv:3:", "never closed"));
  EXPECT_TRUE(HasProblem(load, "claims.csv:1:", "unknown column 'colour'"));
  EXPECT_TRUE(HasProblem(load, "claims.csv:2:", "'guess' is not a valid kind"));
}

TEST(CuratedData, MissingFolderIsOneClearProblem) {
  CuratedLoad load = LoadCuratedData(kFixtures + "no-such-folder");
  ASSERT_EQ(load.problems.size(), 1u);
  EXPECT_NE(load.problems[0].message().find("does not exist"), std::string::npos);
}

// A copy of curated-small in a temporary folder, to take files away or break them.
class CuratedCopy {
 public:
  CuratedCopy()
      : dir_(std::filesystem::temp_directory_path() /
             ("defcoop-curated-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::remove_all(dir_);
    std::filesystem::copy(kFixtures + "curated-small", dir_);
  }
  ~CuratedCopy() { std::filesystem::remove_all(dir_); }
  std::string dir() const { return dir_.string(); }
  std::string file(const std::string& name) const { return (dir_ / name).string(); }

 private:
  std::filesystem::path dir_;
};

// Regression: a folder without claims.csv validated, and init emptied the claim table.
TEST(CuratedData, MissingTableFileIsAProblemThatNamesIt) {
  CuratedCopy copy;
  std::filesystem::remove(copy.file("claims.csv"));
  CuratedLoad load = LoadCuratedData(copy.dir());
  ASSERT_EQ(load.problems.size(), 1u);
  EXPECT_EQ(load.problems[0].ToString(),
            copy.file("claims.csv") +
                ": missing file claims.csv (every table file is required; for a table with no "
                "rows, keep a file with just the header row)");
}

TEST(CuratedData, HeaderOnlyFileIsAnEmptyTable) {
  CuratedCopy copy;
  std::ofstream(copy.file("claims.csv")) << "id,text,section,kind,sources\n";
  CuratedLoad load = LoadCuratedData(copy.dir());
  for (const Status& problem : load.problems) ADD_FAILURE() << problem.ToString();
  EXPECT_TRUE(load.data.claims.empty());
}

// Regression: `validate FILE` said "the data folder FILE does not exist".
TEST(CuratedData, FileGivenAsFolderSaysItIsAFile) {
  CuratedCopy copy;
  CuratedLoad load = LoadCuratedData(copy.file("claims.csv"));
  ASSERT_EQ(load.problems.size(), 1u);
  EXPECT_NE(load.problems[0].message().find("claims.csv is a file, not a data folder"),
            std::string::npos)
      << load.problems[0].message();
}

// A platform's subsystems and its components' parts come from one vocabulary, and a
// component must be of a subsystem its platform lists: else coverage would miss it.
TEST(CuratedData, ChecksSubsystemsAndComponentPartsAgainstEachOther) {
  CuratedCopy copy;
  std::ofstream(copy.file("platforms.csv"))
      << "id,name,domain,subsystems,sources\n"
         "platform:uav,UAV,air,engine|eo_ir,article\n"
         "platform:odd,Odd,air,engine|wings,article\n";
  std::ofstream(copy.file("components.csv"))
      << "id,platform,part,name,sources\n"
         "comp:eng,platform:uav,engine,An engine,article\n"
         "comp:radar,platform:uav,radar,A radar,article\n"
         "comp:cam,platform:uav,camera,A camera,article\n";
  CuratedLoad load = LoadCuratedData(copy.dir());
  EXPECT_TRUE(HasProblem(load, "platforms.csv:3:", "unknown part 'wings'"));
  EXPECT_TRUE(HasProblem(load, "components.csv:3:",
                         "'comp:radar' is a radar but platform:uav does not list it"));
  EXPECT_TRUE(HasProblem(load, "components.csv:4:", "unknown part 'camera'"));
  EXPECT_FALSE(HasProblem(load, "components.csv:2:", ""));
  EXPECT_EQ(load.problems.size(), 3u);
  ASSERT_EQ(load.data.platforms.size(), 2u);
  EXPECT_EQ(load.data.platforms[0].subsystems, (std::vector<std::string>{"engine", "eo_ir"}));
}

// Regression: null items made the JSON library throw ("internal error: [json.exception...").
TEST(CuratedData, SourcesWithNullItemsAndWrongTypesAreProblemsWithTheirLines) {
  CuratedCopy copy;
  std::ofstream(copy.file("sources.json"))
      << "[\n  null,\n  {\"id\": 7, \"type\": \"book\", \"title\": \"T\"},\n"
         "  {\"id\": \"article\", \"type\": \"article-journal\", \"title\": \"A\"},\n"
         "  {\"id\": \"registry\", \"type\": \"dataset\", \"title\": null}\n]\n";
  CuratedLoad load = LoadCuratedData(copy.dir());
  std::string sources = copy.file("sources.json");
  EXPECT_TRUE(HasProblem(load, sources + ":2", "item 1 is null, not an object"));
  EXPECT_TRUE(HasProblem(load, sources + ":3", "item 2: 'id' must be a string, found number"));
  EXPECT_TRUE(HasProblem(load, sources + ":5", "item 4: 'title' must be a string, found null"));
}

// Appends lines to a file of a curated copy.
void Append(const std::string& file, const std::string& lines) {
  std::ofstream(file, std::ios::app) << lines;
}

TEST(CuratedData, SameRowTwiceIsReportedWithBothLines) {
  CuratedCopy copy;
  Append(copy.file("memberships.csv"), "TUR,org:ots,member,2009-10-03,,,article\n");
  CuratedLoad load = LoadCuratedData(copy.dir());
  std::string file = copy.file("memberships.csv");
  ASSERT_EQ(load.problems.size(), 1u);
  EXPECT_EQ(load.problems[0].ToString(),
            file + ":6: the same row appears twice (first at " + file + ":2)");
}

TEST(CuratedData, SameKeyTwiceIsReportedWithBothLines) {
  CuratedCopy copy;
  Append(copy.file("memberships.csv"), "KAZ,org:ots,member,2009-10-03,,another note,article\n");
  Append(copy.file("actor_names.csv"), "org:ots,en,Latn,OTS,short,,,registry\n");
  CuratedLoad load = LoadCuratedData(copy.dir());
  EXPECT_TRUE(HasProblem(load, copy.file("memberships.csv") + ":6",
                         "duplicate row: same actor, organization, role, from (KAZ, org:ots, "
                         "member, 2009-10-03) as " + copy.file("memberships.csv") + ":3"));
  EXPECT_TRUE(HasProblem(load, copy.file("actor_names.csv") + ":4",
                         "(org:ots, en, Latn, OTS, short, ) as " + copy.file("actor_names.csv") +
                             ":2"));
  EXPECT_EQ(load.problems.size(), 2u);
}

TEST(CuratedData, SameIdTwiceNamesTheFirstDefinition) {
  CuratedCopy copy;
  Append(copy.file("events.csv"), "event:visit,2023-01-01,,visit,KAZ,Another visit,,article\n");
  CuratedLoad load = LoadCuratedData(copy.dir());
  ASSERT_EQ(load.problems.size(), 1u);
  EXPECT_TRUE(HasProblem(load, copy.file("events.csv") + ":4:1",
                         "duplicate id 'event:visit' (first defined at " +
                             copy.file("events.csv") + ":3:1)"));
}

TEST(CuratedData, CurationLogMustNameExistingRows) {
  CuratedCopy copy;
  std::ofstream(copy.file("curation-log.csv"))
      << "row_id,table,corpus,query,found_on\n"
      << "event:visit,events,pages,state visit Kazakhstan,2026-12-01\n"
      << "event:no-such,events,pages,a query,2026-12-01\n"
      << "event:war,agreements,pages,a query,2026-12-01\n"
      << "event:war,events,web,a query,2026-12-01\n";
  CuratedLoad load = LoadCuratedData(copy.dir());
  std::string log = copy.file("curation-log.csv");
  EXPECT_TRUE(HasProblem(load, log + ":3:1", "unknown row id 'event:no-such' in table events"));
  EXPECT_TRUE(HasProblem(load, log + ":4:1", "unknown row id 'event:war' in table agreements"));
  EXPECT_TRUE(HasProblem(load, log + ":5:", "'web' is not a valid corpus"));
  EXPECT_EQ(load.problems.size(), 3u);
  EXPECT_EQ(load.data.events.size(), 2u);  // the log is not data
}

TEST(CuratedData, ShippedDataIsValid) {
  CuratedLoad load = LoadCuratedData(DEFCOOP_DATA_DIR);
  for (const Status& problem : load.problems) ADD_FAILURE() << problem.ToString();
  EXPECT_GT(load.data.claims.size(), 20u);
  EXPECT_GT(load.data.sources.size(), 15u);
}

// The firms the foundation issue names, each with its home state and founding date. Two
// founding dates are known gaps (no citable document found; data/README.md says so).
TEST(CuratedData, ShippedDataHasTheIssuesFirms) {
  CuratedLoad load = LoadCuratedData(DEFCOOP_DATA_DIR);
  const std::set<std::string> no_founding_date = {"firm:kazakhstan-engineering", "firm:eurosam"};
  const std::set<std::string> multinational = {"firm:eurosam", "firm:mbda"};
  for (const char* id :
       {"firm:tusas", "firm:aselsan", "firm:havelsan", "firm:mke", "firm:baykar", "firm:bmc",
        "firm:otokar", "firm:fnss", "firm:roketsan", "firm:kazakhstan-engineering",
        "firm:kazaselsan", "firm:lockheed-martin", "firm:l3harris-wescam", "firm:mtu",
        "firm:hyundai-doosan-infracore", "firm:snt-dynamics", "firm:eurosam", "firm:mbda",
        "firm:thales"}) {
    auto actor = std::find_if(load.data.actors.begin(), load.data.actors.end(),
                              [&](const Actor& a) { return a.id == id; });
    ASSERT_NE(actor, load.data.actors.end()) << id;
    EXPECT_EQ(actor->kind, ActorKind::kFirm) << id;
    EXPECT_EQ(actor->founded.has_value(), !no_founding_date.count(id)) << id;
    EXPECT_EQ(actor->home_state.empty(), multinational.count(id) > 0) << id;
    EXPECT_FALSE(actor->sources.empty()) << id;
  }
}

// Every platform has its domain and at least one developer that is a known actor.
TEST(CuratedData, ShippedPlatformsHaveDomainAndDeveloper) {
  CuratedLoad load = LoadCuratedData(DEFCOOP_DATA_DIR);
  std::set<std::string> actors;
  for (const Actor& actor : load.data.actors) actors.insert(actor.id);
  EXPECT_GE(load.data.platforms.size(), 18u);
  for (const Platform& platform : load.data.platforms) {
    EXPECT_FALSE(platform.domain.empty()) << platform.id;
    EXPECT_FALSE(platform.developers.empty()) << platform.id;
    for (const std::string& developer : platform.developers)
      EXPECT_TRUE(actors.count(developer)) << platform.id << " " << developer;
  }
}

}  // namespace
}  // namespace defcoop::ingest
