// Fuzzes the SIPRI new-format register (17 columns, one row per deal and delivery year): the input is the body after a preamble and the header, so
// every input reaches the register's record reader. Invariants: CheckSipri (sipri_check.h).
#include <string>

#include "sipri_check.h"

namespace {

constexpr std::string_view kHeader =
    "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local production\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(defcoop::fuzz::kPreamble);
  text += kHeader;
  text += defcoop::fuzz::AsText(data, size);
  defcoop::fuzz::CheckSipri(text);
  return 0;
}
