// Reader for the ATOP alliance data (Leeds et al.; version 5.1) as directed dyad-years,
// in the CSV that ../shared/data converted from the peacesciencer R package: one row per
// (state 1, state 2, year) with five 0/1 obligation columns; only allied dyad-years are
// listed. Every row is either returned or listed in AtopFile::problems with file, line
// and reason. Actor ids are left empty: the caller resolves the COW codes.
#pragma once

#include <string>
#include <string_view>

#include "defcoop/core/model.h"
#include "defcoop/core/status.h"

namespace defcoop::ingest {

inline constexpr std::string_view kAtopHeader =
    "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul";

// Reads and parses the file at `path` and sets content_hash. Errors: Io when it cannot
// be read; InvalidInput when its first line is not that header.
Result<AtopFile> ReadAtopFile(const std::string& path);

// Parses the raw bytes; `path` names the file in problems.
Result<AtopFile> ParseAtop(std::string_view bytes, const std::string& path);

}  // namespace defcoop::ingest
