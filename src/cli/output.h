// The shape every command prints: {"meta": {...}, "rows": [{...}]} in JSON, the same
// rows with a header in CSV, or an aligned table for people. Rows are JSON objects so
// that lists and numbers keep their types in JSON output.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "defcoop/core/status.h"

namespace defcoop::cli {

enum class Format { kTable, kCsv, kJson };

struct Output {
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  std::vector<std::string> columns;  // the row keys, in display order
  std::vector<nlohmann::ordered_json> rows;
  std::vector<std::string> notes;  // table format only: lines printed under the table
};

Result<Format> ParseFormat(const std::string& text);
// `extra_meta` (may be null) is merged into the JSON meta (`defcoop serve` adds its
// data_version there).
void Print(const Output& output, Format format, std::ostream& out,
           const nlohmann::ordered_json* extra_meta = nullptr);

// Rows printed as they come, for answers too large to hold (`defcoop query`): CSV and JSON
// are written row by row, JSON as {"rows": [...], "meta": {...}} (meta last: it counts the
// rows). A table is aligned on its first kTableWidthRows rows, then streamed with those
// widths. Values are text or null.
class RowStream {
 public:
  static constexpr size_t kTableWidthRows = 1000;

  RowStream(Format format, std::ostream& out) : format_(format), out_(out) {}
  void Begin(std::vector<std::string> columns);
  void Row(const std::vector<std::optional<std::string>>& values);
  void End(nlohmann::ordered_json meta);
  size_t rows() const { return rows_; }

 private:
  void PrintTableRow(const std::vector<std::string>& cells);
  void FlushTable();

  Format format_;
  std::ostream& out_;
  std::vector<std::string> columns_;
  std::vector<size_t> widths_;
  std::vector<std::vector<std::string>> held_;  // table rows until the widths are known
  bool widths_known_ = false;
  size_t rows_ = 0;
};

// A value as one line of text: lists joined by `separator`, numbers without noise.
// Quotes a CSV field when it needs it (RFC 4180).
std::string CsvEscape(const std::string& text);

std::string CellText(const nlohmann::ordered_json& value, const std::string& separator);

}  // namespace defcoop::cli
