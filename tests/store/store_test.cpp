#include "defcoop/store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "defcoop/ingest/curated.h"

namespace defcoop::store {
namespace {

namespace fs = std::filesystem;

const std::string kSmallData = std::string(DEFCOOP_TEST_DIR) + "/../fixtures/curated-small";

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("defcoop-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static Dataset SmallData() {
    ingest::CuratedLoad load = ingest::LoadCuratedData(kSmallData);
    EXPECT_TRUE(load.problems.empty());
    return load.data;
  }

  std::unique_ptr<Store> OpenOrDie(OpenMode mode, int max_version = 0) {
    auto store = Store::Open(path_, mode, max_version);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store.value()) : nullptr;
  }

  std::string Bytes() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }

  void SetPragma(const std::string& pragma) const {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    sqlite3_exec(db, ("PRAGMA " + pragma).c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }

  // A pragma's value read through a connection of the test's own.
  std::string ReadPragma(const std::string& pragma) const {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA " + pragma).c_str(), -1, &statement, nullptr);
    std::string value;
    if (sqlite3_step(statement) == SQLITE_ROW) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
  }

  // A register whose TIV sums depend on the order they are added in (0.1 + 0.2 + 0.3
  // differs from 0.3 + 0.2 + 0.1 in floating point; 1e16 swallows a 1 added after it), with
  // an unresolved supplier counted under its SIPRI name.
  static SipriFile OrderSensitiveRegister(const std::string& path) {
    SipriFile file;
    file.path = path;
    file.format = SipriFormat::kOldRegister;
    file.vintage = "2024-04-13";
    const std::vector<std::tuple<std::string, std::string, std::vector<std::pair<int, double>>>>
        deals = {{"TUR", "Turkiye", {{2020, 0.1}, {2021, 1e16}}},
                 {"TUR", "Turkiye", {{2020, 0.2}, {2021, 1.0}}},
                 {"", "Unknown rebels*", {{2020, 7.0 / 3}, {2021, 7.0 / 3}, {2022, 7.0 / 3}}},
                 {"TUR", "Turkiye", {{2020, 0.3}, {2021, -1e16}}},
                 {"", "Unknown rebels*", {{2020, 0.7}}}};
    for (const auto& [id, name, deliveries] : deals) {
      Transfer transfer;
      transfer.supplier_name = name;
      transfer.supplier_id = id;
      transfer.recipient_name = "Azerbaijan";
      transfer.recipient_id = "AZE";
      for (const auto& [year, tiv] : deliveries)
        transfer.deliveries.push_back({year, 1, tiv, false, false, true});
      file.transfers.push_back(transfer);
    }
    file.records_read = static_cast<int>(file.transfers.size());
    return file;
  }

  // Each supplier's TIV per year, summed delivery by delivery in the order of `files`.
  static std::map<std::pair<std::string, int>, double> SumInOrder(
      const std::vector<SipriFile>& files) {
    std::map<std::pair<std::string, int>, double> sums;
    for (const SipriFile& file : files) {
      for (const Transfer& t : file.transfers) {
        for (const Delivery& d : t.deliveries)
          sums[{t.supplier_id.empty() ? t.supplier_name : t.supplier_id, d.year}] += d.tiv;
      }
    }
    return sums;
  }

  static std::map<std::pair<std::string, int>, double> ReadTotals(const Store& store,
                                                                  const std::string& vintage) {
    std::map<std::pair<std::string, int>, double> sums;
    Status status =
        store.ForEachSupplierYear(vintage, [&sums](std::string_view key, int year, double tiv) {
          sums[{std::string(key), year}] += tiv;
        });
    EXPECT_TRUE(status.ok()) << status.ToString();
    return sums;
  }

  static SipriFile TinyRegister() {
    SipriFile file;
    file.path = "tiny.csv";
    file.format = SipriFormat::kNewRegister;
    file.vintage = "2024-04-13";
    file.records_read = 1;
    Transfer transfer;
    transfer.supplier_name = "Turkiye";
    transfer.recipient_name = "Azerbaijan";
    transfer.supplier_id = "TUR";
    transfer.recipient_id = "AZE";
    transfer.designation = "Bayraktar TB2";
    transfer.deliveries = {{2020, 6, 12.0, false, true, false}};
    file.transfers.push_back(transfer);
    return file;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(StoreTest, CuratedDataRoundTripsWithCitations) {
  Dataset data = SmallData();
  auto store = OpenOrDie(OpenMode::kCreate);
  ASSERT_TRUE(store->ReplaceCurated(data).ok());
  Result<Dataset> loaded = store->LoadCurated();
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->actors.size(), data.actors.size());
  EXPECT_EQ(loaded->actor_codes.size(), data.actor_codes.size());
  EXPECT_EQ(loaded->memberships.size(), data.memberships.size());
  ASSERT_EQ(loaded->events.size(), 2u);
  EXPECT_EQ(loaded->events[1].sources, (std::vector<SourceRef>{{"article", "Kazakhstan"}}));
  EXPECT_EQ(loaded->agreements[1].parties, (std::vector<std::string>{"TUR", "KAZ"}));
  EXPECT_EQ(loaded->ventures[0].shares, (std::vector<double>{0.5, 0.5}));
  EXPECT_EQ(loaded->claims[0].expected, "2021-11");
}

TEST_F(StoreTest, ReplacingCuratedDataTwiceKeepsOneCopy) {
  auto store = OpenOrDie(OpenMode::kCreate);
  ASSERT_TRUE(store->ReplaceCurated(SmallData()).ok());
  ASSERT_TRUE(store->ReplaceCurated(SmallData()).ok());
  auto count = store->Query("SELECT count(*) FROM actor");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count->rows[0][0], "8");
}

