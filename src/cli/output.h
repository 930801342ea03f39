// The shape every command prints: {"meta": {...}, "rows": [{...}]} in JSON, the same
// rows with a header in CSV, or an aligned table for people. Rows are JSON objects so
// that lists and numbers keep their types in JSON output.
#pragma once

#include <nlohmann/json.hpp>
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
void Print(const Output& output, Format format, std::ostream& out);

// A value as one line of text: lists joined by `separator`, numbers without noise.
// Quotes a CSV field when it needs it (RFC 4180).
std::string CsvEscape(const std::string& text);

std::string CellText(const nlohmann::ordered_json& value, const std::string& separator);

}  // namespace defcoop::cli
