// What every libFuzzer harness in fuzz/ shares: the input as text, its line count (the
// bound every reported line must respect), and Check(), which stops the run with a
// message when an invariant does not hold (libFuzzer then saves the input as a crash).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace defcoop::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Lines as the CSV reader may count them: every '\n' and every '\r' can end one.
inline int MaxLines(std::string_view text) {
  auto ends = std::count(text.begin(), text.end(), '\n') + std::count(text.begin(), text.end(), '\r');
  return static_cast<int>(ends) + 1;
}

inline void Check(bool holds, const char* invariant, const std::string& detail = "") {
  if (holds) return;
  std::fprintf(stderr, "invariant broken: %s %s\n", invariant, detail.c_str());
  std::abort();
}

}  // namespace defcoop::fuzz
