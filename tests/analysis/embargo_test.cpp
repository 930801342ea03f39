#include "defcoop/analysis/embargo.h"

#include <gtest/gtest.h>

#include "test_dates.h"

namespace defcoop::analysis {
namespace {

Component Part(const std::string& id, const std::string& platform, const std::string& part,
               const std::string& state, const std::string& from, const std::string& to,
               const std::string& replaced_by = "") {
  Component c;
  c.id = id;
  c.platform_id = platform;
  c.part = part;
  c.name = id;
  c.maker_state = state;
  c.from = OptD(from);
  c.to = OptD(to);
  c.replaced_by = replaced_by;
  c.sources = {{"src", ""}};
  return c;
}

Platform MakePlatform(const std::string& id, const std::string& origin) {
  Platform p;
  p.id = id;
  p.name = id;
  p.origin = origin;
  return p;
}

Embargo MakeEmbargo(const std::string& id, std::vector<std::string> imposers,
                    const std::string& target, const std::string& start,
                    const std::string& end = "") {
  Embargo e;
  e.id = id;
  e.imposers = std::move(imposers);
  e.target = target;
  e.start = OptD(start);
  e.end = OptD(end);
  return e;
}

// A Turkish UAV whose Canadian camera (used until 2020-10) was replaced by a Turkish one
// from 2020-11; a Turkish tank whose German engine (until 2019) was replaced by a Korean
// one from 2021-10; a German tank with a German engine (never an embargo target).
Dataset UavAndTanks() {
  Dataset data;
  data.platforms = {MakePlatform("p:uav", "TUR"), MakePlatform("p:tank", "TUR"),
                    MakePlatform("p:leo", "DEU")};
  data.components = {Part("c:cam-can", "p:uav", "camera", "CAN", "", "2020-10", "c:cam-tur"),
                     Part("c:cam-tur", "p:uav", "camera", "TUR", "2020-11", ""),
                     Part("c:eng-deu", "p:tank", "engine", "DEU", "", "2019", "c:eng-kor"),
                     Part("c:eng-kor", "p:tank", "engine", "KOR", "2021-10", ""),
                     Part("c:leo-eng", "p:leo", "engine", "DEU", "", "")};
  Actor agency;
  agency.id = "org:agency";
  agency.kind = ActorKind::kOrganization;
  agency.home_state = "TUR";
  data.actors = {agency};
  Event trigger;
  trigger.id = "event:war";
  trigger.date = D("2020-09-27");
  trigger.title = "War";
  data.events = {trigger};
  return data;
}

TEST(InUseAt, OverlapsAtTheCoarserPrecision) {
  Component camera = Part("c", "p", "camera", "CAN", "", "2020-10");
  EXPECT_TRUE(InUseAt(camera, D("2020-10-05")));  // used "until October": overlaps the day
  EXPECT_FALSE(InUseAt(camera, D("2020-11-01")));
  Component engine = Part("e", "p", "engine", "KOR", "2021-10", "");
  EXPECT_TRUE(InUseAt(engine, D("2021")));  // the year includes October
  EXPECT_FALSE(InUseAt(engine, D("2021-09-30")));
}

TEST(DelayBetween, CountsAtTheCoarserPrecisionAndSaysSo) {
  Delay months = DelayBetween(D("2019-10"), D("2021-10"));
  EXPECT_EQ(months.amount, 24);
  EXPECT_EQ(months.Unit(), "months");
  EXPECT_EQ(months.ToString(), "24 months (month precision)");
  Delay years = DelayBetween(D("2020-10-05"), D("2020"));
  EXPECT_EQ(years.amount, 0);
  EXPECT_EQ(years.ToString(), "0 years (year precision: within the same year)");
  EXPECT_EQ(DelayBetween(D("2020-10-05"), D("2020-11")).ToString(), "1 month (month precision)");
  Delay days = DelayBetween(D("2020-02-28"), D("2020-03-01"));
  EXPECT_EQ(days.amount, 2);  // 2020 is a leap year
  EXPECT_EQ(days.Unit(), "days");
  EXPECT_EQ(DelayBetween(D("2021"), D("2019")).amount, -2);
}

TEST(ComponentsHit, CanadianEmbargoHitsTheCameraInUseAndNamesItsReplacement) {
  Dataset data = UavAndTanks();
  auto hits = ComponentsHit(MakeEmbargo("e", {"CAN"}, "TUR", "2020-10-05"), "TUR", data);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].component.id, "c:cam-can");
  ASSERT_TRUE(hits[0].replacement.has_value());
  EXPECT_EQ(hits[0].replacement->id, "c:cam-tur");
  ASSERT_TRUE(hits[0].delay.has_value());
  EXPECT_EQ(hits[0].delay->amount, 1);
  EXPECT_EQ(hits[0].delay->precision, DatePrecision::kMonth);
}

