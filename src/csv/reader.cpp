#include "defcoop/csv/reader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace defcoop::csv {

Reader::Reader(std::string_view text, std::string file, Dialect dialect)
    : text_(text), file_(std::move(file)), dialect_(dialect) {}

Status Reader::Error(std::string message, int column) const {
  return Status::InvalidInput(std::move(message), Location{file_, line_, column});
}

void Reader::SkipToNextLine() {
  while (!AtEnd() && text_[pos_] != '\n') ++pos_;
  if (!AtEnd()) {
    ++pos_;
    ++line_;
    line_start_ = pos_;
  }
}

void Reader::SkipLines(int count) {
  for (int skipped = 0; skipped < count && !AtEnd(); ++skipped) SkipToNextLine();
}

void Reader::ResumeAfterFirstLine(size_t record_start, int record_line) {
  pos_ = record_start;
  line_ = record_line;
  line_start_ = record_start;
  SkipToNextLine();
}

bool Reader::Next(Record* record, Status* error) {
  record->fields.clear();
  record->columns.clear();
  record->lines.clear();
  *error = Status::Ok();
  if (AtEnd()) return false;
  record->line = line_;
  const size_t record_start = pos_;
  std::string field;
  bool in_quotes = false;
  bool field_was_quoted = false;
  auto column_now = [&] { return static_cast<int>(pos_ - line_start_) + 1; };
  auto start_field = [&] {
    record->columns.push_back(column_now());
    record->lines.push_back(line_);
  };
  start_field();
  while (!AtEnd()) {
    char c = text_[pos_];
    if (in_quotes) {
      ++pos_;
      if (c == '"') {
        if (!AtEnd() && text_[pos_] == '"') {
          field += '"';
          ++pos_;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') {
          ++line_;
          line_start_ = pos_;
        }
        field += c;
      }
      continue;
    }
    if (c == '"' && dialect_.quoting) {
      if (!field.empty() || field_was_quoted) {
        *error =
            Error("unexpected '\"' inside a field (quote the whole field and double inner quotes)",
                  column_now());
        SkipToNextLine();
        return false;
      }
      in_quotes = true;
      field_was_quoted = true;
      ++pos_;
      continue;
    }
    if (c == dialect_.delimiter) {
      record->fields.push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
      ++pos_;
      start_field();
      continue;
    }
    if (c == '\n' || c == '\r') {
      // End of record: "\n", "\r\n" or a lone "\r".
      ++pos_;
      if (c == '\r' && !AtEnd() && text_[pos_] == '\n') ++pos_;
      record->end_line = line_;
      ++line_;
      line_start_ = pos_;
      record->fields.push_back(std::move(field));
      return true;
    }
    if (field_was_quoted) {
      *error = Error("text after a closing quote (quote the whole field)", column_now());
      SkipToNextLine();
      return false;
    }
    field += c;
    ++pos_;
  }
  if (in_quotes) {
    *error = Status::InvalidInput("a quoted field is never closed (missing '\"')",
                                  Location{file_, record->line, record->columns.back()});
    // Only the record's first line is rejected: the lines after it are records of
    // their own, not the rest of a field that never ends.
    ResumeAfterFirstLine(record_start, record->line);
    return false;
  }
  record->end_line = line_;
  record->fields.push_back(std::move(field));
  return true;
}

Result<std::string> ReadFile(const std::string& path) {
  // Opening a FIFO would wait for a writer forever, and a directory "opens" and reads
  // as empty: refuse both (and devices, sockets) with what they are.
  std::error_code error;
  std::filesystem::file_status status = std::filesystem::status(path, error);
  if (!error && std::filesystem::is_directory(status)) {
    return Status::Io("cannot read " + path + ": it is a directory, not a file");
  }
  if (!error && !std::filesystem::is_regular_file(status)) {
    return Status::Io("cannot read " + path +
                      ": not a regular file (a pipe, device or socket); save it to a file first");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::Io("error while reading " + path);
  return buffer.str();
}

std::string Latin1ToUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (unsigned char c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char lead = text[pos];
    int extra = -1;
    if (lead < 0x80)
      extra = 0;
    else if ((lead >> 5) == 0x6)
      extra = 1;
    else if ((lead >> 4) == 0xE)
      extra = 2;
    else if ((lead >> 3) == 0x1E)
      extra = 3;
    if (extra < 0 || (extra == 1 && lead < 0xC2)) return false;
    if (pos + extra >= text.size()) return false;
    for (int offset = 1; offset <= extra; ++offset) {
      if ((static_cast<unsigned char>(text[pos + offset]) & 0xC0) != 0x80) return false;
    }
    pos += extra + 1;
  }
  return true;
}

std::string_view StripBom(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  return text.substr(0, kBom.size()) == kBom ? text.substr(kBom.size()) : text;
}

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

std::vector<std::string> SplitList(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    parts.emplace_back(Trim(text.substr(start, end == std::string_view::npos ? end : end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

}  // namespace defcoop::csv
