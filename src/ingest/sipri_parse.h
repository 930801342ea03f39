// Internals shared by the SIPRI readers: sipri_detect.cpp finds the header line and
// the format, then hands the UTF-8 text to the register parser (sipri_register.cpp)
// or the table parser (sipri_table.cpp). Each parser reads the header itself,
// checks its columns, and appends transfers or cells, problems and records_read to
// the SipriFile it is given. A header with unexpected columns is a failed Status;
// a bad record is never a failure, only a problem.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "defcoop/core/model.h"
#include "defcoop/core/status.h"
#include "defcoop/csv/reader.h"

namespace defcoop::ingest::sipri_internal {

// Where the data of a SIPRI file starts.
struct SipriLayout {
  SipriFormat format = SipriFormat::kOldRegister;
  int header_line = 1;              // 1-based line of the column header
  bool trailing_semicolon = false;  // a re-saved file: every line ends with ';'
};

Status ParseOldRegister(std::string_view text, const SipriLayout& layout, SipriFile* file);
Status ParseNewRegister(std::string_view text, const SipriLayout& layout, SipriFile* file);
// Importer and exporter tables (with or without a rank column) and regional tables.
Status ParseTivTable(std::string_view text, const SipriLayout& layout, SipriFile* file);

// SIPRI exports are never quoted: a '"' is an ordinary character.
inline constexpr csv::Dialect kSipriDialect{',', false};

// A reader positioned on the header line of `layout`.
csv::Reader ReaderAtHeader(std::string_view text, const SipriLayout& layout,
                           const std::string& file);

// True for a record that is an empty line (not a record at all).
bool IsBlank(const csv::Record& record);

// Removes the ';' a re-saving spreadsheet appended to the last field, if any.
void DropTrailingSemicolon(csv::Record* record);

// A decimal number such as "12", "0.36" or "3.25 " (surrounding spaces allowed).
std::optional<double> ParseNumber(std::string_view text);

// A four-digit year such as "2012" (surrounding spaces allowed).
std::optional<int> ParseYear(std::string_view text);

// A problem at `line` of `file`.
void AddProblem(SipriFile* file, int line, std::string reason, bool repaired = false);

// `text` in single quotes, for messages: 'abc'.
std::string Quoted(std::string_view text);

}  // namespace defcoop::ingest::sipri_internal
