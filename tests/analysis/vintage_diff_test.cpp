// The matching rules of DiffRegisters and the reconciliation of RevisionTotals on
// transfers built here (the end-to-end tests on fixture files are in tests/cli).
#include "defcoop/analysis/vintage_diff.h"

#include <gtest/gtest.h>

#include <map>

namespace defcoop::analysis {
namespace {

Transfer Deal(std::string recipient, std::string designation, int order_year,
              std::vector<std::pair<int, double>> deliveries, std::string deal_id = "") {
  Transfer t;
  t.deal_id = std::move(deal_id);
  t.supplier_id = "TUR";
  t.recipient_id = std::move(recipient);
  t.designation = std::move(designation);
  t.order_year = order_year;
  t.status = "new";
  double total = 0;
  for (const auto& [year, tiv] : deliveries) {
    t.deliveries.push_back({year, 1, tiv});
    total += tiv;
  }
  t.tiv_delivered = total;
  t.number_delivered = static_cast<double>(deliveries.size());
  return t;
}

TEST(VintageDiffTest, KeyIgnoresTheTrailingDashOfNewFormatDesignations) {
  std::vector<Transfer> before = {Deal("AZE", "Cobra-2", 2019, {{2020, 4}})};
  std::vector<Transfer> after = {Deal("AZE", "Cobra-2 -", 2019, {{2020, 4}})};
  VintageDiff diff = DiffRegisters(before, after);
  EXPECT_FALSE(diff.by_deal_id);  // one register has no ids
  ASSERT_EQ(diff.deals.size(), 1u);
  EXPECT_EQ(diff.deals[0].change, DealChange::kUnchanged);
  EXPECT_EQ(DealKeyText(after[0]), "TUR | AZE | Cobra-2 | 2019");
}

TEST(VintageDiffTest, IdenticalRecordsPairFirstAndOneLeftOnEachSideIsAMatch) {
  std::vector<Transfer> before = {Deal("AZE", "TB2", 2020, {{2020, 6}}),
                                  Deal("AZE", "TB2", 2020, {{2021, 6}})};
  std::vector<Transfer> after = {Deal("AZE", "TB2", 2020, {{2021, 9}}),
                                 Deal("AZE", "TB2", 2020, {{2020, 6}})};
  VintageDiff diff = DiffRegisters(before, after);
  ASSERT_EQ(diff.deals.size(), 2u);
  EXPECT_EQ(diff.deals[0].change, DealChange::kUnchanged);
  EXPECT_EQ(diff.deals[0].after[0], &after[1]);
  EXPECT_EQ(diff.deals[1].change, DealChange::kChanged);
  EXPECT_EQ(diff.deals[1].rule, MatchRule::kKeyRemainder);
  ASSERT_EQ(diff.deals[1].revisions.size(), 1u);
  EXPECT_EQ(diff.deals[1].revisions[0].field, "tiv_delivered");
  EXPECT_EQ(diff.deals[1].revisions[0].before, "6");
  EXPECT_EQ(diff.deals[1].revisions[0].after, "9");
}

TEST(VintageDiffTest, ARespelledDesignationWithTheSameFiguresIsRekeyedOnlyWhenUnique) {
  std::vector<Transfer> before = {Deal("IND", "EC145", 2015, {{2016, 3}}),
                                  Deal("IND", "AW139", 2015, {{2016, 4}}),
                                  Deal("IND", "AW139", 2016, {{2017, 4}})};
  std::vector<Transfer> after = {Deal("IND", "EC-145", 2015, {{2016, 3}}),
                                 Deal("IND", "AW-139", 2015, {{2017, 4}})};
  VintageDiff diff = DiffRegisters(before, after);
  std::map<std::string, DealChange> change_of;
  for (const DealDiff& deal : diff.deals) {
    const Transfer& any = deal.before.empty() ? *deal.after[0] : *deal.before[0];
    change_of[any.designation + "/" + std::to_string(*any.order_year)] = deal.change;
  }
  EXPECT_EQ(change_of["EC145/2015"], DealChange::kRekeyed);
  // AW-139 2015 has the figures of AW139 2016 (designation and year both differ: not a
  // re-key) and not those of AW139 2015: removed and added.
  EXPECT_EQ(change_of["AW139/2015"], DealChange::kRemoved);
  EXPECT_EQ(change_of["AW139/2016"], DealChange::kRemoved);
  EXPECT_EQ(change_of["AW-139/2015"], DealChange::kAdded);
  ASSERT_EQ(diff.deals.size(), 4u);
}

TEST(VintageDiffTest, TwoDifferentRecordsOnEachSideAreAmbiguousNotGuessed) {
  std::vector<Transfer> before = {Deal("KAZ", "Anka", 2018, {{2019, 5}}),
                                  Deal("KAZ", "Anka", 2018, {{2020, 5}})};
  std::vector<Transfer> after = {Deal("KAZ", "Anka", 2018, {{2019, 7}}),
                                 Deal("KAZ", "Anka", 2018, {{2020, 8}})};
  VintageDiff diff = DiffRegisters(before, after);
  ASSERT_EQ(diff.deals.size(), 1u);
  EXPECT_EQ(diff.deals[0].change, DealChange::kAmbiguous);
  EXPECT_EQ(diff.deals[0].before.size(), 2u);
  EXPECT_EQ(diff.deals[0].after.size(), 2u);
  std::vector<RevisionRow> years = RevisionTotals(diff, {}, RevisionGroup::kYear);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].year, 2019);
  EXPECT_EQ(years[0].ambiguous, 2);
  EXPECT_EQ(years[1].ambiguous, 3);
  EXPECT_EQ(years[1].ambiguous_groups, 1);
}

