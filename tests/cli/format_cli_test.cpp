// What people and programs read: tables laid out within a width (golden files at 80 and
// 200 columns for `claims` and `embargoes`, every line within the width and every word of
// every cell present), and CSV complete enough for a program: numbers that read back as
// the JSON output's doubles exactly, the meta recoverable from the "# key: JSON" lines,
// --no-meta and --out FILE (with FILE.meta.json). The real binary on real stores.
//
// The golden files are the real output, reviewed: after a deliberate change of the data
// or the layout, rewrite them with DEFCOOP_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kRegister = std::string(DEFCOOP_SHARED_DATA_DIR) +
                              "/sipri/Andrei-Teodor-Petre__InfoVizProject/trade-register.csv";

// Display columns of UTF-8 text: code points that are not continuation bytes.
size_t Columns(const std::string& text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// The words a cell shows: of a string, or of each string of a list.
std::vector<std::string> CellWords(const nlohmann::json& value) {
  std::vector<std::string> words;
  if (value.is_string()) return Words(value.get<std::string>());
  if (value.is_array()) {
    for (const auto& item : value) {
      for (std::string& word : CellWords(item)) words.push_back(std::move(word));
    }
  }
  return words;
}

// What of `word` must appear unbroken in a table: the whole word when it has at most 20
// display columns; else (an id, a locator, a URL, which may be broken across lines after
// punctuation or at the column's edge, and a column is at least 24 wide) each piece between
// punctuation, up to its first 20 code points.
std::vector<std::string> ShownParts(const std::string& word) {
  constexpr size_t kWhole = 20;
  if (Columns(word) <= kWhole) return {word};
  std::vector<std::string> parts(1);
  for (char c : word) {
    parts.back() += c;
    if (std::string("-/:;=,._&?|)]").find(c) != std::string::npos) parts.emplace_back();
  }
  for (std::string& part : parts) {
    size_t kept = 0, byte = 0;
    for (; byte < part.size(); ++byte) {
      bool starts_char = (static_cast<unsigned char>(part[byte]) & 0xC0) != 0x80;
      if (starts_char && kept++ == kWhole) break;
    }
    part.resize(byte);
  }
  std::erase(parts, "");
  return parts;
}

// RFC 4180 records (quoted fields may hold commas, quotes and line breaks), after the
// leading "#" comment lines, which go to `comments`.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text,
                                               std::vector<std::string>* comments) {
  size_t pos = 0;
  while (pos < text.size() && text[pos] == '#') {
    size_t end = text.find('\n', pos);
    comments->push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (quoted) {
      if (c == '"' && pos + 1 < text.size() && text[pos + 1] == '"') {
        records.back().back() += '"';
        ++pos;
      } else if (c == '"') {
        quoted = false;
      } else {
        records.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\n') {
      records.emplace_back(1);
    } else {
      records.back().back() += c;
    }
  }
  if (records.back() == std::vector<std::string>(1)) records.pop_back();
  return records;
}

class FormatCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("defcoop-format-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    curated_db_ = (dir_ / "curated.db").string();
    ASSERT_EQ(RunDefcoop("init", curated_db_).exit_code, 0);
    if (fs::exists(kRegister)) {
      sipri_db_ = (dir_ / "sipri.db").string();
      fs::copy_file(curated_db_, sipri_db_);
      CommandResult import = RunDefcoop("import sipri '" + kRegister + "'", sipri_db_);
      ASSERT_EQ(import.exit_code, 0) << import.err;
    }
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static CommandResult Ok(const std::string& args, const std::string& db) {
    CommandResult result = RunDefcoop(args, db);
    EXPECT_EQ(result.exit_code, 0) << args << ": " << result.err;
    return result;
  }

  // The table of `command` at `width` against its golden file, every line within the
  // width, and every word of every shown cell of the JSON rows in it.
  static void ExpectTableFits(const std::string& command, size_t width) {
    std::string table = Ok("--width " + std::to_string(width) + " " + command, curated_db_).out;
    fs::path golden =
        fs::path(DEFCOOP_TEST_DIR) / "golden" / (command + "-" + std::to_string(width) + ".txt");
    if (std::getenv("DEFCOOP_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << table;
    EXPECT_EQ(table, ReadText(golden.string())) << "golden file " << golden;
    for (const std::string& line : Lines(table))
      EXPECT_LE(Columns(line), width) << command << " at " << width << ": " << line;
    EXPECT_EQ(table.find("…"), std::string::npos) << "text was cut";

    std::vector<std::string> ignored;
    auto header = ParseCsv(Ok("--format csv " + command, curated_db_).out, &ignored).at(0);
    auto doc = nlohmann::json::parse(Ok("--format json " + command, curated_db_).out);
    size_t checked = 0;
    for (const auto& row : doc["rows"]) {
      for (const std::string& column : header) {
        for (const std::string& word : CellWords(row.value(column, nlohmann::json()))) {
          for (const std::string& part : ShownParts(word)) {
            EXPECT_NE(table.find(part), std::string::npos)
                << command << " at " << width << ": '" << part << "' of " << column << " is lost";
            ++checked;
          }
        }
      }
    }
    EXPECT_GT(checked, 100u) << "too few words to say anything";
  }

  static inline fs::path dir_;
  static inline std::string curated_db_;
  static inline std::string sipri_db_;
};

TEST_F(FormatCliTest, ClaimsFitEightyAndTwoHundredColumns) {
  ExpectTableFits("claims", 80);
  ExpectTableFits("claims", 200);
}

TEST_F(FormatCliTest, EmbargoesFitEightyAndTwoHundredColumns) {
  ExpectTableFits("embargoes", 80);
  ExpectTableFits("embargoes", 200);
}

TEST_F(FormatCliTest, WideAndPipedTablesKeepOneLinePerRowAndCutNothing) {
  size_t rows = nlohmann::json::parse(Ok("--format json claims", curated_db_).out)["rows"].size();
  size_t notes = 2;  // the counts line and what the claims rest on (coverage)
  for (const char* args : {"claims", "--width 80 --wide claims"}) {
    std::string table = Ok(args, curated_db_).out;
    EXPECT_EQ(Lines(table).size(), rows + 2 + notes) << args;  // header, rule, rows, note
    EXPECT_EQ(table.find("…"), std::string::npos) << args;
  }
}

TEST_F(FormatCliTest, RecordsShowOneFieldPerLine) {
  std::string records = Ok("--records --width 100 claims --status unverifiable", curated_db_).out;
  auto doc =
      nlohmann::json::parse(Ok("--format json claims --status unverifiable", curated_db_).out);
  ASSERT_FALSE(doc["rows"].empty());
  EXPECT_EQ(records.rfind("-[ RECORD 1 ]", 0), 0u) << records.substr(0, 200);
  EXPECT_NE(records.find("-[ RECORD " + std::to_string(doc["rows"].size()) + " ]"),
            std::string::npos);
  EXPECT_NE(records.find("\nstatus   | unverifiable\n"), std::string::npos);
}

TEST_F(FormatCliTest, NumbersAreRightAlignedWithThousandsSeparators) {
  if (sipri_db_.empty()) GTEST_SKIP() << "no SIPRI data in ../shared";
  const std::string command = "tiv --by supplier --recipient Türkiye";
  std::string table = Ok(command, sipri_db_).out;
  size_t rows = nlohmann::json::parse(Ok("--format json " + command, sipri_db_).out)["rows"].size();
  auto lines = Lines(table);
  ASSERT_GT(rows, 3u);
  ASSERT_GE(lines.size(), rows + 2);
  // Every number ends where the header "tiv" ends, and the large ones are grouped.
  size_t tiv_end = lines[0].find("tiv") + 3;
  bool grouped = false;
  for (size_t idx = 2; idx < rows + 2; ++idx) {
    ASSERT_GE(lines[idx].size(), tiv_end) << lines[idx];
    EXPECT_NE(std::string("0123456789").find(lines[idx][tiv_end - 1]), std::string::npos)
        << lines[0] << "\n"
        << lines[idx];
    grouped = grouped || std::regex_search(lines[idx].substr(0, tiv_end),
                                           std::regex(" [1-9][0-9]{0,2}(,[0-9]{3})+\\.[0-9]$"));
  }
  EXPECT_TRUE(grouped) << table;
}

TEST_F(FormatCliTest, CsvCarriesFullPrecisionAndItsMeta) {
  if (sipri_db_.empty()) GTEST_SKIP() << "no SIPRI data in ../shared";
  const std::string command = "suppliers Azerbaijan --years 2011-2020";
  auto doc = nlohmann::json::parse(Ok("--format json " + command, sipri_db_).out);
  std::vector<std::string> comments;
  auto records = ParseCsv(Ok("--format csv " + command, sipri_db_).out, &comments);

  // The meta, line by line.
  ASSERT_FALSE(comments.empty());
  EXPECT_EQ(comments[0], "# Information from the SIPRI Arms Transfers Database (vintage " +
                             doc["meta"]["vintage"].get<std::string>() + ")");
  nlohmann::json meta = nlohmann::json::object();
  for (size_t idx = 1; idx < comments.size(); ++idx) {
    size_t colon = comments[idx].find(": ");
    ASSERT_NE(colon, std::string::npos) << comments[idx];
    meta[comments[idx].substr(2, colon - 2)] =
        nlohmann::json::parse(comments[idx].substr(colon + 2));
  }
  EXPECT_EQ(meta, doc["meta"]);

  // Every number, exactly; at least one needs more than 4 significant digits.
  const auto& header = records.at(0);
  ASSERT_EQ(records.size(), doc["rows"].size() + 1);
  size_t numbers = 0, long_numbers = 0;
  for (size_t row = 0; row < doc["rows"].size(); ++row) {
    for (size_t col = 0; col < header.size(); ++col) {
      const auto& expected = doc["rows"][row][header[col]];
      if (!expected.is_number()) continue;
      const std::string& text = records[row + 1].at(col);
      double parsed = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
      ASSERT_TRUE(error == std::errc() && end == text.data() + text.size()) << text;
      EXPECT_EQ(parsed, expected.get<double>()) << header[col] << " row " << row << ": " << text;
      ++numbers;
      long_numbers += text.find_first_not_of("-0.") != std::string::npos &&
                      text.size() - text.find_first_not_of("-0.") > 5;
    }
  }
  EXPECT_GT(numbers, 10u);
  EXPECT_GT(long_numbers, 0u) << "no number needed full precision";

  // --no-meta: the header first.
  std::string bare = Ok("--format csv --no-meta " + command, sipri_db_).out;
  EXPECT_EQ(bare.rfind("rank,", 0), 0u) << bare.substr(0, 80);
}

TEST_F(FormatCliTest, OutWritesTheFileAndMetaJsonBesideABareCsv) {
  fs::path out = dir_ / "claims.csv";
  CommandResult to_file = Ok("--format csv claims --out '" + out.string() + "'", curated_db_);
  EXPECT_EQ(to_file.out, "");
  EXPECT_EQ(ReadText(out.string()), Ok("--format csv claims", curated_db_).out);

  fs::path bare = dir_ / "bare.csv";
  Ok("--format csv --no-meta --out '" + bare.string() + "' claims", curated_db_);
  EXPECT_EQ(ReadText(bare.string()).rfind("id,status,", 0), 0u);
  auto meta = nlohmann::json::parse(ReadText(bare.string() + ".meta.json"));
  EXPECT_EQ(meta, nlohmann::json::parse(Ok("--format json claims", curated_db_).out)["meta"]);

  // A table in a file is not laid out for a terminal: one line per row.
  fs::path table = dir_ / "claims.txt";
  Ok("claims --out '" + table.string() + "'", curated_db_);
  EXPECT_EQ(ReadText(table.string()), Ok("claims", curated_db_).out);
}

TEST_F(FormatCliTest, OutThatIsTheStoreOrAnInputIsRefused) {
  std::string before = ReadText(curated_db_);
  CommandResult store = RunDefcoop("claims --out '" + curated_db_ + "'", curated_db_);
  EXPECT_EQ(store.exit_code, 2) << store.err;
  EXPECT_NE(store.err.find("--out " + curated_db_ + " is the store"), std::string::npos)
      << store.err;
  EXPECT_TRUE(ReadText(curated_db_) == before);

  fs::path input = dir_ / "input.csv";
  std::ofstream(input) << "not a register\n";
  CommandResult same = RunDefcoop(
      "import sipri '" + input.string() + "' --out '" + input.string() + "'", curated_db_);
  EXPECT_EQ(same.exit_code, 2) << same.err;
  EXPECT_NE(same.err.find("is the input"), std::string::npos) << same.err;
  EXPECT_EQ(ReadText(input.string()), "not a register\n");
}

// --lang: headers, status words, booleans and the lines under the table come from the
// message catalog; CSV and JSON keep their keys and codes for programs.
TEST_F(FormatCliTest, LangTranslatesHeadersWordsAndNotesOfTheTable) {
  std::string tr = Ok("--lang tr --wide claims --status unverifiable", curated_db_).out;
  EXPECT_EQ(tr.rfind("kimlik", 0), 0u) << tr.substr(0, 200);
  EXPECT_NE(tr.find("  durum  "), std::string::npos) << tr.substr(0, 200);
  EXPECT_NE(tr.find("doğrulanamıyor"), std::string::npos);
  EXPECT_EQ(tr.find("unverifiable"), std::string::npos) << "an English status word is left";
  EXPECT_NE(tr.find(" destekleniyor, "), std::string::npos) << tr;
  EXPECT_NE(tr.find(" çelişiyor, "), std::string::npos) << tr;
  // What the claims rest on, in Turkish too (it was English in every language).
  EXPECT_NE(tr.find("Dayanağı: "), std::string::npos) << tr;
  EXPECT_NE(tr.find(" iddia, "), std::string::npos) << tr;
  EXPECT_NE(tr.find("(derlenmiş kayıtlar, tam sayım değil)"), std::string::npos) << tr;
  EXPECT_EQ(tr.find("Rests on"), std::string::npos) << tr;

  std::string kk = Ok("--lang kk --wide embargoes", curated_db_).out;
  std::string kk_header = Lines(kk).at(0);
  for (const char* header : {"эмбарго", "түрі", "қашан", "нысан", "толығырақ", "дереккөздер"})
    EXPECT_NE(kk_header.find(header), std::string::npos) << header << " in " << kk_header;
  EXPECT_EQ(kk_header.find("detail"), std::string::npos) << kk_header;
  EXPECT_NE(kk.find("зардап шеккен бөлшек"), std::string::npos);
  EXPECT_NE(kk.find("Кідірістер эмбарго басталғаннан"), std::string::npos);
  EXPECT_EQ(kk.find("component_hit"), std::string::npos);

  std::string csv = Ok("--lang tr --format csv --no-meta claims", curated_db_).out;
  EXPECT_EQ(csv.rfind("id,status,claimed,computed,text,evidence,sources\n", 0), 0u);
  EXPECT_EQ(csv.find("doğrulanamıyor"), std::string::npos) << "CSV keeps the codes";

  if (sipri_db_.empty()) GTEST_SKIP() << "no SIPRI data in ../shared";
  std::string ru = Ok("--lang ru --wide suppliers Azerbaijan --years 2011-2020", sipri_db_).out;
  EXPECT_EQ(ru.rfind("место", 0), 0u) << ru.substr(0, 200);
  EXPECT_NE(ru.find("поставщик"), std::string::npos);
  EXPECT_NE(ru.find("всего "), std::string::npos) << ru;
  EXPECT_NE(ru.find("Источник: Information from the SIPRI Arms Transfers Database, версия"),
            std::string::npos)
      << ru;
  EXPECT_EQ(ru.find("false"), std::string::npos) << "booleans are words too";
  std::string tiv =
      Ok("--lang tr --wide tiv --recipient Azerbaijan --years 2018-2020", sipri_db_).out;
  EXPECT_NE(Lines(tiv).at(0).find("yıl"), std::string::npos) << tiv.substr(0, 200);
  EXPECT_NE(tiv.find("Kaynak: "), std::string::npos) << tiv;
  // The exporter's summary line: its rank in words of the language, the same figures.
  std::string en_exports = Ok("--wide exports Türkiye --years 2011-2020", sipri_db_).out;
  std::string tr_exports = Ok("--lang tr --wide exports Türkiye --years 2011-2020", sipri_db_).out;
  std::smatch en_rank, tr_rank;
  ASSERT_TRUE(
      std::regex_search(en_exports, en_rank, std::regex(R"(rank (\d+) of (\d+) exporting states)")))
      << en_exports;
  ASSERT_TRUE(std::regex_search(tr_exports, tr_rank,
                                std::regex(R"(ihracatçı (\d+) devlet arasında (\d+)\. sırada)")))
      << tr_exports;
  EXPECT_EQ(en_rank[1], tr_rank[2]);
  EXPECT_EQ(en_rank[2], tr_rank[1]);
  EXPECT_EQ(tr_exports.find("exported"), std::string::npos) << tr_exports;
}

}  // namespace
}  // namespace defcoop::testing
