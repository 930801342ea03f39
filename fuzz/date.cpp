// Fuzzes core ParseDate and ParseYearRange. Invariants: a parsed date formats back to
// the very text it came from, its earliest day is not after its latest, and a failure
// is InvalidInput with a message; a parsed year range is ordered and reads back the same
// from its own text.
#include "defcoop/core/date.h"
#include "fuzz_check.h"

namespace {

using defcoop::fuzz::Check;

void CheckDate(std::string_view text) {
  defcoop::Result<defcoop::Date> date = defcoop::ParseDate(text);
  if (!date.ok()) {
    Check(date.status().kind() == defcoop::StatusKind::kInvalidInput, "dates fail as input");
    return;
  }
  Check(date->ToString() == text, "a date formats back to itself", date->ToString());
  Check(date->Earliest() <= date->Latest(), "earliest <= latest");
  Check(date->Earliest().DaysSinceEpoch() <= date->Latest().DaysSinceEpoch(), "days ordered");
}

void CheckYearRange(std::string_view text) {
  defcoop::Result<defcoop::YearRange> range = defcoop::ParseYearRange(text);
  if (!range.ok()) {
    Check(!range.status().message().empty(), "a bad range says why");
    return;
  }
  Check(range->first <= range->last, "a range is ordered");
  defcoop::Result<defcoop::YearRange> again = defcoop::ParseYearRange(range->ToString());
  Check(again.ok() && *again == *range, "a range reads back from its text", range->ToString());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = defcoop::fuzz::AsText(data, size);
  CheckDate(text);
  CheckYearRange(text);
  return 0;
}
