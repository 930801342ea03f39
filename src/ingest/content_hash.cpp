#include "defcoop/ingest/content_hash.h"

#include "defcoop/csv/reader.h"
#include "defcoop/ingest/sipri.h"

namespace defcoop::ingest {

std::string NormalizedText(std::string_view bytes) {
  std::string decoded =
      csv::IsValidUtf8(bytes) ? std::string(csv::StripBom(bytes)) : csv::Latin1ToUtf8(bytes);
  std::string text;
  text.reserve(decoded.size());
  for (size_t pos = 0; pos < decoded.size(); ++pos) {
    if (decoded[pos] != '\r') {
      text += decoded[pos];
      continue;
    }
    text += '\n';
    if (pos + 1 < decoded.size() && decoded[pos + 1] == '\n') ++pos;
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\t')) {
    text.pop_back();
  }
  return text;
}

std::string DataHash(std::string_view bytes) {
  // ContentHash of the normalized text, marked so it is never mistaken for a hash of bytes.
  return "data1:" + ContentHash(NormalizedText(bytes));
}

}  // namespace defcoop::ingest
