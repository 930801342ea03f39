// Match keys: the string two spellings share when they name the same thing. Name
// resolution compares keys, never raw text, so "TÜRKİYE", "türkiye" and "Turkiye" meet,
// and "Ўзбекистон" meets "Oʻzbekiston". Folding never fails: any UTF-8 input yields a key
// (invalid bytes become U+FFFD and then a space).
//
// The steps, in order:
//   1. NFKC normalization (full-width and compatibility forms, composed İ);
//   2. Turkish case rules made script-neutral: İ and ı become i (and I lowercases to i);
//   3. lowercase, then Cyrillic (Russian, Kazakh, Kyrgyz, Uzbek, Ukrainian, Serbian,
//      Macedonian letters) to Latin with defcoop's rules (kCyrillicToLatinRules: х->kh,
//      ж->zh, қ->q, ғ->g, ү/ұ->u, ө->o, ң->ng, һ->h, і->i, ә->a, ў->o; and Azerbaijani
//      ə->e), so "Казахстан"
//      -> "kazakhstan", "Қазақстан" -> "qazaqstan", "Ўзбекистон" -> "ozbekiston";
//   4. every other script to Latin with ICU's "Any-Latin; Latin-ASCII" (removes
//      diacritics: ü->u, ş->s, ç->c), then full case folding;
//   5. apostrophes and modifier letters (' ’ ʻ ʼ ` ´ ʹ) are dropped ("Oʻzbekiston" ->
//      "ozbekiston"); "&" becomes " and "; any other non-alphanumeric character is a
//      space; runs of spaces collapse to one; no leading or trailing space.
#pragma once

#include <string>
#include <string_view>

namespace defcoop::names {

// The match key of `text`. "Türkiye", "TÜRKİYE", "Turkiye" -> "turkiye".
std::string FoldForMatch(std::string_view text);
// FoldForMatch through ICU whatever the text. FoldForMatch folds ASCII text without ICU
// (no normalizer or transliterator is made); tests check that both agree.
std::string FoldForMatchWithIcu(std::string_view text);

// Whether every byte of `text` is ASCII (FoldForMatch then needs no ICU).
bool IsAscii(std::string_view text);

// Which folding made a key: the ICU version in use and kFoldVersion. Keys saved by one
// version (the store's name_fold table) are used only by the same version.
std::string FoldVersion();
// Raise it whenever FoldForMatch would give any text another key than before.
inline constexpr int kFoldVersion = 1;

// The ICU transliteration rules of step 3, exposed for tests and documentation.
extern const char kCyrillicToLatinRules[];

// Levenshtein distance between two byte strings (match keys are ASCII).
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace defcoop::names
