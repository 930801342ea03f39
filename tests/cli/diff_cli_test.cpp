// `defcoop diff` end to end, and `--vintage` on every SIPRI-based command: the real binary
// on hand-made registers (tests/cli/fixtures/diff, invented records in SIPRI's two
// layouts) and on two real releases in ../shared/data (2025: 13 Mar 2025, 2026: 18 May
// 2026), read again here from the raw files to check what diff says.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "run_defcoop.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(DEFCOOP_TEST_DIR) + "/fixtures/diff";
const std::string kSipri = std::string(DEFCOOP_SHARED_DATA_DIR) + "/sipri";
const std::string kRegister2025 =
    kSipri + "/ColasDroin__SIPRI_arms_transfers_analysis/trade-register.csv";
const std::string kRegister2026 = kSipri + "/alexarui__network-analysis/trade-register.csv";

nlohmann::json JsonOf(const CommandResult& result, const std::string& args) {
  EXPECT_EQ(result.exit_code, 0) << args << ": " << result.err;
  return result.exit_code == 0 ? nlohmann::json::parse(result.out) : nlohmann::json::object();
}

// A recipient's row reconciles: before + added - removed + changed + ambiguous = after.
void ExpectReconciles(const nlohmann::json& row) {
  double rebuilt = row["before"].get<double>() + row["added"].get<double>() -
                   row["removed"].get<double>() + row["changed"].get<double>() +
                   row["ambiguous"].get<double>();
  EXPECT_NEAR(rebuilt, row["after"].get<double>(), 1e-6) << row.dump();
}

const nlohmann::json* RowWhere(const nlohmann::json& rows, const std::string& key,
                               const nlohmann::json& value) {
  for (const auto& row : rows) {
    if (row[key] == value) return &row;
  }
  return nullptr;
}

class DiffFixtureTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("defcoop-diff-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "t.db").string();
    ASSERT_EQ(RunDefcoop("init", db_).exit_code, 0);
    CommandResult imported = RunDefcoop("import sipri '" + kFixtures + "/old-2031.csv' '" +
                                            kFixtures + "/old-2032.csv' '" + kFixtures +
                                            "/new-2031.csv' '" + kFixtures + "/new-2032.csv'",
                                        db_);
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static nlohmann::json Json(const std::string& args) {
    return JsonOf(RunDefcoop("--format json " + args, db_), args);
  }

  static inline fs::path dir_;
  static inline std::string db_;
};

