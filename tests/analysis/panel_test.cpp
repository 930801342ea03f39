// Research panels on a small hand-made record: every column's value, NA against 0 at each
// source's coverage edge, the Soviet Union -> Russia succession, and the codebook.
#include "defcoop/analysis/panel.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace defcoop::analysis {
namespace {

using Row = std::map<std::string, std::optional<std::string>>;
const std::optional<std::string> kNa;

void AddState(Dataset* data, std::string id, ActorKind kind, std::optional<Date> from,
              std::optional<Date> to, std::optional<int> cow, bool iso = true) {
  data->actors.push_back({id, kind, id + " name", "", from, to, "", {}});
  if (iso) data->actor_codes.push_back({id, "iso3n", "999", std::nullopt, std::nullopt, {}});
  if (cow) {
    data->actor_codes.push_back(
        {id, "cow_n", std::to_string(*cow), std::nullopt, std::nullopt, {}});
  }
}

Delivery Deliver(int year, double tiv, bool approximate) {
  Delivery d;
  d.year = year;
  d.tiv = tiv;
  d.approximate = approximate;
  return d;
}

Transfer Deal(std::string supplier, std::string recipient, std::optional<int> order_year,
              std::vector<Delivery> deliveries) {
  Transfer t;
  t.supplier_id = supplier;
  t.supplier_name = supplier;
  t.recipient_id = recipient;
  t.recipient_name = recipient;
  t.order_year = order_year;
  t.deliveries = std::move(deliveries);
  return t;
}

// Türkiye, Kazakhstan (from 1991-12-26), the Soviet Union (to 1991-12-26), Russia (from
// 1991-12-26) and Palestine (no COW code), with one fact of each kind.
class PanelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    AddState(&data_, "TUR", ActorKind::kState, std::nullopt, std::nullopt, 640);
    AddState(&data_, "KAZ", ActorKind::kState, Date{1991, 12, 26}, std::nullopt, 705);
    AddState(&data_, "SUN", ActorKind::kHistoricalState, Date{1922, 12, 30}, Date{1991, 12, 26},
             std::nullopt);
    AddState(&data_, "RUS", ActorKind::kState, Date{1991, 12, 26}, std::nullopt, 365);
    AddState(&data_, "PSE", ActorKind::kState, std::nullopt, std::nullopt, std::nullopt);
    AddState(&data_, "YAR", ActorKind::kHistoricalState, Date{1962, 9, 26}, Date{1990, 5, 21}, 678,
             /*iso=*/false);
    data_.actors.push_back(
        {"firm:aselsan", ActorKind::kFirm, "Aselsan", "TUR", std::nullopt, std::nullopt, "", {}});
    data_.actors.push_back(
        {"org:nato", ActorKind::kOrganization, "NATO", "", std::nullopt, std::nullopt, "", {}});
    Agreement agreement;
    agreement.id = "agr";
    agreement.date = Date{1993, 10, 0};
    agreement.parties = {"TUR", "KAZ"};
    data_.agreements.push_back(agreement);
    Venture venture;
    venture.id = "ven";
    venture.partners = {"firm:aselsan", "KAZ"};
    venture.founded = Date{1995, 0, 0};
    venture.ended = Date{1996, 0, 0};
    data_.ventures.push_back(venture);
    Embargo embargo;
    embargo.id = "emb";
    embargo.imposers = {"KAZ", "org:nato"};
    embargo.target = "TUR";
    embargo.start = Date{1994, 0, 0};
    data_.embargoes.push_back(embargo);

