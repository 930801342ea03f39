// The report's parts: messages in every language, HTML escaping and data: URIs,
// bibliography entries from CSL-JSON, and chart scales.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "actor_colour.h"
#include "chart_axes.h"
#include "citations.h"
#include "html.h"
#include "messages.h"

namespace defcoop::report {
namespace {

TEST(Messages, EveryKeyHasAllFourLanguages) {
  for (std::string_view key : MessageKeys()) {
    for (std::string_view lang : kLanguages)
      EXPECT_TRUE(HasMessage(key, lang)) << key << " " << lang;
  }
}

// Every indicator metric the shipped data uses has a name in every language of the brief
// (its first three CSV fields, id, actor and metric, are plain words).
TEST(Messages, EveryShippedIndicatorMetricHasANameInAllFourLanguages) {
  std::ifstream in(std::string(DEFCOOP_DATA_DIR) + "/indicators.csv");
  ASSERT_TRUE(in) << DEFCOOP_DATA_DIR;
  std::string line;
  std::getline(in, line);  // header
  int metrics = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string id, actor, metric;
    std::getline(fields, id, ',');
    std::getline(fields, actor, ',');
    std::getline(fields, metric, ',');
    ++metrics;
    for (std::string_view lang : kLanguages)
      EXPECT_TRUE(HasMessage("metric_" + metric, lang)) << metric << " " << lang;
  }
  EXPECT_GT(metrics, 20);
}

// The brief's actor colours are the dashboard's: web/test/unit/actor-colour.test.js reads
// the same expected pairs.
TEST(ActorColour, EveryIdHasTheColourTheDashboardGivesIt) {
  std::ifstream in(std::string(DEFCOOP_TEST_DIR) + "/actor_colours_expected.csv");
  ASSERT_TRUE(in) << DEFCOOP_TEST_DIR;
  std::string line;
  int pairs = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line == "id,colour") continue;
    size_t comma = line.find(',');
    ASSERT_NE(comma, std::string::npos) << line;
    EXPECT_EQ(ActorColour(line.substr(0, comma)), line.substr(comma + 1)) << line;
    ++pairs;
  }
  EXPECT_GE(pairs, 11);
}

TEST(ActorColour, Fnv1aOfKnownStrings) {
  EXPECT_EQ(Fnv1a32(""), 0x811c9dc5u);  // the offset basis
  EXPECT_EQ(Fnv1a32("a"), 0xe40c292cu);
}

TEST(ActorColour, StackedAreasAndTheirLegendTakeTheSeriesColour) {
  Formatter format("en");
  ChartText text{"chart-shares", "Shares", "year", "share"};
  std::vector<StackedSeries> series{{"Russia", {0.6, 0.5}, ActorColour("RUS")},
                                    {"Others", {0.4, 0.5}, OtherColour()}};
  std::string svg = StackedAreaChart(text, {2020, 2021}, series, format).svg;
  EXPECT_NE(svg.find("<polygon fill=\"" + ActorColour("RUS") + "\""), std::string::npos);
  EXPECT_NE(svg.find("fill=\"" + OtherColour() + "\""), std::string::npos);
  EXPECT_EQ(svg.find(std::string(chart::Colour(0))), std::string::npos) << "no colour by position";
}

TEST(Messages, FillsPositionalArguments) {
  EXPECT_EQ(Msg("vintage", "en", {"2024-03-11"}), "vintage 2024-03-11");
  EXPECT_EQ(Msg("no such key", "en"), "no such key");
}