TEST_F(DiffFixtureTest, ListsAddedRemovedChangedAndAmbiguousDealsByKey) {
  auto json = Json("diff --from 2031-03-01 --to 2032-03-01");
  EXPECT_EQ(json["meta"]["match"], "key");
  EXPECT_EQ(json["meta"]["deals"]["added"], 3);
  EXPECT_EQ(json["meta"]["deals"]["removed"], 1);
  EXPECT_EQ(json["meta"]["deals"]["changed"], 2);
  EXPECT_EQ(json["meta"]["deals"]["unchanged"], 3);  // Cobra, and the two identical TB2
  EXPECT_EQ(json["meta"]["deals"]["rekeyed"], 1);
  EXPECT_EQ(json["meta"]["deals"]["ambiguous_groups"], 1);
  EXPECT_EQ(json["meta"]["deals"]["ambiguous_records_before"], 1);
  EXPECT_EQ(json["meta"]["deals"]["ambiguous_records_after"], 2);
  const auto& rows = json["rows"];
  ASSERT_EQ(rows.size(), 8u);  // unchanged deals are not listed

  const auto* kirpi = RowWhere(rows, "designation", "Kirpi");
  ASSERT_NE(kirpi, nullptr);
  EXPECT_EQ((*kirpi)["change"], "rekeyed");
  EXPECT_EQ((*kirpi)["match"], "figures");
  EXPECT_EQ((*kirpi)["revisions"], nlohmann::json::array({"designation: Kirpi -> Kirpi-2"}));
  EXPECT_EQ((*kirpi)["revision"], 0);

  const auto* hermes = RowWhere(rows, "designation", "Hermes-450");
  ASSERT_NE(hermes, nullptr);
  EXPECT_EQ((*hermes)["change"], "changed");
  EXPECT_EQ((*hermes)["tiv_before"], 10);
  EXPECT_EQ((*hermes)["tiv_after"], 15);
  std::set<std::string> revised;
  for (const auto& revision : (*hermes)["revisions"]) revised.insert(revision.get<std::string>());
  EXPECT_EQ(revised,
            (std::set<std::string>{"number_delivered: 4 -> 6", "delivery_years: 2013 -> 2013;2014",
                                   "tiv_delivered: 10 -> 15", "number_ordered: 4 -> 6",
                                   "tiv_order: 10 -> 15"}));

  const auto* boat = RowWhere(rows, "designation", "Dearsan patrol boat");
  ASSERT_NE(boat, nullptr);
  EXPECT_EQ((*boat)["revisions"][0], "status: new -> second_hand");
  EXPECT_EQ((*boat)["revision"], -12);

  const auto* anka = RowWhere(rows, "designation", "Anka");
  ASSERT_NE(anka, nullptr);
  EXPECT_EQ((*anka)["change"], "ambiguous");
  EXPECT_EQ((*anka)["lines_before"], "9");
  EXPECT_EQ((*anka)["lines_after"], "8, 9");
  EXPECT_EQ((*anka)["revision"], 5);

  const auto* mi17 = RowWhere(rows, "designation", "Mi-17");
  ASSERT_NE(mi17, nullptr);
  EXPECT_EQ((*mi17)["change"], "removed");
  EXPECT_EQ((*mi17)["tiv_before"], 6);

  int added_tb2 = 0;
  for (const auto& row : rows) {
    if (row["designation"] != "Bayraktar TB2") continue;
    EXPECT_EQ(row["change"], "added") << row.dump();
    ++added_tb2;
  }
  // The third Azerbaijani record (after the two identical ones paired), the Kazakh order
  // with no delivery yet and the Turkmen deal.
  EXPECT_EQ(added_tb2, 3);
}

TEST_F(DiffFixtureTest, TotalsPerRecipientReconcileAndMatchTivOfEachRelease) {
  auto json = Json("diff --from 2031-03-01 --to 2032-03-01 --by recipient");
  std::map<std::string, std::pair<double, double>> expected = {
      {"AZE", {32, 49}}, {"KAZ", {21, 20}}, {"TKM", {20, 14}}, {"GEO", {2.5, 2.5}}};
  ASSERT_EQ(json["rows"].size(), expected.size());
  for (const auto& row : json["rows"]) {
    ExpectReconciles(row);
    const auto& [before, after] = expected.at(row["recipient"].get<std::string>());
    EXPECT_DOUBLE_EQ(row["before"].get<double>(), before) << row.dump();
    EXPECT_DOUBLE_EQ(row["after"].get<double>(), after) << row.dump();
    // The same totals as `tiv` gives on each release alone.
    for (const auto& [vintage, total] :
         {std::pair{"2031-03-01", before}, std::pair{"2032-03-01", after}}) {
      auto tiv = Json("tiv --by recipient --recipient " + row["recipient"].get<std::string>() +
                      " --vintage " + vintage);
      ASSERT_EQ(tiv["rows"].size(), 1u);
      EXPECT_DOUBLE_EQ(tiv["rows"][0]["tiv"].get<double>(), total);
    }
  }
  const auto* kaz = RowWhere(json["rows"], "recipient", "KAZ");
  ASSERT_NE(kaz, nullptr);
  EXPECT_EQ((*kaz)["removed"], 6);
  EXPECT_EQ((*kaz)["ambiguous"], 5);
  EXPECT_NEAR((*kaz)["share"].get<double>(), -1.0 / 21, 1e-12);
  EXPECT_EQ(json["meta"]["total"]["before"], 75.5);
  EXPECT_EQ(json["meta"]["total"]["after"], 85.5);
  EXPECT_EQ(json["meta"]["total"]["reconciles"], true);
}

