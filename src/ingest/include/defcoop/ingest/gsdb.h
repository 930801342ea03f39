// Reader for the Global Sanctions Data Base V3 (GSDB, Felbermayr et al. 2020), case-level
// file: one sanction case per row, begin years 1949–2022, senders and targets as English
// country or organisation names (comma lists for several parties; the World Bank's
// inverted names such as "Korea, North" stay whole). Every row is either returned or
// listed in GsdbFile::problems with file, line and reason; a row loaded after a repair (a
// single outcome given for several objectives, applied to each) is listed with
// repaired = true. Actor ids are left empty: the caller resolves the names with its name
// index.
#pragma once

#include <string>
#include <string_view>

#include "defcoop/core/model.h"
#include "defcoop/core/status.h"

namespace defcoop::ingest {

// The header GSDB V3's case-level file starts with.
inline constexpr std::string_view kGsdbHeader =
    "case_id,sanctioned_state,sanctioning_state,begin,end,trade,descr_trade,arms,military,"
    "financial,travel,other,target_mult,sender_mult,objective,success";

// Reads and parses the file at `path` and sets content_hash. Errors: Io when it cannot
// be read; InvalidInput when its first line is not GSDB V3's header.
Result<GsdbFile> ReadGsdbFile(const std::string& path);

// Parses the raw bytes of a GSDB V3 case file; `path` names it in problems.
Result<GsdbFile> ParseGsdb(std::string_view bytes, const std::string& path);

}  // namespace defcoop::ingest
