#include "defcoop/names/fold.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

namespace defcoop::names {

// Applied to lowercase text. Russian letters follow the usual English-language
// romanization (so "Казахстан" meets "Kazakhstan"); the letters of Kazakh, Kyrgyz and
// Uzbek follow those languages' own Latin alphabets (Қазақстан -> Qazaqstan, Ўзбекистон
// -> Oʻzbekiston), so a Cyrillic spelling meets its native Latin spelling.
const char kCyrillicToLatinRules[] =
    "а > a; б > b; в > v; г > g; д > d; е > e; ё > e; ж > zh; з > z; и > i; й > y;"
    "к > k; л > l; м > m; н > n; о > o; п > p; р > r; с > s; т > t; у > u; ф > f;"
    "х > kh; ц > ts; ч > ch; ш > sh; щ > shch; ъ > ''; ы > y; ь > ''; э > e; ю > yu;"
    "я > ya;"
    // Kazakh, Kyrgyz, Uzbek, Tatar, Bashkir.
    "ә > a; ғ > g; қ > q; ң > ng; ө > o; ұ > u; ү > u; һ > h; і > i; ў > o; ҳ > h;"
    "ҷ > j; ӯ > u; ӣ > i;"
    // Ukrainian, Belarusian, Serbian, Macedonian.
    "є > ye; ї > yi; ґ > g; ј > j; ђ > dj; ћ > c; џ > dz; љ > lj; њ > nj; ѓ > gj;"
    "ќ > kj; ѕ > dz;"
    // Azerbaijani Latin schwa, which Latin-ASCII leaves alone.
    "ə > e;";

namespace {

constexpr char16_t kCapitalIWithDot = 0x0130;  // İ
constexpr char16_t kDotlessI = 0x0131;         // ı

std::unique_ptr<icu::Transliterator> MakeCyrillicTransliterator() {
  UParseError parse_error;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> result(icu::Transliterator::createFromRules(
      "defcoop-Cyrillic-Latin", icu::UnicodeString::fromUTF8(kCyrillicToLatinRules), UTRANS_FORWARD,
      parse_error, status));
  if (U_FAILURE(status)) return nullptr;
  return result;
}

std::unique_ptr<icu::Transliterator> MakeAnyLatinTransliterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> result(icu::Transliterator::createInstance(
      "Any-Latin; Latin-ASCII; NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) return nullptr;
  return result;
}

// Transliterators are not safe for concurrent use; each thread gets its own.
void Transliterate(icu::UnicodeString* text) {
  thread_local std::unique_ptr<icu::Transliterator> cyrillic = MakeCyrillicTransliterator();
  thread_local std::unique_ptr<icu::Transliterator> any_latin = MakeAnyLatinTransliterator();
  if (cyrillic) cyrillic->transliterate(*text);
  if (any_latin) any_latin->transliterate(*text);
  // Any-Latin can itself write a schwa (Armenian Ը -> ə): fold it as the rules above do,
  // so that a key folds to itself.
  if (cyrillic) cyrillic->transliterate(*text);
}

icu::UnicodeString NormalizeNfkc(const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return text;
  icu::UnicodeString result = nfkc->normalize(text, status);
  return U_FAILURE(status) ? text : result;
}

bool IsApostrophe(UChar32 c) {
  switch (c) {
    case 0x0027:  // '
    case 0x0060:  // `
    case 0x00B4:  // ´
    case 0x02B9:  // ʹ
    case 0x02BA:  // ʺ
    case 0x02BB:  // ʻ
    case 0x02BC:  // ʼ
    case 0x02BD:  // ʽ
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x2032:  // ′
      return true;
    default:
      return false;
  }
}

void AppendSpace(std::string* key) {
  if (!key->empty() && key->back() != ' ') key->push_back(' ');
}

void AppendCodePoint(std::string* key, UChar32 c) {
  if (c < 0x80) {
    key->push_back(static_cast<char>(c));
    return;
  }
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, c, error);
  if (!error) key->append(buffer, length);
}

// Step 5: keep letters and digits, drop apostrophes, everything else separates words.
void AppendToKey(std::string* key, UChar32 c) {
  if (IsApostrophe(c)) return;
  if (c == '&') {
    AppendSpace(key);
    *key += "and ";
  } else if (u_isalnum(c)) {
    AppendCodePoint(key, c);
  } else {
    AppendSpace(key);
  }
}

void TrimKey(std::string* key) {
  if (!key->empty() && key->back() == ' ') key->pop_back();
}

std::string BuildKey(const icu::UnicodeString& text) {
  std::string key;
  for (int32_t index = 0; index < text.length(); index = text.moveIndex32(index, 1))
    AppendToKey(&key, text.char32At(index));
  TrimKey(&key);
  return key;
}

// ASCII is its own NFKC form and transliterates to itself, so steps 1-4 are lowercasing.
std::string FoldAscii(std::string_view text) {
  std::string key;
  for (char c : text) {
    AppendToKey(&key, (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  }
  TrimKey(&key);
  return key;
}

// Step 5's apostrophes, dropped before transliteration too: dropped only after it, they
// joined what the transliterator had seen apart ("m`撞" -> "m撞", which folds to "m 撞").
icu::UnicodeString WithoutApostrophes(const icu::UnicodeString& text) {
  icu::UnicodeString kept;
  for (int32_t index = 0; index < text.length(); index = text.moveIndex32(index, 1)) {
    UChar32 c = text.char32At(index);
    if (!IsApostrophe(c)) kept.append(c);
  }
  return kept;
}

}  // namespace

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string FoldVersion() {
  UVersionInfo icu;
  u_getVersion(icu);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, text);
  return "icu " + std::string(text) + ", fold " + std::to_string(kFoldVersion);
}

std::string FoldForMatch(std::string_view text) {
  return IsAscii(text) ? FoldAscii(text) : FoldForMatchWithIcu(text);
}

std::string FoldForMatchWithIcu(std::string_view text) {
  icu::UnicodeString unicode = WithoutApostrophes(NormalizeNfkc(icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))));
  unicode.findAndReplace(icu::UnicodeString(kCapitalIWithDot), icu::UnicodeString(u'i'));
  unicode.findAndReplace(icu::UnicodeString(kDotlessI), icu::UnicodeString(u'i'));
  unicode.toLower(icu::Locale::getRoot());
  Transliterate(&unicode);
  unicode.foldCase();
  return BuildKey(unicode);
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> previous(b.size() + 1);
  std::iota(previous.begin(), previous.end(), size_t{0});
  std::vector<size_t> current(b.size() + 1);
  for (size_t row = 1; row <= a.size(); ++row) {
    current[0] = row;
    for (size_t column = 1; column <= b.size(); ++column) {
      size_t substitution = previous[column - 1] + (a[row - 1] == b[column - 1] ? 0 : 1);
      current[column] = std::min({previous[column] + 1, current[column - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace defcoop::names