TEST_F(DiffFixtureTest, ByYearSplitsOldFormatDeliveriesAndSaysSo) {
  auto json = Json("diff --from 2031-03-01 --to 2032-03-01 --by year --recipient Azerbaijan");
  const auto* y2014 = RowWhere(json["rows"], "year", 2014);
  ASSERT_NE(y2014, nullptr);
  EXPECT_EQ((*y2014)["before"], 0);
  EXPECT_EQ((*y2014)["after"], 7.5);  // 15 over 2013 and 2014
  EXPECT_EQ((*y2014)["approximate"], true);
  EXPECT_EQ((*y2014)["share"], nullptr);  // nothing before: no share
  EXPECT_EQ(json["meta"]["approximate"], true);
  for (const auto& row : json["rows"]) ExpectReconciles(row);
}

TEST_F(DiffFixtureTest, MatchesByDealIdWhenBothRegistersCarryIt) {
  auto json = Json("diff --from 2031-03-02 --to 2032-03-02");
  EXPECT_EQ(json["meta"]["match"], "deal_id");
  const auto& rows = json["rows"];
  ASSERT_EQ(rows.size(), 3u);
  const auto* renamed = RowWhere(rows, "deal_id", "102");
  ASSERT_NE(renamed, nullptr);
  EXPECT_EQ((*renamed)["change"], "changed");  // a new designation: by key it would be two deals
  EXPECT_EQ((*renamed)["revisions"][0], "designation: Hermes-450 -> Hermes-450B");
  EXPECT_EQ((*renamed)["revision"], 5);
  EXPECT_EQ((*RowWhere(rows, "deal_id", "103"))["change"], "removed");
  EXPECT_EQ((*RowWhere(rows, "deal_id", "104"))["change"], "added");
  EXPECT_EQ(json["meta"]["deals"]["unchanged"], 1);
}

TEST_F(DiffFixtureTest, FiltersThroughNameAndGroupResolution) {
  // OTS counts its members (Azerbaijan, Kazakhstan), not its observer Turkmenistan.
  auto group = Json("diff --from 2031-03-01 --to 2032-03-01 --recipient OTS --by recipient");
  std::set<std::string> recipients;
  for (const auto& row : group["rows"]) recipients.insert(row["recipient"].get<std::string>());
  EXPECT_EQ(recipients, (std::set<std::string>{"AZE", "KAZ"}));
  auto by_name =
      Json("diff --from 2031-03-01 --to 2032-03-01 --recipient Қазақстан --by recipient");
  ASSERT_EQ(by_name["rows"].size(), 1u);
  EXPECT_EQ(by_name["rows"][0]["recipient"], "KAZ");
  auto supplier = Json("diff --from 2031-03-01 --to 2032-03-01 --supplier Israel");
  ASSERT_EQ(supplier["rows"].size(), 1u);
  EXPECT_EQ(supplier["rows"][0]["designation"], "Hermes-450");
}

TEST_F(DiffFixtureTest, RecordsBothReleasesFilesHashesAndVersion) {
  auto json = Json("diff --from 2031-03-01 --to 2032-03-01 --by supplier");
  EXPECT_EQ(json["meta"]["vintage"], "2031-03-01 to 2032-03-01");
  EXPECT_EQ(json["meta"]["credit"], "Information from the SIPRI Arms Transfers Database");
  ASSERT_EQ(json["meta"]["from"]["files"].size(), 1u);
  EXPECT_EQ(json["meta"]["from"]["files"][0]["path"], kFixtures + "/old-2031.csv");
  EXPECT_EQ(json["meta"]["from"]["files"][0]["content_hash"].get<std::string>().rfind("data1:", 0),
            0u);
  EXPECT_NE(json["meta"]["from"]["files"][0]["content_hash"],
            json["meta"]["to"]["files"][0]["content_hash"]);
  EXPECT_FALSE(json["meta"]["defcoop_version"].get<std::string>().empty());
  CommandResult csv = RunDefcoop("--format csv diff --from 2031-03-01 --to 2032-03-01", db_);
  EXPECT_EQ(csv.out.rfind("# Information from the SIPRI Arms Transfers Database (vintage "
                          "2031-03-01 to 2032-03-01)\n",
                          0),
            0u)
      << csv.out;
}

