#include "defcoop/names/generated_names.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

namespace defcoop::names {
namespace {

constexpr uint32_t kMoMagic = 0x950412de;         // GNU gettext, in the file's byte order
constexpr uint32_t kMoMagicSwapped = 0xde120495;  // ... written on the other endianness
constexpr size_t kMoHeaderSize = 20;              // magic, revision, count, two offsets
constexpr char kContextSeparator = '\x04';        // msgctxt EOT msgid

constexpr char kCldrSource[] = "unicode-cldr";
constexpr char kIsoCodesSource[] = "debian-iso-codes";

uint32_t ReadWord(std::string_view bytes, size_t offset, bool swapped) {
  if (offset + 4 > bytes.size()) return UINT32_MAX;
  uint32_t value = 0;
  for (int index = 3; index >= 0; --index) {
    value = (value << 8) | static_cast<unsigned char>(bytes[offset + index]);
  }
  if (!swapped) return value;
  return ((value & 0xffu) << 24) | ((value & 0xff00u) << 8) | ((value >> 8) & 0xff00u) |
         (value >> 24);
}

// The string of a .mo table entry (length, offset), up to its first NUL (plural forms
// follow the singular after a NUL); nullopt when the entry points outside the file.
std::optional<std::string> MoString(std::string_view bytes, size_t entry, bool swapped) {
  uint32_t length = ReadWord(bytes, entry, swapped);
  uint32_t offset = ReadWord(bytes, entry + 4, swapped);
  if (length == UINT32_MAX || offset == UINT32_MAX) return std::nullopt;
  if (static_cast<size_t>(offset) + length > bytes.size()) return std::nullopt;
  std::string_view text = bytes.substr(offset, length);
  return std::string(text.substr(0, text.find('\0')));
}

std::string DropContext(std::string text) {
  size_t separator = text.find(kContextSeparator);
  return separator == std::string::npos ? text : text.substr(separator + 1);
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::map<std::string, std::string> LoadCatalog(const IsoCodesPaths& paths, const std::string& lang,
                                               const std::string& domain) {
  std::string bytes =
      ReadWholeFile(paths.locale_dir + "/" + lang + "/LC_MESSAGES/" + domain + ".mo");
  auto catalog = ParseMoCatalog(bytes);
  return catalog ? *catalog : std::map<std::string, std::string>{};
}

nlohmann::json LoadJson(const std::string& path) {
  std::string text = ReadWholeFile(path);
  if (text.empty()) return nlohmann::json::object();
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

// An ISO entry's English names with the kind each gets.
using EnglishNames = std::vector<std::pair<std::string, std::string>>;

EnglishNames NamesOfEntry(const nlohmann::json& entry, const char* name_kind) {
  EnglishNames names;
  auto add = [&](const char* field, const char* kind) {
    if (entry.contains(field) && entry[field].is_string()) {
      names.emplace_back(entry[field].get<std::string>(), kind);
    }
  };
  add("name", name_kind);
  add("common_name", "short");
  add("official_name", "official");
  return names;
}

std::map<std::string, EnglishNames> LoadIsoTable(const IsoCodesPaths& paths,
                                                 const std::string& part, const char* key_field,
                                                 const char* name_kind) {
  nlohmann::json json = LoadJson(paths.json_dir + "/iso_" + part + ".json");
  std::map<std::string, EnglishNames> table;
  if (!json.is_object() || !json.contains(part) || !json[part].is_array()) return table;
  for (const nlohmann::json& entry : json[part]) {
    if (entry.contains(key_field) && entry[key_field].is_string()) {
      table[entry[key_field].get<std::string>()] = NamesOfEntry(entry, name_kind);
    }
  }
  return table;
}

// ISO 3166-3 names are "USSR, Union of Soviet Socialist Republics": the whole and,
// unless the tail is an inverted "..., Republic of", each part.
std::vector<std::string> SplitHistoricalName(const std::string& name) {
  std::vector<std::string> parts = {name};
  size_t comma = name.find(", ");
  if (comma == std::string::npos) return parts;
  std::string tail = name.substr(comma + 2);
  bool inverted = tail.size() >= 3 && tail.compare(tail.size() - 3, 3, " of") == 0;
  if (inverted || tail.find(',') != std::string::npos || tail.starts_with("(")) return parts;
  parts.push_back(name.substr(0, comma));
  parts.push_back(tail);
  return parts;
}

class Collector {
 public:
  void Add(const std::string& actor, const std::string& lang, const std::string& name,
           const std::string& kind, const char* source) {
    if (name.empty() || !seen_.emplace(actor, lang, name).second) return;
    ActorName row;
    row.actor_id = actor;
    row.lang = lang;
    row.script = ScriptOf(name);
    row.name = name;
    row.kind = kind;
    row.sources.push_back(SourceRef{source, ""});
    rows_.push_back(std::move(row));
  }
  std::vector<ActorName> Take() { return std::move(rows_); }

 private:
  std::set<std::tuple<std::string, std::string, std::string>> seen_;
  std::vector<ActorName> rows_;
};

void AddCldrName(Collector* out, const std::string& actor, const std::string& iso2,
                 const std::string& lang) {
  icu::Locale region("", iso2.c_str());
  icu::UnicodeString display;
  region.getDisplayCountry(icu::Locale(lang.c_str()), display);
  std::string name;
  display.toUTF8String(name);
  if (name != iso2) out->Add(actor, lang, name, "short", kCldrSource);
}

void AddIsoNames(Collector* out, const std::string& actor, const EnglishNames& english,
                 const std::string& lang, const std::map<std::string, std::string>& catalog,
                 bool historical) {
  for (const auto& [name, kind] : english) {
    std::string translated = name;
    if (lang != "en") {
      auto found = catalog.find(name);
      if (found == catalog.end()) continue;
      translated = found->second;
    }
    if (!historical) {
      out->Add(actor, lang, translated, kind, kIsoCodesSource);
      continue;
    }
    for (const std::string& part : SplitHistoricalName(translated)) {
      out->Add(actor, lang, part, kind, kIsoCodesSource);
    }
  }
}

// actor id -> iso2 code, for actors that have one.
std::map<std::string, std::string> Iso2ByActor(const std::vector<ActorCode>& codes) {
  std::map<std::string, std::string> result;
  for (const ActorCode& code : codes) {
    if (code.scheme == "iso2") result.emplace(code.actor_id, code.code);
  }
  return result;
}

std::set<std::string> ActorIds(const std::vector<ActorCode>& codes) {
  std::set<std::string> ids;
  for (const ActorCode& code : codes) ids.insert(code.actor_id);
  return ids;
}

}  // namespace

std::optional<std::map<std::string, std::string>> ParseMoCatalog(std::string_view bytes) {
  if (bytes.size() < kMoHeaderSize) return std::nullopt;
  uint32_t magic = ReadWord(bytes, 0, false);
  if (magic != kMoMagic && magic != kMoMagicSwapped) return std::nullopt;
  bool swapped = magic == kMoMagicSwapped;
  uint32_t count = ReadWord(bytes, 8, swapped);
  uint32_t originals = ReadWord(bytes, 12, swapped);
  uint32_t translations = ReadWord(bytes, 16, swapped);
  std::map<std::string, std::string> catalog;
  for (uint32_t index = 0; index < count; ++index) {
    auto id = MoString(bytes, originals + size_t{8} * index, swapped);
    auto text = MoString(bytes, translations + size_t{8} * index, swapped);
    if (!id || !text) return std::nullopt;
    if (!id->empty() && !text->empty()) catalog[DropContext(*id)] = *text;
  }
  return catalog;
}

std::string ScriptOf(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  for (int32_t index = 0; index < unicode.length(); index = unicode.moveIndex32(index, 1)) {
    UChar32 c = unicode.char32At(index);
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) return "";
    return uscript_getShortName(script);
  }
  return "";
}

std::vector<ActorName> GeneratedStateNames(const std::vector<ActorCode>& codes,
                                           const std::vector<std::string>& langs) {
  return GeneratedStateNames(codes, langs, IsoCodesPaths{});
}

std::vector<ActorName> GeneratedStateNames(const std::vector<ActorCode>& codes,
                                           const std::vector<std::string>& langs,
                                           const IsoCodesPaths& paths) {
  std::map<std::string, EnglishNames> current = LoadIsoTable(paths, "3166-1", "alpha_2", "short");
  std::map<std::string, EnglishNames> withdrawn =
      LoadIsoTable(paths, "3166-3", "alpha_3", "historical");
  std::map<std::string, std::string> iso2_by_actor = Iso2ByActor(codes);
  Collector out;
  for (const std::string& lang : langs) {
    std::map<std::string, std::string> catalog = LoadCatalog(paths, lang, "iso_3166-1");
    std::map<std::string, std::string> old_catalog = LoadCatalog(paths, lang, "iso_3166-3");
    for (const std::string& actor : ActorIds(codes)) {
      auto iso2 = iso2_by_actor.find(actor);
      auto entry = iso2 == iso2_by_actor.end() ? current.end() : current.find(iso2->second);
      if (entry != current.end()) {
        AddCldrName(&out, actor, iso2->second, lang);
        AddIsoNames(&out, actor, entry->second, lang, catalog, false);
        continue;
      }
      auto old_entry = withdrawn.find(actor);
      if (old_entry != withdrawn.end()) {
        AddIsoNames(&out, actor, old_entry->second, lang, old_catalog, true);
      }
    }
  }
  return out.Take();
}

}  // namespace defcoop::names
