// The shape every command prints: {"meta": {...}, "rows": [{...}]} in JSON, the same
// rows with a header in CSV (after the meta as "# key: JSON" comment lines, numbers at
// full precision), or a table for people laid out within a width (table.h). Rows are
// JSON objects so that lists and numbers keep their types in JSON output.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "defcoop/core/status.h"
#include "table.h"

namespace defcoop::cli {

enum class Format { kTable, kCsv, kJson };

struct Output {
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  std::vector<std::string> columns;  // the row keys, in display order
  std::vector<nlohmann::ordered_json> rows;
  std::vector<std::string> notes;  // table format only: lines printed under the table
  // Table format only: columns whose values are words of the message catalog
  // ("word_<value>", else "<value>"), shown in the --lang language; CSV and JSON keep them.
  std::vector<std::string> word_columns;
};

struct PrintOptions {
  TableLayout table;     // table format: width and record view
  bool csv_meta = true;  // CSV: the credit and the meta as leading "#" lines
  // Table format: headers ("col_<column>"), word columns and booleans from the message
  // catalog in this language; column names and values as they are in "en".
  std::string lang = "en";
  // Merged into the meta (`defcoop serve` adds its data_version there); may be null.
  const nlohmann::ordered_json* extra_meta = nullptr;
};

Result<Format> ParseFormat(const std::string& text);
void Print(const Output& output, Format format, std::ostream& out, const PrintOptions& options);

// The meta with `extra` merged in.
nlohmann::ordered_json FullMeta(const Output& output, const nlohmann::ordered_json* extra);

// CSV comment lines: "# <credit> (vintage V)" when the meta has a credit, then one line
// "# key: <JSON value>" per meta entry, so that the meta is recovered exactly.
void PrintCsvMeta(const nlohmann::ordered_json& meta, std::ostream& out);

// Rows printed as they come, for answers too large to hold (`defcoop query`): CSV and JSON
// are written row by row, JSON as {"rows": [...], "meta": {...}} (meta last: it counts the
// rows). A table is aligned on its first kTableWidthRows rows, then streamed with those
// widths. Values are text or null.
class RowStream {
 public:
  static constexpr size_t kTableWidthRows = 1000;

  RowStream(Format format, std::ostream& out, TableLayout layout = {})
      : format_(format), out_(out), layout_(layout) {}
  void Begin(std::vector<std::string> columns);
  void Row(const std::vector<std::optional<std::string>>& values);
  void End(nlohmann::ordered_json meta);
  size_t rows() const { return rows_; }

 private:
  void FlushTable();

  Format format_;
  std::ostream& out_;
  TableLayout layout_;
  std::vector<std::string> columns_;
  std::unique_ptr<TableWriter> table_;          // once the widths are planned
  std::vector<std::vector<std::string>> held_;  // table rows until the widths are known
  size_t rows_ = 0;
};

// Quotes a CSV field when it needs it (RFC 4180).
std::string CsvEscape(const std::string& text);

// A value as one line of text for people: lists joined by `separator`, numbers rounded
// to what a reader needs (4 significant digits below 100).
std::string CellText(const nlohmann::ordered_json& value, const std::string& separator);

// A value for machines: numbers in the shortest text that reads back as the same double.
std::string ExactText(const nlohmann::ordered_json& value, const std::string& separator);

}  // namespace defcoop::cli
