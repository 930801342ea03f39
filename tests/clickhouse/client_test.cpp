// The ClickHouse client against a real 2-shard cluster of Debian's clickhouse-server,
// started by scripts/clickhouse-cluster for this test: text survives the round trip
// whatever it holds, a Distributed table answers for both shards, and a refusal or a
// server that is down is one clear Status.
#include "defcoop/clickhouse/client.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

namespace defcoop::clickhouse {
namespace {

TEST(ParseUrl, ReadsHostPortAndDatabase) {
  auto full = ParseUrl("clickhouse://10.0.0.5:18123/gdelt");
  ASSERT_TRUE(full.ok()) << full.status().ToString();
  EXPECT_EQ(full->host, "10.0.0.5");
  EXPECT_EQ(full->port, 18123);
  EXPECT_EQ(full->database, "gdelt");
  auto bare = ParseUrl("clickhouse://db.example.org");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->port, 8123);
  EXPECT_EQ(bare->database, "default");
  EXPECT_EQ(bare->ToString(), "clickhouse://db.example.org:8123/default");
}

TEST(ParseUrl, RefusesWhatIsNotAClickHouseAddress) {
  for (const char* url : {"http://host:8123", "clickhouse://", "clickhouse://host:port",
                          "clickhouse://host:99999", "clickhouse://host/db;drop"}) {
    auto parsed = ParseUrl(url);
    ASSERT_FALSE(parsed.ok()) << url;
    EXPECT_EQ(parsed.status().kind(), StatusKind::kUsage);
    EXPECT_NE(parsed.status().message().find("clickhouse://HOST"), std::string::npos);
  }
}

TEST(Tsv, EscapingRoundTripsEveryByte) {
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    std::string field(random() % 12, '\0');
    for (char& c : field) c = static_cast<char>(random() % 256);
    std::string escaped = EscapeTsv(field);
    EXPECT_EQ(escaped.find('\t'), std::string::npos);
    EXPECT_EQ(escaped.find('\n'), std::string::npos);
    EXPECT_EQ(UnescapeTsv(escaped), field);
  }
}

class ClusterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = "/tmp/defcoop-clickhouse-test-" + std::to_string(::getpid());
    std::random_device seed;
    for (int attempt = 0; attempt < 5 && port_ == 0; ++attempt) {
      int port = 20000 + static_cast<int>(seed() % 2000) * 20;
      std::string start = std::string(kCluster) + " start --shards 2 --dir " + dir_ + " --port " +
                          std::to_string(port) + " >/dev/null";
      if (std::system(start.c_str()) == 0) port_ = port;
    }
  }
  static void TearDownTestSuite() {
    std::system((std::string(kCluster) + " stop --dir " + dir_).c_str());
  }
  void SetUp() override { ASSERT_NE(port_, 0) << "the cluster did not start"; }

  static Client Shard(int shard) {
    return Client(Endpoint{"127.0.0.1", port_ + 10 * (shard - 1), "default"});
  }

  static constexpr const char* kCluster = DEFCOOP_CLUSTER_SCRIPT;
  static inline std::string dir_;
  static inline int port_ = 0;
};

TEST_F(ClusterTest, TextSurvivesInsertAndSelect) {
  Client client = Shard(1);
  auto version = client.Version();
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_FALSE(version->empty());
  ASSERT_TRUE(client.Execute("DROP TABLE IF EXISTS texts").ok());
  ASSERT_TRUE(client.Execute("CREATE TABLE texts (id UInt32, text String) ENGINE = Memory").ok());
  std::vector<std::string> texts = {
      "Türkiye",  "", "tab\there", "two\nlines", "back\\slash", "it's", std::string("nul\0byte", 8),
      "Қазақстан"};
  std::string tsv;
  for (size_t i = 0; i < texts.size(); ++i) {
    std::string id = std::to_string(i);
    AppendTsvRow({id, texts[i]}, &tsv);
  }
  Status inserted = client.InsertTsv("texts", tsv);
  ASSERT_TRUE(inserted.ok()) << inserted.ToString();
  auto rows = client.Query("SELECT id, text FROM texts ORDER BY id");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ((*rows)[i][0], std::to_string(i));
    EXPECT_EQ((*rows)[i][1], texts[i]) << i;
  }
  auto found = client.Query("SELECT count() FROM texts WHERE text = " + Quote("it's"));
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ((*found)[0][0], "1");
}

TEST_F(ClusterTest, ADistributedTableAnswersForBothShards) {
  for (int shard : {1, 2}) {
    Client client = Shard(shard);
    ASSERT_TRUE(client.Execute("DROP TABLE IF EXISTS n_local").ok());
    ASSERT_TRUE(client.Execute("DROP TABLE IF EXISTS n_all").ok());
    ASSERT_TRUE(client
                    .Execute("CREATE TABLE n_local (d Date, n UInt64) ENGINE = MergeTree() "
                             "PARTITION BY toYYYYMM(d) ORDER BY d")
                    .ok());
    ASSERT_TRUE(
        client
            .Execute(
                "CREATE TABLE n_all AS n_local ENGINE = Distributed(defcoop, default, n_local, n)")
            .ok());
  }
  // Each shard holds its own rows; the Distributed table sees both.
  std::string first, second;
  for (int n = 0; n < 100; ++n) {
    std::string row_n = std::to_string(n);
    AppendTsvRow({"2020-11-0" + std::to_string(1 + n % 9), row_n}, n % 2 ? &second : &first);
  }
  ASSERT_TRUE(Shard(1).InsertTsv("n_local", first).ok());
  ASSERT_TRUE(Shard(2).InsertTsv("n_local", second).ok());
  auto rows = Shard(2).Query("SELECT count(), sum(n) FROM n_all");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ((*rows)[0], (Row{"100", "4950"}));
  auto local = Shard(1).Query("SELECT count() FROM n_local");
  ASSERT_TRUE(local.ok());
  EXPECT_EQ((*local)[0][0], "50");
}

TEST_F(ClusterTest, ARefusalIsOneClearLine) {
  auto rows = Shard(1).Query("SELECT * FROM no_such_table");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().kind(), StatusKind::kStore);
  const std::string& message = rows.status().message();
  EXPECT_NE(message.find("no_such_table"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_EQ(message.find("e.what()"), std::string::npos) << message;
}

TEST(ClickHouseDown, SaysItDoesNotAnswer) {
  // Port 1 on loopback: nothing listens there.
  Client client(Endpoint{"127.0.0.1", 1, "default"});
  Status status = client.Execute("SELECT 1");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.kind(), StatusKind::kIo);
  EXPECT_NE(status.message().find("does not answer"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("127.0.0.1:1"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace defcoop::clickhouse