TEST_F(DiffFixtureTest, UnknownVintageOrGroupingIsAUsageError) {
  CommandResult unknown = RunDefcoop("diff --from 2031-03-01 --to 2040-01-01", db_);
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no SIPRI register of vintage '2040-01-01' (registers: 2031-03-01"),
            std::string::npos)
      << unknown.err;
  CommandResult by = RunDefcoop("diff --from 2031-03-01 --to 2032-03-01 --by dyad", db_);
  EXPECT_EQ(by.exit_code, 2);
  EXPECT_NE(by.err.find("unknown --by 'dyad'"), std::string::npos) << by.err;
}

// Item 3 of issue 15: every command that reads SIPRI data takes --vintage, answers from
// that vintage (meta.vintage) and refuses one the store does not hold.
TEST_F(DiffFixtureTest, EverySipriCommandAcceptsVintage) {
  const std::string out = (dir_ / "brief.html").string();
  const std::vector<std::string> commands = {"tiv --recipient Azerbaijan",
                                             "suppliers Azerbaijan",
                                             "exports Turkiye",
                                             "periods imports:Azerbaijan",
                                             "shift Azerbaijan",
                                             "embargoes",
                                             "network",
                                             "claims",
                                             "report --out '" + out + "'"};
  for (const std::string& command : commands) {
    for (const char* vintage : {"2031-03-01", "2032-03-01"}) {
      auto json = Json(command + " --vintage " + vintage);
      EXPECT_EQ(json["meta"]["vintage"], vintage) << command;
    }
    CommandResult unknown = RunDefcoop(command + " --vintage 2040-01-01", db_);
    EXPECT_EQ(unknown.exit_code, 2) << command << ": " << unknown.err;
    EXPECT_NE(unknown.err.find("2040-01-01"), std::string::npos) << command << ": " << unknown.err;
  }
}

TEST_F(DiffFixtureTest, BriefRecordsItsFilesHashesAndVersion) {
  const std::string out = (dir_ / "brief-files.html").string();
  auto json = Json("report --vintage 2031-03-01 --out '" + out + "'");
  ASSERT_EQ(json["meta"]["files"].size(), 1u);  // only the files of the vintage it read
  const auto& file = json["meta"]["files"][0];
  EXPECT_EQ(file["vintage"], "2031-03-01");
  EXPECT_EQ(file["path"], kFixtures + "/old-2031.csv");
  std::string version = json["meta"]["defcoop_version"];
  std::string html = ReadText(out);
  EXPECT_NE(html.find("defcoop " + version), std::string::npos);
  EXPECT_NE(html.find("<code>old-2031.csv</code> <code>" + file["content_hash"].get<std::string>() +
                      "</code>"),
            std::string::npos);
  EXPECT_EQ(html.find("old-2032.csv"), std::string::npos);
}

// ---- two real releases ---------------------------------------------------------------

// An old-format register read here without defcoop's reader: lines after the header,
// fields split on ',' (SIPRI never quotes; commas in text are ';'), a line with too few
// fields joined with the next (a newline inside Comments), as SOURCES.md describes.
struct RawDeal {
  std::string recipient, supplier, order_year, designation;
  double tiv_delivered = 0;
};

