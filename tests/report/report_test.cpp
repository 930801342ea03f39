// The brief as a whole on a small fixed data set: its outline against a golden file,
// nothing referenced outside the file, SIPRI's credit line, escaping of data text, and
// what the brief says when there is no SIPRI data.
#include "defcoop/report/report.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "defcoop/report/outline.h"
#include "small_dataset.h"

namespace defcoop::testing {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Render(const report::ReportData& data, const report::ReportOptions& options) {
  auto html = report::RenderReport(data, options);
  EXPECT_TRUE(html.ok()) << html.status().ToString();
  return html.ok() ? *html : "";
}

// Compares with tests/report/golden/NAME; DEFCOOP_UPDATE_GOLDEN=1 rewrites the file.
void ExpectGolden(const std::string& name, const std::string& actual) {
  std::string path = std::string(DEFCOOP_TEST_DIR) + "/golden/" + name;
  if (std::getenv("DEFCOOP_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << actual;
  EXPECT_EQ(ReadFile(path), actual)
      << "golden file " << path << " (DEFCOOP_UPDATE_GOLDEN=1 rewrites it)";
}

TEST(Report, OutlineOfTheSmallDataSetMatchesTheGoldenFile) {
  ExpectGolden("outline-small-en.txt",
               report::ExtractOutline(Render(SmallReportData(), SmallReportOptions())));
}

TEST(Report, OutlineWithoutSipriDataMatchesTheGoldenFile) {
  report::ReportData data = SmallReportData();
  data.transfers.clear();
  data.vintage.clear();
  ExpectGolden("outline-small-no-sipri.txt",
               report::ExtractOutline(Render(data, SmallReportOptions())));
}

TEST(Report, EveryLanguageHasTheSameStructure) {
  report::ReportOptions options = SmallReportOptions();
  std::string english = report::ExtractOutline(Render(SmallReportData(), options));
  for (const char* lang : {"tr", "kk", "ru"}) {
    options.lang = lang;
    EXPECT_EQ(report::ExtractOutline(Render(SmallReportData(), options)), english) << lang;
  }
}

TEST(Report, ReferencesNothingOutsideItself) {
  std::string html = Render(SmallReportData(), SmallReportOptions());
  EXPECT_EQ(report::ExternalReferences(html), std::vector<std::string>{});
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("href=\"data:text/csv;charset=utf-8;base64,"), std::string::npos);
}

TEST(Report, ExternalReferencesFindsLinksToOtherFiles) {
  std::string html =
      R"(<a href="#fn-1">1</a><img src="chart.png"><a href='https://x.org'>x</a>)"
      R"(<style>@import "a.css"; b { background: url(//cdn/x.png) }</style><a href="data:text/csv,a">)";
  EXPECT_EQ(report::ExternalReferences(html),
            (std::vector<std::string>{"chart.png", "https://x.org", "a.css", "//cdn/x.png"}));
}

TEST(Report, CreditsSipriWithTheVintage) {
  std::string html = Render(SmallReportData(), SmallReportOptions());
  EXPECT_NE(html.find("Information from the SIPRI Arms Transfers Database, vintage 2024-03-11."),
            std::string::npos);
}

TEST(Report, EscapesDataText) {
  std::string html = Render(SmallReportData(), SmallReportOptions());
  EXPECT_NE(html.find("Sanctions &amp; &lt;limits&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<limits>"), std::string::npos);
  EXPECT_EQ(html.find("<new>"), std::string::npos);
}

TEST(Report, SaysWhatIsMissingWithoutSipriData) {
  report::ReportData data = SmallReportData();
  data.transfers.clear();
  data.vintage.clear();
  std::string html = Render(data, SmallReportOptions());
  EXPECT_NE(html.find("No SIPRI register is in the store"), std::string::npos);
  EXPECT_EQ(html.find("chart-exports"), std::string::npos);
}

TEST(Report, IsTheSameOnEveryRun) {
  EXPECT_EQ(Render(SmallReportData(), SmallReportOptions()),
            Render(SmallReportData(), SmallReportOptions()));
}

TEST(Report, RejectsAnUnsupportedLanguage) {
  report::ReportOptions options = SmallReportOptions();
  options.lang = "de";
  auto html = report::RenderReport(SmallReportData(), options);
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().kind(), StatusKind::kUsage);
}

TEST(Report, FormatsNumbersForTheLanguage) {
  report::ReportOptions options = SmallReportOptions();
  options.lang = "tr";
  std::string html = Render(SmallReportData(), options);
  EXPECT_NE(html.find("$4.400.000.000"), std::string::npos);  // Turkish grouping
  EXPECT_NE(html.find("10 Mayıs 2022"), std::string::npos);
}

// With DCAD imported, the wave section lists the focus country's earlier agreements with
// its partners (and only those); without it, it says DCAD is missing.
TEST(Report, ListsEarlierAgreementsFromDcadOrSaysItIsMissing) {
  std::string without = Render(SmallReportData(), SmallReportOptions());
  EXPECT_NE(without.find("Defense Cooperation Agreement Dataset is not in the store"),
            std::string::npos);
  EXPECT_EQ(without.find("id=\"table-dcad\""), std::string::npos);
  report::ReportData data = SmallReportData();
  auto agreement = [](std::string id, std::string one, std::string two, Date signed_on) {
    DefenseCooperationAgreement a;
    a.dcad_id = std::move(id);
    a.actor1_id = std::move(one);
    a.actor2_id = std::move(two);
    a.signed_on = signed_on;
    a.categories = {"DCA"};
    return a;
  };
  data.dcas = {agreement("d-kaz", "TUR", "KAZ", {1994, 8, 8}),
               agreement("d-aze", "AZE", "TUR", {2000, 9, 20}),
               agreement("d-other", "TUR", "USA", {2001, 1, 1}),  // not a partner
               agreement("d-both", "AZE", "KAZ", {2004, 3, 1})};  // no focus country
  std::string html = Render(data, SmallReportOptions());
  EXPECT_NE(html.find("lists 2 defense cooperation agreements"), std::string::npos);
  EXPECT_NE(html.find("signed from 1994 to 2000"), std::string::npos);
  EXPECT_NE(html.find("d-kaz"), std::string::npos);
  EXPECT_NE(html.find("d-aze"), std::string::npos);
  EXPECT_EQ(html.find("d-other"), std::string::npos);
  EXPECT_EQ(html.find("d-both"), std::string::npos);
}

// With ATOP imported, the wave section lists the focus country's obligations towards its
// partners as spans of years; without it, it says ATOP is missing.
TEST(Report, ListsAllianceObligationsFromAtopOrSaysItIsMissing) {
  EXPECT_NE(Render(SmallReportData(), SmallReportOptions()).find("ATOP alliance data is not"),
            std::string::npos);
  report::ReportData data = SmallReportData();
  auto year = [](std::string one, std::string two, int y) {
    AllianceYear a;
    a.actor1_id = std::move(one);
    a.actor2_id = std::move(two);
    a.year = y;
    a.defense = true;
    return a;
  };
  data.alliances = {year("TUR", "AZE", 1994), year("TUR", "AZE", 1995), year("TUR", "AZE", 1997),
                    year("AZE", "TUR", 1994), year("TUR", "USA", 1994)};
  std::string html = Render(data, SmallReportOptions());
  ASSERT_NE(html.find("id=\"table-atop\""), std::string::npos);
  std::string table = html.substr(html.find("id=\"table-atop\""));
  table = table.substr(0, table.find("</table>"));
  EXPECT_NE(table.find("1994–1995"), std::string::npos) << table;
  EXPECT_NE(table.find("<td>1997</td>"), std::string::npos) << table;  // a gap ends a span
  EXPECT_EQ(table.find("United States"), std::string::npos);           // not a partner
}

// With GSDB imported, the embargo table names the cases that record each embargo.
TEST(Report, EmbargoTableNamesRecordingGsdbCasesOnlyWhenImported) {
  std::string without = Render(SmallReportData(), SmallReportOptions());
  EXPECT_EQ(without.find("<th>GSDB</th>"), std::string::npos);
  report::ReportData data = SmallReportData();
  auto sanction = [](int id, std::string sender, int begin, int end) {
    SanctionCase c;
    c.case_id = id;
    c.targets = c.target_ids = {"TUR"};
    c.senders = c.sender_ids = {std::move(sender)};
    c.begin = begin;
    c.end = end;
    c.types = {"financial"};
    return c;
  };
  // The embargo: USA on TUR from 2020-12-14, open-ended.
  data.sanctions = {sanction(1172, "USA", 2020, 2022), sanction(183, "USA", 1974, 1978),
                    sanction(1254, "GBR", 2021, 2022)};
  std::string html = Render(data, SmallReportOptions());
  EXPECT_NE(html.find("<th>GSDB</th>"), std::string::npos);
  EXPECT_NE(html.find("<td>1172</td>"), std::string::npos);
  EXPECT_EQ(html.find(">183<"), std::string::npos);   // other years
  EXPECT_EQ(html.find(">1254<"), std::string::npos);  // another imposer
  EXPECT_NE(html.find("Global Sanctions Data Base"), std::string::npos);
}

// Claims of quantities show their numbers in the brief's format; dates stay dates.
TEST(Report, FormatsClaimedQuantitiesButNotDates) {
  report::ReportData data = SmallReportData();
  Claim firms{"claim:firms",
              "Firms grew from 56 to 2,700.",
              "Results",
              "count",
              "table=indicators;metric=defense_industry_firms",
              "56|2700",
              "",
              "",
              {{"article2024", "p. 5"}}};
  Claim founded{"claim:founded",
                "Founded in 1973.",
                "Results",
                "date",
                "table=actors;ids=TUR;field=founded",
                "1973",
                "",
                "",
                {{"article2024", "p. 5"}}};
  data.curated.claims.push_back(firms);
  data.curated.claims.push_back(founded);
  report::ReportOptions options = SmallReportOptions();
  options.lang = "tr";
  std::string html = Render(data, options);
  EXPECT_NE(html.find("<td>56 \u2192 2.700</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>1973</td>"), std::string::npos);
  EXPECT_EQ(html.find("1.973"), std::string::npos);
}

}  // namespace
}  // namespace defcoop::testing
