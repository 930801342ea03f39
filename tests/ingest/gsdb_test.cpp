// The GSDB V3 reader: the real case file (from ../shared/data, never copied into the
// repository) loads whole; every kind of bad row is reported with its line and the
// good rows around it still load.
#include "defcoop/ingest/gsdb.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace defcoop::ingest {
namespace {

const std::string kGsdb = std::string(DEFCOOP_SHARED_DATA_DIR) + "/sanctions/GSDB_V3.csv";

using Names = std::vector<std::string>;

const SanctionCase* Find(const GsdbFile& file, int case_id) {
  auto found = std::find_if(file.cases.begin(), file.cases.end(),
                            [&](const auto& c) { return c.case_id == case_id; });
  return found == file.cases.end() ? nullptr : &*found;
}

TEST(Gsdb, ReadsTheWholeCaseFile) {
  if (!std::filesystem::exists(kGsdb)) GTEST_SKIP() << kGsdb << " is not there";
  auto file = ReadGsdbFile(kGsdb);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->records_read, 1325);  // SOURCES.md: 1,325 cases
  // GSDB's one defect: case 1275 (line 1276) gives two objectives, "democracy,end_war",
  // but one outcome, "ongoing"; it loads with "ongoing" for both.
  std::vector<std::pair<int, bool>> problems;
  for (const InputProblem& problem : file->problems)
    problems.emplace_back(problem.where.line, problem.repaired);
  EXPECT_EQ(problems, (std::vector<std::pair<int, bool>>{{1276, true}}));
  EXPECT_EQ(file->cases.size(), 1325u);
  EXPECT_FALSE(file->content_hash.empty());
  for (const auto& c : file->cases) {
    EXPECT_GE(c.begin, 1949) << c.case_id;
    EXPECT_LE(c.end, 2022) << c.case_id;
    EXPECT_EQ(c.objectives.size(), c.outcomes.size()) << c.case_id;
    EXPECT_TRUE(c.target_ids.empty()) << c.case_id;
    EXPECT_TRUE(c.sender_ids.empty()) << c.case_id;
  }
  // US military measures against Turkey after Cyprus, 1975–1978.
  const auto* turkey = Find(*file, 196);
  ASSERT_NE(turkey, nullptr);
  EXPECT_EQ(turkey->targets, Names{"Turkey"});
  EXPECT_EQ(turkey->senders, Names{"United States"});
  EXPECT_EQ(turkey->begin, 1975);
  EXPECT_EQ(turkey->end, 1978);
  EXPECT_EQ(turkey->types, Names{"military"});
  EXPECT_EQ(turkey->trade_detail, "");
  EXPECT_EQ(turkey->objectives, Names{"end_war"});
  EXPECT_EQ(turkey->outcomes, Names{"failed"});
  EXPECT_FALSE(turkey->ongoing);
  EXPECT_EQ(turkey->source_line, 197);
  // EU measures against Turkey over drilling off Cyprus, 2019–.
  const auto* eu = Find(*file, 1134);
  ASSERT_NE(eu, nullptr);
  EXPECT_EQ(eu->targets, Names{"Turkey"});
  EXPECT_EQ(eu->senders, Names{"EU"});
  EXPECT_EQ(eu->types, (Names{"financial", "travel"}));
  EXPECT_TRUE(eu->ongoing);
  // Afghanistan: the EU and 16 states, one of them written after a double space.
  const auto* afghanistan = Find(*file, 676);
  ASSERT_NE(afghanistan, nullptr);
  ASSERT_EQ(afghanistan->senders.size(), 17u);
  EXPECT_EQ(afghanistan->senders.front(), "EU");
  EXPECT_EQ(afghanistan->senders[10], "Slovenia");
  EXPECT_EQ(afghanistan->senders.back(), "Norway");
  EXPECT_EQ(afghanistan->types, (Names{"arms", "military", "financial", "travel", "other"}));
  // The World Bank's inverted names stay whole, alone or in a list.
  const auto* korea = Find(*file, 17);
  ASSERT_NE(korea, nullptr);
  EXPECT_EQ(korea->targets, Names{"Korea, North"});
  EXPECT_EQ(korea->trade_detail, "exp_compl, imp_compl");
  EXPECT_EQ(korea->types, (Names{"trade", "financial"}));
  const auto* transjordan = Find(*file, 47);
  ASSERT_NE(transjordan, nullptr);
  EXPECT_EQ(transjordan->senders, (Names{"Egypt, Arab Rep.", "Syria"}));
  const auto* qatar = Find(*file, 1069);
  ASSERT_NE(qatar, nullptr);
  EXPECT_EQ(qatar->senders, (Names{"Mauritania", "Djibouti", "Comoros", "Jordan", "Libya",
                                   "Yemen, North", "Niger"}));
  // The repaired row.
  const auto* burkina = Find(*file, 1275);
  ASSERT_NE(burkina, nullptr);
  EXPECT_EQ(burkina->objectives, (Names{"democracy", "end_war"}));
  EXPECT_EQ(burkina->outcomes, (Names{"ongoing", "ongoing"}));
  EXPECT_TRUE(burkina->ongoing);
}

