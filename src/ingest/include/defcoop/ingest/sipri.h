// Readers for SIPRI Arms Transfers Database exports: old and new trade registers,
// importer/exporter TIV tables (including the old `values.php` top-200 tables whose
// preamble was moved to a README.txt) and regional supplier tables. The format is
// detected from the file's header line, with no options; Latin-1 files are converted
// to UTF-8. Every input record is either returned or listed in SipriFile::problems
// with file, line and reason (repaired = false); repairs (records joined across a
// stray newline) are listed too, with repaired = true. A problem whose line is 0
// concerns the whole file (for example an unknown vintage), not a record.
#pragma once

#include <string>
#include <string_view>

#include "defcoop/core/model.h"
#include "defcoop/core/status.h"

namespace defcoop::ingest {

// Identifies a file's bytes (SipriFile::content_hash).
std::string ContentHash(std::string_view bytes);

// Reads and parses the file at `path`, and sets content_hash. When the file has no preamble (the old
// top-200 tables), the vintage and title come from "<name> README.txt" or
// "README.txt" next to it, if one exists. Errors: Io when it cannot be read;
// InvalidInput when it is not a SIPRI export defcoop knows.
Result<SipriFile> ReadSipriFile(const std::string& path);

// Parses the raw bytes of a SIPRI export; `path` names it in problems.
// Errors: InvalidInput when no known header is found (the message says which
// headers are known) or when a known header has unexpected columns.
Result<SipriFile> ParseSipri(std::string_view bytes, const std::string& path);

// As above, with the text of a README that holds the preamble of a file that has
// none (used for vintage and title only; ignored when the file has its own).
Result<SipriFile> ParseSipri(std::string_view bytes, const std::string& path,
                             std::string_view readme);

// Detects the format from the raw bytes, as ParseSipri does.
Result<SipriFormat> DetectSipriFormat(std::string_view bytes);

// Turns a preamble line "Data generated: 13 Mar 2025 10:02:49 AM" or
// "Generated: 05 December 2023" into "2025-03-13" / "2023-12-05"; "" when the line
// is not such a line or its date cannot be read.
std::string ParseSipriVintage(std::string_view line);

}  // namespace defcoop::ingest
