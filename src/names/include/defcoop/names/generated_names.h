// Names of states in many languages that Debian and ICU already know, so that the
// curated data only needs the spellings neither has.
//
// Two sources, both read at run time from the system (nothing is copied into data/):
//   - ICU's locale display names (Unicode CLDR): icu::Locale("", iso2).getDisplayCountry
//     in each language; rows cite source id "unicode-cldr".
//   - Debian iso-codes: the English names of /usr/share/iso-codes/json/iso_3166-1.json
//     (name, official_name, common_name) and their translations in
//     /usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo (GNU gettext catalogs, read
//     directly); for historical states without a current alpha-2 code, the ISO 3166-3
//     entry with the actor's id as alpha-3 and iso_3166-3.mo. Rows cite
//     "debian-iso-codes".
// A missing file or language yields fewer names, never an error: the index then simply
// knows fewer spellings.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "defcoop/core/model.h"

namespace defcoop::names {

// Where Debian iso-codes lives; the defaults are Debian's paths.
struct IsoCodesPaths {
  std::string json_dir = "/usr/share/iso-codes/json";
  std::string locale_dir = "/usr/share/locale";
};

// For every actor with an "iso2" code (or whose id is an ISO 3166-3 alpha-3 code), its
// names in `langs` (e.g. en, tr, kk, ru, az, uz, ky). Each row cites source id
// "unicode-cldr" or "debian-iso-codes"; kind is "official" for ISO official names,
// "historical" for ISO 3166-3 names, else "short". One row per (actor, lang, name).
std::vector<ActorName> GeneratedStateNames(const std::vector<ActorCode>& codes,
                                           const std::vector<std::string>& langs);
std::vector<ActorName> GeneratedStateNames(const std::vector<ActorCode>& codes,
                                           const std::vector<std::string>& langs,
                                           const IsoCodesPaths& paths);

// The messages of a GNU gettext .mo catalog held in memory: msgid -> msgstr (singular
// forms; message contexts are dropped). nullopt when the bytes are not a .mo file.
std::optional<std::map<std::string, std::string>> ParseMoCatalog(std::string_view bytes);

// ISO 15924 code of the script of the first letter of `text` ("Latn", "Cyrl"), "" if none.
std::string ScriptOf(std::string_view text);

}  // namespace defcoop::names