TEST_F(StoreTest, FailedLoadLeavesTheStoreByteIdentical) {
  {
    auto store = OpenOrDie(OpenMode::kCreate);
    ASSERT_TRUE(store->ReplaceCurated(SmallData()).ok());
    ASSERT_TRUE(store->SaveSipriFile(TinyRegister(), "hash-1").ok());
  }
  std::string before = Bytes();
  Dataset broken = SmallData();
  broken.events.push_back(broken.events[0]);  // duplicate primary key, found mid-load
  {
    auto store = OpenOrDie(OpenMode::kReadWrite);
    EXPECT_FALSE(store->ReplaceCurated(broken).ok());
  }
  EXPECT_EQ(Bytes(), before);
}

TEST_F(StoreTest, CuratedDataThatWouldOrphanSipriRowsIsRefused) {
  auto store = OpenOrDie(OpenMode::kCreate);
  ASSERT_TRUE(store->ReplaceCurated(SmallData()).ok());
  ASSERT_TRUE(store->SaveSipriFile(TinyRegister(), "hash-1").ok());
  Dataset without_aze = SmallData();
  std::erase_if(without_aze.actors, [](const Actor& a) { return a.id == "AZE"; });
  std::erase_if(without_aze.actor_codes, [](const ActorCode& c) { return c.actor_id == "AZE"; });
  std::erase_if(without_aze.actor_names, [](const ActorName& n) { return n.actor_id == "AZE"; });
  std::erase_if(without_aze.memberships, [](const Membership& m) { return m.actor_id == "AZE"; });
  without_aze.events.clear();
  without_aze.agreements.clear();
  Status status = store->ReplaceCurated(without_aze);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("AZE"), std::string::npos) << status.message();
  EXPECT_EQ(*store->Query("SELECT count(*) FROM actor WHERE id = 'AZE'")->rows[0][0], "1");
}

DcadFile TinyDcad() {
  DcadFile file;
  file.path = "dcad.csv";
  file.content_hash = "dcad-1";
  file.records_read = 2;
  DefenseCooperationAgreement a;
  a.dcad_id = "DCADv1.0-1535";
  a.cow1 = 373;
  a.cow2 = 640;
  a.cow_name1 = "AZE";
  a.cow_name2 = "TUR";
  a.actor1_id = "AZE";
  a.actor2_id = "TUR";
  a.signed_on = Date{2000, 9, 20};
  a.type = "general";
  a.categories = {"DIC", "RESEARCH"};
  a.terminated = false;
  a.source_type = "factiva";
  a.source = "Wires";
  a.source_line = 2;
  file.agreements = {a};
  file.problems = {InputProblem{Location{"dcad.csv", 3, 0}, "bad row", false}};
  return file;
}