std::vector<RawDeal> ReadRawRegister(const std::string& path) {
  std::istringstream text(ReadText(path));
  std::string line;
  while (std::getline(text, line) && line.rfind("Recipient,Supplier,Year of order", 0) != 0) {
  }
  std::vector<RawDeal> deals;
  std::vector<std::string> fields;
  while (std::getline(text, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() && fields.empty()) continue;
    std::vector<std::string> parts;
    std::stringstream split(line);
    std::string part;
    while (std::getline(split, part, ',')) {
      size_t first = part.find_first_not_of(' ');
      size_t last = part.find_last_not_of(' ');
      parts.push_back(first == std::string::npos ? "" : part.substr(first, last - first + 1));
    }
    if (!line.empty() && line.back() == ',') parts.push_back("");
    if (fields.empty()) {
      fields = parts;
    } else {  // a continuation: its first field ends the previous line's last
      fields.back() += " " + parts.front();
      fields.insert(fields.end(), parts.begin() + 1, parts.end());
    }
    if (fields.size() < 16) continue;
    RawDeal deal{fields[0], fields[1], fields[2], fields[6]};
    deal.tiv_delivered = fields[15].empty() ? 0 : std::stod(fields[15]);
    deals.push_back(deal);
    fields.clear();
  }
  return deals;
}

using RawKey = std::tuple<std::string, std::string, std::string, std::string>;

class DiffRealTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kRegister2025) || !fs::exists(kRegister2026)) return;
    dir_ = fs::temp_directory_path() / ("defcoop-diff-real-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "t.db").string();
    ASSERT_EQ(RunDefcoop("init", db_).exit_code, 0);
    CommandResult imported =
        RunDefcoop("import sipri '" + kRegister2025 + "' '" + kRegister2026 + "'", db_);
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    raw_2025_ = ReadRawRegister(kRegister2025);
    raw_2026_ = ReadRawRegister(kRegister2026);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  void SetUp() override {
    if (!fs::exists(kRegister2025)) GTEST_SKIP() << "no SIPRI data at " << kSipri;
  }

  static nlohmann::json Json(const std::string& args) {
    return JsonOf(RunDefcoop("--format json " + args, db_), args);
  }

  static double RawTotal(const std::vector<RawDeal>& deals, const std::string& recipient) {
    double total = 0;
    for (const RawDeal& deal : deals) total += deal.recipient == recipient ? deal.tiv_delivered : 0;
    return total;
  }

  // Deals of `recipient` whose key appears once in `deals`.
  static std::map<RawKey, const RawDeal*> UniqueKeys(const std::vector<RawDeal>& deals,
                                                     const std::string& recipient) {
    std::map<RawKey, int> count;
    std::map<RawKey, const RawDeal*> unique;
    for (const RawDeal& deal : deals) {
      if (deal.recipient != recipient) continue;
      RawKey key{deal.supplier, deal.recipient, deal.designation, deal.order_year};
      if (++count[key] == 1) unique[key] = &deal;
    }
    std::erase_if(unique, [&](const auto& entry) { return count[entry.first] > 1; });
    return unique;
  }

  static inline fs::path dir_;
  static inline std::string db_;
  static inline std::vector<RawDeal> raw_2025_;
  static inline std::vector<RawDeal> raw_2026_;
};

TEST_F(DiffRealTest, EveryRecipientReconcilesAndMatchesTheRawFiles) {
  auto json = Json("diff --from 2025-03-13 --to 2026-05-18 --by recipient");
  EXPECT_EQ(json["meta"]["match"], "key");  // old-format registers carry no deal id
  EXPECT_EQ(json["meta"]["total"]["reconciles"], true);
  ASSERT_GT(json["rows"].size(), 150u);
  for (const auto& row : json["rows"]) ExpectReconciles(row);
  // SIPRI spelling, defcoop id.
  for (const auto& [name, id] :
       std::vector<std::pair<std::string, std::string>>{{"Azerbaijan", "AZE"},
                                                        {"Kazakhstan", "KAZ"},
                                                        {"Turkiye", "TUR"},
                                                        {"India", "IND"},
                                                        {"Ukraine", "UKR"},
                                                        {"Saudi Arabia", "SAU"}}) {
    const auto* row = RowWhere(json["rows"], "recipient", id);
    ASSERT_NE(row, nullptr) << id;
    EXPECT_NEAR((*row)["before"].get<double>(), RawTotal(raw_2025_, name), 1e-6) << name;
    EXPECT_NEAR((*row)["after"].get<double>(), RawTotal(raw_2026_, name), 1e-6) << name;
  }
  double before = 0;
  double after = 0;
  for (const RawDeal& deal : raw_2025_) before += deal.tiv_delivered;
  for (const RawDeal& deal : raw_2026_) after += deal.tiv_delivered;
  EXPECT_NEAR(json["meta"]["total"]["before"].get<double>(), before, 1e-6);
  EXPECT_NEAR(json["meta"]["total"]["after"].get<double>(), after, 1e-6);
}

