#include "defcoop/analysis/tiv.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace defcoop::analysis {
namespace {

Transfer Deal(const std::string& supplier, const std::string& recipient,
              const std::string& category, std::vector<Delivery> deliveries) {
  Transfer t;
  t.supplier_id = supplier;
  t.recipient_id = recipient;
  t.supplier_name = supplier;
  t.recipient_name = recipient;
  t.category = category;
  t.deliveries = std::move(deliveries);
  return t;
}

Delivery Exact(int year, double tiv) { return {year, 1, tiv, false, false, false}; }
Delivery Split(int year, double tiv) { return {year, 1, tiv, false, false, true}; }

// Türkiye and Russia supply Azerbaijan; Israel supplies Turkmenistan.
std::vector<Transfer> Register() {
  return {Deal("TUR", "AZE", "Aircraft", {Exact(2019, 10), Exact(2020, 30)}),
          Deal("RUS", "AZE", "Armoured vehicles", {Exact(2012, 50), Exact(2013, 50)}),
          Deal("ISR", "AZE", "Aircraft", {Split(2016, 10), Split(2017, 10)}),
          Deal("TUR", "TKM", "Ships", {Exact(2021, 40)})};
}

TEST(AggregateTiv, GroupsByYear) {
  auto rows = AggregateTiv(Register(), TivFilter{{}, {"AZE"}, {}}, {TivGroup::kYear});
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0].year, 2012);
  EXPECT_DOUBLE_EQ(rows[0].tiv, 50);
  EXPECT_EQ(rows[5].year, 2020);
  EXPECT_DOUBLE_EQ(rows[5].tiv, 30);
}

TEST(AggregateTiv, GroupsByDyadWithinYears) {
  auto rows = AggregateTiv(Register(), TivFilter{{"TUR"}, {}, YearRange{2019, 2021}},
                           {TivGroup::kSupplier, TivGroup::kRecipient});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].recipient, "AZE");
  EXPECT_DOUBLE_EQ(rows[0].tiv, 40);
  EXPECT_EQ(rows[1].recipient, "TKM");
  EXPECT_DOUBLE_EQ(rows[1].tiv, 40);
}

TEST(AggregateTiv, MarksSplitYearsApproximateButNotWholePeriods) {
  auto per_year = AggregateTiv(Register(), TivFilter{{"ISR"}, {}, {}}, {TivGroup::kYear});
  ASSERT_EQ(per_year.size(), 2u);
  EXPECT_TRUE(per_year[0].approximate);
  auto whole = AggregateTiv(Register(), TivFilter{{"ISR"}, {}, YearRange{2011, 2020}}, {});
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_FALSE(whole[0].approximate);
  auto cut = AggregateTiv(Register(), TivFilter{{"ISR"}, {}, YearRange{2017, 2020}}, {});
  EXPECT_TRUE(cut[0].approximate);
  EXPECT_DOUBLE_EQ(cut[0].tiv, 10);
}

TEST(SupplierShares, ComputesSharesAndHhi) {
  ShareTable table = SupplierShares(Register(), {"AZE"}, YearRange{2011, 2020});
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_DOUBLE_EQ(table.total, 160);
  EXPECT_EQ(table.rows[0].actor, "RUS");
  EXPECT_DOUBLE_EQ(table.rows[0].share, 100.0 / 160);
  double hhi =
      (100.0 / 160) * (100.0 / 160) + (40.0 / 160) * (40.0 / 160) + (20.0 / 160) * (20.0 / 160);
  EXPECT_DOUBLE_EQ(table.hhi, hhi);
}

TEST(SupplierShares, MonopolyHasHhiOne) {
  ShareTable table = SupplierShares(Register(), {"TKM"}, YearRange{2021, 2021});
  EXPECT_DOUBLE_EQ(table.hhi, 1.0);
}

TEST(ExporterRank, RanksByDeliveredTiv) {
  Rank rank = ExporterRank(Register(), "TUR", YearRange{2011, 2021});
  EXPECT_EQ(rank.rank, 2);  // RUS 100, TUR 80, ISR 20
  EXPECT_EQ(rank.of, 3);
  EXPECT_EQ(ExporterRank(Register(), "FRA", YearRange{2011, 2021}).rank, 0);
}

