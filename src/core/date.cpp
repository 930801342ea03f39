#include "defcoop/core/date.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace defcoop {
namespace {

// Plausible bounds for dates in this domain; outside them a value is a typo.
constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2200;

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool ParseDigits(std::string_view text, size_t width, int* out) {
  if (text.size() != width) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  std::from_chars(text.data(), text.data() + text.size(), *out);
  return true;
}

std::string Pad(int value, int width) {
  std::string digits = std::to_string(value);
  return std::string(width > static_cast<int>(digits.size()) ? width - digits.size() : 0, '0') +
         digits;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

DatePrecision Date::precision() const {
  if (month == 0) return DatePrecision::kYear;
  if (day == 0) return DatePrecision::kMonth;
  return DatePrecision::kDay;
}

std::string Date::ToString() const {
  std::string out = Pad(year, 4);
  if (month > 0) out += "-" + Pad(month, 2);
  if (day > 0) out += "-" + Pad(day, 2);
  return out;
}

Date Date::Earliest() const { return Date{year, month == 0 ? 1 : month, day == 0 ? 1 : day}; }

Date Date::Latest() const {
  int last_month = month == 0 ? 12 : month;
  return Date{year, last_month, day == 0 ? DaysInMonth(year, last_month) : day};
}

long Date::DaysSinceEpoch() const {
  // Howard Hinnant's days_from_civil.
  Date d = Earliest();
  int y = d.year - (d.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Result<Date> ParseDate(std::string_view text) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidInput("invalid date '" + std::string(text) + "': " + why +
                                " (write YYYY, YYYY-MM or YYYY-MM-DD)");
  };
  // "2022/02/24" and "2022.02.24": the right digits with another separator.
  if (text.size() > 4 && (text[4] == '/' || text[4] == '.')) {
    std::string dashed(text);
    std::replace(dashed.begin(), dashed.end(), text[4], '-');
    if (ParseDate(dashed).ok()) return bad("write '-' between its parts: " + dashed);
  }
  Date date;
  if (!ParseDigits(text.substr(0, 4), 4, &date.year)) return bad("the year must be 4 digits");
  if (date.year < kMinYear || date.year > kMaxYear) return bad("year out of range");
  if (text.size() == 4) return date;
  if (text.size() < 7 || text[4] != '-' || !ParseDigits(text.substr(5, 2), 2, &date.month)) {
    return bad("the month must be 2 digits after '-'");
  }
  if (date.month < 1 || date.month > 12)
    return bad("there is no month " + std::to_string(date.month));
  if (text.size() == 7) return date;
  if (text.size() != 10 || text[7] != '-' || !ParseDigits(text.substr(8, 2), 2, &date.day)) {
    return bad("the day must be 2 digits after '-'");
  }
  if (date.day < 1 || date.day > DaysInMonth(date.year, date.month)) {
    return bad("month " + std::to_string(date.month) + " of " + std::to_string(date.year) +
               " has no day " + std::to_string(date.day));
  }
  return date;
}

std::string YearRange::ToString() const {
  return first == last ? std::to_string(first) : std::to_string(first) + "-" + std::to_string(last);
}

Result<YearRange> ParseYearRange(std::string_view text) {
  auto bad = [&] {
    return Status::Usage("invalid year range '" + std::string(text) +
                         "' (write A-B, for example 2011-2020, or a single year)");
  };
  // The years dates may have: "0000" or "0999" would print back as "0" or "999".
  auto year_at = [](std::string_view digits, int* year) {
    return ParseDigits(digits, 4, year) && *year >= kMinYear && *year <= kMaxYear;
  };
  size_t dash = text.find('-');
  YearRange range;
  if (dash == std::string_view::npos) {
    if (!year_at(text, &range.first)) return bad();
    range.last = range.first;
    return range;
  }
  if (!year_at(text.substr(0, dash), &range.first) ||
      !year_at(text.substr(dash + 1), &range.last)) {
    return bad();
  }
  if (range.last < range.first) {
    return Status::Usage("the year range '" + std::string(text) + "' is reversed (write " +
                         std::to_string(range.last) + "-" + std::to_string(range.first) + ")");
  }
  return range;
}

}  // namespace defcoop
