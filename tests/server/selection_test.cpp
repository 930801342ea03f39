// Commands that read only the transfers their answer rests on (Store::LoadTransfers with a
// TransferSelection, chosen in SQLite) answer exactly what the whole register, loaded in
// memory, answers. A warmed `defcoop serve` holds the whole register and computes from it;
// the command line reads a selection. Both run the same analysis, so their JSON must be
// identical, number for number, on real SIPRI data (a register and its TIV tables, so the
// exact years of UseExactYears and the exporter ranks over all suppliers are covered).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "serve_process.h"

namespace defcoop::server::testing {
namespace {

namespace fs = std::filesystem;

const std::string kSipri = std::string(DEFCOOP_SHARED_DATA_DIR) + "/sipri";
const std::string kRegister = kSipri + "/MJHofmann__SIPRI_BRICS/trade-register.csv";
const std::string kTable = kSipri + "/MJHofmann__SIPRI_BRICS/import-export-values_1950-2024.csv";

// stdout of `defcoop --db DB --format json ARGS` (the selection path).
std::string RunCli(const std::string& db, const std::string& args) {
  std::string command = "'" + std::string(DEFCOOP_BIN) + "' --db '" + db + "' --format json " +
                        args + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 4096> buffer{};
  size_t read = 0;
  while (pipe && (read = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0)
    out.append(buffer.data(), read);
  return out;
}

int RunQuiet(const std::string& db, const std::string& args) {
  std::string command =
      "'" + std::string(DEFCOOP_BIN) + "' --db '" + db + "' " + args + " >/dev/null 2>&1";
  return std::system(command.c_str());
}

// The server's answer without what only the server adds.
nlohmann::json ServerJson(int port, const std::string& target) {
  RawResponse response =
      SendRaw(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(response.status, 200) << target << ": " << response.body;
  nlohmann::json json = nlohmann::json::parse(response.body, nullptr, false);
  if (json.is_object() && json.contains("meta")) json["meta"].erase("data_version");
  return json;
}

struct Case {
  std::string cli;     // arguments of the command line
  std::string target;  // the same question to the API
};

TEST(SelectionTest, SelectedTransfersAnswerAsTheWholeRegister) {
  if (!fs::exists(kRegister) || !fs::exists(kTable)) GTEST_SKIP() << "no SIPRI data in ../shared";
  fs::path dir = fs::temp_directory_path() / ("defcoop-selection-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string db = (dir / "store.db").string();
  ASSERT_EQ(RunQuiet(db, "init"), 0);
  ASSERT_EQ(RunQuiet(db, "import sipri '" + kRegister + "' '" + kTable + "'"), 0);
  ServeProcess server(db, "");
  ASSERT_TRUE(server.started());

  const std::vector<Case> cases = {
      {"suppliers Azerbaijan --years 2011-2020", "/api/v1/suppliers?country=Azerbaijan&years=2011-2020"},
      {"suppliers AZE", "/api/v1/suppliers?country=AZE"},
      {"suppliers OTS --years 2015-2024", "/api/v1/suppliers?country=OTS&years=2015-2024"},
      {"exports TUR --years 2018-2024", "/api/v1/exports?country=TUR&years=2018-2024"},
      {"exports Russia --years 2000-2009", "/api/v1/exports?country=Russia&years=2000-2009"},
      {"exports OTS --years 2010-2020", "/api/v1/exports?country=OTS&years=2010-2020"},
      {"tiv --recipient AZE --by year", "/api/v1/tiv?recipient=AZE&by=year"},
      {"tiv --supplier TUR --by year --years 2005-2024", "/api/v1/tiv?supplier=TUR&by=year&years=2005-2024"},
      {"tiv --recipient AZE --by supplier,year", "/api/v1/tiv?recipient=AZE&by=supplier&by=year"},
      {"tiv --supplier TUR --recipient OTS --by dyad,year",
       "/api/v1/tiv?supplier=TUR&recipient=OTS&by=dyad&by=year"},
      {"tiv --by dyad --years 2020-2024", "/api/v1/tiv?by=dyad&years=2020-2024"},
      {"tiv --recipient AZE --by year --moving-average 5",
       "/api/v1/tiv?recipient=AZE&by=year&moving_average=5"},
  };
  for (const Case& c : cases) {
    nlohmann::json cli = nlohmann::json::parse(RunCli(db, c.cli), nullptr, false);
    ASSERT_TRUE(cli.is_object()) << c.cli;
    EXPECT_FALSE(cli["rows"].empty()) << c.cli;
    EXPECT_EQ(cli, ServerJson(server.port(), c.target)) << c.cli;
  }
  server.Stop();
  fs::remove_all(dir);
}

// stdout and stderr of `defcoop --db DB ARGS`, with its exit status.
std::string RunWithStatus(const std::string& db, const std::string& args) {
  std::string command =
      "'" + std::string(DEFCOOP_BIN) + "' --db '" + db + "' " + args + " 2>&1; echo \"exit $?\"";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 4096> buffer{};
  size_t read = 0;
  while (pipe && (read = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0)
    out.append(buffer.data(), read);
  return out;
}

void ExecSql(const std::string& db, const std::string& sql) {
  sqlite3* connection = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &connection), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(connection, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(connection);
  sqlite3_close(connection);
}

// `defcoop init` saves the match keys of the curated spellings, so a command resolves a
// name without making ICU's transliterators. The answers must be those of folding every
// spelling anew: the same store with its saved keys marked as another folding's (which
// commands then ignore) answers every question identically, output and exit status.
TEST(SelectionTest, SavedNameKeysAnswerAsFoldingAnew) {
  if (!fs::exists(kRegister)) GTEST_SKIP() << "no SIPRI data in ../shared";
  fs::path dir = fs::temp_directory_path() / ("defcoop-folds-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string saved = (dir / "saved.db").string();
  std::string anew = (dir / "anew.db").string();
  ASSERT_EQ(RunQuiet(saved, "init"), 0);
  ASSERT_EQ(RunQuiet(saved, "import sipri '" + kRegister + "'"), 0);
  fs::copy_file(saved, anew);  // the last writer's close left no log beside it
  ExecSql(anew, "UPDATE store_state SET value = 'another folding' WHERE key = 'name_fold_version'");
  auto count = RunCli(saved, "query \"SELECT count(*) AS n FROM name_fold\"");
  EXPECT_NE(nlohmann::json::parse(count, nullptr, false)["rows"][0]["n"], "0")
      << "init saved no keys: " << count;

  const std::vector<std::string> questions = {
      "resolve Türkiye Турция Қазақстан Azərbaycan Ўзбекистон Kyrgyzstan 'Türkmenistan'",
      "resolve Kazakstn 'Turkic Republicz' Türkei Ázerbajdzsán 'Republic of Türkiye' OTS@2022",
      "--lang ru resolve Türkiye AZE OTS@2022",
      "--format json suppliers Азербайджан --years 2011-2020",
      "--format json --lang kk suppliers Azerbaijan --years 2011-2020",
      "--format json exports Türkiye --years 2018-2024",
      "--format json --lang tr exports TUR --years 2010-2020",
      "--format json tiv --recipient Қазақстан --by supplier,year",
      "--format json tiv --supplier Türkiye --recipient OTS --by dyad",
      "suppliers Azerbaijn",
  };
  for (const std::string& question : questions)
    EXPECT_EQ(RunWithStatus(saved, question), RunWithStatus(anew, question)) << question;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace defcoop::server::testing
