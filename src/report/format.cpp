#include "format.h"

#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace defcoop::report {
namespace {

constexpr double kMillisPerDay = 86400000.0;

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

Formatter::Formatter(std::string_view lang) : lang_(lang), locale_(std::string(lang).c_str()) {
  UErrorCode status = U_ZERO_ERROR;
  number_.reset(icu::NumberFormat::createInstance(locale_, status));
  status = U_ZERO_ERROR;
  percent_.reset(icu::NumberFormat::createPercentInstance(locale_, status));
  status = U_ZERO_ERROR;
  patterns_.reset(icu::DateTimePatternGenerator::createInstance(locale_, status));
  if (U_FAILURE(status)) patterns_.reset();
}

std::string Formatter::Number(double value, int max_decimals) const {
  if (!number_) return std::to_string(value);
  number_->setMinimumFractionDigits(0);
  number_->setMaximumFractionDigits(max_decimals);
  icu::UnicodeString text;
  number_->format(value, text);
  return ToUtf8(text);
}

std::string Formatter::Percent(double share, int decimals) const {
  if (!percent_) return std::to_string(share * 100) + "%";
  percent_->setMinimumFractionDigits(decimals);
  percent_->setMaximumFractionDigits(decimals);
  icu::UnicodeString text;
  percent_->format(share, text);
  return ToUtf8(text);
}

std::string Formatter::FormatDate(const Date& date, const char* skeleton) const {
  if (!patterns_) return date.ToString();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString pattern = patterns_->getBestPattern(icu::UnicodeString(skeleton), status);
  icu::SimpleDateFormat format(pattern, locale_, status);
  if (U_FAILURE(status)) return date.ToString();
  format.adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
  icu::UnicodeString text;
  format.format(static_cast<UDate>(date.Earliest().DaysSinceEpoch()) * kMillisPerDay, text);
  return ToUtf8(text);
}

std::string Formatter::DateText(const Date& date) const {
  switch (date.precision()) {
    case DatePrecision::kYear:
      return Year(date.year);
    case DatePrecision::kMonth:
      return FormatDate(date, "yMMMM");
    case DatePrecision::kDay:
      return FormatDate(date, "yMMMMd");
  }
  return date.ToString();
}

std::string Formatter::Years(YearRange years) const {
  if (years.first == years.last) return Year(years.first);
  return Year(years.first) + "\u2013" + Year(years.last);
}

}  // namespace defcoop::report
