// A store that changes under a running `defcoop serve`: after an import or an init by
// another process the server answers from the new data (not from its Session or its
// answer cache), and meta.data_version, the X-Defcoop-Data-Version header and the log
// say which state of the store each answer comes from.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "serve_process.h"

namespace defcoop::server::testing {
namespace {

namespace fs = std::filesystem;

const std::string kTable = std::string(DEFCOOP_SHARED_DATA_DIR) +
                           "/sipri/Andrei-Teodor-Petre__InfoVizProject/export-values_1990-2023.csv";
const std::string kSmallData = std::string(DEFCOOP_TEST_DIR) + "/../fixtures/curated-small";

nlohmann::json GetJson(int port, const std::string& target, std::string* version = nullptr) {
  RawResponse response =
      SendRaw(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(response.status, 200) << target << ": " << response.body;
  if (version) {
    size_t at = response.headers.find("X-Defcoop-Data-Version: ");
    *version = at == std::string::npos
                   ? ""
                   : response.headers.substr(at + 24, response.headers.find("\r\n", at) - at - 24);
  }
  return nlohmann::json::parse(response.body, nullptr, false);
}

int RunDefcoop(const std::string& db, const std::string& args) {
  std::string command =
      "'" + std::string(DEFCOOP_BIN) + "' --db '" + db + "' " + args + " >/dev/null 2>&1";
  return std::system(command.c_str());
}

class StoreChangeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("defcoop-store-change-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "store.db").string();
    ASSERT_EQ(RunDefcoop(db_, "init"), 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string db_;
};

// Regression: the server kept answering the vintages and claim counts it had cached
// before an import or init under it, until it was restarted.
TEST_F(StoreChangeTest, ServerAnswersFromTheStoreAsItIsNow) {
  if (!fs::exists(kTable)) GTEST_SKIP() << "no SIPRI data in ../shared";
  ServeProcess server(db_, "");
  ASSERT_TRUE(server.started());
  std::string version;
  auto before = GetJson(server.port(), "/api/v1/vintages", &version);
  EXPECT_EQ(before["rows"].size(), 0u);
  EXPECT_EQ(before["meta"]["data_version"], 1);
  EXPECT_EQ(version, "1");

  ASSERT_EQ(RunDefcoop(db_, "import sipri '" + kTable + "'"), 0);
  auto after_import = GetJson(server.port(), "/api/v1/vintages", &version);
  EXPECT_EQ(after_import["rows"].size(), 1u) << after_import.dump();
  EXPECT_EQ(after_import["meta"]["data_version"], 2);
  EXPECT_EQ(version, "2");
  EXPECT_TRUE(server.WaitForLogLine("now serving data version 2"));

  ASSERT_EQ(RunDefcoop(db_, "init"), 0);  // rebuilt in place: the same rows, a new state
  EXPECT_EQ(GetJson(server.port(), "/api/v1/claims")["meta"]["data_version"], 3);
  EXPECT_TRUE(server.WaitForLogLine("now serving data version 3"));

  // Unchanged store: the same version, answered from the cache.
  EXPECT_EQ(GetJson(server.port(), "/api/v1/claims")["meta"]["data_version"], 3);
}

TEST_F(StoreChangeTest, ServerNoticesANewFileInTheStoresPlace) {
  ServeProcess server(db_, "");
  ASSERT_TRUE(server.started());
  auto before = GetJson(server.port(), "/api/v1/claims");
  std::string replacement = (dir_ / "new.db").string();
  ASSERT_EQ(RunDefcoop(replacement, "init --data '" + kSmallData + "'"), 0);
  fs::rename(replacement, db_);
  auto after = GetJson(server.port(), "/api/v1/claims");
  EXPECT_EQ(after["meta"]["data_version"], 2);
  EXPECT_NE(after["rows"].size(), before["rows"].size());
}

}  // namespace
}  // namespace defcoop::server::testing
