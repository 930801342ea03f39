// Numbers and dates written the way a reader of the report's language expects, through
// ICU (CLDR data): "1,234.5" in English, "1.234,5" in Turkish, "1 234,5" in Kazakh and
// Russian; "10 May 2022", "10 Mayıs 2022", "2022 ж. 10 мамыр", "10 мая 2022 г.". Years
// are written without grouping ("2022", never "2.022").
#pragma once

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/numfmt.h>

#include <memory>
#include <string>
#include <string_view>

#include "defcoop/core/date.h"

namespace defcoop::report {

class Formatter {
 public:
  explicit Formatter(std::string_view lang);

  // `value` with at most `max_decimals` decimals (trailing zeros dropped).
  std::string Number(double value, int max_decimals = 0) const;
  // A share 0..1 as a percentage with `decimals` decimals: "12.5%", "%12,5".
  std::string Percent(double share, int decimals = 1) const;
  // A date at its own precision: a year, a month and year, or a full date.
  std::string DateText(const Date& date) const;
  static std::string Year(int year) { return std::to_string(year); }
  std::string Years(YearRange years) const;  // "2000–2024"
  const std::string& lang() const { return lang_; }

 private:
  std::string FormatDate(const Date& date, const char* skeleton) const;

  std::string lang_;
  icu::Locale locale_;
  std::unique_ptr<icu::NumberFormat> number_;
  std::unique_ptr<icu::NumberFormat> percent_;
  std::unique_ptr<icu::DateTimePatternGenerator> patterns_;
};

}  // namespace defcoop::report