TEST(ComponentsHit, GermanEmbargoHitsOnlyTheTargetsPlatforms) {
  Dataset data = UavAndTanks();
  auto hits = ComponentsHit(MakeEmbargo("e", {"DEU", "FRA"}, "TUR", "2019-10"), "TUR", data);
  ASSERT_EQ(hits.size(), 1u);  // not the German tank's own engine
  EXPECT_EQ(hits[0].component.id, "c:eng-deu");
  EXPECT_EQ(hits[0].delay->amount, 24);
}

TEST(ComponentsHit, NothingWhenTheComponentWasNoLongerUsedOrTheEmbargoHasNoStart) {
  Dataset data = UavAndTanks();
  EXPECT_TRUE(ComponentsHit(MakeEmbargo("e", {"DEU"}, "TUR", "2020"), "TUR", data).empty());
  EXPECT_TRUE(ComponentsHit(MakeEmbargo("e", {"CAN"}, "TUR", ""), "TUR", data).empty());
  EXPECT_TRUE(ComponentsHit(MakeEmbargo("e", {"USA"}, "TUR", "2020"), "TUR", data).empty());
}

TEST(ComponentsHit, ReplacementWithoutADateHasNoDelay) {
  Dataset data = UavAndTanks();
  data.components[1].from.reset();
  auto hits = ComponentsHit(MakeEmbargo("e", {"CAN"}, "TUR", "2020-10-05"), "TUR", data);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_TRUE(hits[0].replacement.has_value());
  EXPECT_FALSE(hits[0].delay.has_value());
}

TEST(TargetState, AnAgencyStandsForItsHomeState) {
  Dataset data = UavAndTanks();
  EXPECT_EQ(TargetState(MakeEmbargo("e", {"USA"}, "org:agency", "2020"), data.actors), "TUR");
  EXPECT_EQ(TargetState(MakeEmbargo("e", {"USA"}, "TUR", "2020"), data.actors), "TUR");
}

TEST(EmbargoYears, RunsFromStartToEndOrTheVintagesLastYear) {
  EXPECT_EQ(EmbargoYears(MakeEmbargo("e", {"USA"}, "TUR", "1975-02-05", "1978-09-26"), 2023),
            (YearRange{1975, 1978}));
  EXPECT_EQ(EmbargoYears(MakeEmbargo("e", {"CAN"}, "TUR", "2020-10-05"), 2023),
            (YearRange{2020, 2023}));
  EXPECT_FALSE(EmbargoYears(MakeEmbargo("e", {"CAN"}, "TUR", "2024"), 2023).has_value());
  EXPECT_FALSE(EmbargoYears(MakeEmbargo("e", {"CAN"}, "TUR", ""), 2023).has_value());
}

Transfer Deal(const std::string& supplier, const std::string& recipient,
              const std::string& designation, std::vector<Delivery> deliveries) {
  Transfer t;
  t.supplier_id = t.supplier_name = supplier;
  t.recipient_id = t.recipient_name = recipient;
  t.designation = designation;
  t.deliveries = std::move(deliveries);
  return t;
}

TEST(DeliveriesDuring, ListsEachImposersYearsWithTivAndDesignations) {
  std::vector<Transfer> transfers = {
      Deal("USA", "TUR", "F-16",
           {{1974, 1, 100, false, false, false}, {1976, 1, 40, false, false, false}}),
      Deal("USA", "TUR", "M-60", {{1976, 1, 10, false, false, true}}),
      Deal("FRA", "TUR", "Milan", {{1977, 1, 5, false, false, false}}),
      Deal("USA", "GRC", "F-4", {{1976, 1, 70, false, false, false}})};
  Embargo embargo = MakeEmbargo("e", {"USA", "FRA", "USA"}, "TUR", "1975-02-05", "1978-09-26");
  auto rows = DeliveriesDuring(embargo, "TUR", {1975, 1978}, transfers);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].supplier, "FRA");
  EXPECT_EQ(rows[0].year, 1977);
  EXPECT_DOUBLE_EQ(rows[0].tiv, 5);
  EXPECT_EQ(rows[1].supplier, "USA");
  EXPECT_EQ(rows[1].year, 1976);
  EXPECT_DOUBLE_EQ(rows[1].tiv, 50);
  EXPECT_EQ(rows[1].designations, (std::vector<std::string>{"F-16", "M-60"}));
  EXPECT_TRUE(rows[1].approximate);
}

