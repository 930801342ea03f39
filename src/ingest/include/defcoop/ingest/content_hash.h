// How an import recognises data it already holds. The same data saved with a byte-order
// mark, with CRLF line ends, or re-encoded from Latin-1 to UTF-8 has other bytes but is
// the same data: counted twice, it would double every figure. DataHash identifies the
// normalized text instead of the bytes.
#pragma once

#include <string>
#include <string_view>

namespace defcoop::ingest {

// The text as the readers see it: decoded to UTF-8 (Latin-1 when not valid UTF-8),
// without a byte-order mark, every line ending in "\n", without trailing blank lines
// or whitespace at the end of the file.
std::string NormalizedText(std::string_view bytes);

// "data1:<fnv1a64>:<length>" of NormalizedText(bytes). Two files with the same hash
// hold the same data.
std::string DataHash(std::string_view bytes);

}  // namespace defcoop::ingest