// Deals whose key is unique in both files and whose delivered TIV differs are changed, by
// exactly that difference; deals of a designation and order year the recipient did not
// have in the 2025 file are added.
TEST_F(DiffRealTest, DealsRevisedInTheRawFilesAreListedWithTheirRevision) {
  for (const auto& [recipient, query] : std::vector<std::pair<std::string, std::string>>{
           {"Azerbaijan", "Azerbaijan"}, {"Turkiye", "Türkiye"}, {"Ukraine", "Ukraine"}}) {
    auto json = Json("diff --from 2025-03-13 --to 2026-05-18 --recipient '" + query + "'");
    auto before = UniqueKeys(raw_2025_, recipient);
    auto after = UniqueKeys(raw_2026_, recipient);
    int checked_changed = 0;
    int checked_added = 0;
    for (const auto& [key, deal] : after) {
      const auto& [supplier, r, designation, order_year] = key;
      auto was = before.find(key);
      bool revised =
          was != before.end() && std::fabs(was->second->tiv_delivered - deal->tiv_delivered) > 1e-9;
      // Added: nothing of that designation and order year went to the recipient in 2025,
      // from any supplier (SIPRI respelled some: 'UAE' became 'United Arab Emirates').
      // Named copies: clang 14 cannot capture structured bindings in a lambda.
      const auto& to = recipient;
      const auto& named = designation;
      const auto& ordered = order_year;
      bool added = std::none_of(raw_2025_.begin(), raw_2025_.end(), [&](const RawDeal& d) {
        return d.recipient == to && d.designation == named && d.order_year == ordered;
      });
      if (!revised && !added) continue;
      const nlohmann::json* found = nullptr;
      for (const auto& row : json["rows"]) {
        // A re-keyed row names the 2025 key and lists the 2026 one among its revisions.
        auto revised_to = [&](const std::string& field, const std::string& value) {
          for (const auto& text : row["revisions"]) {
            std::string revision = text;
            if (revision.rfind(field + ": ", 0) == 0 && revision.size() >= value.size() + 4 &&
                revision.compare(revision.size() - value.size() - 4, std::string::npos,
                                 " -> " + value) == 0) {
              return true;
            }
          }
          return false;
        };
        bool same_year = (order_year.empty() ? row["order_year"].is_null()
                                             : row["order_year"] == std::stoi(order_year)) ||
                         revised_to("order_year", order_year);
        bool same_designation =
            row["designation"] == designation || revised_to("designation", designation);
        if (same_designation && same_year &&
            std::fabs(row["tiv_after"].get<double>() - deal->tiv_delivered) < 1e-9) {
          found = &row;
        }
      }
      ASSERT_NE(found, nullptr) << recipient << " " << supplier << " " << designation << " "
                                << order_year;
      if (!revised && (*found)["change"] == "rekeyed") {  // a new designation, the same figures
        EXPECT_EQ((*found)["tiv_before"], (*found)["tiv_after"]) << found->dump();
        continue;
      }
      EXPECT_EQ((*found)["change"], revised ? "changed" : "added") << found->dump();
      if (revised) {
        EXPECT_NEAR((*found)["revision"].get<double>(),
                    deal->tiv_delivered - was->second->tiv_delivered, 1e-9);
        ++checked_changed;
      } else {
        ++checked_added;
      }
    }
    EXPECT_GT(checked_changed + checked_added, 0) << recipient;
  }
}

}  // namespace
}  // namespace defcoop::testing