TEST(Html, EscapesEverySpecialCharacter) {
  EXPECT_EQ(Escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
}

TEST(Html, Base64MatchesRfc4648) {
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foobar"), "Zm9vYmFy");
}

TEST(Html, QuotesCsvFieldsThatNeedIt) {
  EXPECT_EQ(CsvLine({"a,b", "c\"d", "e"}), "\"a,b\",\"c\"\"d\",e\r\n");
}

TEST(Citations, FormatsAJournalArticleApaLike) {
  Formatter format("en");
  Source source{
      "a", "article-journal", "A title",
      R"({"author":[{"family":"Bazarbayev","given":"Kanat"},{"family":"Zhanaltay","given":"Zhengizkhan"},{"family":"Amirbek","given":"Aidarbek"}],"issued":{"date-parts":[[2024]]},"container-title":"Journal","volume":"3","issue":"1","page":"1-20"})"};
  Reference reference = FormatReference(source, format);
  EXPECT_EQ(reference.entry_html,
            "Bazarbayev, K., Zhanaltay, Z., &amp; Amirbek, A. (2024). A title. <i>Journal</i>, "
            "<i>3</i>(1), 1-20. ");
  EXPECT_EQ(reference.short_cite, "Bazarbayev et al. (2024)");
}

TEST(Citations, PrintsUrlsWithTheAccessDateButDoesNotLinkThem) {
  Formatter format("en");
  Source source{
      "w", "webpage", "Page",
      R"({"author":[{"literal":"Akorda"}],"URL":"https://x.kz/a","accessed":{"date-parts":[[2023,10,1]]}})"};
  Reference reference = FormatReference(source, format);
  EXPECT_EQ(reference.entry_html,
            "Akorda. (n.d.). <i>Page.</i> <span class=\"url\">https://x.kz/a</span> (accessed "
            "October 1, 2023).");
}

// Regression: a list CSL-JSON cuts short with {"literal": "et al."} printed
// "Felbermayr, G. & et al.", and an entry without an author began with its year.
TEST(Citations, AListCutShortEndsEtAlWithoutAnAmpersand) {
  Formatter format("en");
  Source source{"g", "dataset", "GSDB",
                R"({"author":[{"family":"Felbermayr","given":"Gabriel"},{"literal":"et al."}],)"
                R"("issued":{"date-parts":[[2020]]}})"};
  Reference reference = FormatReference(source, format);
  EXPECT_EQ(reference.entry_html, "Felbermayr, G., et al. (2020). <i>GSDB.</i> ");
  EXPECT_EQ(reference.short_cite, "Felbermayr et al. (2020)");
}

TEST(Citations, WithoutAnAuthorTheTitleComesBeforeTheYear) {
  Formatter format("en");
  Source source{"n", "article-newspaper", "Drills begin",
                R"({"issued":{"date-parts":[[2021]]},"container-title":"Trend"})"};
  EXPECT_EQ(FormatReference(source, format).entry_html,
            "Drills begin. (2021). <i>Trend</i>. ");
}

TEST(Citations, NumbersFootnotesInOrderAndListsOnlyCitedSources) {
  Formatter format("en");
  Citations cites({{"a", "book", "A", "{}"}, {"b", "book", "B", "{}"}}, format);
  EXPECT_NE(cites.Cite({{"a", "p. 1"}}).find(">1</a>"), std::string::npos);
  EXPECT_NE(cites.Cite({{"missing", ""}}).find(">2</a>"), std::string::npos);
  std::string bibliography = cites.BibliographyHtml();
  EXPECT_NE(bibliography.find("id=\"ref-a\""), std::string::npos);
  EXPECT_EQ(bibliography.find("id=\"ref-b\""), std::string::npos);
  EXPECT_NE(cites.FootnotesHtml().find("missing."), std::string::npos);
}

TEST(Citations, ReusesTheNumberOfAnIdenticalNote) {
  Formatter format("en");
  Citations cites({{"a", "book", "A", "{}"}, {"b", "book", "B", "{}"}}, format);
  std::string first = cites.Cite({{"a", "p. 1"}});
  std::string other = cites.Cite({{"b", ""}});
  std::string again = cites.Cite({{"a", "p. 1"}, {"a", "p. 1"}});  // the same note
  std::string another_page = cites.Cite({{"a", "p. 2"}});
  EXPECT_NE(first.find("id=\"fnref-1\""), std::string::npos) << first;
  EXPECT_NE(other.find(">2</a>"), std::string::npos) << other;
  EXPECT_NE(again.find("href=\"#fn-1\""), std::string::npos) << again;
  EXPECT_EQ(again.find("id="), std::string::npos) << again;  // ids stay unique
  EXPECT_NE(another_page.find(">3</a>"), std::string::npos) << another_page;
  EXPECT_EQ(cites.footnote_count(), 3);
}

TEST(Charts, NiceTicksAreRound) {
  EXPECT_EQ(chart::NiceTicks(0, 1000, 5), (std::vector<double>{0, 200, 400, 600, 800, 1000}));
  EXPECT_EQ(chart::NiceMax(2840), 3000);
}

TEST(Charts, EmbedTheirDataAsCsv) {
  Formatter format("en");
  Chart chart =
      LineChart({"chart-x", "T", "Year", "TIV"}, {{"A", {{2020, 1}, {2021, 2.5}}, false}}, format);
  EXPECT_EQ(chart.csv, "Year,A\r\n2020,1\r\n2021,2.5\r\n");
  EXPECT_NE(chart.svg.find("<title id=\"chart-x-title\">T</title>"), std::string::npos);
}

}  // namespace
}  // namespace defcoop::report
