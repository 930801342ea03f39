// A CSV/TSV reader over text in memory. It yields one record at a time with the
// 1-based line and column of every field, so errors can point at the exact place.
// RFC 4180 quoting is the default; SIPRI's old registers are unquoted, so quoting can
// be switched off. Malformed input (an unterminated quote, a stray quote inside an
// unquoted field) is reported as a Status with file:line:column, never thrown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "defcoop/core/status.h"

namespace defcoop::csv {

struct Dialect {
  char delimiter = ',';
  bool quoting = true;  // false: quotes are ordinary characters
};

struct Record {
  std::vector<std::string> fields;
  std::vector<int> columns;  // 1-based column (in bytes) where each field starts
  std::vector<int> lines;    // 1-based line where each field starts (quoted newlines)
  int line = 0;              // 1-based line where the record starts
  int end_line = 0;          // last physical line of the record (quoted newlines)
};

class Reader {
 public:
  // `text` must outlive the reader; `file` names it in error messages.
  Reader(std::string_view text, std::string file, Dialect dialect = {});

  // Reads the next record into *record. Returns false at the end of input (*error is
  // then Ok) or on a malformed record; in the latter case *error says why and reading
  // continues with the next physical line (after an unterminated quote: the line after
  // the one where the record starts), so a loop that calls Next until it returns false
  // with an Ok *error always ends, and every line is either read or reported.
  bool Next(Record* record, Status* error);

  // Skips `count` physical lines (a preamble) without parsing them.
  void SkipLines(int count);

  int line() const { return line_; }
  const std::string& file() const { return file_; }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  void SkipToNextLine();
  void ResumeAfterFirstLine(size_t record_start, int record_line);
  Status Error(std::string message, int column) const;

  std::string_view text_;
  std::string file_;
  Dialect dialect_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
};

// Reads a whole file; a missing or unreadable file, a directory or anything but a
// regular file (a FIFO would block) is an Io Status naming it.
Result<std::string> ReadFile(const std::string& path);

// Converts ISO-8859-1 bytes to UTF-8.
std::string Latin1ToUtf8(std::string_view text);

// True when `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// Removes a UTF-8 byte-order mark at the start of `text`, if any.
std::string_view StripBom(std::string_view text);

// Splits `text` on `separator`, trimming ASCII spaces around each part.
std::vector<std::string> SplitList(std::string_view text, char separator);

// Trims ASCII whitespace (space, tab, CR, LF) from both ends.
std::string_view Trim(std::string_view text);

}  // namespace defcoop::csv
