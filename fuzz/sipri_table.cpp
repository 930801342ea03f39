// Fuzzes the SIPRI TIV table reader (importer, exporter and regional tables; the seeds
// are the first lines of real tables, header included). Invariants: CheckSipri
// (sipri_check.h).
#include "sipri_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  defcoop::fuzz::CheckSipri(defcoop::fuzz::AsText(data, size));
  return 0;
}
