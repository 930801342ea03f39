// Fuzzes the GSDB V3 case file reader (ingest/gsdb.h). Invariants: CheckTable (table_check.h).
#include "defcoop/ingest/gsdb.h"
#include "table_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  defcoop::fuzz::CheckTable(
      defcoop::ingest::kGsdbHeader, defcoop::fuzz::AsText(data, size),
      [](std::string_view text, const std::string& path) {
        return defcoop::ingest::ParseGsdb(text, path);
      },
      [](const defcoop::GsdbFile& file) -> const auto& { return file.cases; });
  return 0;
}