TEST_F(StoreTest, DcadFileRoundTripsAndImportsOnce) {
  auto store = OpenOrDie(OpenMode::kCreate);
  ASSERT_TRUE(store->ReplaceCurated(SmallData()).ok());
  auto first = store->SaveDcadFile(TinyDcad());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->imported, 1);
  EXPECT_EQ(first->rejected, 1);
  EXPECT_TRUE(store->SaveDcadFile(TinyDcad())->already_imported);
  auto loaded = store->LoadDcas();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 1u);
  const DefenseCooperationAgreement& a = (*loaded)[0];
  EXPECT_EQ(a.signed_on.ToString(), "2000-09-20");
  EXPECT_EQ(a.categories, (std::vector<std::string>{"DIC", "RESEARCH"}));
  EXPECT_EQ(a.terminated, std::optional<bool>(false));
  EXPECT_FALSE(a.in_force.has_value());
  EXPECT_EQ(*store->Query("SELECT count(*) FROM dcad_problem")->rows[0][0], "1");
}

// An agreement naming an actor the store does not define fails at commit (deferred
// foreign key): nothing of the file is kept.
TEST_F(StoreTest, FailedDcadImportLeavesTheStoreByteIdentical) {
  { ASSERT_TRUE(OpenOrDie(OpenMode::kCreate)->ReplaceCurated(SmallData()).ok()); }
  std::string before = Bytes();
  DcadFile broken = TinyDcad();
  broken.agreements[0].actor2_id = "NOWHERE";
  {
    auto store = OpenOrDie(OpenMode::kReadWrite);
    EXPECT_FALSE(store->SaveDcadFile(broken).ok());
  }
  EXPECT_EQ(Bytes(), before);
}

TEST_F(StoreTest, GsdbFileRoundTripsWithItsParties) {
  auto store = OpenOrDie(OpenMode::kCreate);
  ASSERT_TRUE(store->ReplaceCurated(SmallData()).ok());
  GsdbFile file;
  file.path = "gsdb.csv";
  file.content_hash = "gsdb-1";
  file.records_read = 1;
  SanctionCase c;
  c.case_id = 520;
  c.targets = {"Sudan"};
  c.target_ids = {""};  // unresolved: kept by name
  c.senders = {"EU", "Turkey"};
  c.sender_ids = {"", "TUR"};
  c.begin = 1994;
  c.end = 2004;
  c.types = {"arms"};
  c.objectives = {"end_war"};
  c.outcomes = {"failed"};
  c.source_line = 2;
  file.cases = {c};
  ASSERT_TRUE(store->SaveGsdbFile(file).ok());
  auto loaded = store->LoadSanctionCases();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 1u);
  EXPECT_EQ((*loaded)[0].senders, c.senders);
  EXPECT_EQ((*loaded)[0].sender_ids, c.sender_ids);
  EXPECT_EQ((*loaded)[0].target_ids, c.target_ids);
  EXPECT_EQ((*loaded)[0].types, c.types);
  EXPECT_FALSE((*loaded)[0].ongoing);
}

TEST_F(StoreTest, SameSipriFileTwiceChangesNothing) {
  auto store = OpenOrDie(OpenMode::kCreate);
  ASSERT_TRUE(store->ReplaceCurated(SmallData()).ok());
  auto first = store->SaveSipriFile(TinyRegister(), "hash-1");
  auto second = store->SaveSipriFile(TinyRegister(), "hash-1");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_FALSE(first->already_imported);
  EXPECT_TRUE(second->already_imported);
  auto transfers = store->LoadTransfers("");
  ASSERT_TRUE(transfers.ok());
  ASSERT_EQ(transfers->size(), 1u);
  EXPECT_EQ((*transfers)[0].deliveries[0].tiv, 12.0);
  EXPECT_TRUE((*transfers)[0].deliveries[0].number_is_estimate);
  EXPECT_EQ(store->NewestVintage(), "2024-04-13");
}

