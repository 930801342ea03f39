// The report's words in English, Turkish, Kazakh and Russian: section titles, labels,
// sentences and the method notes, all in one table (messages.cpp) so that a translator
// edits one file. Sentences take positional arguments {0}, {1}, ...
//
// Contract: Msg never fails. A key missing from a language falls back to English; a key
// missing altogether returns the key itself, so a typo shows up in the output instead of
// crashing (tests check that every key used has all four languages).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace defcoop::report {

inline constexpr std::string_view kLanguages[] = {"en", "tr", "kk", "ru"};

std::string Msg(std::string_view key, std::string_view lang);

// Msg with {0}, {1}, ... replaced by `args` (inserted as given: escape them first when
// the result is HTML).
std::string Msg(std::string_view key, std::string_view lang, const std::vector<std::string>& args);

// Every key of the catalog, and whether `key` has a text in `lang` (for tests).
std::vector<std::string_view> MessageKeys();
bool HasMessage(std::string_view key, std::string_view lang);

}  // namespace defcoop::report
