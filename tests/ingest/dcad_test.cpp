// The DCAD reader: the real main file (from ../shared/data, never copied into the
// repository) loads whole; every kind of bad row is reported with its line and the
// good rows around it still load.
#include "defcoop/ingest/dcad.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace defcoop::ingest {
namespace {

const std::string kDcad =
    std::string(DEFCOOP_SHARED_DATA_DIR) + "/alliances_dca/DCAD-v1.0-main.csv";

const DefenseCooperationAgreement* Find(const DcadFile& file, const std::string& id) {
  auto found = std::find_if(file.agreements.begin(), file.agreements.end(),
                            [&](const auto& a) { return a.dcad_id == id; });
  return found == file.agreements.end() ? nullptr : &*found;
}

TEST(Dcad, ReadsTheWholeMainFile) {
  if (!std::filesystem::exists(kDcad)) GTEST_SKIP() << kDcad << " is not there";
  auto file = ReadDcadFile(kDcad);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->records_read, 1871);  // SOURCES.md: 1,871 agreements signed 1980–2010
  // DCAD's own defects: three rows give the same COW code twice (one of them names VEN
  // beside BOL's code), one has an entry-into-force day and month without a year.
  std::vector<std::pair<int, bool>> problems;
  for (const InputProblem& problem : file->problems)
    problems.emplace_back(problem.where.line, problem.repaired);
  EXPECT_EQ(problems, (std::vector<std::pair<int, bool>>{
                          {293, false}, {988, true}, {1593, false}, {1811, false}}));
  EXPECT_EQ(file->agreements.size(), 1868u);
  EXPECT_FALSE(file->content_hash.empty());
  for (const auto& a : file->agreements) {
    EXPECT_GE(a.signed_on.year, 1980) << a.dcad_id;
    EXPECT_LE(a.signed_on.year, 2010) << a.dcad_id;
  }
  // Azerbaijan–Türkiye, 20 September 2000: defense industry cooperation and research.
  const auto* aze_tur = Find(*file, "DCADv1.0-1535");
  ASSERT_NE(aze_tur, nullptr);
  EXPECT_EQ(aze_tur->cow1, 373);
  EXPECT_EQ(aze_tur->cow2, 640);
  EXPECT_EQ(aze_tur->signed_on.ToString(), "2000-09-20");
  EXPECT_EQ(aze_tur->categories, (std::vector<std::string>{"DIC", "RESEARCH", "PROCUREMENT"}));
  // Signed November 2010 with no day: month precision.
  const auto* later = Find(*file, "DCADv1.0-1536");
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->signed_on.ToString(), "2010-11");
  // The first row: in force the day it was signed; sector agreement on procurement.
  const auto& first = file->agreements.front();
  EXPECT_EQ(first.dcad_id, "DCADv1.0-0001");
  EXPECT_EQ(first.cow_name1, "USA");
  ASSERT_TRUE(first.in_force.has_value());
  EXPECT_EQ(first.in_force->ToString(), "1984-04-01");
  EXPECT_EQ(first.type, "sector");
  EXPECT_EQ(first.terminated, std::optional<bool>(false));
  EXPECT_EQ(first.source_line, 2);
}

std::string Row(const std::string& ids, const std::string& sign, const std::string& rest,
                const std::string& id) {
  // ids: "c1,n1,c2,n2"; sign: "day,month,year"; rest: type,category1,category2,category3
  return ids + "," + sign + ",,,," + rest + ",,,,0,,2010,0,high,,Y,treaty,TIAS,,,," + id + "\n";
}

TEST(Dcad, ReportsEveryBadRowWithItsLineAndKeepsTheGoodOnes) {
  std::string text = std::string(kDcadHeader) + "\n";
  text += Row("640,TUR,373,AZE", "20,9,2000", "general,DCA,,", "ok-1");        // line 2
  text += Row("640,TUR,x,AZE", "20,9,2000", "general,DCA,,", "bad-ccode");     // 3
  text += Row("640,TUR,640,TUR", "20,9,2000", "general,DCA,,", "same-state");  // 4
  text += Row("640,TUR,373,AZE", "30,2,1999", "general,DCA,,", "bad-date");    // 5
  text += Row("640,TUR,373,AZE", "3,,1999", "general,DCA,,", "day-no-month");  // 6
  text += Row("640,TUR,373,AZE", ",,", "general,DCA,,", "no-year");            // 7
  text += Row("640,TUR,373,AZE", ",,1999", "treaty,DCA,,", "bad-type");        // 8
  text += Row("640,TUR,373,AZE", ",,1999", "general,ARMS,,", "bad-category");  // 9
  text += Row("640,TUR,373,AZE", ",,1999", "general,,,", "no-category");       // 10
  text += Row("640,TUR,373,AZE", ",5,1999", "sector,TREX,DIC,", "ok-1");       // 11 dup
  text += "640,TUR,373\n";                                                     // 12
  text += Row("705,KZK,640,TUR", ",8,1994", "general,DCA,DIC,", "ok-2");       // 13
  auto file = ParseDcad(text, "dcad.csv");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->records_read, 12);
  ASSERT_EQ(file->agreements.size(), 2u);
  EXPECT_EQ(file->agreements[0].dcad_id, "ok-1");
  EXPECT_EQ(file->agreements[1].dcad_id, "ok-2");
  EXPECT_EQ(file->agreements[1].signed_on.ToString(), "1994-08");
  std::vector<std::pair<int, std::string>> expected = {
      {3, "COW state codes"},    {4, "with itself"},         {5, "signature date"},
      {6, "day but no month"},   {7, "signYear is empty"},   {8, "general or sector"},
      {9, "unknown category"},   {10, "category1 is empty"}, {11, "duplicate DCAid ok-1"},
      {12, "expected 30 fields"}};
  ASSERT_EQ(file->problems.size(), expected.size());
  for (size_t idx = 0; idx < expected.size(); ++idx) {
    const InputProblem& problem = file->problems[idx];
    EXPECT_EQ(problem.where.file, "dcad.csv");
    EXPECT_EQ(problem.where.line, expected[idx].first);
    EXPECT_NE(problem.reason.find(expected[idx].second), std::string::npos) << problem.reason;
  }
}

TEST(Dcad, RefusesAFileThatIsNotDcad) {
  auto file = ParseDcad("Deal ID,Supplier,Recipient\n1,a,b\n", "other.csv");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().kind(), StatusKind::kInvalidInput);
  EXPECT_NE(file.status().message().find("not a DCAD"), std::string::npos);
}

TEST(Dcad, DecodesLatin1) {
  std::string text =
      std::string(kDcadHeader) + "\n" + Row("640,TUR,373,AZE", "1,1,2000", "general,DCA,,", "x");
  text.replace(text.find("TIAS"), 4, "T\xe9S");  // Latin-1 e-acute
  auto file = ParseDcad(text, "dcad.csv");
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file->agreements.size(), 1u);
  EXPECT_EQ(file->agreements[0].source, "T\xc3\xa9S");
}

}  // namespace
}  // namespace defcoop::ingest