TEST_F(StoreTest, OldSchemaIsMigratedAndKeepsItsData) {
  {
    auto store = OpenOrDie(OpenMode::kCreate, /*max_version=*/1);
    EXPECT_EQ(store->SchemaVersion(), 1);
    EXPECT_FALSE(store->Query("SELECT count(*) FROM transfer").ok());  // v1 has no SIPRI tables
  }
  // Rows as a v1 defcoop wrote them.
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  ASSERT_EQ(
      sqlite3_exec(db,
                   "INSERT INTO source VALUES ('registry', 'dataset', 'R', '{}');"
                   "INSERT INTO actor VALUES ('TUR', 'state', 'Türkiye', NULL, NULL, NULL, NULL);"
                   "INSERT INTO citation VALUES ('actor', 'TUR', 'registry', NULL);",
                   nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenOrDie(OpenMode::kReadOnly);
  EXPECT_EQ(store->SchemaVersion(), Store::CurrentSchemaVersion());
  EXPECT_TRUE(store->Query("SELECT count(*) FROM transfer").ok());
  Result<Dataset> data = store->LoadCurated();
  ASSERT_TRUE(data.ok());
  ASSERT_EQ(data->actors.size(), 1u);
  EXPECT_EQ(data->actors[0].name, "Türkiye");
  EXPECT_EQ(data->actors[0].sources, (std::vector<SourceRef>{{"registry", ""}}));
}

TEST_F(StoreTest, StoreFromANewerVersionIsRefusedWithAdvice) {
  { OpenOrDie(OpenMode::kCreate); }
  SetPragma("user_version = 99");
  auto store = Store::Open(path_, OpenMode::kReadOnly);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer defcoop"), std::string::npos);
  EXPECT_NE(store.status().message().find("upgrade defcoop"), std::string::npos);
}

TEST_F(StoreTest, FileThatIsNotAStoreIsRefused) {
  std::ofstream(path_) << "Recipient,Supplier\nfoo,bar\n";
  auto store = Store::Open(path_, OpenMode::kReadOnly);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not a defcoop store"), std::string::npos);
}

TEST_F(StoreTest, SqliteFileOfAnotherProgramIsRefused) {
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE other (x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto store = Store::Open(path_, OpenMode::kReadWrite);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("another program"), std::string::npos);
}

TEST_F(StoreTest, MissingStoreSaysHowToBuildOne) {
  auto store = Store::Open(path_, OpenMode::kReadOnly);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("defcoop init"), std::string::npos);
}

// Regression: an init killed between its two transactions left a store with the schema
// and no curated data, which every command then read as valid (claims: "0 supported").
TEST_F(StoreTest, StoreWhoseBuildNeverFinishedIsRefusedWithAdvice) {
  { OpenOrDie(OpenMode::kCreate); }  // the schema, but ReplaceCurated never ran
  for (OpenMode mode : {OpenMode::kReadOnly, OpenMode::kReadWrite}) {
    auto store = Store::Open(path_, mode);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.status().message().find("unfinished store"), std::string::npos)
        << store.status().message();
    EXPECT_NE(store.status().message().find("run `defcoop init` again"), std::string::npos);
  }
  auto store = OpenOrDie(OpenMode::kCreate);  // what init uses: it may finish the build
  ASSERT_TRUE(store->ReplaceCurated(SmallData()).ok());
  store.reset();
  EXPECT_TRUE(Store::Open(path_, OpenMode::kReadOnly).ok());
}

TEST_F(StoreTest, BuildMakesACompleteStoreAndLeavesNoTemporaryFile) {
  ASSERT_TRUE(Store::Build(path_, SmallData()).ok());
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir_)) files.push_back(entry.path().filename());
  EXPECT_EQ(files, std::vector<std::string>{"test.db"});  // every page in the one file
  auto store = OpenOrDie(OpenMode::kReadOnly);
  EXPECT_EQ(*store->Query("SELECT count(*) FROM actor")->rows[0][0], "8");
}

