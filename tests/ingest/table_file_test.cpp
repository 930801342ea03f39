// The row loop that DCAD, GSDB and ATOP share (table_file.h): a CSV quoting error in a
// row is that row's problem, with its line, and reading goes on to the end.
#include <gtest/gtest.h>

#include <string>

#include "defcoop/ingest/atop.h"
#include "defcoop/ingest/dcad.h"
#include "defcoop/ingest/gsdb.h"

namespace defcoop::ingest {
namespace {

const std::string kAtopRow = "2,20,1950,1,0,0,0,1";

// Regression: after one quoting error the loop never ended (memory grew ~180 MB/s).
TEST(TableFile, AtopStrayQuoteIsOneRejectedLineAndTheImportEnds) {
  std::string text = std::string(kAtopHeader) + "\nx\"y\n" + kAtopRow + "\n";
  Result<AtopFile> file = ParseAtop(text, "a.csv");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->records_read, 2);
  EXPECT_EQ(file->years.size(), 1u);
  ASSERT_EQ(file->problems.size(), 1u);
  EXPECT_EQ(file->problems[0].where.line, 2);
}

// Regression: an unterminated quote hung the loop and swallowed the lines after it.
TEST(TableFile, AtopUnterminatedQuoteRejectsOneLineAndLoadsTheRest) {
  std::string text = std::string(kAtopHeader) + "\n\"unterminated\n" + kAtopRow + "\n";
  Result<AtopFile> file = ParseAtop(text, "a.csv");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->records_read, 2);
  EXPECT_EQ(file->years.size(), 1u);
  ASSERT_EQ(file->problems.size(), 1u);
  EXPECT_EQ(file->problems[0].where.line, 2);
  EXPECT_NE(file->problems[0].reason.find("never closed"), std::string::npos);
}

TEST(TableFile, DcadQuotingErrorsEndTheImportWithOneProblemEach) {
  std::string text = std::string(kDcadHeader) + "\nx\"y\n\"unterminated\n";
  Result<DcadFile> file = ParseDcad(text, "d.csv");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->records_read, 2);
  ASSERT_EQ(file->problems.size(), 2u);
  EXPECT_EQ(file->problems[0].where.line, 2);
  EXPECT_EQ(file->problems[1].where.line, 3);
}

TEST(TableFile, GsdbQuotingErrorsEndTheImportWithOneProblemEach) {
  std::string text = std::string(kGsdbHeader) + "\nx\"y\n\"unterminated";
  Result<GsdbFile> file = ParseGsdb(text, "g.csv");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->records_read, 2);
  ASSERT_EQ(file->problems.size(), 2u);
  EXPECT_EQ(file->problems[1].where.line, 3);
}

}  // namespace
}  // namespace defcoop::ingest