TEST(AnalyzeEmbargoes, FiltersByTargetStateAndOrdersByStart) {
  Dataset data = UavAndTanks();
  Embargo later = MakeEmbargo("emb:can", {"CAN"}, "TUR", "2020-10-05");
  later.trigger = "event:war";
  data.embargoes = {later, MakeEmbargo("emb:undated", {"ITA"}, "TUR", ""),
                    MakeEmbargo("emb:usa", {"USA"}, "org:agency", "2020-10-05"),
                    MakeEmbargo("emb:deu", {"DEU"}, "TUR", "2019-10"),
                    MakeEmbargo("emb:other", {"DEU"}, "RUS", "2014")};
  std::vector<Transfer> transfers = {
      Deal("CAN", "TUR", "Camera", {{2021, 1, 3, false, false, false}})};
  auto reports = AnalyzeEmbargoes(data, transfers, {{"TUR"}, 2023});
  ASSERT_EQ(reports.size(), 4u);
  EXPECT_EQ(reports[0].embargo.id, "emb:deu");
  EXPECT_EQ(reports[1].embargo.id, "emb:can");
  EXPECT_EQ(reports[2].embargo.id, "emb:usa");
  EXPECT_EQ(reports[2].target_state, "TUR");
  EXPECT_EQ(reports[3].embargo.id, "emb:undated");
  ASSERT_TRUE(reports[1].trigger.has_value());
  EXPECT_EQ(reports[1].trigger->title, "War");
  EXPECT_EQ(reports[1].hits.size(), 1u);
  ASSERT_EQ(reports[1].deliveries.size(), 1u);
  EXPECT_EQ(reports[1].deliveries[0].year, 2021);
  EXPECT_FALSE(reports[3].sipri_years.has_value());
}

TEST(AnalyzeEmbargoes, WithoutSipriDataChecksNoDeliveries) {
  Dataset data = UavAndTanks();
  data.embargoes = {MakeEmbargo("emb:can", {"CAN"}, "TUR", "2020-10-05")};
  std::vector<Transfer> transfers = {
      Deal("CAN", "TUR", "Camera", {{2021, 1, 3, false, false, false}})};
  auto reports = AnalyzeEmbargoes(data, transfers, {{}, std::nullopt});
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_FALSE(reports[0].sipri_years.has_value());
  EXPECT_TRUE(reports[0].deliveries.empty());
  EXPECT_EQ(reports[0].hits.size(), 1u);
}

// Two German embargoes in force together (an engine ban from 2019, licence restrictions
// from 2019-10) and a Canadian one: the German engine is one component hit twice, its delay
// measured from the earlier ban; each German delivery year is one delivery, not two.
std::vector<EmbargoReport> OverlappingEmbargoes() {
  Dataset data = UavAndTanks();
  data.embargoes = {MakeEmbargo("emb:deu-engines", {"DEU"}, "TUR", "2018"),
                    MakeEmbargo("emb:deu-licences", {"DEU"}, "TUR", "2018-10"),
                    MakeEmbargo("emb:can", {"CAN"}, "TUR", "2020-10-05")};
  std::vector<Transfer> transfers = {
      Deal("DEU", "TUR", "Frigate", {{2019, 1, 20, false, false, false}}),
      Deal("DEU", "TUR", "Submarine", {{2020, 1, 5, false, false, true}}),
      Deal("CAN", "TUR", "Camera", {{2021, 1, 3, false, false, false}})};
  return AnalyzeEmbargoes(data, transfers, {{"TUR"}, 2021});
}

TEST(DistinctHits, AComponentTwoEmbargoesHitIsListedOnceFromTheEarlierOne) {
  auto reports = OverlappingEmbargoes();
  ASSERT_EQ(reports[0].hits.size() + reports[1].hits.size(), 2u);  // the engine, twice
  auto hits = DistinctHits(reports);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].hit.component.id, "c:eng-deu");
  EXPECT_EQ(hits[0].embargoes,
            (std::vector<std::string>{"emb:deu-engines", "emb:deu-licences"}));
  ASSERT_TRUE(hits[0].hit.delay.has_value());
  EXPECT_EQ(hits[0].hit.delay->ToString(), "3 years (year precision)");  // 2018 -> 2021-10
  EXPECT_EQ(hits[1].hit.component.id, "c:cam-can");
  EXPECT_EQ(hits[1].embargoes, (std::vector<std::string>{"emb:can"}));
}

TEST(DistinctDeliveries, AYearTwoEmbargoesCoverIsOneDeliveryNamingBoth) {
  auto reports = OverlappingEmbargoes();
  auto deliveries = DistinctDeliveries(reports);
  ASSERT_EQ(deliveries.size(), 3u);  // DEU 2019, DEU 2020, CAN 2021: not 5
  EXPECT_EQ(deliveries[0].delivery.year, 2019);
  EXPECT_DOUBLE_EQ(deliveries[0].delivery.tiv, 20);
  EXPECT_EQ(deliveries[0].embargoes,
            (std::vector<std::string>{"emb:deu-engines", "emb:deu-licences"}));
  EXPECT_EQ(deliveries[1].delivery.year, 2020);
  EXPECT_TRUE(deliveries[1].delivery.approximate);
  EXPECT_EQ(deliveries[2].delivery.supplier, "CAN");
  EXPECT_EQ(deliveries[2].embargoes, (std::vector<std::string>{"emb:can"}));
}

}  // namespace
}  // namespace defcoop::analysis
