// `defcoop embargoes` and `defcoop exposure` end to end: the real binary on a store built
// from the shipped data (and, where ../shared/data has it, a SIPRI register).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kNewRegister = std::string(DEFCOOP_SHARED_DATA_DIR) +
                                 "/sipri/Andrei-Teodor-Petre__InfoVizProject/trade-register.csv";

class EmbargoCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("defcoop-embargo-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "test.db").string();
    CommandResult init = RunDefcoop("init", db_);
    ASSERT_EQ(init.exit_code, 0) << init.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  nlohmann::json Json(const std::string& args) {
    CommandResult result = RunDefcoop("--format json " + args, db_);
    EXPECT_EQ(result.exit_code, 0) << args << ": " << result.err;
    return result.exit_code == 0 ? nlohmann::json::parse(result.out) : nlohmann::json::object();
  }

  static std::vector<nlohmann::json> RowsOf(const nlohmann::json& doc, const std::string& embargo,
                                            const std::string& kind) {
    std::vector<nlohmann::json> rows;
    for (const auto& row : doc["rows"]) {
      if (row["embargo"] == embargo && row["row"] == kind) rows.push_back(row);
    }
    return rows;
  }

  // The hit of `embargo` on `component` (the record holds other components it hit).
  static nlohmann::json HitOn(const nlohmann::json& doc, const std::string& embargo,
                              const std::string& component) {
    for (const auto& hit : RowsOf(doc, embargo, "component_hit")) {
      if (hit["component"] == component) return hit;
    }
    ADD_FAILURE() << embargo << " has no hit on " << component;
    return nlohmann::json::object();
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(EmbargoCliTest, CanadianEmbargoOf2020HitTheTb2CameraReplacedByAselsanCats) {
  nlohmann::json doc = Json("embargoes --target Türkiye");
  ASSERT_EQ(RowsOf(doc, "emb:can-2020", "embargo").size(), 1u);
  nlohmann::json embargo = RowsOf(doc, "emb:can-2020", "embargo")[0];
  EXPECT_EQ(embargo["imposers"], nlohmann::json({"CAN"}));
  EXPECT_EQ(embargo["start"], "2020-10-05");
  EXPECT_EQ(embargo["trigger"], "event:karabakh-war-2");
  EXPECT_FALSE(embargo["sources"].empty());
  nlohmann::json hit = HitOn(doc, "emb:can-2020", "comp:tb2-camera-wescam");
  EXPECT_EQ(hit["replaced_by"], "comp:tb2-camera-cats");
  EXPECT_EQ(hit["replacement_name"], "Aselsan CATS camera system");
  EXPECT_EQ(hit["delay"], 0);
  EXPECT_EQ(hit["delay_unit"], "years");  // the replacement is dated to the year only
  EXPECT_FALSE(hit["sources"].empty());
}

TEST_F(EmbargoCliTest, GermanEngineBanHitTheAltayEngineTwoYearsBeforeTheKoreanOne) {
  nlohmann::json doc = Json("embargoes --target Turkey");
  nlohmann::json hit = HitOn(doc, "emb:deu-altay-engine-2019", "comp:altay-engine-mtu");
  EXPECT_EQ(hit["replaced_by"], "comp:altay-engine-hdi");
  EXPECT_EQ(hit["delay"], 2);
  nlohmann::json month_hit = HitOn(doc, "emb:deu-2019", "comp:altay-engine-mtu");
  EXPECT_EQ(month_hit["delay"], 24);  // 2019-10 to 2021-10
  EXPECT_EQ(month_hit["delay_unit"], "months");
}

TEST_F(EmbargoCliTest, WithoutSipriDataEmbargoesAreListedAndMetaSaysSipriIsMissing) {
  nlohmann::json doc = Json("embargoes --target TUR");
  EXPECT_EQ(doc["meta"]["sipri"], "missing");
  EXPECT_EQ(doc["meta"]["embargoes"], 15);
  for (const auto& row : doc["rows"]) EXPECT_NE(row["row"], "delivery");
  CommandResult table = RunDefcoop("embargoes --target TUR", db_);
  EXPECT_NE(table.out.find("No SIPRI register in the store"), std::string::npos) << table.out;
}

TEST_F(EmbargoCliTest, EmbargoOnTheProcurementAgencyCountsAsAnEmbargoOnItsState) {
  nlohmann::json doc = Json("embargoes --target Türkiye");
  ASSERT_EQ(RowsOf(doc, "emb:usa-caatsa-ssb-2020", "embargo").size(), 1u);
  EXPECT_EQ(RowsOf(doc, "emb:usa-caatsa-ssb-2020", "embargo")[0]["target_state"], "TUR");
}

TEST_F(EmbargoCliTest, SipriDeliveriesDuringAnEmbargoAreFlaggedWithTheVintage) {
  if (!fs::exists(kNewRegister)) GTEST_SKIP() << "no SIPRI data at " << kNewRegister;
  CommandResult import = RunDefcoop("import sipri '" + kNewRegister + "'", db_);
  ASSERT_EQ(import.exit_code, 0) << import.err;
  nlohmann::json doc = Json("embargoes --target Türkiye");
  EXPECT_EQ(doc["meta"]["sipri"], "used");
  EXPECT_EQ(doc["meta"]["credit"], "Information from the SIPRI Arms Transfers Database");
  // The register covers 1990 onwards: the open F-35 exclusion runs to its last year.
  auto deliveries = RowsOf(doc, "emb:usa-f35-2019", "delivery");
  ASSERT_FALSE(deliveries.empty());
  for (const auto& row : deliveries) {
    EXPECT_EQ(row["during_embargo"], true);
    EXPECT_EQ(row["supplier"], "USA");
    EXPECT_EQ(row["recipient"], "TUR");
    EXPECT_GE(row["year"].get<int>(), 2019);
    EXPECT_GT(row["tiv"].get<double>(), 0);
    EXPECT_FALSE(row["designations"].empty());
    EXPECT_EQ(row["vintage"], doc["meta"]["vintage"]);
    EXPECT_EQ(row["sources"], nlohmann::json({"sipri-atdb"}));
  }
}

TEST_F(EmbargoCliTest, ExposureOfTb2SaysTheDomesticShareIsUnknownAndWhy) {
  nlohmann::json doc = Json("exposure --platform \"Bayraktar TB2\"");
  EXPECT_EQ(doc["meta"]["platform"], "platform:tb2");
  EXPECT_EQ(doc["meta"]["domestic_value_share"], "unknown");
  EXPECT_EQ(doc["meta"]["components_without_share"], nlohmann::json({"comp:tb2-camera-cats"}));
  ASSERT_EQ(doc["rows"].size(), 3u);
  EXPECT_EQ(doc["rows"][0]["component"], "comp:tb2-camera-cats");
  EXPECT_EQ(doc["rows"][0]["in_use"], true);
  EXPECT_EQ(doc["rows"][0]["domestic"], true);
  EXPECT_EQ(doc["rows"][1]["component"], "comp:tb2-camera-wescam");
  EXPECT_EQ(doc["rows"][1]["in_use"], false);
  EXPECT_EQ(doc["rows"][2]["component"], "comp:tb2-engine-rotax");  // stopped in 2020
  EXPECT_EQ(doc["rows"][2]["in_use"], false);
  EXPECT_EQ(doc["rows"][2]["domestic"], false);
  EXPECT_EQ(doc["meta"]["subsystems"], nlohmann::json({"engine", "eo_ir"}));
  EXPECT_EQ(doc["meta"]["unknown_subsystems"], nlohmann::json({"engine"}));
}

TEST_F(EmbargoCliTest, ExposureToGermanyNamesTheAltayEngineAndItsKoreanSubstitute) {
  nlohmann::json doc = Json("exposure --embargo Germany");
  EXPECT_EQ(doc["meta"]["states"], nlohmann::json({"DEU"}));
  const nlohmann::json* engine = nullptr;
  for (const auto& row : doc["rows"]) {
    if (row["component"] == "comp:altay-engine-mtu") engine = &row;
  }
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ((*engine)["platform_name"], "Altay");
  EXPECT_EQ((*engine)["in_use"], false);  // already replaced: nothing is blocked now
  EXPECT_EQ((*engine)["substitute_ids"], nlohmann::json({"comp:altay-engine-hdi"}));
  EXPECT_EQ((*engine)["stops_platform"], false);
  EXPECT_TRUE(doc["meta"]["stopped_platforms"].empty());
}

TEST_F(EmbargoCliTest, ExposureAtTheBanStopsTheAltay) {
  nlohmann::json doc = Json("exposure --embargo Almanya,Canada,USA --at 2019-10");
  EXPECT_EQ(doc["meta"]["states"], nlohmann::json({"CAN", "DEU", "USA"}));
  auto contains = [](const nlohmann::json& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
  };
  EXPECT_TRUE(contains(doc["meta"]["blocked"], "comp:altay-engine-mtu"));
  EXPECT_TRUE(contains(doc["meta"]["blocked"], "comp:tb2-camera-wescam"));
  EXPECT_TRUE(contains(doc["meta"]["stopped_platforms"], "platform:altay"));
  EXPECT_TRUE(contains(doc["meta"]["stopped_platforms"], "platform:tb2"));
}

const nlohmann::json* VerdictOf(const nlohmann::json& doc, const std::string& platform) {
  for (const auto& v : doc["meta"]["platforms"]) {
    if (v["platform"] == platform) return &v;
  }
  return nullptr;
}

// The TB2's Austrian engine was stopped in 2020 and the record names no engine since: an
// embargo by Germany, Canada and the US cannot be said to leave it flying.
TEST_F(EmbargoCliTest, ExposureCallsAPlatformWithAnUnknownEngineUnknownNotNotStopped) {
  nlohmann::json doc = Json("exposure --embargo DEU,CAN,USA");
  const nlohmann::json* tb2 = VerdictOf(doc, "platform:tb2");
  ASSERT_NE(tb2, nullptr);
  EXPECT_EQ((*tb2)["verdict"], "unknown");
  EXPECT_EQ((*tb2)["unknown_subsystems"], nlohmann::json({"engine"}));
  for (const auto& v : doc["meta"]["platforms"]) {
    if (v["verdict"] != "not_stopped") continue;
    EXPECT_FALSE(v["subsystems"].empty()) << v["platform"];
    EXPECT_TRUE(v["unknown_subsystems"].empty()) << v["platform"];
  }
  EXPECT_EQ(doc["meta"]["coverage"]["census"], false);
  EXPECT_GT(doc["meta"]["coverage"]["records"]["components"].get<int>(), 0);
  EXPECT_GT(doc["meta"]["coverage"]["sources"].get<int>(), 0);
  CommandResult table = RunDefcoop("exposure --embargo DEU,CAN,USA", db_);
  EXPECT_NE(table.out.find("Bayraktar TB2 (unknown: engine)"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("not a census"), std::string::npos) << table.out;
}

TEST_F(EmbargoCliTest, ExposureWithoutPlatformOrEmbargoIsAUsageError) {
  CommandResult result = RunDefcoop("exposure", db_);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--platform"), std::string::npos) << result.err;
  EXPECT_EQ(RunDefcoop("exposure --platform Nonesuch", db_).exit_code, 1);
}

}  // namespace
}  // namespace defcoop::testing