TEST_F(StoreTest, FailedBuildLeavesNothingAtThePath) {
  Dataset broken = SmallData();
  broken.events.push_back(broken.events[0]);  // duplicate primary key, found mid-load
  EXPECT_FALSE(Store::Build(path_, broken).ok());
  EXPECT_TRUE(fs::is_empty(dir_));
}

TEST_F(StoreTest, StoreUsesTheWriteAheadLog) {
  ASSERT_TRUE(Store::Build(path_, SmallData()).ok());
  auto store = OpenOrDie(OpenMode::kReadWrite);
  EXPECT_EQ(ReadPragma("journal_mode"), "wal");
}

TEST_F(StoreTest, ReplacingCuratedDataKeepsImportsThatReferToKeptActors) {
  ASSERT_TRUE(Store::Build(path_, SmallData()).ok());
  auto store = OpenOrDie(OpenMode::kReadWrite);
  ASSERT_TRUE(store->SaveSipriFile(TinyRegister(), "hash-1").ok());
  ASSERT_TRUE(store->ReplaceCurated(SmallData()).ok());
  EXPECT_EQ(store->LoadTransfers("")->size(), 1u);
  // Foreign keys are back on after the replacement: an unknown actor is refused.
  SipriFile unknown = TinyRegister();
  unknown.transfers[0].recipient_id = "NOWHERE";
  EXPECT_FALSE(store->SaveSipriFile(unknown, "hash-2").ok());
}

TEST_F(StoreTest, CuratedRowReferringToAMissingRowIsRefused) {
  auto store = OpenOrDie(OpenMode::kCreate);
  Dataset broken = SmallData();
  broken.actor_names[0].actor_id = "NOWHERE";
  Status status = store->ReplaceCurated(broken);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("actor_name"), std::string::npos) << status.message();
}

// Regression: the same register with a BOM or CRLF line ends doubled every figure.
TEST_F(StoreTest, SipriFileImportedByOlderDefcoopIsRecognisedByItsBytesHash) {
  ASSERT_TRUE(Store::Build(path_, SmallData()).ok());
  auto store = OpenOrDie(OpenMode::kReadWrite);
  ASSERT_TRUE(store->SaveSipriFile(TinyRegister(), "fnv1a64:old-bytes").ok());
  SipriFile again = TinyRegister();
  again.bytes_hash = "fnv1a64:old-bytes";
  auto summary = store->SaveSipriFile(again, "data1:new");
  ASSERT_TRUE(summary.ok());
  EXPECT_TRUE(summary->already_imported);
  EXPECT_EQ(summary->earlier_path, "tiny.csv");
  EXPECT_EQ(store->LoadTransfers("")->size(), 1u);
}

TEST_F(StoreTest, ReplacingASipriImportKeepsOneCopyInOneTransaction) {
  ASSERT_TRUE(Store::Build(path_, SmallData()).ok());
  auto store = OpenOrDie(OpenMode::kReadWrite);
  ASSERT_TRUE(store->SaveSipriFile(TinyRegister(), "hash-1").ok());
  SipriFile corrected = TinyRegister();
  corrected.transfers[0].deliveries[0].tiv = 13.0;
  auto summary = store->SaveSipriFile(corrected, "hash-2", ImportMode::kReplace);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->replaced, 1);  // the same path
  auto transfers = store->LoadTransfers("");
  ASSERT_EQ(transfers->size(), 1u);
  EXPECT_EQ((*transfers)[0].deliveries[0].tiv, 13.0);
  EXPECT_EQ(*store->Query("SELECT count(*) FROM delivery")->rows[0][0], "1");
}

