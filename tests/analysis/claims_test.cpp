#include "defcoop/analysis/claims.h"

#include <gtest/gtest.h>

namespace defcoop::analysis {
namespace {

const SourceRef kArticle{"article", "section 2"};
const SourceRef kRecord{"record", ""};

Claim MakeClaim(const std::string& id, const std::string& kind, const std::string& params,
                const std::string& expected, const std::string& tolerance = "") {
  return Claim{id, "A sentence.", "Section", kind, params, expected, tolerance, "", {kArticle}};
}

Dataset Facts() {
  Dataset data;
  data.events = {
      {"event:war",
       *ParseDate("2020-09-27"),
       *ParseDate("2020-11-10"),
       "war",
       {"AZE"},
       "War",
       "",
       {kRecord}},
      {"event:told", *ParseDate("2022-05-10"), {}, "visit", {"KAZ"}, "Visit", "", {kArticle}}};
  data.indicators = {
      {"ind:own", "TUR", "defense_exports", "2022", 4.4e9, "usd", false, "", {kArticle}},
      {"ind:independent", "TUR", "defense_exports", "2022", 4.39e9, "usd", false, "", {kRecord}},
      {"ind:target", "TUR", "defense_exports_target", "2022", 4.0e9, "usd", false, "", {kRecord}}};
  for (int month : {1, 3, 4, 5, 6, 9}) {
    data.agreements.push_back({"agr:" + std::to_string(month),
                               Date{2022, month, 15},
                               {"TUR", "KAZ"},
                               "military_cooperation",
                               "Agreement",
                               "signed",
                               "",
                               {kRecord}});
  }
  data.agreements.push_back(
      {"agr:old", Date{2019, 6, 1}, {"TUR", "UZB"}, "framework", "Old", "signed", "", {kRecord}});
  return data;
}

ClaimCheck CheckOnly(const Claim& claim, const std::vector<Transfer>& transfers = {}) {
  Dataset data = Facts();
  data.claims = {claim};
  return CheckClaims(data, transfers, "2024-04-13").front();
}

TEST(Claims, DateFromAnotherSourceContradictsTheClaim) {
  ClaimCheck check =
      CheckOnly(MakeClaim("c", "date", "table=events;id=event:war;field=end_date", "2021-11"));
  EXPECT_EQ(check.status, ClaimStatus::kContradicted);
  EXPECT_EQ(check.computed, "2020-11-10");
  EXPECT_EQ(check.evidence_sources, (std::vector<SourceRef>{kRecord}));
}

TEST(Claims, DateMatchesAtTheClaimsPrecision) {
  ClaimCheck check = CheckOnly(MakeClaim("c", "date", "table=events;id=event:war", "2020-09"));
  EXPECT_EQ(check.status, ClaimStatus::kSupported);
  EXPECT_EQ(CheckOnly(MakeClaim("c", "date", "table=events;id=event:war", "2019", "1y")).status,
            ClaimStatus::kSupported);
  EXPECT_EQ(CheckOnly(MakeClaim("c", "date", "table=events;id=event:war", "2018", "1y")).status,
            ClaimStatus::kContradicted);
}

TEST(Claims, FactKnownOnlyFromTheClaimsOwnSourceIsUnverifiable) {
  ClaimCheck check = CheckOnly(MakeClaim("c", "date", "table=events;id=event:told", "2022-05-10"));
  EXPECT_EQ(check.status, ClaimStatus::kUnverifiable);
  EXPECT_EQ(check.computed, "2022-05-10");
  EXPECT_NE(check.evidence.find("own sources"), std::string::npos);
}

// Regression: "56 firms then 2,700" was supported when only the 56 had an independent
// source; the 2,700 came from the claim's own article alone.
TEST(Claims, EachValueOfATwoValueClaimNeedsAnIndependentSource) {
  ClaimCheck check = CheckOnly(MakeClaim("c", "growth", "from=ind:independent;to=ind:own",
                                         "4390000000|4400000000"));
  EXPECT_EQ(check.status, ClaimStatus::kUnverifiable);
  EXPECT_NE(check.evidence.find("ind:own"), std::string::npos) << check.evidence;
  EXPECT_EQ(CheckOnly(MakeClaim("c", "growth", "from=ind:independent;to=ind:target",
                                "4390000000|4000000000"))
                .status,
            ClaimStatus::kSupported);
}

TEST(Claims, IndicatorValuesUseTheTolerance) {
  EXPECT_EQ(
      CheckOnly(MakeClaim("c", "value", "indicator=ind:independent", "4400000000", "1%")).status,
      ClaimStatus::kSupported);
  EXPECT_EQ(
      CheckOnly(MakeClaim("c", "value", "indicator=ind:independent", "4400000000", "0")).status,
      ClaimStatus::kContradicted);
  EXPECT_EQ(
      CheckOnly(MakeClaim("c", "value", "indicator=ind:independent;bound=lower", "4000000000"))
          .status,
      ClaimStatus::kSupported);
  EXPECT_EQ(CheckOnly(MakeClaim("c", "value", "indicator=ind:own", "4400000000")).status,
            ClaimStatus::kUnverifiable);
}

TEST(Claims, RatioOfTwoIndicators) {
  ClaimCheck check = CheckOnly(
      MakeClaim("c", "ratio", "numerator=ind:independent;denominator=ind:target", "1.1", "0.01"));
  EXPECT_EQ(check.status, ClaimStatus::kSupported);
  EXPECT_EQ(check.computed, "1.097");
}

TEST(Claims, ShockTestOnTheAgreementsAfterADate) {
  ClaimCheck check = CheckOnly(
      MakeClaim("c", "shock_test", "date=2022-02-24;window=12m;actors=TUR|KAZ|UZB;type=agreement",
                "increase"));
  // 5 agreements in the 12 months after (Mar-Sep 2022), 1 before (Jan 2022); the Jun 2019
  // one is outside both windows. R: poisson.test(c(5, 1), c(365, 365))$p.value -> 0.21875,
  // with alternative = "greater" -> 0.109375: not significant at 5%.
  EXPECT_EQ(check.status, ClaimStatus::kUnverifiable);
  EXPECT_NE(check.computed.find("5 after vs 1 before; p = 0.2188 (one-sided 0.1094)"),
            std::string::npos)
      << check.computed;
}

// With 7-month windows 6 agreements fall in them (1 before, 5 after), but the placebo
// month starts 2020-01 .. 2020-12 see only the 2019 agreement, in one window: 11 of 12
// are empty, so the record cannot tell a shock from where its entries begin.
TEST(Claims, ShockTestOnASparseRecordIsUnverifiable) {
  ClaimCheck check = CheckOnly(MakeClaim(
      "c", "shock_test", "date=2022-02-24;window=7m;actors=TUR|KAZ|UZB;type=agreement",
      "increase"));
  EXPECT_EQ(check.status, ClaimStatus::kUnverifiable);
  EXPECT_NE(check.evidence.find("11 of the 12 placebo dates have no agreement"),
            std::string::npos)
      << check.evidence << " / " << check.computed;
}

TEST(Claims, CountOfAgreementsBelowTheClaimMeansMissingData) {
  ClaimCheck check =
      CheckOnly(MakeClaim("c", "count", "table=agreements;parties=TUR|UZB;date=2019-06-01", "10"));
  EXPECT_EQ(check.status, ClaimStatus::kUnverifiable);
  EXPECT_EQ(check.computed, "1");
}

Transfer Deal(const std::string& supplier, const std::string& recipient, int year, double tiv) {
  Transfer t;
  t.supplier_id = supplier;
  t.recipient_id = recipient;
  t.designation = "Bayraktar TB2";
  t.deliveries = {{year, 2, tiv, false, false, false}};
  return t;
}

TEST(Claims, SupplierShareDirectionFromSipri) {
  std::vector<Transfer> transfers = {Deal("RUS", "AZE", 2011, 90), Deal("TUR", "AZE", 2011, 10),
                                     Deal("RUS", "AZE", 2016, 40), Deal("TUR", "AZE", 2016, 60)};
  Claim falls = MakeClaim("c", "supplier_rank",
                          "recipient=AZE;supplier=RUS;periods=2010-2014|2015-2019", "decrease");
  ClaimCheck check = CheckOnly(falls, transfers);
  EXPECT_EQ(check.status, ClaimStatus::kSupported);
  EXPECT_NE(check.computed.find("90.0% in 2010-2014 -> 40.0% in 2015-2019"), std::string::npos)
      << check.computed;
  Claim rises = MakeClaim("c", "supplier_rank",
                          "recipient=AZE;supplier=RUS;periods=2010-2014|2015-2019", "increase");
  EXPECT_EQ(CheckOnly(rises, transfers).status, ClaimStatus::kContradicted);
}

TEST(Claims, RecipientRankAmongAGroup) {
  std::vector<Transfer> transfers = {Deal("TUR", "TKM", 2019, 100), Deal("TUR", "AZE", 2019, 50),
                                     Deal("TUR", "QAT", 2019, 500)};
  Claim claim =
      MakeClaim("c", "rank", "supplier=TUR;recipient=AZE;among=AZE|TKM;years=2018-2022", "1");
  ClaimCheck check = CheckOnly(claim, transfers);
  EXPECT_EQ(check.status, ClaimStatus::kContradicted);
  EXPECT_EQ(check.computed, "rank 2 (TKM 100 > AZE 50)");
}

TEST(Claims, UnitsDeliveredAtLeastTheClaimedNumber) {
  std::vector<Transfer> transfers = {Deal("TUR", "KGZ", 2021, 10), Deal("TUR", "KGZ", 2022, 10)};
  Claim claim = MakeClaim("c", "count",
                          "supplier=TUR;recipient=KGZ;designation=Bayraktar TB2;bound=lower", "3");
  ClaimCheck check = CheckOnly(claim, transfers);
  EXPECT_EQ(check.status, ClaimStatus::kSupported);
  EXPECT_EQ(check.computed, "4 delivered");
}

TEST(Claims, RecipientRankHonoursTheClaimsToleranceInRanks) {
  std::vector<Transfer> transfers = {Deal("TUR", "TKM", 2019, 100), Deal("TUR", "AZE", 2019, 50),
                                     Deal("TUR", "KAZ", 2019, 10)};
  std::string params = "supplier=TUR;recipient=AZE;among=AZE|TKM|KAZ;years=2018-2022";
  EXPECT_EQ(CheckOnly(MakeClaim("c", "rank", params, "1", "1"), transfers).status,
            ClaimStatus::kSupported);
  EXPECT_EQ(CheckOnly(MakeClaim("c", "rank", params, "1"), transfers).status,
            ClaimStatus::kContradicted);
}

TEST(Claims, RecipientRankGivesTiesTheSameRank) {
  std::vector<Transfer> transfers = {Deal("TUR", "TKM", 2019, 50), Deal("TUR", "AZE", 2019, 50)};
  Claim claim =
      MakeClaim("c", "rank", "supplier=TUR;recipient=TKM;among=AZE|TKM;years=2018-2022", "1");
  EXPECT_EQ(CheckOnly(claim, transfers).status, ClaimStatus::kSupported);
}

// New-format registers write "Bayraktar TB-2"; the claim and the platform say "TB2".
TEST(Claims, UnitsMatchThePlatformsOtherDesignations) {
  Transfer tb_2 = Deal("TUR", "KGZ", 2022, 10);
  tb_2.designation = "Bayraktar TB-2";
  Transfer akinci = Deal("TUR", "KGZ", 2022, 10);
  akinci.designation = "Akinci";
  Dataset data = Facts();
  Platform tb2;
  tb2.id = "platform:tb2";
  tb2.name = "Bayraktar TB2";
  tb2.aliases = {"TB2", "Bayraktar"};
  data.platforms = {tb2};
  data.claims = {MakeClaim("c", "count",
                           "supplier=TUR;recipient=KGZ;designation=TB2;bound=lower", "3")};
  ClaimCheck check = CheckClaims(data, {Deal("TUR", "KGZ", 2021, 10), tb_2, akinci}, "v").front();
  EXPECT_EQ(check.status, ClaimStatus::kSupported);
  EXPECT_EQ(check.computed, "4 delivered");  // 2 + 2, not the Akinci
}

TEST(Claims, UnitsWithoutABoundMustMatchTheCount) {
  std::vector<Transfer> transfers = {Deal("TUR", "KGZ", 2021, 10), Deal("TUR", "KGZ", 2022, 10)};
  Claim claim =
      MakeClaim("c", "count", "supplier=TUR;recipient=KGZ;designation=Bayraktar TB2", "3");
  EXPECT_EQ(CheckOnly(claim, transfers).status, ClaimStatus::kContradicted);
}

TEST(Claims, SipriChecksWithoutSipriDataAreUnverifiable) {
  Claim claim = MakeClaim("c", "supplier_rank",
                          "recipient=AZE;supplier=RUS;periods=2010-2014|2015-2019", "decrease");
  ClaimCheck check = CheckOnly(claim);
  EXPECT_EQ(check.status, ClaimStatus::kUnverifiable);
  EXPECT_NE(check.evidence.find("needs SIPRI data"), std::string::npos);
}

TEST(Claims, UnknownParametersAreUnverifiableAndSaySo) {
  ClaimCheck check = CheckOnly(MakeClaim("c", "rank", "list=Defense News Top 100", "1"));
  EXPECT_EQ(check.status, ClaimStatus::kUnverifiable);
  EXPECT_NE(check.evidence.find("no automatic check"), std::string::npos);
}

}  // namespace
}  // namespace defcoop::analysis