// The precomputed per-year totals rank exactly as sorting a fresh aggregation does.
TEST(ExporterRank, PrecomputedTotalsAgreeWithAggregation) {
  SupplierYearTiv totals = TivBySupplierYear(Register());
  for (int first = 2005; first <= 2022; ++first) {
    for (int last = first; last <= 2022; ++last) {
      YearRange years{first, last};
      auto rows = AggregateTiv(Register(), TivFilter{{}, {}, years}, {TivGroup::kSupplier});
      std::stable_sort(rows.begin(), rows.end(),
                       [](const TivRow& a, const TivRow& b) { return a.tiv > b.tiv; });
      for (size_t idx = 0; idx < rows.size(); ++idx) {
        Rank rank = ExporterRank(totals, rows[idx].supplier, years);
        // Competition ranking: 1 + the suppliers with strictly more TIV.
        int ahead = static_cast<int>(std::count_if(rows.begin(), rows.end(), [&](const TivRow& row) {
          return row.tiv > rows[idx].tiv && !SameTiv(row.tiv, rows[idx].tiv);
        }));
        EXPECT_EQ(rank.rank, ahead + 1) << rows[idx].supplier << " " << first;
        EXPECT_EQ(rank.of, static_cast<int>(rows.size()));
      }
    }
  }
}

TEST(ExporterRank, EqualTotalsShareARank) {
  std::vector<Transfer> transfers = Register();
  Transfer copy = transfers.front();
  transfers.clear();
  for (const char* supplier : {"ZZZ", "AAA"}) {
    copy.supplier_id = supplier;
    transfers.push_back(copy);
  }
  copy.supplier_id = "BBB";
  copy.deliveries = {Exact(2019, 1)};
  transfers.push_back(copy);
  EXPECT_EQ(ExporterRank(transfers, "AAA", YearRange{1950, 2030}).rank, 1);
  EXPECT_EQ(ExporterRank(transfers, "ZZZ", YearRange{1950, 2030}).rank, 1);
  EXPECT_EQ(ExporterRank(transfers, "BBB", YearRange{1950, 2030}).rank, 3);
}

TEST(ExporterRank, TiesSurviveTheOrderOfSummation) {
  // 0.1 + 0.2 != 0.3 in binary floating point; the two totals are still equal.
  std::vector<Transfer> transfers = {Deal("AAA", "AZE", "Aircraft", {Exact(2019, 0.1)}),
                                     Deal("AAA", "AZE", "Aircraft", {Exact(2020, 0.2)}),
                                     Deal("BBB", "AZE", "Aircraft", {Exact(2019, 0.3)})};
  EXPECT_EQ(ExporterRank(transfers, "AAA", YearRange{2019, 2020}).rank, 1);
  EXPECT_EQ(ExporterRank(transfers, "BBB", YearRange{2019, 2020}).rank, 1);
}

TEST(ExporterRank, RanksOnlyEligibleSuppliersAndListsTheOthersApart) {
  std::vector<Transfer> transfers = {Deal("unknown:supplier", "AZE", "Aircraft", {Exact(2019, 90)}),
                                     Deal("org:nato", "AZE", "Aircraft", {Exact(2019, 80)}),
                                     Deal("TUR", "AZE", "Aircraft", {Exact(2019, 10)}),
                                     Deal("RUS", "AZE", "Aircraft", {Exact(2019, 5)})};
  RankEligible is_state = [](std::string_view id) { return id == "TUR" || id == "RUS"; };
  SupplierYearTiv totals = TivBySupplierYear(transfers);
  Rank rank = ExporterRank(totals, "TUR", YearRange{2019, 2019}, is_state);
  EXPECT_EQ(rank.rank, 1);
  EXPECT_EQ(rank.of, 2);
  EXPECT_EQ(ExporterRank(totals, "TUR", YearRange{2019, 2019}).rank, 3);  // all suppliers
  auto apart = IneligibleExporters(totals, YearRange{2019, 2019}, is_state);
  ASSERT_EQ(apart.size(), 2u);
  EXPECT_EQ(apart[0].first, "unknown:supplier");
  EXPECT_EQ(apart[1].first, "org:nato");
}