// Exporter ranks read each supplier's yearly totals, saved at import: the same doubles as
// adding up the deliveries in register order (bit for bit: EXPECT_EQ on doubles).
TEST_F(StoreTest, SupplierYearTotalsAreTheDeliveriesSummedInRegisterOrder) {
  ASSERT_TRUE(Store::Build(path_, SmallData()).ok());
  auto store = OpenOrDie(OpenMode::kReadWrite);
  SipriFile file = OrderSensitiveRegister("one.csv");
  ASSERT_TRUE(store->SaveSipriFile(file, "hash-1").ok());
  auto expected = SumInOrder({file});
  EXPECT_EQ(ReadTotals(*store, "2024-04-13"), expected);
  EXPECT_EQ(expected.at({"TUR", 2020}), (0.0 + 0.1 + 0.2) + 0.3);
  EXPECT_NE(expected.at({"TUR", 2020}), 0.1 + (0.2 + 0.3));  // so order matters
  EXPECT_EQ(expected.at({"TUR", 2021}), 0.0);                // 1e16 + 1 - 1e16
  EXPECT_EQ(expected.at({"Unknown rebels*", 2020}), 7.0 / 3 + 0.7);
  // One row per supplier and year, not per delivery.
  EXPECT_EQ(*store->Query("SELECT count(*) FROM supplier_year_tiv")->rows[0][0], "5");
  EXPECT_TRUE(ReadTotals(*store, "1999-01-01").empty());
}

// Two registers of one vintage: their deliveries are read one by one, so the sums keep
// register order across both files (per-file totals added together would not).
TEST_F(StoreTest, SupplierYearTotalsOfTwoRegistersOfAVintageKeepRegisterOrder) {
  ASSERT_TRUE(Store::Build(path_, SmallData()).ok());
  auto store = OpenOrDie(OpenMode::kReadWrite);
  SipriFile first = OrderSensitiveRegister("first.csv");
  SipriFile second = OrderSensitiveRegister("second.csv");
  second.transfers[1].deliveries[0].tiv = 0.6;
  ASSERT_TRUE(store->SaveSipriFile(first, "hash-1").ok());
  ASSERT_TRUE(store->SaveSipriFile(second, "hash-2").ok());
  EXPECT_EQ(ReadTotals(*store, "2024-04-13"), SumInOrder({first, second}));
  EXPECT_EQ(ReadTotals(*store, ""), SumInOrder({first, second}));
}

TEST_F(StoreTest, ReplacedOrDeletedRegistersTakeTheirTotalsWithThem) {
  ASSERT_TRUE(Store::Build(path_, SmallData()).ok());
  auto store = OpenOrDie(OpenMode::kReadWrite);
  ASSERT_TRUE(store->SaveSipriFile(OrderSensitiveRegister("one.csv"), "hash-1").ok());
  SipriFile corrected = OrderSensitiveRegister("one.csv");
  corrected.transfers.resize(1);
  ASSERT_TRUE(store->SaveSipriFile(corrected, "hash-2", ImportMode::kReplace).ok());
  EXPECT_EQ(ReadTotals(*store, "2024-04-13"), SumInOrder({corrected}));
  EXPECT_EQ(*store->Query("SELECT count(*) FROM supplier_year_tiv")->rows[0][0], "2");
}

// A store of schema v9 (registers imported, no totals) gains the totals when next opened,
// the same doubles as an import saves.
TEST_F(StoreTest, MigrationToV10SumsTheImportedRegistersAsImportDoes) {
  ASSERT_TRUE(Store::Build(path_, SmallData()).ok());
  std::map<std::pair<std::string, int>, double> at_import;
  {
    auto store = OpenOrDie(OpenMode::kReadWrite);
    ASSERT_TRUE(store->SaveSipriFile(OrderSensitiveRegister("one.csv"), "hash-1").ok());
    at_import = ReadTotals(*store, "2024-04-13");
  }
  ASSERT_EQ(at_import.size(), 5u);
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE supplier_year_tiv; DROP TABLE name_fold;"
                         "PRAGMA user_version = 9",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(ReadPragma("user_version"), "9");
  auto store = OpenOrDie(OpenMode::kReadOnly);
  EXPECT_EQ(store->SchemaVersion(), Store::CurrentSchemaVersion());
  EXPECT_EQ(*store->Query("SELECT count(*) FROM supplier_year_tiv")->rows[0][0], "5");
  EXPECT_EQ(ReadTotals(*store, "2024-04-13"), at_import);
  EXPECT_TRUE(store->LoadNameFolds()->keys.empty());
}

