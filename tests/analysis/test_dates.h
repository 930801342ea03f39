// Dates written inline in analysis tests: D("2022-05") and OptD("") for an absent date.
#pragma once

#include <optional>
#include <string>

#include "defcoop/core/date.h"

namespace defcoop::analysis {

inline Date D(const std::string& text) { return ParseDate(text).value(); }

inline std::optional<Date> OptD(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return D(text);
}

}  // namespace defcoop::analysis