TEST(VintageDiffTest, DealIdsMatchAcrossARecipientChangeAndTotalsFollowEachSide) {
  std::vector<Transfer> before = {Deal("AZE", "Otokar Cobra", 2015, {{2016, 10}}, "7"),
                                  Deal("KAZ", "Anka", 2018, {{2019, 5}}, "8")};
  std::vector<Transfer> after = {Deal("GEO", "Otokar Cobra", 2015, {{2016, 10}}, "7"),
                                 Deal("KAZ", "Anka", 2018, {{2019, 5}}, "9")};
  VintageDiff diff = DiffRegisters(before, after);
  EXPECT_TRUE(diff.by_deal_id);
  ASSERT_EQ(diff.deals.size(), 3u);
  EXPECT_EQ(diff.deals[0].change, DealChange::kChanged);
  EXPECT_EQ(diff.deals[0].revisions[0].field, "recipient");
  EXPECT_EQ(diff.deals[1].change, DealChange::kRemoved);  // id 8
  EXPECT_EQ(diff.deals[2].change, DealChange::kAdded);    // id 9
  for (const RevisionRow& row : RevisionTotals(diff, {}, RevisionGroup::kRecipient)) {
    EXPECT_DOUBLE_EQ(row.before + row.added - row.removed + row.changed + row.ambiguous, row.after)
        << row.key;
  }
  auto recipients = RevisionTotals(diff, {}, RevisionGroup::kRecipient);
  ASSERT_EQ(recipients.size(), 3u);  // AZE, GEO, KAZ
  EXPECT_EQ(recipients[0].key, "AZE");
  EXPECT_EQ(recipients[0].changed, -10);
  EXPECT_FALSE(recipients[1].share().has_value());  // GEO had nothing before
  TivFilter only_kaz;
  only_kaz.recipients = {"KAZ"};
  EXPECT_FALSE(Concerns(diff.deals[0], only_kaz));
  EXPECT_TRUE(Concerns(diff.deals[1], only_kaz));
}

}  // namespace
}  // namespace defcoop::analysis
