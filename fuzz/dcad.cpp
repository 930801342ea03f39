// Fuzzes the DCAD main file reader (ingest/dcad.h). Invariants: CheckTable (table_check.h).
#include "defcoop/ingest/dcad.h"
#include "table_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  defcoop::fuzz::CheckTable(
      defcoop::ingest::kDcadHeader, defcoop::fuzz::AsText(data, size),
      [](std::string_view text, const std::string& path) {
        return defcoop::ingest::ParseDcad(text, path);
      },
      [](const defcoop::DcadFile& file) -> const auto& { return file.agreements; });
  return 0;
}
