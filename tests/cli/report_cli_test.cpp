// `defcoop report` end to end: the real binary on the shipped data, without SIPRI data
// (the brief says what is missing) and in another language.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

class ReportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("defcoop-report-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "t.db").string();
    ASSERT_EQ(RunDefcoop("init", db_).exit_code, 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string db_;
};

// The text of every table cell whose content is wider than the cell in headless Chromium
// at about the width of an A4 page, as a JSON array; "" when Chromium is not installed.
std::string OverflowingCells(const fs::path& html_path) {
  std::string html = ReadText(html_path.string());
  const std::string script =
      "<script>addEventListener('load', () => { const wide = [];"
      " for (const cell of document.querySelectorAll('td, th'))"
      " if (cell.scrollWidth > cell.clientWidth + 1) wide.push(cell.textContent.trim());"
      " document.body.setAttribute('data-overflow', JSON.stringify(wide)); });</script>";
  html.insert(html.rfind("</body>"), script);
  fs::path probe = html_path.parent_path() / "probe.html";
  std::ofstream(probe) << html;
  std::string command =
      "/usr/bin/chromium --headless --no-sandbox --disable-gpu --no-first-run "
      "--user-data-dir='" +
      (html_path.parent_path() / "profile").string() +
      "' --window-size=690,1000 --virtual-time-budget=5000 --dump-dom 'file://" + probe.string() +
      "' 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string dom;
  char buffer[4096];
  while (pipe && fgets(buffer, sizeof buffer, pipe.get())) dom += buffer;
  size_t start = dom.find("data-overflow=\"");
  if (start == std::string::npos) return "missing";
  start += 15;
  return dom.substr(start, dom.find('"', start) - start);
}

// "doğrulanamıyor" ran into the next column of the claims table: every column must be at
// least as wide as its longest word, in every language.
TEST_F(ReportCliTest, TableCellsHoldTheirLongestWordInEveryLanguage) {
  if (::access("/usr/bin/chromium", X_OK) != 0) GTEST_SKIP() << "Chromium not installed";
  for (const char* lang : {"en", "tr", "kk", "ru"}) {
    fs::path html = dir_ / (std::string("brief-") + lang + ".html");
    CommandResult result =
        RunDefcoop(std::string("--lang ") + lang + " report --out '" + html.string() + "'", db_);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(OverflowingCells(html), "[]") << lang;
  }
}

TEST_F(ReportCliTest, WritesTheBriefWithoutSipriDataAndSaysWhatIsMissing) {
  CommandResult result = RunDefcoop("report --out brief.html", db_, dir_.string());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("No SIPRI register imported"), std::string::npos) << result.out;
  std::string html = ReadText((dir_ / "brief.html").string());
  EXPECT_NE(html.find("<section class=\"top\" id=\"bibliography\">"), std::string::npos);
  EXPECT_NE(html.find("No SIPRI register is in the store"), std::string::npos);
}

TEST_F(ReportCliTest, WritesTheDefaultOutputInTheGlobalLanguage) {
  CommandResult result = RunDefcoop("--lang ru report", db_, dir_.string());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string html = ReadText((dir_ / "out" / "brief.html").string());
  EXPECT_NE(html.find("<html lang=\"ru\">"), std::string::npos);
  EXPECT_NE(html.find("Основные выводы"), std::string::npos);
}

TEST_F(ReportCliTest, UnknownFocusIsAnErrorNamingCandidates) {
  CommandResult result = RunDefcoop("report --focus Turkeyy --out b.html", db_, dir_.string());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("Turkeyy"), std::string::npos) << result.err;
}

// `text` with every tag replaced by "|".
std::string TagsToBars(const std::string& text) {
  std::string out;
  bool in_tag = false;
  for (char c : text) {
    if (c == '<') in_tag = true;
    if (!in_tag) out += c;
    if (c == '>') {
      in_tag = false;
      out += '|';
    }
  }
  return out;
}

// The rows of each <table id="..."> in `html`, each row its cells' text between "|".
// (Plain searches: std::regex recurses per character and overflows the stack on a brief.)
std::map<std::string, std::vector<std::string>> TableRows(const std::string& html) {
  std::map<std::string, std::vector<std::string>> tables;
  for (size_t at = html.find("<table"); at != std::string::npos; at = html.find("<table", at)) {
    size_t id_at = html.find("id=\"", at);
    size_t end = html.find("</table>", at);
    if (id_at == std::string::npos || end == std::string::npos) break;
    std::string id = html.substr(id_at + 4, html.find('"', id_at + 4) - id_at - 4);
    std::vector<std::string>& rows = tables[id];
    for (size_t row = html.find("<tr>", at); row != std::string::npos && row < end;
         row = html.find("<tr>", row + 4)) {
      size_t row_end = html.find("</tr>", row);
      rows.push_back(TagsToBars(html.substr(row + 4, row_end - row - 4)));
    }
    at = end;
  }
  return tables;
}

// Regression: two embargoes of one imposer in force together listed each delivery and
// each component they both hit twice (58 delivery rows, 35 distinct; the MTU engine as
// "2 years" and "24 months"), and the summary counted the doubled components.
TEST_F(ReportCliTest, TheBriefOnTheRealRegisterListsNoRowTwice) {
  const std::string kRegister = std::string(DEFCOOP_SHARED_DATA_DIR) +
                                "/sipri/alexarui__network-analysis/trade-register.csv";
  ASSERT_EQ(RunDefcoop("import sipri '" + kRegister + "'", db_).exit_code, 0);
  CommandResult result = RunDefcoop("report --years 2000-2025 --out brief.html", db_, dir_.string());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto tables = TableRows(ReadText((dir_ / "brief.html").string()));
  ASSERT_TRUE(tables.count("table-embargo-deliveries"));
  ASSERT_TRUE(tables.count("table-substitutes"));
  for (const auto& [id, rows] : tables) {
    std::set<std::string> distinct(rows.begin(), rows.end());
    EXPECT_EQ(distinct.size(), rows.size()) << id;
  }
  // The components with a substitute, as the summary counts them, are the table's rows
  // that name one.
  std::string html = ReadText((dir_ / "brief.html").string());
  size_t phrase = html.find(" components they hit have");
  ASSERT_NE(phrase, std::string::npos);
  size_t digits = html.find_last_not_of("0123456789", phrase - 1) + 1;
  const std::vector<std::string>& hits = tables["table-substitutes"];
  int with_substitute = 0;
  for (size_t row = 1; row < hits.size(); ++row) {  // row 0: the header
    with_substitute += hits[row].find("|none|") == std::string::npos;
  }
  EXPECT_EQ(std::stoi(html.substr(digits, phrase - digits)), with_substitute);
}

}  // namespace
}  // namespace defcoop::testing