std::string Row(const std::string& id, const std::string& parties, const std::string& years,
                const std::string& flags, const std::string& goals) {
  // parties: "target,sender"; years: "begin,end";
  // flags: trade,descr_trade,arms,military,financial,travel,other,target_mult,sender_mult;
  // goals: "objective,success".
  return id + "," + parties + "," + years + "," + flags + "," + goals + "\n";
}

const std::string kArms = "0,,1,0,0,0,0,0,0";

TEST(Gsdb, ReportsEveryBadRowWithItsLineAndKeepsTheGoodOnes) {
  std::string text = std::string(kGsdbHeader) + "\n";
  text += Row("1", "Armenia,Azerbaijan", "1989,2022", "1,exp_compl,0,0,0,0,0,0,0",
              "territorial_conflict,ongoing");                                       // line 2
  text += Row("x", "Armenia,Turkey", "1993,2022", kArms, "end_war,ongoing");         // 3
  text += Row("0", "Armenia,Turkey", "1993,2022", kArms, "end_war,ongoing");         // 4
  text += Row("1", "Armenia,Turkey", "1993,2022", kArms, "end_war,ongoing");         // 5 dup
  text += Row("5", "\" , \",OSCE", "1995,2022", kArms, "end_war,ongoing");           // 6
  text += Row("6", "Armenia,", "1995,2022", kArms, "end_war,ongoing");               // 7
  text += Row("7", "Armenia,OSCE", "95,2022", kArms, "end_war,ongoing");             // 8
  text += Row("8", "Armenia,OSCE", "1995,", kArms, "end_war,ongoing");               // 9
  text += Row("9", "Armenia,OSCE", "1995,1994", kArms, "end_war,ongoing");           // 10
  text += Row("10", "Armenia,OSCE", "1995,2022", "0,,2,0,0,0,0,0,0", "a,ongoing");   // 11
  text += Row("11", "Armenia,OSCE", "1995,2022", "0,,1,0,0,0,0,0,yes", "a,failed");  // 12
  text += Row("12", "Armenia,OSCE", "1995,2022", "0,,0,0,0,0,0,1,1", "a,failed");    // 13
  text += Row("13", "Armenia,OSCE", "1995,2022", kArms,
              "\"end_war,democracy,other\",\"failed,ongoing\"");  // 14
  text += "14,Armenia,OSCE,1995,2022\n";                          // 15
  text += Row("15", "Azerbaijan,\"EU, Slovakia,  Slovenia,, Korea, South\"", "2014,2022",
              "0,,1,1,0,1,0,0,1", "\"end_war,prevent_war\",ongoing");  // 16 repaired
  text += Row("16", "\"Gambia, The\",UN", "1990,1995", "1,\"exp_part, imp_part\",0,0,0,0,1,0,1",
              "\"democracy,human_rights\",\"failed, success_part\"");  // 17
  auto file = ParseGsdb(text, "gsdb.csv");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->records_read, 16);
  ASSERT_EQ(file->cases.size(), 3u);
  const SanctionCase& first = file->cases[0];
  EXPECT_EQ(first.case_id, 1);
  EXPECT_EQ(first.types, Names{"trade"});
  EXPECT_EQ(first.trade_detail, "exp_compl");
  EXPECT_TRUE(first.ongoing);
  EXPECT_EQ(first.source_line, 2);
  const SanctionCase& repaired = file->cases[1];
  EXPECT_EQ(repaired.case_id, 15);
  EXPECT_EQ(repaired.senders, (Names{"EU", "Slovakia", "Slovenia", "Korea, South"}));
  EXPECT_EQ(repaired.types, (Names{"arms", "military", "travel"}));
  EXPECT_EQ(repaired.objectives, (Names{"end_war", "prevent_war"}));
  EXPECT_EQ(repaired.outcomes, (Names{"ongoing", "ongoing"}));
  EXPECT_TRUE(repaired.ongoing);
  EXPECT_TRUE(repaired.target_ids.empty());
  EXPECT_TRUE(repaired.sender_ids.empty());
  const SanctionCase& last = file->cases[2];
  EXPECT_EQ(last.targets, Names{"Gambia, The"});
  EXPECT_EQ(last.types, (Names{"trade", "other"}));
  EXPECT_EQ(last.trade_detail, "exp_part, imp_part");
  EXPECT_EQ(last.outcomes, (Names{"failed", "success_part"}));
  EXPECT_FALSE(last.ongoing);
  struct Expected {
    int line;
    std::string reason;
    bool repaired;
  };
  std::vector<Expected> expected = {
      {3, "case_id 'x' is not a positive integer", false},
      {4, "case_id '0' is not a positive integer", false},
      {5, "duplicate case_id 1 (first on line 2)", false},
      {6, "sanctioned_state is empty", false},
      {7, "sanctioning_state is empty", false},
      {8, "begin '95' is not a year", false},
      {9, "end '' is not a year", false},
      {10, "end 1994 is before begin 1995", false},
      {11, "arms must be 0 or 1, not '2'", false},
      {12, "sender_mult must be 0 or 1, not 'yes'", false},
      {13, "no measure flag is set", false},
      {14, "objective has 3 entries", false},
      {15, "expected 16 fields, found 5", false},
      {16, "success gives 1 outcome (ongoing) for 2 objectives", true}};
  ASSERT_EQ(file->problems.size(), expected.size());
  for (size_t idx = 0; idx < expected.size(); ++idx) {
    const InputProblem& problem = file->problems[idx];
    EXPECT_EQ(problem.where.file, "gsdb.csv");
    EXPECT_EQ(problem.where.line, expected[idx].line);
    EXPECT_NE(problem.reason.find(expected[idx].reason), std::string::npos) << problem.reason;
    EXPECT_EQ(problem.repaired, expected[idx].repaired) << problem.reason;
  }
}

TEST(Gsdb, RefusesAFileThatIsNotGsdb) {
  auto file = ParseGsdb("caseid,startyear,endyear,primarysender\n1,1990,1995,2\n", "ties.csv");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().kind(), StatusKind::kInvalidInput);
  EXPECT_NE(file.status().message().find("not a GSDB V3 case file"), std::string::npos);
}

TEST(Gsdb, DecodesLatin1) {
  std::string text = std::string(kGsdbHeader) + "\n" +
                     Row("1", "Cote d'Ivoire,France", "2000,2001", kArms, "democracy,failed");
  text.replace(text.find("Cote"), 4, "C\xf4te");  // Latin-1 o-circumflex
  auto file = ParseGsdb(text, "gsdb.csv");
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file->cases.size(), 1u);
  EXPECT_EQ(file->cases[0].targets, Names{"C\xc3\xb4te d'Ivoire"});
}

}  // namespace
}  // namespace defcoop::ingest
