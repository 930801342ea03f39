// data/README.md states how many rows each file holds, the record's coverage per kind
// (count and first–last year) and where its sources come from. These tests compute the
// same figures from the data, so the README cannot drift when rows are added.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "defcoop/csv/reader.h"
#include "defcoop/ingest/curated.h"

namespace defcoop::ingest {
namespace {

const std::string kDataDir = DEFCOOP_DATA_DIR;

std::vector<std::string> ReadmeLines() {
  std::ifstream in(kDataDir + "/README.md");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Data rows of a CSV file (records after the header, blank records skipped).
int CsvRows(const std::string& file) {
  std::string path = kDataDir + "/" + file;
  Result<std::string> text = csv::ReadFile(path);
  EXPECT_TRUE(text.ok()) << path;
  if (!text.ok()) return -1;
  csv::Reader reader(csv::StripBom(*text), path);
  csv::Record record;
  Status error;
  int rows = -1;  // the header is not a row
  while (reader.Next(&record, &error)) {
    bool blank = std::all_of(record.fields.begin(), record.fields.end(),
                             [](const std::string& f) { return csv::Trim(f).empty(); });
    if (!blank) ++rows;
  }
  return rows;
}

// Count and year span of one kind of record.
struct Coverage {
  int rows = 0;
  std::optional<int> first, last;
  void Add(std::optional<int> year) {
    ++rows;
    if (!year) return;
    first = std::min(first.value_or(*year), *year);
    last = std::max(last.value_or(*year), *year);
  }
  std::string Span() const {
    return first ? std::to_string(*first) + "–" + std::to_string(*last) : "—";
  }
};

std::optional<int> YearOf(const std::optional<Date>& date) {
  return date ? std::optional<int>(date->year) : std::nullopt;
}

std::map<std::string, Coverage> CoverageOf(const Dataset& data) {
  std::map<std::string, Coverage> kinds;
  for (const Agreement& agreement : data.agreements) kinds["agreements"].Add(agreement.date.year);
  for (const Event& event : data.events) kinds["events: " + event.type].Add(event.date.year);
  for (const Embargo& embargo : data.embargoes) kinds["embargoes"].Add(YearOf(embargo.start));
  for (const Component& component : data.components) {
    kinds["components"].Add(YearOf(component.from));
  }
  for (const Venture& venture : data.ventures) kinds["ventures"].Add(YearOf(venture.founded));
  for (const Indicator& indicator : data.indicators) {
    // A period is "2022" or "2018-2022": count its first and last year.
    Coverage& coverage = kinds["indicators"];
    coverage.Add(std::stoi(indicator.period.substr(0, 4)));
    int last = std::stoi(indicator.period.substr(indicator.period.size() - 4));
    coverage.last = std::max(*coverage.last, last);
  }
  return kinds;
}

TEST(ReadmeCounts, FileTableStatesEachFilesRows) {
  CuratedLoad load = LoadCuratedData(kDataDir);
  std::regex row(R"(^\| `([a-z_-]+\.(csv|json))` \| (\d+) \|)");
  int checked = 0;
  for (const std::string& line : ReadmeLines()) {
    std::smatch match;
    if (!std::regex_search(line, match, row)) continue;
    std::string file = match[1];
    int stated = std::stoi(match[3]);
    int actual = file == "sources.json" ? static_cast<int>(load.data.sources.size()) : CsvRows(file);
    EXPECT_EQ(stated, actual) << "data/README.md states " << stated << " rows for " << file;
    ++checked;
  }
  EXPECT_GE(checked, 12) << "the README's file table was not found";
}

TEST(ReadmeCounts, CoverageTableStatesEachKindsCountAndSpan) {
  CuratedLoad load = LoadCuratedData(kDataDir);
  std::map<std::string, Coverage> actual = CoverageOf(load.data);
  std::regex row(R"(^\| ((agreements|embargoes|components|ventures|indicators|events: [a-z_]+)) \| (\d+) \| ([^|]+?) \|)");
  std::map<std::string, bool> stated;
  for (const std::string& line : ReadmeLines()) {
    std::smatch match;
    if (!std::regex_search(line, match, row)) continue;
    std::string kind = match[1];
    stated[kind] = true;
    EXPECT_EQ(std::stoi(match[3]), actual[kind].rows) << "coverage rows of " << kind;
    EXPECT_EQ(std::string(match[4]), actual[kind].Span()) << "coverage span of " << kind;
  }
  for (const auto& [kind, coverage] : actual) {
    EXPECT_TRUE(stated.count(kind)) << "data/README.md's coverage table has no line for " << kind
                                    << " (" << coverage.rows << " rows, " << coverage.Span()
                                    << ")";
  }
}

TEST(ReadmeCounts, SourceBreakdownAddsUpToTheSources) {
  CuratedLoad load = LoadCuratedData(kDataDir);
  std::regex item(R"(^- (\d+) )");
  bool in_breakdown = false;
  int total = 0, items = 0;
  for (const std::string& line : ReadmeLines()) {
    if (line.rfind("#", 0) == 0) in_breakdown = line == "### Sources by origin";
    std::smatch match;
    if (in_breakdown && std::regex_search(line, match, item)) {
      total += std::stoi(match[1]);
      ++items;
    }
  }
  EXPECT_GT(items, 0) << "no '### Sources by origin' list in data/README.md";
  EXPECT_EQ(total, static_cast<int>(load.data.sources.size()));
}

}  // namespace
}  // namespace defcoop::ingest
