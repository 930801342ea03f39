// GDELT publishes each export as a zip archive holding one CSV; this opens such an
// archive in memory (libzip, from Debian) and returns that file's bytes, CRC checked.
#pragma once

#include <string>
#include <string_view>

#include "defcoop/core/status.h"

namespace defcoop::ingest {

// True when `bytes` start as a zip archive does.
bool IsZip(std::string_view bytes);

// The bytes of the one file inside the zip archive `bytes` (named `path` in errors).
// Errors: InvalidInput for a damaged or truncated archive, a CRC mismatch, or an archive
// that does not hold exactly one file.
Result<std::string> UnzipSingleFile(std::string_view bytes, const std::string& path);

}  // namespace defcoop::ingest
