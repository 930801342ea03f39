// The API through a real `defcoop serve` on a free loopback port: status codes, shapes,
// bad input, oversize requests, read-only, graceful shutdown.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

namespace defcoop::server {
namespace {

namespace fs = std::filesystem;

const std::string kRegister = std::string(DEFCOOP_SHARED_DATA_DIR) +
                              "/sipri/Andrei-Teodor-Petre__InfoVizProject/trade-register.csv";

// Runs `defcoop serve --port 0` on a store with the shipped data (and a SIPRI register
// when ../shared has it) and learns the port from its first line on stderr.
class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = (fs::temp_directory_path() / ("defcoop-server-" + std::to_string(::getpid()) + ".db"))
              .string();
    fs::remove(db_);
    std::string setup = "DEFCOOP_DB='" + db_ + "' '" + DEFCOOP_BIN +
                        "' init >/dev/null && (test ! -f '" + kRegister + "' || DEFCOOP_DB='" +
                        db_ + "' '" + DEFCOOP_BIN + "' import sipri '" + kRegister +
                        "' >/dev/null 2>&1)";
    ASSERT_EQ(std::system(setup.c_str()), 0);
    StartServer();
  }

  static void StartServer() {
    int err_pipe[2];
    ASSERT_EQ(pipe(err_pipe), 0);
    pid_ = fork();
    if (pid_ == 0) {
      dup2(err_pipe[1], STDERR_FILENO);
      close(err_pipe[0]);
      execl(DEFCOOP_BIN, DEFCOOP_BIN, "--db", db_.c_str(), "serve", "--port", "0", "--web", "",
            nullptr);
      _exit(127);
    }
    close(err_pipe[1]);
    log_ = fdopen(err_pipe[0], "r");
    char line[512];
    ASSERT_NE(fgets(line, sizeof line, log_), nullptr);
    std::smatch match;
    std::string text(line);
    ASSERT_TRUE(std::regex_search(text, match, std::regex(R"(http://127\.0\.0\.1:(\d+)/)")))
        << text;
    port_ = std::stoi(match[1]);
  }

  static void TearDownTestSuite() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, &exit_status_, 0);
      // Graceful shutdown: SIGTERM ends the server with exit code 0.
      EXPECT_TRUE(WIFEXITED(exit_status_) && WEXITSTATUS(exit_status_) == 0) << exit_status_;
    }
    if (log_) fclose(log_);
    fs::remove(db_);
  }

  static httplib::Result Get(const std::string& target) {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(std::chrono::seconds(20));
    return client.Get(target);
  }

  static nlohmann::json Json(const std::string& target) {
    auto result = Get(target);
    EXPECT_TRUE(result) << target;
    if (!result) return nullptr;
    EXPECT_EQ(result->status, 200) << target << ": " << result->body;
    return nlohmann::json::parse(result->body, nullptr, false);
  }

  static void ExpectError(const std::string& target, int status, const std::string& code) {
    auto result = Get(target);
    ASSERT_TRUE(result) << target;
    EXPECT_EQ(result->status, status) << target << ": " << result->body;
    auto json = nlohmann::json::parse(result->body, nullptr, false);
    ASSERT_TRUE(json.is_object()) << result->body;
    EXPECT_EQ(json["error"]["code"], code);
    EXPECT_FALSE(json["error"]["message"].get<std::string>().empty());
  }

  static inline std::string db_;
  static inline pid_t pid_ = -1;
  static inline int port_ = 0;
  static inline FILE* log_ = nullptr;
  static inline int exit_status_ = -1;
};

TEST_F(ServerTest, AnswersWithMetaAndRowsLikeTheCommandLine) {
  auto json = Json("/api/v1/timeline?actor=TUR&with=OTS&from=2022&to=2022");
  ASSERT_TRUE(json.contains("meta"));
  ASSERT_GE(json["rows"].size(), 5u);
  EXPECT_TRUE(json["rows"][0].contains("date"));
  EXPECT_TRUE(json["rows"][0].contains("sources"));
}

TEST_F(ServerTest, SearchResolvesAnySpellingInAnyScript) {
  auto json =
      Json("/api/v1/search?q=%D2%9A%D0%B0%D0%B7%D0%B0%D2%9B%D1%81%D1%82%D0%B0%D0%BD");  // Қазақстан
  ASSERT_EQ(json["rows"].size(), 1u);
  EXPECT_EQ(json["rows"][0]["id"], "KAZ");
}

