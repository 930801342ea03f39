#include "defcoop/analysis/supplier_shift.h"

#include <gtest/gtest.h>

namespace defcoop::analysis {
namespace {

Transfer Deal(const std::string& supplier, const std::string& recipient,
              std::vector<Delivery> deliveries) {
  Transfer t;
  t.supplier_id = t.supplier_name = supplier;
  t.recipient_id = t.recipient_name = recipient;
  t.deliveries = std::move(deliveries);
  return t;
}

Delivery Exact(int year, double tiv) { return {year, 1, tiv, false, false, false}; }

// Azerbaijan turns from Russia to Türkiye: RUS 6/3/3 in 2010-2012, ISR 4 in 2012, TUR
// 4/4/8 in 2013-2015. Armenia's Russian deliveries must not count.
std::vector<Transfer> RussiaToTurkiye() {
  return {Deal("RUS", "AZE", {Exact(2010, 6), Exact(2011, 3), Exact(2012, 3)}),
          Deal("ISR", "AZE", {Exact(2012, 4)}),
          Deal("TUR", "AZE", {Exact(2013, 4), Exact(2014, 4), Exact(2015, 8)}),
          Deal("RUS", "ARM", {Exact(2014, 100)})};
}

SupplierShift Shift(const std::vector<Transfer>& transfers, YearRange years, ShiftOptions options) {
  auto shift = ComputeSupplierShift(transfers, {"AZE"}, years, options);
  EXPECT_TRUE(shift.ok()) << shift.status().ToString();
  return shift.ok() ? *shift : SupplierShift{};
}

TEST(SupplierShift, RollingWindowsHaveHandCheckedSharesAndHhi) {
  SupplierShift shift = Shift(RussiaToTurkiye(), {2010, 2015}, {3, 1});
  ASSERT_EQ(shift.windows.size(), 4u);
  const ShiftWindow& first = shift.windows[0];
  EXPECT_EQ(first.years, (YearRange{2010, 2012}));
  EXPECT_EQ(first.dominant, "RUS");
  EXPECT_DOUBLE_EQ(first.total, 16);
  EXPECT_DOUBLE_EQ(first.dominant_share, 0.75);
  EXPECT_DOUBLE_EQ(first.hhi, 0.75 * 0.75 + 0.25 * 0.25);
  EXPECT_EQ(shift.windows[1].dominant, "RUS");  // 6 of 14
  EXPECT_DOUBLE_EQ(shift.windows[1].dominant_share, 6.0 / 14);
  EXPECT_EQ(shift.windows[2].dominant, "TUR");  // 8 of 15
  EXPECT_DOUBLE_EQ(shift.windows[2].dominant_share, 8.0 / 15);
  EXPECT_EQ(shift.windows[3].years, (YearRange{2013, 2015}));
  EXPECT_DOUBLE_EQ(shift.windows[3].hhi, 1);
  EXPECT_EQ(shift.windows[3].shares.size(), 1u);
}

TEST(SupplierShift, ReportsTheWindowWhereTheDominantSupplierChanges) {
  SupplierShift shift = Shift(RussiaToTurkiye(), {2010, 2015}, {3, 1});
  ASSERT_EQ(shift.changes.size(), 1u);
  EXPECT_EQ(shift.changes[0].previous, "RUS");
  EXPECT_EQ(shift.changes[0].next, "TUR");
  EXPECT_EQ(shift.changes[0].from, (YearRange{2011, 2013}));
  EXPECT_EQ(shift.changes[0].to, (YearRange{2012, 2014}));
}

TEST(SupplierShift, TrendsCompareFirstAndLastWindowLargestRiseFirst) {
  SupplierShift shift = Shift(RussiaToTurkiye(), {2010, 2015}, {3, 1});
  ASSERT_EQ(shift.trends.size(), 3u);
  EXPECT_EQ(shift.trends[0].supplier, "TUR");
  EXPECT_DOUBLE_EQ(shift.trends[0].change, 1);
  EXPECT_EQ(shift.trends[1].supplier, "ISR");
  EXPECT_DOUBLE_EQ(shift.trends[1].first_share, 0.25);
  EXPECT_DOUBLE_EQ(shift.trends[1].change, -0.25);
  EXPECT_EQ(shift.trends[2].supplier, "RUS");
  EXPECT_DOUBLE_EQ(shift.trends[2].change, -0.75);
  EXPECT_EQ(*shift.first_window, (YearRange{2010, 2012}));
  EXPECT_EQ(*shift.last_window, (YearRange{2013, 2015}));
}

TEST(SupplierShift, StepSkipsWindowsThatWouldEndAfterTheSpan) {
  SupplierShift shift = Shift(RussiaToTurkiye(), {2010, 2015}, {3, 2});
  ASSERT_EQ(shift.windows.size(), 2u);
  EXPECT_EQ(shift.windows[1].years, (YearRange{2012, 2014}));
}

TEST(SupplierShift, WindowsWithoutDeliveriesNeitherChangeNorAnchorTrends) {
  std::vector<Transfer> gap = {Deal("RUS", "AZE", {Exact(2011, 5), Exact(2013, 5)})};
  SupplierShift shift = Shift(gap, {2010, 2014}, {1, 1});
  ASSERT_EQ(shift.windows.size(), 5u);
  EXPECT_EQ(shift.windows[0].dominant, "");
  EXPECT_DOUBLE_EQ(shift.windows[0].hhi, 0);
  EXPECT_TRUE(shift.changes.empty());
  EXPECT_EQ(*shift.first_window, (YearRange{2011, 2011}));
  EXPECT_EQ(*shift.last_window, (YearRange{2013, 2013}));
  ASSERT_EQ(shift.trends.size(), 1u);
  EXPECT_DOUBLE_EQ(shift.trends[0].change, 0);
}

TEST(SupplierShift, NoDeliveriesGivesEmptyWindowsAndNoTrends) {
  SupplierShift shift = Shift({}, {2010, 2014}, {5, 1});
  ASSERT_EQ(shift.windows.size(), 1u);
  EXPECT_TRUE(shift.trends.empty());
  EXPECT_FALSE(shift.first_window.has_value());
}

TEST(SupplierShift, RejectsBadOptionsWithAStatus) {
  EXPECT_EQ(ComputeSupplierShift(RussiaToTurkiye(), {"AZE"}, {2010, 2015}, {7, 1}).status().kind(),
            StatusKind::kInvalidInput);
  EXPECT_EQ(ComputeSupplierShift(RussiaToTurkiye(), {"AZE"}, {2010, 2015}, {3, 0}).status().kind(),
            StatusKind::kInvalidInput);
  EXPECT_EQ(ComputeSupplierShift(RussiaToTurkiye(), {"AZE"}, {2010, 2015}, {0, 1}).status().kind(),
            StatusKind::kInvalidInput);
}

}  // namespace
}  // namespace defcoop::analysis
