// Fuzzes the ATOP directed dyad-year file reader (ingest/atop.h). Invariants: CheckTable (table_check.h).
#include "defcoop/ingest/atop.h"
#include "table_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  defcoop::fuzz::CheckTable(
      defcoop::ingest::kAtopHeader, defcoop::fuzz::AsText(data, size),
      [](std::string_view text, const std::string& path) {
        return defcoop::ingest::ParseAtop(text, path);
      },
      [](const defcoop::AtopFile& file) -> const auto& { return file.years; });
  return 0;
}