TEST_F(ServerTest, SipriEndpointsCarryVintageAndCredit) {
  if (!fs::exists(kRegister)) GTEST_SKIP() << "no SIPRI data in ../shared";
  auto json = Json("/api/v1/suppliers?country=Azerbaijan&years=2011-2020");
  EXPECT_EQ(json["meta"]["vintage"], "2024-04-13");
  EXPECT_EQ(json["meta"]["credit"], "Information from the SIPRI Arms Transfers Database");
  EXPECT_FALSE(json["rows"].empty());
}

TEST_F(ServerTest, DiffOfAVintageWithItselfRevisesNothing) {
  if (!fs::exists(kRegister)) GTEST_SKIP() << "no SIPRI data in ../shared";
  auto json = Json("/api/v1/diff?from=2024-04-13&to=2024-04-13&by=recipient&recipient=Azerbaijan");
  ASSERT_EQ(json["rows"].size(), 1u);
  EXPECT_EQ(json["rows"][0]["recipient"], "AZE");
  EXPECT_GT(json["rows"][0]["before"].get<double>(), 0);
  EXPECT_EQ(json["rows"][0]["revision"], 0);
  EXPECT_EQ(json["meta"]["match"], "deal_id");
  EXPECT_EQ(json["meta"]["deals"]["changed"], 0);
}

TEST_F(ServerTest, CsvOnRequest) {
  auto result = Get("/api/v1/claims?format=csv");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  // The meta first, as "# key: JSON" comment lines (the data version among them), then the
  // header and the rows.
  const std::string& body = result->body;
  EXPECT_NE(body.find("\n# data_version: "), std::string::npos) << body.substr(0, 400);
  size_t header = 0;
  while (header < body.size() && body[header] == '#') header = body.find('\n', header) + 1;
  EXPECT_EQ(body.compare(header, 10, "id,status,"), 0) << body.substr(0, 400);
}

TEST_F(ServerTest, BadInputIsAJsonErrorWithTheRightStatus) {
  ExpectError("/api/v1/suppliers?country=Atlantis", 404, "not_found");
  ExpectError("/api/v1/suppliers?country=AZE&drop=table", 400, "bad_request");
  ExpectError("/api/v1/tiv?years=2020-2011", 400, "bad_request");
  ExpectError("/api/v1/nowhere", 404, "not_found");
  ExpectError("/api/v1/claims?format=xml", 400, "bad_request");
}

// This store has no DCAD or GSDB import: those endpoints say so instead of answering empty.
TEST_F(ServerTest, DcaAndSanctionsWithoutAnImportAreNotFoundSayingHowToImport) {
  for (const char* endpoint : {"dca?actor=TUR", "sanctions?target=TUR"}) {
    ExpectError(std::string("/api/v1/") + endpoint, 404, "not_found");
    auto result = Get(std::string("/api/v1/") + endpoint);
    ASSERT_TRUE(result);
    EXPECT_NE(result->body.find("defcoop import"), std::string::npos) << result->body;
  }
}

TEST_F(ServerTest, ValuesThatLookLikeOptionsStayValues) {
  // "--db=/etc/passwd" as a country is a name that does not resolve, not an option.
  ExpectError("/api/v1/suppliers?country=--db%3D%2Fetc%2Fpasswd", 404, "not_found");
}

TEST_F(ServerTest, OversizeRequestLineIsRefused) {
  auto result = Get("/api/v1/search?q=" + std::string(5000, 'a'));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 414);
}

TEST_F(ServerTest, NothingButGetIsAnswered) {
  httplib::Client client("127.0.0.1", port_);
  auto result = client.Post("/api/v1/claims", "x", "text/plain");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 405);
  auto deleted = client.Delete("/api/v1/claims");
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 405);
}

TEST_F(ServerTest, LogsOneLinePerRequest) {
  Get("/api/v1/vintages?probe=1");
  char line[512];
  bool seen = false;
  while (!seen && fgets(line, sizeof line, log_)) {
    seen = std::string(line).find("GET /api/v1/vintages?probe=1 400") != std::string::npos;
  }
  EXPECT_TRUE(seen);
}

}  // namespace
}  // namespace defcoop::server
