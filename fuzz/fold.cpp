// Fuzzes names FoldForMatch. Invariants: folding never fails, valid UTF-8 folds to
// valid UTF-8, and a key is a fixed point (folding a key gives the same key), so that
// a key stored at import time matches the same name looked up later.
#include <string>

#include "defcoop/csv/reader.h"
#include "defcoop/names/fold.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using defcoop::fuzz::Check;
  std::string_view text = defcoop::fuzz::AsText(data, size);
  std::string key = defcoop::names::FoldForMatch(text);
  if (!defcoop::csv::IsValidUtf8(text)) return 0;
  Check(defcoop::csv::IsValidUtf8(key), "valid UTF-8 folds to valid UTF-8");
  Check(defcoop::names::FoldForMatch(key) == key, "a key folds to itself", key);
  return 0;
}
