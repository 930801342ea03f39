#include "small_dataset.h"

namespace defcoop::testing {
namespace {

Source CslSource(std::string id, std::string type, std::string title, std::string json) {
  return {id, type, title, json};
}

Transfer Deal(std::string supplier, std::string recipient,
              std::vector<std::pair<int, double>> deliveries) {
  Transfer transfer;
  transfer.supplier_id = transfer.supplier_name = supplier;
  transfer.recipient_id = transfer.recipient_name = recipient;
  transfer.designation = "Test system";
  transfer.status = "new";
  for (const auto& [year, tiv] : deliveries)
    transfer.deliveries.push_back({year, 1, tiv, false, false, false});
  return transfer;
}

}  // namespace

report::ReportData SmallReportData() {
  report::ReportData data;
  Dataset& d = data.curated;
  d.sources = {
      CslSource(
          "article2024", "article-journal", "A <new> frontier",
          R"({"id":"article2024","type":"article-journal","title":"A <new> frontier","author":[{"family":"Bazarbayev","given":"Kanat"},{"family":"Amirbek","given":"Aidarbek"}],"issued":{"date-parts":[[2024]]},"container-title":"Journal of Tests","volume":"3","issue":"1","page":"1-20"})"),
      CslSource(
          "news2022", "webpage", "Agreement signed",
          R"({"id":"news2022","type":"webpage","title":"Agreement signed","author":[{"literal":"Akorda"}],"issued":{"date-parts":[[2022,5,10]]},"URL":"https://example.org/a","accessed":{"date-parts":[[2023,10,1]]}})"),
      CslSource(
          "sipri-atdb", "dataset", "SIPRI Arms Transfers Database",
          R"({"id":"sipri-atdb","type":"dataset","title":"SIPRI Arms Transfers Database","author":[{"literal":"Stockholm International Peace Research Institute"}]})"),
  };
  for (const char* id : {"TUR", "KAZ", "AZE", "USA", "RUS"})
    d.actors.push_back({id, ActorKind::kState, id, "", {}, {}, "", {}});
  d.actors[0].name = "Türkiye";
  d.actors[1].name = "Kazakhstan";
  d.actors[2].name = "Azerbaijan";
  d.actors[3].name = "United States";
  d.actors[4].name = "Russia";
  d.agreements = {
      {"agr:kaz-2022",
       Date{2022, 5, 10},
       {"KAZ", "TUR"},
       "strategic_partnership",
       "KAZ–TUR partnership",
       "signed",
       "",
       {{"news2022", ""}, {"article2024", "p. 7"}}},
      {"agr:aze-2021",
       Date{2021, 6, 15},
       {"AZE", "TUR"},
       "military_cooperation",
       "Shusha Declaration",
       "signed",
       "",
       {{"article2024", "p. 8"}}},
  };
  d.events = {{"event:invasion",
               Date{2022, 2, 24},
               std::nullopt,
               "invasion",
               {"RUS"},
               "Invasion",
               "",
               {{"article2024", ""}}}};
  Embargo embargo;
  embargo.id = "emb:usa-2020";
  embargo.imposers = {"USA"};
  embargo.target = "TUR";
  embargo.scope = "listed_items";
  embargo.start = Date{2020, 12, 14};
  embargo.title = "Sanctions & <limits>";
  embargo.sources = {{"article2024", "p. 5"}};
  d.embargoes = {embargo};
  d.indicators = {{"ind:exports-2022",
                   "TUR",
                   "defense_exports",
                   "2022",
                   4.4e9,
                   "usd",
                   true,
                   "",
                   {{"article2024", "p. 4"}}}};
  d.claims = {{"claim:wave",
               "More agreements after the invasion.",
               "Results",
               "shock_test",
               "date=2022-02-24;window=12m;actors=TUR|KAZ|AZE;type=agreement",
               "increase",
               "",
               "",
               {{"article2024", "p. 9"}}}};
  data.transfers = {
      Deal("TUR", "AZE", {{2018, 40}, {2020, 120}, {2021, 60}}), Deal("TUR", "KAZ", {{2022, 30}}),
      Deal("RUS", "KAZ", {{2015, 200}, {2016, 150}, {2019, 90}}),
      Deal("USA", "TUR", {{2015, 300}, {2017, 100}}), Deal("RUS", "AZE", {{2015, 80}, {2016, 60}})};
  data.vintage = "2024-03-11";
  return data;
}

report::ReportOptions SmallReportOptions() {
  report::ReportOptions options;
  options.focus = "TUR";
  options.partners = {"AZE", "KAZ"};
  options.years = {2015, 2022};
  options.lang = "en";
  return options;
}

}  // namespace defcoop::testing
