#include "defcoop/csv/reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>

namespace defcoop::csv {
namespace {

std::vector<Record> ReadAll(std::string_view text, Dialect dialect = {}) {
  Reader reader(text, "t.csv", dialect);
  std::vector<Record> records;
  Record record;
  Status error;
  while (reader.Next(&record, &error)) records.push_back(record);
  return records;
}

TEST(CsvReader, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
  auto records = ReadAll("a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x,y\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields[1], "b, c");
  EXPECT_EQ(records[0].fields[2], "say \"hi\"");
  EXPECT_EQ(records[1].fields[0], "two\nlines");
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[1].end_line, 3);
}

TEST(CsvReader, ReportsColumnOfEachField) {
  auto records = ReadAll("ab,cde,f\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].columns, (std::vector<int>{1, 4, 8}));
}

// Found by fuzz_curated_row: a field after a quoted newline was placed on the record's
// first line, at a column another field there had.
TEST(CsvReader, ReportsTheLineWhereEachFieldStarts) {
  auto records = ReadAll("a,\"b\nc\",dd,e\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].lines, (std::vector<int>{1, 1, 2, 2}));
  EXPECT_EQ(records[0].columns, (std::vector<int>{1, 3, 4, 7}));
}

TEST(CsvReader, HandlesCrlfAndMissingFinalNewline) {
  auto records = ReadAll("a,b\r\nc,d");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields[1], "b");
  EXPECT_EQ(records[1].fields[1], "d");
}

TEST(CsvReader, UnterminatedQuoteIsAnErrorWithPlace) {
  Reader reader("a,b\nc,\"open\n", "t.csv");
  Record record;
  Status error;
  ASSERT_TRUE(reader.Next(&record, &error));
  EXPECT_FALSE(reader.Next(&record, &error));
  EXPECT_EQ(error.where().line, 2);
  EXPECT_EQ(error.where().column, 3);
}

TEST(CsvReader, StrayQuoteInsideFieldIsAnErrorAndReadingContinues) {
  Reader reader("a,b\"c\nd,e\n", "t.csv");
  Record record;
  Status error;
  EXPECT_FALSE(reader.Next(&record, &error));
  EXPECT_EQ(error.where().ToString(), "t.csv:1:4");
  ASSERT_TRUE(reader.Next(&record, &error));
  EXPECT_EQ(record.fields[0], "d");
}

// Regression: after a malformed record *error stayed set, so a loop reading until
// "false with an Ok error" never ended at the end of input (DCAD, GSDB and ATOP imports
// hung and grew without bound).
TEST(CsvReader, ResetsTheErrorOfTheRecordBeforeAtTheEndOfInput) {
  Reader reader("x\"y\n", "t.csv");
  Record record;
  Status error;
  EXPECT_FALSE(reader.Next(&record, &error));
  EXPECT_FALSE(error.ok());
  EXPECT_FALSE(reader.Next(&record, &error));
  EXPECT_TRUE(error.ok()) << error.ToString();
}

// Regression: an unterminated quote swallowed every line after it into one error.
TEST(CsvReader, UnterminatedQuoteRejectsOnlyItsFirstLineAndReadingContinues) {
  Reader reader("a,\"open\nb,c\nd,e\n", "t.csv");
  Record record;
  Status error;
  EXPECT_FALSE(reader.Next(&record, &error));
  EXPECT_EQ(error.where().ToString(), "t.csv:1:3");
  ASSERT_TRUE(reader.Next(&record, &error));
  EXPECT_EQ(record.line, 2);
  EXPECT_EQ(record.fields, (std::vector<std::string>{"b", "c"}));
  ASSERT_TRUE(reader.Next(&record, &error));
  EXPECT_EQ(record.line, 3);
  EXPECT_FALSE(reader.Next(&record, &error));
  EXPECT_TRUE(error.ok());
}

TEST(CsvReader, EveryLineIsReadOrReportedWhateverTheQuoting) {
  const std::string text = "\"\n\"a\"b\n\"\"\"\nx\"\n\"p\nq\"\"\n,\"\n";
  Reader reader(text, "t.csv");
  Record record;
  Status error;
  int calls = 0;
  int last_line = 0;
  while (reader.Next(&record, &error) || !error.ok()) {
    int line = error.ok() ? record.line : error.where().line;
    EXPECT_GT(line, last_line) << "no progress at call " << calls;
    last_line = line;
    ASSERT_LT(++calls, 20);
  }
  EXPECT_LE(last_line, 7);
}

TEST(CsvReader, UnquotedDialectKeepsQuotes) {
  auto records = ReadAll("a \"b\",c\n", Dialect{',', false});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields[0], "a \"b\"");
}

TEST(CsvReadFile, RefusesADirectory) {
  Result<std::string> text = ReadFile(DEFCOOP_TEST_DIR);
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("is a directory"), std::string::npos)
      << text.status().message();
}

// Regression: reading a FIFO with no writer blocked the import forever.
TEST(CsvReadFile, RefusesAFifoInsteadOfWaitingForAWriter) {
  std::string path = ::testing::TempDir() + "/defcoop-read-file.fifo";
  std::remove(path.c_str());
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  Result<std::string> text = ReadFile(path);
  std::remove(path.c_str());
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("not a regular file"), std::string::npos)
      << text.status().message();
}

TEST(CsvText, ConvertsLatin1ToUtf8) {
  EXPECT_EQ(Latin1ToUtf8("B\xFC-181 W\xE4rtsil\xE4"), "Bü-181 Wärtsilä");
  EXPECT_FALSE(IsValidUtf8("B\xFC-181"));
  EXPECT_TRUE(IsValidUtf8("Türkiye Қазақстан"));
}

TEST(CsvText, SplitsAndTrimsLists) {
  EXPECT_EQ(SplitList("2012; 2013;2014", ';'), (std::vector<std::string>{"2012", "2013", "2014"}));
  EXPECT_EQ(SplitList("TUR||KAZ", '|'), (std::vector<std::string>{"TUR", "", "KAZ"}));
}

}  // namespace
}  // namespace defcoop::csv
