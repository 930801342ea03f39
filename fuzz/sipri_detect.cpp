// Fuzzes SIPRI format detection, the whole SIPRI reader on raw bytes (any format), and
// the vintage of every line. Invariants: those of CheckSipri (sipri_check.h); a vintage
// read from a line is a valid day that formats back to itself.
#include <string>

#include "defcoop/core/date.h"
#include "defcoop/ingest/sipri.h"
#include "sipri_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using defcoop::fuzz::Check;
  std::string_view text = defcoop::fuzz::AsText(data, size);
  defcoop::Result<defcoop::SipriFormat> format = defcoop::ingest::DetectSipriFormat(text);
  Check(format.ok() || !format.status().message().empty(), "detection says why it fails");
  defcoop::fuzz::CheckSipri(text);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string vintage = defcoop::ingest::ParseSipriVintage(text.substr(start, end - start));
    if (!vintage.empty()) {
      defcoop::Result<defcoop::Date> date = defcoop::ParseDate(vintage);
      Check(date.ok() && date->precision() == defcoop::DatePrecision::kDay &&
                date->ToString() == vintage,
            "a vintage is a valid day", vintage);
    }
    start = end + 1;
  }
  return 0;
}
