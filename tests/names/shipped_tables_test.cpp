// The shipped reference tables (data/states.csv, sipri_actors.csv, sipri_actor_names.csv,
// state_names.csv) loaded with a minimal CSV parse, plus ICU and iso-codes names: every
// spelling a user or SIPRI writes resolves to its id.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "defcoop/csv/reader.h"
#include "defcoop/names/name_index.h"

namespace defcoop::names {
namespace {

using Row = std::map<std::string, std::string>;

const std::string kDataDir = DEFCOOP_DATA_DIR;

std::vector<Row> ReadTable(const std::string& file) {
  Result<std::string> text = csv::ReadFile(kDataDir + "/" + file);
  EXPECT_TRUE(text.ok()) << text.status().message();
  if (!text.ok()) return {};
  csv::Reader reader(csv::StripBom(*text), file);
  csv::Record record;
  Status error;
  std::vector<std::string> header;
  std::vector<Row> rows;
  while (reader.Next(&record, &error)) {
    if (header.empty()) {
      header = record.fields;
      continue;
    }
    EXPECT_EQ(record.fields.size(), header.size()) << file << ":" << record.line;
    Row row;
    for (size_t column = 0; column < header.size() && column < record.fields.size(); ++column) {
      row[header[column]] = record.fields[column];
    }
    rows.push_back(std::move(row));
  }
  EXPECT_TRUE(error.ok()) << error.ToString();
  return rows;
}

std::vector<SourceRef> Sources(const std::string& text) {
  std::vector<SourceRef> refs;
  for (const std::string& part : csv::SplitList(text, '|')) {
    size_t bracket = part.find('[');
    if (bracket == std::string::npos) {
      refs.push_back({part, ""});
    } else {
      refs.push_back(
          {part.substr(0, bracket), part.substr(bracket + 1, part.size() - bracket - 2)});
    }
  }
  return refs;
}

Actor ActorOf(const Row& row) {
  Actor actor;
  actor.id = row.at("id");
  actor.kind = ParseActorKind(row.at("kind")).value_or(ActorKind::kUnknown);
  actor.name = row.at("name");
  actor.sources = Sources(row.at("sources"));
  return actor;
}

// Everything the shipped tables say, as the structs NameIndex takes.
struct Tables {
  std::vector<Actor> actors;
  std::vector<ActorName> names;
  std::vector<ActorCode> codes;
};

ActorCode CodeOf(const std::string& actor, const std::string& scheme, const std::string& code) {
  ActorCode result;
  result.actor_id = actor;
  result.scheme = scheme;
  result.code = code;
  return result;
}

void AddStateCodes(const Row& row, Tables* tables) {
  static const char* kSchemes[] = {"iso2", "iso3n", "cow_n", "cow_c", "fips", "cameo"};
  for (const char* scheme : kSchemes) {
    if (!row.at(scheme).empty())
      tables->codes.push_back(CodeOf(row.at("id"), scheme, row.at(scheme)));
  }
  for (const std::string& spelling : csv::SplitList(row.at("sipri"), '|')) {
    if (spelling.empty()) continue;
    tables->codes.push_back(CodeOf(row.at("id"), "sipri", spelling));
  }
}

void AddNames(const std::string& file, Tables* tables) {
  for (const Row& row : ReadTable(file)) {
    ActorName name;
    name.actor_id = row.at("actor");
    name.lang = row.at("lang");
    name.script = row.at("script");
    name.name = row.at("name");
    name.kind = row.at("kind");
    name.sources = Sources(row.at("sources"));
    tables->names.push_back(std::move(name));
  }
}

const Tables& ShippedTables() {
  static const Tables* tables = [] {
    auto* result = new Tables;
    for (const Row& row : ReadTable("states.csv")) {
      result->actors.push_back(ActorOf(row));
      AddStateCodes(row, result);
    }
    for (const Row& row : ReadTable("sipri_actors.csv")) result->actors.push_back(ActorOf(row));
    if (std::filesystem::exists(kDataDir + "/actors.csv")) {
      for (const Row& row : ReadTable("actors.csv")) result->actors.push_back(ActorOf(row));
    }
    AddNames("sipri_actor_names.csv", result);
    AddNames("state_names.csv", result);
    return result;
  }();
  return *tables;
}

const NameIndex& ShippedIndex() {
  static const NameIndex* index = [] {
    const Tables& tables = ShippedTables();
    std::vector<ActorName> names = tables.names;
    for (ActorName& name :
         GeneratedStateNames(tables.codes, {"en", "tr", "kk", "ru", "az", "uz", "ky"})) {
      names.push_back(std::move(name));
    }
    return new NameIndex(tables.actors, names, tables.codes, {});
  }();
  return *index;
}

std::string IdOf(std::string_view text) {
  Result<Resolution> resolution = ShippedIndex().Resolve(text);
  return resolution.ok() ? resolution->id : "error: " + resolution.status().message();
}

struct Case {
  const char* spelling;
  const char* id;
};

// Spellings across scripts and schemes, each with the id it must resolve to.
constexpr Case kSpellings[] = {
    // Latin names, Turkish i rules, diacritics.
    {"Türkiye", "TUR"},
    {"TÜRKİYE", "TUR"},
    {"türkiye", "TUR"},
    {"TURKIYE", "TUR"},
    {"Turkey", "TUR"},
    {"Türkei", "TUR"},
    {"Republic of Türkiye", "TUR"},
    {"Türkiye Cumhuriyeti", "TUR"},
    {"Kazakhstan", "KAZ"},
    {"Kazakistan", "KAZ"},
    {"Qazaqstan", "KAZ"},
    {"Kazakstan", "KAZ"},
    {"Kyrgyzstan", "KGZ"},
    {"Kyrgyz Republic", "KGZ"},
    {"KIRGIZİSTAN", "KGZ"},
    {"Uzbekistan", "UZB"},
    {"Oʻzbekiston", "UZB"},
    {"O'zbekiston", "UZB"},
    {"Özbekistan", "UZB"},
    {"Azerbaijan", "AZE"},
    {"Azərbaycan", "AZE"},
    {"Azerbaycan", "AZE"},
    {"Turkmenistan", "TKM"},
    {"Türkmenistan", "TKM"},
    {"Russian Federation", "RUS"},
    {"Côte d'Ivoire", "CIV"},
    {"Bosnia and Herzegovina", "BIH"},
    // Cyrillic.
    {"Түркия", "TUR"},
    {"Турция", "TUR"},
    {"Қазақстан", "KAZ"},
    {"Казахстан", "KAZ"},
    {"Кыргызстан", "KGZ"},
    {"Қырғызстан", "KGZ"},
    {"Киргизия", "KGZ"},
    {"Ўзбекистон", "UZB"},
    {"Узбекистан", "UZB"},
    {"Әзірбайжан", "AZE"},
    {"Азербайджан", "AZE"},
    {"Туркменистан", "TKM"},
    {"Россия", "RUS"},
    // Codes of every scheme.
    {"TUR", "TUR"},
    {"tur", "TUR"},
    {"TR", "TUR"},
    {"792", "TUR"},
    {"640", "TUR"},
    {"TU", "TUR"},
    {"KZK", "KAZ"},
    {"cow_n:705", "KAZ"},
    {"705", "SVN"},
    {"KZ", "KAZ"},
    {"AJ", "AZE"},
    {"TX", "TKM"},
    {"KYR", "KGZ"},
    {"GMY", "DEU"},
    {"TMP", "TLS"},
    {"cameo:TMP", "TLS"},
    {"XKX", "XKX"},
    {"KV", "XKX"},
    // SIPRI spellings, with and without markers.
    {"Turkiye", "TUR"},
    {"UAE", "ARE"},
    {"Viet Nam", "VNM"},
    {"eSwatini", "SWZ"},
    {"DR Congo", "COD"},
    {"Bosnia-Herzegovina", "BIH"},
    {"Saint Vincent", "VCT"},
    {"Hezbollah (Lebanon)*", "group:hezbollah"},
    {"Houthi rebels (Yemen)*", "group:houthi-rebels"},
    {"PKK (Turkiye)*", "group:pkk"},
    {"Libya HoR*", "group:libya-hor"},
    {"HoR (Libya)*", "group:libya-hor"},
    {"unknown supplier(s)", "unknown:supplier"},
    {"unknown recipient(s)", "unknown:recipient"},
    {"United Nations**", "org:un"},
    {"NATO**", "org:nato"},
    {"African Union**", "org:au"},
    {"European Union**", "org:eu"},
    // Historical states and names.
    {"Soviet Union", "SUN"},
    {"USSR", "SUN"},
    {"СССР", "SUN"},
    {"SSCB", "SUN"},
    {"SUN", "SUN"},
    {"Yugoslavia", "YUG"},
    {"Czechoslovakia", "CSK"},
    {"East Germany (GDR)", "DDR"},
    {"German Democratic Republic", "DDR"},
    {"GDR", "DDR"},
    {"South Yemen", "YMD"},
    {"North Yemen", "YAR"},
    {"Yemen Arab Republic (North Yemen)", "YAR"},
    {"South Vietnam", "RVN"},
    {"Serbia and Montenegro", "SCG"},
    {"Zaire", "COD"},
    {"Burma", "MMR"},
    {"Rhodesia", "RHO"},
};

TEST(ShippedTables, ResolveEverySpellingToItsId) {
  std::vector<std::string> wrong;
  for (const Case& test_case : kSpellings) {
    std::string id = IdOf(test_case.spelling);
    if (id != test_case.id) {
      wrong.push_back(std::string(test_case.spelling) + " -> " + id + " (want " + test_case.id +
                      ")");
    }
  }
  EXPECT_THAT(wrong, ::testing::IsEmpty());
  EXPECT_GE(std::size(kSpellings), 50u);
}

TEST(ShippedTables, ResolveEverySipriSpellingOfAState) {
  for (const ActorCode& code : ShippedTables().codes) {
    if (code.scheme != "sipri") continue;
    EXPECT_EQ(IdOf(code.code), code.actor_id) << code.code;
  }
}

TEST(ShippedTables, ResolveEverySipriSpellingOfANonStateActor) {
  for (const Row& row : ReadTable("sipri_actor_names.csv")) {
    EXPECT_EQ(IdOf(row.at("name")), row.at("actor")) << row.at("name");
  }
}

TEST(ShippedTables, ListCandidatesForAMisspelledState) {
  Result<Resolution> resolution = ShippedIndex().Resolve("Kazakstn");
  ASSERT_FALSE(resolution.ok());
  EXPECT_THAT(resolution.status().message(),
              ::testing::StartsWith("unknown actor 'Kazakstn'; did you mean: "));
  EXPECT_THAT(resolution.status().message(), ::testing::HasSubstr("Kazakhstan (KAZ"));
}

TEST(ShippedTables, HoldEveryUnMemberAndTheObserverStates) {
  std::set<std::string> states;
  for (const Actor& actor : ShippedTables().actors) {
    bool has_code_id = actor.id.find(':') == std::string::npos;
    if (actor.kind == ActorKind::kState && has_code_id) states.insert(actor.id);
  }
  // 193 UN members + Palestine, Holy See, Kosovo, Taiwan, Western Sahara, Aruba.
  EXPECT_EQ(states.size(), 199u);
  for (const char* id : {"PSE", "VAT", "XKX", "TWN", "ESH", "TUR", "KAZ", "SSD"}) {
    EXPECT_TRUE(states.count(id)) << id;
  }
}

TEST(ShippedTables, HaveUniqueIdsAndOneActorPerCode) {
  std::set<std::string> ids;
  for (const Actor& actor : ShippedTables().actors) {
    EXPECT_TRUE(ids.insert(actor.id).second) << "duplicate id " << actor.id;
  }
  std::map<std::pair<std::string, std::string>, std::string> owner;
  for (const ActorCode& code : ShippedTables().codes) {
    if (code.scheme == "sipri") continue;
    auto [it, inserted] = owner.emplace(std::make_pair(code.scheme, code.code), code.actor_id);
    EXPECT_TRUE(inserted || it->second == code.actor_id)
        << code.scheme << " " << code.code << ": " << it->second << " and " << code.actor_id;
  }
}

TEST(ShippedTables, NameOnlyKnownActorsWhenActorsCsvIsPresent) {
  if (!std::filesystem::exists(kDataDir + "/actors.csv")) GTEST_SKIP() << "no data/actors.csv";
  std::set<std::string> ids;
  for (const Actor& actor : ShippedTables().actors) ids.insert(actor.id);
  for (const ActorName& name : ShippedTables().names) {
    EXPECT_TRUE(ids.count(name.actor_id)) << name.actor_id << " (" << name.name << ")";
  }
}

TEST(ShippedTables, CiteASourceOnEveryRow) {
  for (const Actor& actor : ShippedTables().actors) {
    EXPECT_FALSE(actor.sources.empty()) << actor.id;
  }
  for (const ActorName& name : ShippedTables().names) {
    EXPECT_FALSE(name.sources.empty()) << name.actor_id << " " << name.name;
  }
}

}  // namespace
}  // namespace defcoop::names

namespace defcoop::names {
namespace {

TEST(ShippedTables, ResolveEveryDisplayNameToItsOwnActor) {
  for (const Actor& actor : ShippedTables().actors) {
    EXPECT_EQ(IdOf(actor.name), actor.id) << actor.name;
  }
}

TEST(ShippedTables, SayWhichTableASpellingCameFrom) {
  Result<Resolution> qazaqstan = ShippedIndex().Resolve("Qazaqstan");
  ASSERT_TRUE(qazaqstan.ok());
  EXPECT_EQ(qazaqstan->matched, "short 'Қазақстан' (kk)");
}

}  // namespace
}  // namespace defcoop::names