    transfers_ = {
        Deal("TUR", "KAZ", 1992, {Deliver(1993, 10, false), Deliver(1994, 5, true)}),
        Deal("TUR", "KAZ", 1994, {}),
        Deal("SUN", "TUR", 1988, {Deliver(1990, 7, false)}),
        Deal("RUS", "KAZ", std::nullopt, {Deliver(1995, 3, false)}),
        Deal("org:nato", "TUR", std::nullopt, {Deliver(1993, 2, false)}),
    };
    DefenseCooperationAgreement dca;
    dca.actor1_id = "KAZ";
    dca.actor2_id = "TUR";
    dca.signed_on = Date{1993, 0, 0};
    dca.categories = {"DCA", "TREX"};
    dca.end_year_estimate = 2010;
    dcas_.push_back(dca);
    AllianceYear ally;
    ally.actor1_id = "TUR";
    ally.actor2_id = "KAZ";
    ally.year = 1995;
    ally.defense = true;
    ally.consultation = true;
    alliances_.push_back(ally);
    SanctionCase sanction;
    sanction.case_id = 1;
    sanction.sender_ids = {"TUR"};
    sanction.target_ids = {"KAZ"};
    sanction.begin = 1994;
    sanction.end = 1996;
    sanction.types = {"financial", "arms"};
    sanctions_.push_back(sanction);

    inputs_.sipri = &transfers_;
    inputs_.sipri_vintage = "2026-05-18";
    inputs_.sipri_years = {1950, 1995};
    inputs_.dcad = &dcas_;
    inputs_.dcad_years = kDcadYears;
    inputs_.atop = &alliances_;
    inputs_.atop_years = {1815, 2018};
    inputs_.gsdb = &sanctions_;
    inputs_.gsdb_years = {1949, 2022};
    inputs_.curated = &data_;
  }

  std::vector<Row> Rows(PanelUnit unit, YearRange years, ActorSet states = {},
                        ActorSet partners = {}) {
    Panel panel({unit, years, std::move(states), std::move(partners)}, inputs_);
    std::vector<Row> rows;
    size_t count = panel.ForEachRow([&](const std::vector<PanelCell>& cells) {
      EXPECT_EQ(cells.size(), panel.columns().size());
      Row row;
      for (size_t idx = 0; idx < cells.size(); ++idx) row[panel.columns()[idx].name] = cells[idx];
      rows.push_back(std::move(row));
    });
    EXPECT_EQ(count, rows.size());
    return rows;
  }

  // The one row of (id1, id2, year) (state-year: id, year).
  Row Find(const std::vector<Row>& rows, const std::string& one, const std::string& two, int year) {
    for (const Row& row : rows) {
      bool state = row.count("id") > 0;
      bool match = state ? row.at("id") == one : row.at("id1") == one && row.at("id2") == two;
      if (match && row.at("year") == std::to_string(year)) return row;
    }
    ADD_FAILURE() << "no row " << one << " " << two << " " << year;
    return {};
  }

  Dataset data_;
  std::vector<Transfer> transfers_;
  std::vector<DefenseCooperationAgreement> dcas_;
  std::vector<AllianceYear> alliances_;
  std::vector<SanctionCase> sanctions_;
  PanelInputs inputs_;
};

