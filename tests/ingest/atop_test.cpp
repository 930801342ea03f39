// The ATOP reader: the real directed dyad-year file loads whole; bad rows are reported
// with their lines and the good ones kept.
#include "defcoop/ingest/atop.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace defcoop::ingest {
namespace {

const std::string kAtop = std::string(DEFCOOP_SHARED_DATA_DIR) +
                          "/alliances_dca/atop5.1_directed_dyad_year_peacesciencer.csv";

TEST(Atop, ReadsTheWholeDirectedDyadYearFile) {
  if (!std::filesystem::exists(kAtop)) GTEST_SKIP() << kAtop << " is not there";
  auto file = ReadAtopFile(kAtop);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  for (const InputProblem& problem : file->problems)
    ADD_FAILURE() << problem.where.ToString() << ": " << problem.reason;
  EXPECT_EQ(file->records_read, 273296);  // SOURCES.md: 273,296 rows, 1815–2018
  EXPECT_EQ(file->years.size(), 273296u);
  // SOURCES.md's example: Türkiye–Azerbaijan in 2018 has defense, nonaggression and
  // consultation obligations.
  auto found = std::find_if(file->years.begin(), file->years.end(), [](const AllianceYear& a) {
    return a.cow1 == 640 && a.cow2 == 373 && a.year == 2018;
  });
  ASSERT_NE(found, file->years.end());
  EXPECT_TRUE(found->defense);
  EXPECT_TRUE(found->nonaggression);
  EXPECT_TRUE(found->consultation);
  EXPECT_FALSE(found->offense);
  EXPECT_FALSE(found->neutrality);
}

TEST(Atop, ReportsEveryBadRowWithItsLine) {
  std::string text = std::string(kAtopHeader) + "\n";
  text += "640,373,1994,1,0,0,1,0\n";  // 2
  text += "640,x,1994,1,0,0,1,0\n";    // 3
  text += "640,640,1994,1,0,0,1,0\n";  // 4
  text += "640,373,19x4,1,0,0,1,0\n";  // 5
  text += "640,373,1995,2,0,0,1,0\n";  // 6
  text += "640,373,1994,1,0,0,1,0\n";  // 7: a second 1994
  text += "640,373,1995\n";            // 8
  text += "373,640,1994,1,0,0,1,0\n";  // 9: the other direction is another row
  auto file = ParseAtop(text, "atop.csv");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->records_read, 8);
  ASSERT_EQ(file->years.size(), 2u);
  std::vector<std::pair<int, std::string>> expected = {
      {3, "COW state codes"},
      {4, "with itself"},
      {5, "not a year"},
      {6, "atop_defense must be 0 or 1"},
      {7, "duplicate dyad-year 640-373 in 1994 (first on line 2)"},
      {8, "expected 8 fields"}};
  ASSERT_EQ(file->problems.size(), expected.size());
  for (size_t idx = 0; idx < expected.size(); ++idx) {
    EXPECT_EQ(file->problems[idx].where.line, expected[idx].first);
    EXPECT_NE(file->problems[idx].reason.find(expected[idx].second), std::string::npos)
        << file->problems[idx].reason;
  }
  EXPECT_FALSE(ParseAtop("a,b\n1,2\n", "x.csv").ok());
}

}  // namespace
}  // namespace defcoop::ingest
