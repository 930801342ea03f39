// Fuzzes the SIPRI old-format register (16 unquoted columns, records split across lines joined): the input is the body after a preamble and the header, so
// every input reaches the register's record reader. Invariants: CheckSipri (sipri_check.h).
#include <string>

#include "sipri_check.h"

namespace {

constexpr std::string_view kHeader =
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(defcoop::fuzz::kPreamble);
  text += kHeader;
  text += defcoop::fuzz::AsText(data, size);
  defcoop::fuzz::CheckSipri(text);
  return 0;
}