TEST_F(StoreTest, NameFoldsAreSavedWithTheCuratedDataAndReplacedWithIt) {
  NameFolds folds{"fold v1", {{"Türkiye", "turkiye"}, {"Азербайджан", "azerbaydzhan"}}};
  ASSERT_TRUE(Store::Build(path_, SmallData(), folds).ok());
  auto store = OpenOrDie(OpenMode::kReadWrite);
  auto loaded = store->LoadNameFolds();
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->version, "fold v1");
  auto keys = loaded->keys;
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::pair<std::string, std::string>>{
                      {"Türkiye", "turkiye"}, {"Азербайджан", "azerbaydzhan"}}));
  ASSERT_TRUE(store->ReplaceCurated(SmallData()).ok());
  loaded = store->LoadNameFolds();
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->version, "");
  EXPECT_TRUE(loaded->keys.empty());
}

TEST_F(StoreTest, ActorsAloneLoadAsInTheWholeCuratedData) {
  ASSERT_TRUE(Store::Build(path_, SmallData()).ok());
  auto store = OpenOrDie(OpenMode::kReadOnly);
  auto whole = store->LoadCurated();
  auto actors = store->LoadActors();
  ASSERT_TRUE(whole.ok() && actors.ok());
  ASSERT_FALSE(whole->actor_names.empty());
  ASSERT_EQ(actors->actor_names.size(), whole->actor_names.size());
  for (size_t i = 0; i < whole->actor_names.size(); ++i) {
    EXPECT_EQ(actors->actor_names[i].name, whole->actor_names[i].name);
    EXPECT_EQ(actors->actor_names[i].lang, whole->actor_names[i].lang);
    EXPECT_EQ(actors->actor_names[i].kind, whole->actor_names[i].kind);
    EXPECT_EQ(actors->actor_names[i].sources, whole->actor_names[i].sources);
  }
  ASSERT_EQ(actors->actors.size(), whole->actors.size());
  ASSERT_EQ(actors->actor_codes.size(), whole->actor_codes.size());
  ASSERT_EQ(actors->memberships.size(), whole->memberships.size());
  for (size_t i = 0; i < whole->actors.size(); ++i) {
    EXPECT_EQ(actors->actors[i].id, whole->actors[i].id);
    EXPECT_EQ(actors->actors[i].name, whole->actors[i].name);
    EXPECT_EQ(actors->actors[i].kind, whole->actors[i].kind);
  }
  for (size_t i = 0; i < whole->actor_codes.size(); ++i) {
    EXPECT_EQ(actors->actor_codes[i].code, whole->actor_codes[i].code);
    EXPECT_EQ(actors->actor_codes[i].scheme, whole->actor_codes[i].scheme);
  }
  EXPECT_TRUE(actors->events.empty());
  EXPECT_TRUE(actors->sources.empty());
}

// Regression: a second DCAD file failed with a raw "UNIQUE constraint failed".
TEST_F(StoreTest, AnotherDcadFileIsRefusedUnlessReplaced) {
  ASSERT_TRUE(Store::Build(path_, SmallData()).ok());
  auto store = OpenOrDie(OpenMode::kReadWrite);
  ASSERT_TRUE(store->SaveDcadFile(TinyDcad()).ok());
  DcadFile other = TinyDcad();
  other.path = "dcad-2.csv";
  other.content_hash = "dcad-2";
  auto refused = store->SaveDcadFile(other);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(),
            "dcad-2.csv: the store already holds a DCAD import (dcad.csv), and DCAD is one "
            "dataset: pass --replace to replace it with this file");
  auto replaced = store->SaveDcadFile(other, ImportMode::kReplace);
  ASSERT_TRUE(replaced.ok()) << replaced.status().ToString();
  EXPECT_EQ(replaced->replaced, 1);
  EXPECT_EQ(store->LoadDcas()->size(), 1u);
  EXPECT_EQ(*store->Query("SELECT path FROM dcad_file")->rows[0][0], "dcad-2.csv");
  EXPECT_EQ(*store->Query("SELECT count(*) FROM dcad_problem")->rows[0][0], "1");
}