TEST_F(PanelTest, DyadYearColumnsCarryEachSourcesFacts) {
  auto rows = Rows(PanelUnit::kDyadYear, {1990, 1996}, {"KAZ"}, {"TUR"});
  // Kazakhstan exists from 1991-12-26: 1991 counts (any part of the year), 1990 does not.
  ASSERT_EQ(rows.size(), 6u);
  Row r1993 = Find(rows, "KAZ", "TUR", 1993);
  EXPECT_EQ(r1993.at("name1"), "KAZ name");
  EXPECT_EQ(r1993.at("iso3_1"), "KAZ");
  EXPECT_EQ(r1993.at("cow1"), "705");
  EXPECT_EQ(r1993.at("cow2"), "640");
  EXPECT_EQ(r1993.at("sipri_tiv_12"), "0");  // KAZ -> TUR
  EXPECT_EQ(r1993.at("sipri_tiv_21"), "10");
  EXPECT_EQ(r1993.at("sipri_tiv_21_approx"), "0");
  EXPECT_EQ(r1993.at("sipri_deliveries_21"), "1");
  EXPECT_EQ(r1993.at("sipri_orders_21"), "0");
  EXPECT_EQ(r1993.at("dcad_signed"), "1");
  EXPECT_EQ(r1993.at("dcad_in_force"), "1");
  EXPECT_EQ(r1993.at("dcad_in_force_dca"), "1");
  EXPECT_EQ(r1993.at("dcad_in_force_trex"), "1");
  EXPECT_EQ(r1993.at("dcad_in_force_dic"), "0");
  EXPECT_EQ(r1993.at("curated_agreements_signed"), "1");
  EXPECT_EQ(r1993.at("curated_agreements_to_date"), "1");
  EXPECT_EQ(r1993.at("curated_embargoes_12"), "0");
  EXPECT_EQ(r1993.at("gsdb_sanctions_21"), "0");
  EXPECT_EQ(r1993.at("gsdb_measures_21"), "");

  Row r1994 = Find(rows, "KAZ", "TUR", 1994);
  EXPECT_EQ(r1994.at("sipri_tiv_21"), "5");
  EXPECT_EQ(r1994.at("sipri_tiv_21_approx"), "1");  // an even split
  EXPECT_EQ(r1994.at("sipri_orders_21"), "1");
  EXPECT_EQ(r1994.at("dcad_signed"), "0");
  EXPECT_EQ(r1994.at("dcad_in_force"), "1");
  EXPECT_EQ(r1994.at("curated_agreements_signed"), "0");
  EXPECT_EQ(r1994.at("curated_agreements_to_date"), "1");
  EXPECT_EQ(r1994.at("curated_embargoes_12"), "1");  // Kazakhstan's; NATO's has no state
  EXPECT_EQ(r1994.at("curated_embargoes_21"), "0");
  EXPECT_EQ(r1994.at("gsdb_sanctions_21"), "1");
  EXPECT_EQ(r1994.at("gsdb_measures_21"), "arms|financial");
  EXPECT_EQ(r1994.at("gsdb_sanctions_12"), "0");

  Row r1995 = Find(rows, "KAZ", "TUR", 1995);
  EXPECT_EQ(r1995.at("atop_defense_21"), "1");  // Türkiye towards Kazakhstan
  EXPECT_EQ(r1995.at("atop_consultation_21"), "1");
  EXPECT_EQ(r1995.at("atop_offense_21"), "0");
  EXPECT_EQ(r1995.at("atop_defense_12"), "0");
  EXPECT_EQ(r1995.at("curated_ventures"), "1");  // Aselsan counts as Türkiye
  Row r1992 = Find(rows, "KAZ", "TUR", 1992);
  EXPECT_EQ(r1992.at("sipri_orders_21"), "1");
  EXPECT_EQ(r1992.at("curated_ventures"), kNa);  // before the record's first dated fact (1993)
}

TEST_F(PanelTest, CellsOutsideCoverageAreNaInsideAreZero) {
  // SIPRI: the register delivers to 1995; 1996 is NA (so is every SIPRI column).
  auto rows = Rows(PanelUnit::kDyadYear, {1995, 1996}, {"KAZ"}, {"TUR"});
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 1995).at("sipri_tiv_12"), "0");
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 1995).at("sipri_orders_12"), "0");
  for (const char* column :
       {"sipri_tiv_12", "sipri_tiv_12_approx", "sipri_deliveries_21", "sipri_orders_21"}) {
    EXPECT_EQ(Find(rows, "KAZ", "TUR", 1996).at(column), kNa) << column;
  }
  // DCAD: 1980-2010; ATOP: to 2018; GSDB: 1949-2022.
  inputs_.sipri_years = {1950, 2025};
  rows = Rows(PanelUnit::kDyadYear, {2009, 2023}, {"KAZ"}, {"TUR"});
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 2010).at("dcad_in_force"), "1");
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 2011).at("dcad_in_force"), kNa);
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 2011).at("dcad_signed"), kNa);
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 2018).at("atop_defense_12"), "0");
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 2019).at("atop_defense_12"), kNa);
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 2022).at("gsdb_sanctions_12"), "0");
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 2023).at("gsdb_sanctions_12"), kNa);
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 2023).at("sipri_tiv_12"), "0");
  rows = Rows(PanelUnit::kStateYear, {1979, 1980}, {"TUR"});
  EXPECT_EQ(Find(rows, "TUR", "", 1979).at("dcad_signed"), kNa);
  EXPECT_EQ(Find(rows, "TUR", "", 1980).at("dcad_signed"), "0");
  // The curated record's years run from its first (1993) to its last dated fact (1996).
  rows = Rows(PanelUnit::kDyadYear, {1992, 1997}, {"KAZ"}, {"TUR"});
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 1992).at("curated_agreements_to_date"), kNa);
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 1993).at("curated_ventures"), "0");
  EXPECT_EQ(Find(rows, "KAZ", "TUR", 1997).at("curated_ventures"), kNa);
}

