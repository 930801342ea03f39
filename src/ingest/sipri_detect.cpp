// Entry points of the SIPRI readers: decoding (Latin-1 -> UTF-8), format detection
// from the header line, the preamble (vintage and title, or the README.txt that
// replaces a missing preamble), and the helpers the register and table parsers share.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "defcoop/core/date.h"
#include "defcoop/ingest/content_hash.h"
#include "defcoop/ingest/sipri.h"
#include "sipri_parse.h"

namespace defcoop::ingest {
namespace {

using sipri_internal::SipriLayout;

// SIPRI preambles are 9 (tables) or 11 (registers) lines; the margin allows for
// vintages that add a line or two.
constexpr int kMaxPreambleLines = 30;

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

// One physical line without its end-of-line bytes and without the ';' that a
// re-saving spreadsheet appended.
std::string_view CleanLine(std::string_view line) {
  line = csv::Trim(line);
  if (!line.empty() && line.back() == ';') line.remove_suffix(1);
  return csv::Trim(line);
}

// The first `max_lines` physical lines of `text`.
std::vector<std::string_view> FirstLines(std::string_view text, int max_lines) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size() && static_cast<int>(lines.size()) < max_lines) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::vector<std::string_view> SplitOnComma(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t end = line.find(',', start);
    fields.push_back(
        csv::Trim(line.substr(start, end == std::string_view::npos ? end : end - start)));
    if (end == std::string_view::npos) return fields;
    start = end + 1;
  }
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool IsYearAt(const std::vector<std::string_view>& fields, size_t idx) {
  return idx < fields.size() && sipri_internal::ParseYear(fields[idx]).has_value();
}

// The format a header line announces, if it is a header line at all.
std::optional<SipriFormat> FormatOfHeader(const std::vector<std::string_view>& fields) {
  auto at = [&](size_t idx) { return idx < fields.size() ? fields[idx] : std::string_view(); };
  if (at(0) == "Recipient" && at(1) == "Supplier" && at(2) == "Year of order") {
    return SipriFormat::kOldRegister;
  }
  if (at(0) == "SIPRI AT Database ID") return SipriFormat::kNewRegister;
  if (at(0) == "Recipient" && IsYearAt(fields, 1)) return SipriFormat::kImporterTable;
  if (at(0) == "Exports by" && IsYearAt(fields, 1)) return SipriFormat::kExporterTable;
  if (StartsWith(at(0), "Rank") && at(1) == "Recipient" && IsYearAt(fields, 2)) {
    return SipriFormat::kImporterTable;
  }
  if (StartsWith(at(0), "Rank") && at(1) == "Supplier" && IsYearAt(fields, 2)) {
    return SipriFormat::kExporterTable;
  }
  if (fields.size() > 2 && at(0).empty() && at(1).empty() && IsYearAt(fields, 2)) {
    return SipriFormat::kRegionalTable;
  }
  return std::nullopt;
}

Status UnknownFormat(const std::string& path) {
  return Status::InvalidInput(
      "not a SIPRI export defcoop knows: no header in the first " +
          std::to_string(kMaxPreambleLines) +
          " lines (known headers start 'Recipient,Supplier,Year of order' (old register), "
          "'SIPRI AT Database ID' (new register), 'Recipient,<year>' or 'Rank...,Recipient' "
          "(importer table), 'Exports by,<year>' or 'Rank...,Supplier' (exporter table), "
          "',,<year>' (regional table))",
      Location{path, 0, 0});
}

Result<SipriLayout> FindLayout(std::string_view text, const std::string& path) {
  std::vector<std::string_view> lines = FirstLines(text, kMaxPreambleLines);
  for (size_t line_idx = 0; line_idx < lines.size(); ++line_idx) {
    std::vector<std::string_view> fields = SplitOnComma(CleanLine(lines[line_idx]));
    if (fields[0] == "Arms Category") {
      return Status::InvalidInput(
          "a TIV table broken down by armament category ('Arms Category' header) is not "
          "imported: export the table by recipient or by supplier instead",
          Location{path, static_cast<int>(line_idx) + 1, 1});
    }
    std::optional<SipriFormat> format = FormatOfHeader(fields);
    if (!format) continue;
    SipriLayout layout;
    layout.format = *format;
    layout.header_line = static_cast<int>(line_idx) + 1;
    layout.trailing_semicolon = csv::Trim(lines[line_idx]).ends_with(';');
    return layout;
  }
  return UnknownFormat(path);
}

std::optional<int> MonthFromName(std::string_view name) {
  if (name.size() < 3) return std::nullopt;
  std::string prefix;
  for (char c : name.substr(0, 3)) prefix += static_cast<char>(c | 0x20);  // ASCII lower case
  auto found = std::find(kMonths.begin(), kMonths.end(), prefix);
  if (found == kMonths.end()) return std::nullopt;
  return static_cast<int>(found - kMonths.begin()) + 1;
}

std::optional<int> SmallNumber(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The text after "Data generated:" or "Generated:", or nullopt.
std::optional<std::string_view> GeneratedText(std::string_view line) {
  line = CleanLine(line);
  for (std::string_view prefix : {"Data generated:", "Generated:"}) {
    if (StartsWith(line, prefix)) return csv::Trim(line.substr(prefix.size()));
  }
  return std::nullopt;
}

// Title and vintage from the preamble lines; a missing or unreadable vintage is a
// file-level problem.
void ReadPreamble(const std::vector<std::string_view>& lines, std::string_view origin,
                  SipriFile* file) {
  int generated_line = 0;
  for (size_t line_idx = 0; line_idx < lines.size(); ++line_idx) {
    std::string_view line = CleanLine(lines[line_idx]);
    if (file->title.empty() && !line.empty()) file->title = std::string(line);
    if (!GeneratedText(line) || generated_line != 0) continue;
    generated_line = static_cast<int>(line_idx) + 1;
    file->vintage = ParseSipriVintage(line);
  }
  if (generated_line == 0) {
    sipri_internal::AddProblem(
        file, 0, "vintage unknown: " + std::string(origin) + " has no 'Data generated' line");
  } else if (file->vintage.empty()) {
    sipri_internal::AddProblem(file, 0,
                               "vintage unknown: cannot read the date in line " +
                                   std::to_string(generated_line) + " of " + std::string(origin));
  }
}

void ReadVintageAndTitle(std::string_view text, std::string_view readme, const SipriLayout& layout,
                         SipriFile* file) {
  if (layout.header_line > 1) {
    ReadPreamble(FirstLines(text, layout.header_line - 1), "the preamble", file);
  } else if (!readme.empty()) {
    ReadPreamble(FirstLines(readme, kMaxPreambleLines), "the README", file);
  } else {
    sipri_internal::AddProblem(
        file, 0, "vintage unknown: the file has no preamble and there is no README.txt next to it");
  }
}

Status ParseBody(std::string_view text, const SipriLayout& layout, SipriFile* file) {
  switch (layout.format) {
    case SipriFormat::kOldRegister:
      return sipri_internal::ParseOldRegister(text, layout, file);
    case SipriFormat::kNewRegister:
      return sipri_internal::ParseNewRegister(text, layout, file);
    case SipriFormat::kImporterTable:
    case SipriFormat::kExporterTable:
    case SipriFormat::kRegionalTable:
      return sipri_internal::ParseTivTable(text, layout, file);
  }
  return Status::Internal("unhandled SIPRI format");
}

// UTF-8 text of the file: old registers are Latin-1, newer exports ASCII or UTF-8.
std::string_view DecodedText(std::string_view bytes, std::string* storage) {
  std::string_view text = csv::StripBom(bytes);
  if (csv::IsValidUtf8(text)) return text;
  *storage = csv::Latin1ToUtf8(text);
  return *storage;
}

// The README.txt that holds the preamble of a file without one, or "".
std::string FindReadme(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path file_path(path);
  for (const fs::path& candidate :
       {file_path.parent_path() / (file_path.stem().string() + " README.txt"),
        file_path.parent_path() / "README.txt"}) {
    std::error_code error;
    if (!fs::is_regular_file(candidate, error)) continue;
    Result<std::string> text = csv::ReadFile(candidate.string());
    if (text.ok()) return std::move(text).value();
  }
  return "";
}

}  // namespace

std::string ParseSipriVintage(std::string_view line) {
  std::optional<std::string_view> rest = GeneratedText(line);
  if (!rest) return "";
  // The parts must outlive `words`, which points into them (a range-for over the
  // temporary that SplitList returns would leave `words` dangling after the loop).
  const std::vector<std::string> parts = csv::SplitList(*rest, ' ');
  std::vector<std::string_view> words;
  for (const std::string& part : parts) {
    if (!part.empty()) words.push_back(part);
  }
  if (words.size() < 3) return "";
  std::optional<int> day = SmallNumber(words[0]);
  // Day 0 would make Date{} a month ("2024-04"), not the day a vintage is.
  if (day && *day < 1) return "";
  std::optional<int> month = MonthFromName(words[1]);
  std::optional<int> year = sipri_internal::ParseYear(words[2]);
  if (!day || !month || !year) return "";
  std::string iso = Date{*year, *month, *day}.ToString();
  return ParseDate(iso).ok() ? iso : "";
}

Result<SipriFormat> DetectSipriFormat(std::string_view bytes) {
  std::string storage;
  Result<SipriLayout> layout = FindLayout(DecodedText(bytes, &storage), "");
  if (!layout.ok()) return layout.status();
  return layout->format;
}

Result<SipriFile> ParseSipri(std::string_view bytes, const std::string& path,
                             std::string_view readme) {
  std::string storage;
  std::string_view text = DecodedText(bytes, &storage);
  Result<SipriLayout> layout = FindLayout(text, path);
  if (!layout.ok()) return layout.status();
  SipriFile file;
  file.path = path;
  file.format = layout->format;
  ReadVintageAndTitle(text, readme, *layout, &file);
  DEFCOOP_RETURN_IF_ERROR(ParseBody(text, *layout, &file));
  return file;
}

Result<SipriFile> ParseSipri(std::string_view bytes, const std::string& path) {
  return ParseSipri(bytes, path, "");
}

Result<SipriFile> ReadSipriFile(const std::string& path) {
  Result<std::string> bytes = csv::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  Result<SipriFile> file = ParseSipri(*bytes, path, FindReadme(path));
  if (file.ok()) {
    file->content_hash = DataHash(*bytes);
    file->bytes_hash = ContentHash(*bytes);
  }
  return file;
}

std::string ContentHash(std::string_view bytes) {
  // FNV-1a, 64 bits, with the length: enough to tell files apart, not a security hash.
  constexpr uint64_t kOffsetBasis = 14695981039346656037ull;
  constexpr uint64_t kPrime = 1099511628211ull;
  uint64_t hash = kOffsetBasis;
  for (unsigned char byte : bytes) hash = (hash ^ byte) * kPrime;
  return fmt::format("fnv1a64:{:016x}:{}", hash, bytes.size());
}

namespace sipri_internal {

csv::Reader ReaderAtHeader(std::string_view text, const SipriLayout& layout,
                           const std::string& file) {
  csv::Reader reader(text, file, kSipriDialect);
  reader.SkipLines(layout.header_line - 1);
  return reader;
}

bool IsBlank(const csv::Record& record) {
  return record.fields.size() == 1 && csv::Trim(record.fields[0]).empty();
}

void DropTrailingSemicolon(csv::Record* record) {
  if (record->fields.empty()) return;
  std::string& last = record->fields.back();
  while (!last.empty() && (last.back() == ' ' || last.back() == '\t')) last.pop_back();
  if (!last.empty() && last.back() == ';') last.pop_back();
}

std::optional<double> ParseNumber(std::string_view text) {
  text = csv::Trim(text);
  if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '.')) {
    return std::nullopt;
  }
  double value = 0;
  auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<int> ParseYear(std::string_view text) {
  text = csv::Trim(text);
  constexpr size_t kYearDigits = 4;  // SIPRI years are 1950..the release year
  if (text.size() != kYearDigits) return std::nullopt;
  int year = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  return year;
}

void AddProblem(SipriFile* file, int line, std::string reason, bool repaired) {
  file->problems.push_back(
      InputProblem{Location{file->path, line, 0}, std::move(reason), repaired});
}

std::string Quoted(std::string_view text) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted += '\'';
  quoted += text;
  quoted += '\'';
  return quoted;
}

}  // namespace sipri_internal
}  // namespace defcoop::ingest
