// GeneratedStateNames against the system's ICU and Debian iso-codes, and the .mo reader.
#include "defcoop/names/generated_names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

namespace defcoop::names {
namespace {

ActorCode Iso2(std::string actor, std::string code) {
  ActorCode row;
  row.actor_id = std::move(actor);
  row.scheme = "iso2";
  row.code = std::move(code);
  return row;
}

bool HasName(const std::vector<ActorName>& names, std::string_view actor, std::string_view lang,
             std::string_view name, std::string_view source) {
  return std::any_of(names.begin(), names.end(), [&](const ActorName& row) {
    return row.actor_id == actor && row.lang == lang && row.name == name && !row.sources.empty() &&
           row.sources.front().source_id == source;
  });
}

const std::vector<std::string> kLangs = {"en", "tr", "kk", "ru", "az", "uz", "ky"};

TEST(GeneratedStateNames, TakesCountryNamesFromIcuInEachLanguage) {
  std::vector<ActorName> names =
      GeneratedStateNames({Iso2("TUR", "TR"), Iso2("KAZ", "KZ"), Iso2("KGZ", "KG")}, kLangs);
  EXPECT_TRUE(HasName(names, "TUR", "tr", "Türkiye", "unicode-cldr"));
  EXPECT_TRUE(HasName(names, "KAZ", "kk", "Қазақстан", "unicode-cldr"));
  EXPECT_TRUE(HasName(names, "KAZ", "ru", "Казахстан", "unicode-cldr"));
  EXPECT_TRUE(HasName(names, "KGZ", "ky", "Кыргызстан", "unicode-cldr"));
}

TEST(GeneratedStateNames, TakesOfficialNamesAndTranslationsFromIsoCodes) {
  std::vector<ActorName> names =
      GeneratedStateNames({Iso2("TUR", "TR"), Iso2("KGZ", "KG"), Iso2("UZB", "UZ")}, kLangs);
  EXPECT_TRUE(HasName(names, "TUR", "en", "Republic of Türkiye", "debian-iso-codes"));
  EXPECT_TRUE(HasName(names, "KGZ", "en", "Kyrgyz Republic", "debian-iso-codes"));
  EXPECT_TRUE(HasName(names, "TUR", "tr", "Türkiye Cumhuriyeti", "debian-iso-codes"));
  EXPECT_TRUE(HasName(names, "TUR", "kk", "Түркия Республикасы", "debian-iso-codes"));
  EXPECT_TRUE(HasName(names, "TUR", "az", "Türkiyə Respublikası", "debian-iso-codes"));
  EXPECT_TRUE(HasName(names, "KGZ", "kk", "Қырғызстан Республикасы", "debian-iso-codes"));
}

TEST(GeneratedStateNames, MarksOfficialNamesAndScripts) {
  std::vector<ActorName> names = GeneratedStateNames({Iso2("TUR", "TR")}, {"en", "kk"});
  auto official = std::find_if(names.begin(), names.end(), [](const ActorName& row) {
    return row.name == "Republic of Türkiye";
  });
  ASSERT_NE(official, names.end());
  EXPECT_EQ(official->kind, "official");
  EXPECT_EQ(official->script, "Latn");
  auto kazakh = std::find_if(names.begin(), names.end(),
                             [](const ActorName& row) { return row.name == "Түркия"; });
  ASSERT_NE(kazakh, names.end());
  EXPECT_EQ(kazakh->script, "Cyrl");
}

TEST(GeneratedStateNames, NamesHistoricalStatesFromIso3166Part3) {
  ActorCode soviet = Iso2("SUN", "SU");
  std::vector<ActorName> names = GeneratedStateNames({soviet}, {"en", "tr", "kk"});
  EXPECT_TRUE(HasName(names, "SUN", "en", "USSR", "debian-iso-codes"));
  EXPECT_TRUE(
      HasName(names, "SUN", "en", "Union of Soviet Socialist Republics", "debian-iso-codes"));
  EXPECT_TRUE(HasName(names, "SUN", "tr", "SSCB", "debian-iso-codes"));
  EXPECT_TRUE(HasName(names, "SUN", "kk", "КСРО", "debian-iso-codes"));
}

TEST(GeneratedStateNames, YieldsOneRowPerActorLanguageAndName) {
  std::vector<ActorName> names = GeneratedStateNames({Iso2("TUR", "TR")}, {"tr"});
  EXPECT_EQ(std::count_if(names.begin(), names.end(),
                          [](const ActorName& row) { return row.name == "Türkiye"; }),
            1);
}

TEST(GeneratedStateNames, YieldsNothingFromMissingFiles) {
  IsoCodesPaths nowhere{"/nonexistent/json", "/nonexistent/locale"};
  std::vector<ActorName> names = GeneratedStateNames({Iso2("TUR", "TR")}, {"tr"}, nowhere);
  EXPECT_TRUE(std::all_of(names.begin(), names.end(), [](const ActorName& row) {
    return row.sources.front().source_id == "unicode-cldr";
  }));
}

// A .mo file with two messages, little-endian, built byte by byte.
std::string TinyMoFile() {
  std::string bytes;
  auto word = [&](uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) bytes.push_back(static_cast<char>(value >> shift));
  };
  const std::vector<std::pair<std::string, std::string>> messages = {{"Türkiye", "Түркия"},
                                                                     {"ctx\x04Yes", "Иә"}};
  const uint32_t header = 20;
  const uint32_t tables = header + 16 * 2;
  word(0x950412de);
  word(0);
  word(2);
  word(header);
  word(header + 16);
  uint32_t offset = tables;
  std::string strings;
  for (const auto& message : messages) {
    word(static_cast<uint32_t>(message.first.size()));
    word(offset + static_cast<uint32_t>(strings.size()));
    strings += message.first + '\0';
  }
  for (const auto& message : messages) {
    word(static_cast<uint32_t>(message.second.size()));
    word(offset + static_cast<uint32_t>(strings.size()));
    strings += message.second + '\0';
  }
  return bytes + strings;
}

TEST(ParseMoCatalog, ReadsMessagesAndDropsContexts) {
  auto catalog = ParseMoCatalog(TinyMoFile());
  ASSERT_TRUE(catalog.has_value());
  EXPECT_EQ(catalog->at("Türkiye"), "Түркия");
  EXPECT_EQ(catalog->at("Yes"), "Иә");
}

TEST(ParseMoCatalog, RejectsBytesThatAreNotAMoFile) {
  EXPECT_FALSE(ParseMoCatalog("msgid \"x\"\nmsgstr \"y\"\n").has_value());
  std::string truncated = TinyMoFile().substr(0, 40);
  EXPECT_FALSE(ParseMoCatalog(truncated).has_value());
}

TEST(ScriptOf, NamesTheScriptOfTheFirstLetter) {
  EXPECT_EQ(ScriptOf("Türkiye"), "Latn");
  EXPECT_EQ(ScriptOf("Қазақстан"), "Cyrl");
  EXPECT_EQ(ScriptOf("(Ελλάδα)"), "Grek");
  EXPECT_EQ(ScriptOf("123"), "");
}

}  // namespace
}  // namespace defcoop::names
