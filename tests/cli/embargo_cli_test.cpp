// `defcoop embargoes` and `defcoop exposure` end to end: the real binary on a store built
// from the shipped data (and, where ../shared/data has it, a SIPRI register).
#include <gtest/gtest.h>

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
  auto hits = RowsOf(doc, "emb:can-2020", "component_hit");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["component"], "comp:tb2-camera-wescam");
  EXPECT_EQ(hits[0]["replaced_by"], "comp:tb2-camera-cats");
  EXPECT_EQ(hits[0]["replacement_name"], "Aselsan CATS camera system");
  EXPECT_EQ(hits[0]["delay"], 0);
  EXPECT_EQ(hits[0]["delay_unit"], "years");  // the replacement is dated to the year only
  EXPECT_FALSE(hits[0]["sources"].empty());
}

TEST_F(EmbargoCliTest, GermanEngineBanHitTheAltayEngineTwoYearsBeforeTheKoreanOne) {
  nlohmann::json doc = Json("embargoes --target Turkey");
  auto hits = RowsOf(doc, "emb:deu-altay-engine-2019", "component_hit");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["component"], "comp:altay-engine-mtu");
  EXPECT_EQ(hits[0]["replaced_by"], "comp:altay-engine-hdi");
  EXPECT_EQ(hits[0]["delay"], 2);
  auto month_hits = RowsOf(doc, "emb:deu-2019", "component_hit");
  ASSERT_EQ(month_hits.size(), 1u);
  EXPECT_EQ(month_hits[0]["delay"], 24);  // 2019-10 to 2021-10
  EXPECT_EQ(month_hits[0]["delay_unit"], "months");
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
  ASSERT_EQ(doc["rows"].size(), 2u);
  EXPECT_EQ(doc["rows"][0]["component"], "comp:tb2-camera-cats");
  EXPECT_EQ(doc["rows"][0]["in_use"], true);
  EXPECT_EQ(doc["rows"][0]["domestic"], true);
  EXPECT_EQ(doc["rows"][1]["component"], "comp:tb2-camera-wescam");
  EXPECT_EQ(doc["rows"][1]["in_use"], false);
}

TEST_F(EmbargoCliTest, ExposureToGermanyNamesTheAltayEngineAndItsKoreanSubstitute) {
  nlohmann::json doc = Json("exposure --embargo Germany");
  EXPECT_EQ(doc["meta"]["states"], nlohmann::json({"DEU"}));
  ASSERT_EQ(doc["rows"].size(), 1u);
  const auto& row = doc["rows"][0];
  EXPECT_EQ(row["component"], "comp:altay-engine-mtu");
  EXPECT_EQ(row["platform_name"], "Altay");
  EXPECT_EQ(row["in_use"], false);  // already replaced: nothing is blocked now
  EXPECT_EQ(row["substitute_ids"], nlohmann::json({"comp:altay-engine-hdi"}));
  EXPECT_EQ(row["stops_platform"], false);
  EXPECT_TRUE(doc["meta"]["stopped_platforms"].empty());
}

TEST_F(EmbargoCliTest, ExposureAtTheBanStopsTheAltay) {
  nlohmann::json doc = Json("exposure --embargo Almanya,Canada,USA --at 2019-10");
  EXPECT_EQ(doc["meta"]["states"], nlohmann::json({"CAN", "DEU", "USA"}));
  EXPECT_EQ(doc["meta"]["blocked"],
            nlohmann::json({"comp:altay-engine-mtu", "comp:tb2-camera-wescam"}));
  EXPECT_EQ(doc["meta"]["stopped_platforms"], nlohmann::json({"platform:altay", "platform:tb2"}));
}

TEST_F(EmbargoCliTest, ExposureWithoutPlatformOrEmbargoIsAUsageError) {
  CommandResult result = RunDefcoop("exposure", db_);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--platform"), std::string::npos) << result.err;
  EXPECT_EQ(RunDefcoop("exposure --platform Nonesuch", db_).exit_code, 1);
}

}  // namespace
}  // namespace defcoop::testing