TEST_F(StoreTest, QueryRefusesWrites) {
  auto store = OpenOrDie(OpenMode::kCreate);
  auto result = store->Query("DELETE FROM actor");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("read-only"), std::string::npos);
}

}  // namespace
}  // namespace defcoop::store

namespace defcoop::store {
namespace {

GdeltDyadDay DyadDay(std::string day, std::string a1, std::string a2, std::string code,
                     int64_t sources, double tone) {
  GdeltDyadDay row;
  row.day = std::move(day);
  row.actor1_id = std::move(a1);
  row.actor2_id = std::move(a2);
  row.root_code = code.substr(0, 2);
  row.event_code = std::move(code);
  row.quad_class = 1;
  row.is_root = true;
  row.event_sources = sources;
  row.events = 2;
  row.mentions = 6;
  row.sources = 2 * sources;
  row.articles = 6;
  row.tone_sum = tone;
  row.goldstein_sum = 16;
  return row;
}

// The events SQL on a rollup made by hand: a member counts only over its membership,
// codes match as CAMEO prefixes, --min-sources filters per event, means are sum / events.
TEST_F(StoreTest, GdeltEventsCountMembersOverTheirMembershipAndCombineSums) {
  auto store = OpenOrDie(OpenMode::kCreate);
  ASSERT_TRUE(store->ReplaceCurated(SmallData()).ok());
  GdeltFileImport file;
  file.path = "hand.csv";
  file.content_hash = "gdelt-hand";
  file.layout = "gdelt2";
  file.version = 2;
  file.dyad_days = {DyadDay("2012-06-01", "TUR", "UZB", "057", 1, 4),
                    DyadDay("2020-06-01", "TUR", "UZB", "057", 1, 4),
                    DyadDay("2020-06-02", "UZB", "TUR", "0571", 3, -2),
                    DyadDay("2020-06-02", "UZB", "TUR", "042", 3, 0)};
  file.events_per_day = {{"2012-06-01", 2}, {"2020-06-02", 4}};
  ASSERT_TRUE(store->SaveGdeltFile(file).ok());

  GdeltEventQuery query;
  query.actors = ActorSet({"TUR"});
  query.partners.Add(ActorSpan{"UZB", Date{2019, 10, 15}, std::nullopt, "org:ots"});
  query.codes = {"057"};
  query.by = GdeltGroup::kMonth;
  auto answer = store->GdeltEvents(query, 3);
  ASSERT_TRUE(answer.ok()) << answer.status().ToString();
  ASSERT_EQ(answer->rows.size(), 1u);  // 2012 is before Uzbekistan's membership; 042 is no 057
  EXPECT_EQ(answer->rows[0].key, std::vector<std::string>{"2020-06"});
  EXPECT_EQ(answer->rows[0].events, 4);
  EXPECT_DOUBLE_EQ(answer->rows[0].tone_sum / answer->rows[0].events, (4.0 - 2.0) / 4);
  ASSERT_EQ(answer->files.size(), 1u);
  EXPECT_EQ(answer->files[0].first_day, "2020-06-01");
  EXPECT_EQ(answer->files[0].last_day, "2020-06-02");

  query.min_sources = 2;
  query.by = GdeltGroup::kDyad;
  answer = store->GdeltEvents(query, 3);
  ASSERT_TRUE(answer.ok());
  ASSERT_EQ(answer->rows.size(), 1u);
  EXPECT_EQ(answer->rows[0].key, (std::vector<std::string>{"UZB", "TUR"}));
  EXPECT_EQ(answer->rows[0].sources, 6);
}

}  // namespace
}  // namespace defcoop::store
