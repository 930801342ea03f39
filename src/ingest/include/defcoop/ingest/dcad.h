// Reader for the Defense Cooperation Agreement Dataset (DCAD v1.0, Kinne 2020), main
// file: one bilateral agreement per row, signed 1980–2010, COW state codes. The file is
// Latin-1 (converted to UTF-8). Every row is either returned or listed in
// DcadFile::problems with file, line and reason; a row loaded after a repair (an
// entry-into-force date with no year, left out) is listed with repaired = true. Actor
// ids are left empty: the caller resolves the COW codes with its name index.
#pragma once

#include <string>
#include <string_view>

#include "defcoop/core/model.h"
#include "defcoop/core/status.h"

namespace defcoop::ingest {

// The header DCAD v1.0's main file starts with.
inline constexpr std::string_view kDcadHeader =
    "ccode1,cowName1,ccode2,cowName2,signDay,signMonth,signYear,EIFDay,EIFMonth,EIFYear,type,"
    "category1,category2,category3,span,renewType,renewYears,terminated,durationActual,"
    "endYearEstimate,asymmetry,categoryConf,UNTS,fullText,sourceType,source,factivaConf,"
    "factivaSign,factivaEIF,DCAid";

// Reads and parses the file at `path` and sets content_hash. Errors: Io when it cannot
// be read; InvalidInput when its first line is not DCAD's header.
Result<DcadFile> ReadDcadFile(const std::string& path);

// Parses the raw bytes of a DCAD main file; `path` names it in problems.
Result<DcadFile> ParseDcad(std::string_view bytes, const std::string& path);

}  // namespace defcoop::ingest
