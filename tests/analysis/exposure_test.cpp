#include "defcoop/analysis/exposure.h"

#include <gtest/gtest.h>

#include "test_dates.h"

namespace defcoop::analysis {
namespace {

Component Part(const std::string& id, const std::string& platform, const std::string& part,
               const std::string& state, std::optional<double> share = std::nullopt,
               bool estimate = true, const std::string& from = "", const std::string& to = "",
               const std::string& replaced_by = "") {
  Component c;
  c.id = id;
  c.platform_id = platform;
  c.part = part;
  c.name = id;
  c.maker_state = state;
  c.value_share = share;
  c.value_share_is_estimate = estimate;
  c.from = OptD(from);
  c.to = OptD(to);
  c.replaced_by = replaced_by;
  return c;
}

Platform MakePlatform(const std::string& id, const std::string& origin) {
  Platform p;
  p.id = id;
  p.name = id;
  p.origin = origin;
  return p;
}

// A Turkish jet: airframe TUR 0.3 (estimate), engine USA 0.2 (not an estimate), radar DEU
// 0.1 (estimate), seat with no share, and an old US engine (0.5, ended 2015).
std::vector<Component> JetParts() {
  return {Part("c:airframe", "p:jet", "airframe", "TUR", 0.3, true),
          Part("c:engine", "p:jet", "engine", "USA", 0.2, false, "2016"),
          Part("c:radar", "p:jet", "radar", "DEU", 0.1, true),
          Part("c:seat", "p:jet", "seat", "GBR"),
          Part("c:old-engine", "p:jet", "engine", "USA", 0.5, false, "", "2015", "c:engine")};
}

TEST(DomesticValueShare, IsOneMinusTheKnownForeignSharesOfComponentsInUse) {
  DomesticShare share = DomesticValueShare(MakePlatform("p:jet", "TUR"), JetParts(), std::nullopt);
  ASSERT_TRUE(share.share.has_value());
  EXPECT_DOUBLE_EQ(share.foreign_share, 0.3);  // engine 0.2 + radar 0.1; not the old engine
  EXPECT_DOUBLE_EQ(*share.share, 0.7);
  EXPECT_TRUE(share.estimate);
  EXPECT_EQ(share.estimated_share, (std::vector<std::string>{"c:airframe", "c:radar"}));
  EXPECT_EQ(share.without_share, (std::vector<std::string>{"c:seat"}));
}

TEST(DomesticValueShare, AtAnEarlierDateCountsTheComponentsThenInUse) {
  DomesticShare share = DomesticValueShare(MakePlatform("p:jet", "TUR"), JetParts(), D("2010"));
  ASSERT_TRUE(share.share.has_value());
  EXPECT_DOUBLE_EQ(*share.share, 1.0 - 0.5 - 0.1);
}

TEST(DomesticValueShare, IsNotAnEstimateWhenNoShareUsedIsOne) {
  std::vector<Component> parts = {Part("c:engine", "p:jet", "engine", "USA", 0.25, false),
                                  Part("c:gun", "p:jet", "gun", "TUR", 0.05, false)};
  DomesticShare share = DomesticValueShare(MakePlatform("p:jet", "TUR"), parts, std::nullopt);
  EXPECT_DOUBLE_EQ(*share.share, 0.75);
  EXPECT_FALSE(share.estimate);
}

TEST(DomesticValueShare, IsUnknownWhenNoComponentHasAShare) {
  std::vector<Component> parts = {Part("c:cam", "p:uav", "camera", "TUR"),
                                  Part("c:eng", "p:uav", "engine", "AUT")};
  DomesticShare share = DomesticValueShare(MakePlatform("p:uav", "TUR"), parts, std::nullopt);
  EXPECT_FALSE(share.share.has_value());
  EXPECT_EQ(share.without_share, (std::vector<std::string>{"c:cam", "c:eng"}));
}

TEST(DomesticValueShare, ComponentsOfUnknownMakerStateAreListed) {
  std::vector<Component> parts = {Part("c:x", "p:uav", "camera", "", 0.4)};
  DomesticShare share = DomesticValueShare(MakePlatform("p:uav", "TUR"), parts, std::nullopt);
  EXPECT_DOUBLE_EQ(*share.share, 1.0);
  EXPECT_EQ(share.unknown_maker_state, (std::vector<std::string>{"c:x"}));
}

// A tank whose German engine was replaced by a Korean one (in use); a ship with a German
// engine in use and nothing else; a helicopter with Canadian and Turkish sensors in use; a
// German-origin platform with a German part.
Dataset Fleet() {
  Dataset data;
  data.platforms = {MakePlatform("p:tank", "TUR"), MakePlatform("p:ship", "TUR"),
                    MakePlatform("p:heli", "TUR"), MakePlatform("p:leo", "DEU")};
  data.components = {
      Part("c:tank-eng-deu", "p:tank", "engine", "DEU", std::nullopt, true, "", "2019",
           "c:tank-eng-kor"),
      Part("c:tank-eng-kor", "p:tank", "engine", "KOR", std::nullopt, true, "2021-10"),
      Part("c:ship-eng-deu", "p:ship", "engine", "DEU"),
      Part("c:heli-sensor-can", "p:heli", "sensor", "CAN"),
      Part("c:heli-sensor-tur", "p:heli", "sensor", "TUR"),
      Part("c:heli-rotor-usa", "p:heli", "rotor", "USA"),
      Part("c:leo-eng", "p:leo", "engine", "DEU")};
  return data;
}

const ExposedComponent* Find(const EmbargoExposure& exposure, const std::string& id) {
  for (const ExposedComponent& c : exposure.components) {
    if (c.component.id == id) return &c;
  }
  return nullptr;
}

TEST(ExposureTo, BlocksComponentsInUseAndStopsPlatformsWithoutASubstitute) {
  EmbargoExposure exposure = ExposureTo({"DEU", "CAN"}, Fleet(), {}, std::nullopt);
  EXPECT_EQ(exposure.blocked, (std::vector<std::string>{"c:heli-sensor-can", "c:ship-eng-deu"}));
  EXPECT_EQ(exposure.stopped_platforms, (std::vector<std::string>{"p:ship"}));
  ASSERT_EQ(exposure.components.size(), 3u);  // not the German platform's own engine
  EXPECT_EQ(exposure.components[0].component.id, "c:heli-sensor-can");
  EXPECT_EQ(exposure.components[1].component.id, "c:ship-eng-deu");
  EXPECT_EQ(exposure.components[2].component.id, "c:tank-eng-deu");
}

TEST(ExposureTo, AReplacedComponentIsListedWithItsReplacementButNotBlocked) {
  EmbargoExposure exposure = ExposureTo({"DEU"}, Fleet(), {}, std::nullopt);
  const ExposedComponent* engine = Find(exposure, "c:tank-eng-deu");
  ASSERT_NE(engine, nullptr);
  EXPECT_FALSE(engine->in_use);
  EXPECT_FALSE(engine->stops_platform);
  ASSERT_EQ(engine->substitutes.size(), 1u);
  EXPECT_EQ(engine->substitutes[0].component.id, "c:tank-eng-kor");
  EXPECT_TRUE(engine->substitutes[0].is_replacement);
  EXPECT_TRUE(engine->substitutes[0].in_use);
}

TEST(ExposureTo, ASubstituteFromAnotherEmbargoingStateDoesNotCount) {
  Dataset data = Fleet();
  data.components.push_back(Part("c:ship-eng-can", "p:ship", "engine", "CAN"));
  EmbargoExposure both = ExposureTo({"DEU", "CAN"}, data, {}, std::nullopt);
  EXPECT_TRUE(Find(both, "c:ship-eng-deu")->substitutes.empty());
  EXPECT_EQ(both.stopped_platforms, (std::vector<std::string>{"p:ship"}));
  EmbargoExposure germany = ExposureTo({"DEU"}, data, {}, std::nullopt);
  ASSERT_EQ(Find(germany, "c:ship-eng-deu")->substitutes.size(), 1u);
  EXPECT_TRUE(germany.stopped_platforms.empty());
}

TEST(ExposureTo, AtTheEmbargoDateTheOldEngineWasBlockedAndTheTankStopped) {
  EmbargoExposure exposure = ExposureTo({"DEU"}, Fleet(), {"p:tank"}, D("2019-10"));
  EXPECT_EQ(exposure.blocked, (std::vector<std::string>{"c:tank-eng-deu"}));
  EXPECT_EQ(exposure.stopped_platforms, (std::vector<std::string>{"p:tank"}));
  EXPECT_FALSE(Find(exposure, "c:tank-eng-deu")->substitutes[0].in_use);
}

}  // namespace

const PlatformVerdict* VerdictOf(const EmbargoExposure& exposure, const std::string& id) {
  for (const PlatformVerdict& v : exposure.platforms) {
    if (v.platform_id == id) return &v;
  }
  return nullptr;
}

// A UAV whose record knows its camera (Turkish) but not its engine: an embargo that blocks
// nothing known cannot say the UAV is not stopped.
TEST(ExposureTo, APlatformWithAnUnknownEngineIsUnknownNotNotStopped) {
  Dataset data;
  Platform uav = MakePlatform("p:uav", "TUR");
  uav.subsystems = {"engine", "eo_ir"};
  data.platforms = {uav};
  data.components = {Part("c:cam", "p:uav", "eo_ir", "TUR")};
  EmbargoExposure exposure = ExposureTo({"DEU"}, data, {}, std::nullopt);
  EXPECT_TRUE(exposure.stopped_platforms.empty());
  const PlatformVerdict* verdict = VerdictOf(exposure, "p:uav");
  ASSERT_NE(verdict, nullptr);
  EXPECT_EQ(verdict->verdict, Verdict::kUnknown);
  EXPECT_EQ(verdict->coverage.unknown, (std::vector<std::string>{"engine"}));
  EXPECT_EQ(verdict->coverage.covered, (std::vector<std::string>{"eo_ir"}));
}

TEST(ExposureTo, APlatformIsNotStoppedOnlyWhenAllItsSubsystemsAreCovered) {
  Dataset data;
  Platform uav = MakePlatform("p:uav", "TUR");
  uav.subsystems = {"engine", "eo_ir"};
  data.platforms = {uav};
  data.components = {Part("c:cam", "p:uav", "eo_ir", "TUR"),
                     Part("c:eng-deu", "p:uav", "engine", "DEU", std::nullopt, true, "", "2019"),
                     Part("c:eng-tur", "p:uav", "engine", "TUR", std::nullopt, true, "2020")};
  EXPECT_EQ(VerdictOf(ExposureTo({"DEU"}, data, {}, std::nullopt), "p:uav")->verdict,
            Verdict::kNotStopped);
  // In 2018 the German engine was the only one in use: stopped.
  EXPECT_EQ(VerdictOf(ExposureTo({"DEU"}, data, {}, D("2018")), "p:uav")->verdict,
            Verdict::kStopped);
}

TEST(ExposureTo, APlatformWithoutListedSubsystemsIsUnknown) {
  EmbargoExposure exposure = ExposureTo({"DEU", "CAN"}, Fleet(), {}, std::nullopt);
  ASSERT_EQ(exposure.platforms.size(), 3u);  // not the German platform
  EXPECT_EQ(VerdictOf(exposure, "p:ship")->verdict, Verdict::kStopped);
  EXPECT_EQ(VerdictOf(exposure, "p:tank")->verdict, Verdict::kUnknown);
  EXPECT_TRUE(VerdictOf(exposure, "p:tank")->coverage.listed.empty());
}

TEST(CoverageOf, AComponentOfUnknownMakerStateDoesNotCoverItsSubsystem) {
  Platform uav = MakePlatform("p:uav", "TUR");
  uav.subsystems = {"engine"};
  SubsystemCoverage coverage =
      CoverageOf(uav, {Part("c:eng", "p:uav", "engine", "")}, std::nullopt);
  EXPECT_EQ(coverage.unknown, (std::vector<std::string>{"engine"}));
  EXPECT_FALSE(coverage.complete());
}

}  // namespace defcoop::analysis