TEST(SupplierShares, GivesEqualSharesEqualRanks) {
  std::vector<Transfer> transfers = {Deal("TUR", "AZE", "Aircraft", {Exact(2019, 10)}),
                                     Deal("ISR", "AZE", "Aircraft", {Exact(2019, 10)}),
                                     Deal("RUS", "AZE", "Aircraft", {Exact(2019, 5)})};
  ShareTable table = SupplierShares(transfers, {"AZE"}, YearRange{2019, 2019});
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].rank, 1);
  EXPECT_EQ(table.rows[1].rank, 1);
  EXPECT_EQ(table.rows[2].rank, 3);
}

// A group member counts only in the years of its membership: Uzbekistan, an OTS member
// from 2019, does not make 2010's deliveries to it deliveries to OTS.
TEST(AggregateTiv, CountsGroupMembersOnlyDuringTheirMembership) {
  std::vector<Transfer> transfers = {
      Deal("RUS", "UZB", "Aircraft", {Exact(2010, 100), Exact(2020, 7)}),
      Deal("RUS", "AZE", "Aircraft", {Exact(2010, 1)})};
  ActorSet ots;
  ots.Add({"AZE", ParseDate("2009-10-03").value(), std::nullopt, "org:ots"});
  ots.Add({"UZB", ParseDate("2019-10-15").value(), std::nullopt, "org:ots"});
  auto rows = AggregateTiv(transfers, TivFilter{{}, ots, {}}, {TivGroup::kYear});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].year, 2010);
  EXPECT_DOUBLE_EQ(rows[0].tiv, 1);  // AZE only
  EXPECT_EQ(rows[1].year, 2020);
  EXPECT_DOUBLE_EQ(rows[1].tiv, 7);
}

// A total that takes only some years of an old-format deal rests on its even split.
TEST(AggregateTiv, MarksATotalApproximateWhenMembershipCutsASplitDeal) {
  std::vector<Transfer> transfers = {Deal("RUS", "UZB", "Aircraft", {Split(2018, 5), Split(2019, 5)})};
  ActorSet ots;
  ots.Add({"UZB", ParseDate("2019-10-15").value(), std::nullopt, "org:ots"});
  auto rows = AggregateTiv(transfers, TivFilter{{}, ots, YearRange{2010, 2020}}, {});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_DOUBLE_EQ(rows[0].tiv, 5);
  EXPECT_TRUE(rows[0].approximate);
}

TEST(MovingAverage, AveragesTrailingYearsCountingGapsAsZero) {
  auto rows = AggregateTiv(Register(), TivFilter{{}, {"AZE"}, {}}, {TivGroup::kYear});
  auto averaged = MovingAverage(rows, 3, YearRange{2014, 2014});
  ASSERT_EQ(averaged.size(), 1u);
  EXPECT_DOUBLE_EQ(averaged[0].tiv, 100.0 / 3);  // 2012: 50, 2013: 50, 2014: nothing
  auto early = MovingAverage(rows, 3, YearRange{2012, 2012});
  EXPECT_TRUE(early[0].approximate);  // fewer than 3 years of data
}

TEST(PreviousWindow, IsTheSameLengthJustBefore) {
  EXPECT_EQ(PreviousWindow(YearRange{2011, 2020}), (YearRange{2001, 2010}));
}

TEST(CompareWithTable, ReportsOnlyDifferencesBeyondRounding) {
  std::vector<TivCell> table = {{"Azerbaijan", "AZE", "", "", 2019, 10, false, 1},
                                {"Azerbaijan", "AZE", "", "", 2020, 29, false, 1},
                                {"Azerbaijan", "AZE", "", "", 2012, 40, false, 1}};
  std::vector<Transfer> transfers = Register();
  transfers[0].deliveries[1].tiv = 29.4;  // rounds to the table's 29
  auto differences = CompareWithTable(transfers, table, /*per_year=*/true);
  // 2012: 50 against 40; 2013 and 2016/2017 are in the register but not the table's span
  // or rows (the table covers 2012-2020, so 2013, 2016 and 2017 are reported too).
  ASSERT_EQ(differences.size(), 4u);
  EXPECT_EQ(differences[0].period, "2012");
  EXPECT_DOUBLE_EQ(differences[0].register_tiv, 50);
  EXPECT_DOUBLE_EQ(differences[0].table_tiv, 40);
}

}  // namespace
}  // namespace defcoop::analysis