TEST_F(PanelTest, StatesTheCowSourcesCannotCodeAreNaThere) {
  auto rows = Rows(PanelUnit::kDyadYear, {1995, 1995}, {"PSE"}, {"TUR"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("cow1"), kNa);
  EXPECT_EQ(rows[0].at("dcad_signed"), kNa);
  EXPECT_EQ(rows[0].at("atop_defense_12"), kNa);
  EXPECT_EQ(rows[0].at("sipri_tiv_12"), "0");       // SIPRI covers every state
  EXPECT_EQ(rows[0].at("gsdb_sanctions_12"), "0");  // so does GSDB
  EXPECT_EQ(rows[0].at("curated_ventures"), kNa);   // the record never names Palestine
}

TEST_F(PanelTest, SovietUnionUntil1991ThenRussiaWithCode365) {
  auto rows = Rows(PanelUnit::kStateYear, {1990, 1992}, {"SUN", "RUS"});
  ASSERT_EQ(rows.size(), 4u);  // SUN 1990, 1991; RUS 1991, 1992
  EXPECT_EQ(Find(rows, "SUN", "", 1990).at("cow"), "365");
  EXPECT_EQ(Find(rows, "SUN", "", 1991).at("cow"), "365");
  EXPECT_EQ(Find(rows, "RUS", "", 1991).at("cow"), "365");
  EXPECT_EQ(Find(rows, "RUS", "", 1992).at("cow"), "365");
  EXPECT_EQ(Find(rows, "SUN", "", 1990).at("sipri_tiv_exports"), "7");
  EXPECT_EQ(Find(rows, "SUN", "", 1990).at("sipri_deliveries_out"), "1");
  // A state that ended before the panel's years has no row.
  EXPECT_TRUE(Rows(PanelUnit::kStateYear, {1991, 1995}, {"YAR"}).empty());
  auto yar = Rows(PanelUnit::kStateYear, {1990, 1990}, {"YAR"});
  ASSERT_EQ(yar.size(), 1u);
  EXPECT_EQ(yar[0].at("iso3"), kNa);  // no ISO code
  EXPECT_EQ(yar[0].at("cow"), "678");
}

TEST_F(PanelTest, StateYearTotalsIncludeNonStateCounterparts) {
  auto rows = Rows(PanelUnit::kStateYear, {1993, 1995}, {"TUR"});
  Row r1993 = Find(rows, "TUR", "", 1993);
  EXPECT_EQ(r1993.at("sipri_tiv_imports"), "2");  // from NATO
  EXPECT_EQ(r1993.at("sipri_tiv_exports"), "10");
  EXPECT_EQ(r1993.at("sipri_deliveries_in"), "1");
  EXPECT_EQ(r1993.at("sipri_orders_out"), "0");
  EXPECT_EQ(r1993.at("dcad_signed"), "1");
  Row r1994 = Find(rows, "TUR", "", 1994);
  EXPECT_EQ(r1994.at("sipri_tiv_exports_approx"), "1");
  EXPECT_EQ(r1994.at("sipri_orders_out"), "1");
  EXPECT_EQ(r1994.at("gsdb_sanctions_sent"), "1");
  EXPECT_EQ(r1994.at("gsdb_sanctions_received"), "0");
  EXPECT_EQ(r1994.at("curated_embargoes_targeted"), "1");  // one embargo, two imposers
  Row r1995 = Find(rows, "TUR", "", 1995);
  EXPECT_EQ(r1995.at("atop_defense_partners"), "1");
  EXPECT_EQ(r1995.at("atop_nonaggression_partners"), "0");
  auto kaz = Rows(PanelUnit::kStateYear, {1994, 1994}, {"KAZ"});
  EXPECT_EQ(kaz[0].at("gsdb_measures_received"), "arms|financial");
  EXPECT_EQ(kaz[0].at("curated_embargoes_imposed"), "1");
}

TEST_F(PanelTest, DirectedDyadsListBothOrdersUndirectedOnce) {
  EXPECT_EQ(Rows(PanelUnit::kDyadYear, {1995, 1995}).size(), 6u);  // TUR KAZ RUS PSE: 4*3/2
  auto directed = Rows(PanelUnit::kDirectedDyadYear, {1995, 1995});
  EXPECT_EQ(directed.size(), 12u);
  EXPECT_EQ(Find(directed, "TUR", "KAZ", 1995).at("atop_defense_12"), "1");
  EXPECT_EQ(Find(directed, "KAZ", "TUR", 1995).at("atop_defense_21"), "1");
  // Without --with, the lower id is side 1.
  auto undirected = Rows(PanelUnit::kDyadYear, {1995, 1995}, {"TUR", "KAZ"});
  ASSERT_EQ(undirected.size(), 1u);
  EXPECT_EQ(undirected[0].at("id1"), "KAZ");
}

TEST_F(PanelTest, SourcesLeftOutLeaveNoColumns) {
  inputs_.dcad = nullptr;
  inputs_.curated_record = false;
  Panel panel({PanelUnit::kDyadYear, {1995, 1995}, {}, {}}, inputs_);
  for (const PanelColumn& column : panel.columns()) {
    EXPECT_NE(column.name.rfind("dcad_", 0), 0u) << column.name;
    EXPECT_NE(column.name.rfind("curated_", 0), 0u) << column.name;
  }
}

TEST_F(PanelTest, CodebookDescribesEveryColumn) {
  for (PanelUnit unit : {PanelUnit::kStateYear, PanelUnit::kDyadYear}) {
    Panel panel({unit, {1990, 2000}, {}, {}}, inputs_);
    std::set<std::string> names;
    for (const PanelColumn& column : panel.columns()) {
      EXPECT_TRUE(names.insert(column.name).second) << "twice: " << column.name;
      EXPECT_FALSE(column.definition.empty()) << column.name;
      EXPECT_FALSE(column.unit.empty()) << column.name;
      EXPECT_FALSE(column.coverage.empty()) << column.name;
      std::string prefix = column.name.substr(0, column.name.find('_'));
      std::map<std::string, std::string> source = {{"sipri", "sipri-atdb"},
                                                   {"dcad", "kinne2020-dcad"},
                                                   {"atop", "atop-5.1"},
                                                   {"gsdb", "gsdb-v3"}};
      if (source.count(prefix)) {
        EXPECT_EQ(column.source, source[prefix]) << column.name;
      }
    }
    EXPECT_EQ(panel.columns().size(),
              unit == PanelUnit::kStateYear ? 5u + 8 + 8 + 5 + 3 + 5 : 9u + 8 + 8 + 10 + 4 + 5);
  }
  Panel panel({PanelUnit::kDyadYear, {1990, 2000}, {}, {}}, inputs_);
  for (const PanelColumn& column : panel.columns()) {
    if (column.name.rfind("sipri_", 0) == 0) {
      EXPECT_NE(column.coverage.find("1950-1995"), std::string::npos) << column.coverage;
    }
    if (column.name.rfind("dcad_", 0) == 0) {
      EXPECT_NE(column.coverage.find("1980-2010"), std::string::npos) << column.coverage;
    }
    if (column.name.rfind("atop_", 0) == 0) {
      EXPECT_NE(column.coverage.find("1815-2018"), std::string::npos) << column.coverage;
    }
  }
}

}  // namespace
}  // namespace defcoop::analysis
