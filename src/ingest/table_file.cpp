#include "table_file.h"

namespace defcoop::ingest::table_internal {

std::string DecodeText(std::string_view bytes) {
  return csv::IsValidUtf8(bytes) ? std::string(csv::StripBom(bytes)) : csv::Latin1ToUtf8(bytes);
}

Status CheckHeader(csv::Reader* reader, std::string_view header, std::string_view not_this_format) {
  csv::Record record;
  Status error;
  if (!reader->Next(&record, &error)) {
    return Status::InvalidInput(reader->file() + ": empty file or unreadable header" +
                                (error.ok() ? "" : ": " + error.message()));
  }
  std::string joined;
  for (const std::string& field : record.fields) joined += (joined.empty() ? "" : ",") + field;
  if (joined != header)
    return Status::InvalidInput(reader->file() + ": " + std::string(not_this_format));
  return Status::Ok();
}

}  // namespace defcoop::ingest::table_internal
