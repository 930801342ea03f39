// Dates with precision and year ranges. Sources give dates as a year ("2022"), a
// month ("2022-05") or a day ("2022-05-10"); a Date keeps exactly what was given so
// that outputs never claim more precision than the source had.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "defcoop/core/status.h"

namespace defcoop {

enum class DatePrecision { kYear, kMonth, kDay };

struct Date {
  int year = 0;
  int month = 0;  // 0 when precision is kYear
  int day = 0;    // 0 when precision is kMonth or kYear

  DatePrecision precision() const;
  std::string ToString() const;  // ISO 8601 at the date's own precision

  // Ordering by (year, month, day); a year-only date sorts before its months.
  auto operator<=>(const Date&) const = default;

  // The first and last day the date can stand for ("2022-05" -> 2022-05-01, 2022-05-31).
  Date Earliest() const;
  Date Latest() const;
  // Days since 1970-01-01 of a day-precision date (uses Earliest() otherwise).
  long DaysSinceEpoch() const;
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; rejects impossible dates (2021-02-30)
// with a message that says what is wrong.
Result<Date> ParseDate(std::string_view text);
int DaysInMonth(int year, int month);

// An inclusive range of years, as in "--years 2011-2020".
struct YearRange {
  int first = 0;
  int last = 0;

  bool Contains(int year) const { return year >= first && year <= last; }
  int Length() const { return last - first + 1; }
  std::string ToString() const;
  bool operator==(const YearRange&) const = default;
};

// Parses "2011-2020" or a single year "2022".
Result<YearRange> ParseYearRange(std::string_view text);

}  // namespace defcoop
