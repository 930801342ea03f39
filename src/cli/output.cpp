#include "output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace defcoop::cli {
namespace {

// Display width of UTF-8 text: code points, not bytes (close enough for our scripts).
size_t DisplayWidth(const std::string& text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

// Table cells wider than this are cut (with "…") so rows stay readable in a terminal;
// CSV and JSON always carry the whole text.
constexpr size_t kMaxCellWidth = 60;

std::string Truncate(const std::string& text) {
  if (DisplayWidth(text) <= kMaxCellWidth) return text;
  size_t kept = 0;
  size_t byte = 0;
  while (byte < text.size() && kept < kMaxCellWidth - 1) {
    ++byte;
    while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
    ++kept;
  }
  return text.substr(0, byte) + "…";
}

void PrintCsv(const Output& output, std::ostream& out) {
  for (size_t idx = 0; idx < output.columns.size(); ++idx) {
    out << (idx ? "," : "") << CsvEscape(output.columns[idx]);
  }
  out << "\n";
  for (const auto& row : output.rows) {
    for (size_t idx = 0; idx < output.columns.size(); ++idx) {
      const auto& value = row.contains(output.columns[idx]) ? row[output.columns[idx]] : nullptr;
      out << (idx ? "," : "") << CsvEscape(CellText(value, "|"));
    }
    out << "\n";
  }
}

void PrintTable(const Output& output, std::ostream& out) {
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> widths;
  for (const std::string& column : output.columns) widths.push_back(DisplayWidth(column));
  for (const auto& row : output.rows) {
    std::vector<std::string> line;
    for (size_t idx = 0; idx < output.columns.size(); ++idx) {
      const auto& value = row.contains(output.columns[idx]) ? row[output.columns[idx]] : nullptr;
      line.push_back(Truncate(CellText(value, ", ")));
      widths[idx] = std::max(widths[idx], DisplayWidth(line.back()));
    }
    cells.push_back(std::move(line));
  }
  auto print_line = [&](const std::vector<std::string>& line) {
    std::string text;
    for (size_t idx = 0; idx < line.size(); ++idx) {
      text += line[idx];
      if (idx + 1 < line.size())
        text += std::string(widths[idx] - DisplayWidth(line[idx]) + 2, ' ');
    }
    out << text << "\n";
  };
  print_line(output.columns);
  for (const auto& line : cells) print_line(line);
  for (const std::string& note : output.notes) out << note << "\n";
}

// Text from a store or a file may hold bytes that are not UTF-8: they become U+FFFD
// instead of an exception halfway through the output.
std::string JsonText(const nlohmann::ordered_json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

std::string CsvEscape(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

Result<Format> ParseFormat(const std::string& text) {
  if (text == "table") return Format::kTable;
  if (text == "csv") return Format::kCsv;
  if (text == "json") return Format::kJson;
  return Status::Usage("unknown --format '" + text + "' (use table, csv or json)");
}

std::string CellText(const nlohmann::ordered_json& value, const std::string& separator) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) {
    double number = value.get<double>();
    double magnitude = std::fabs(number);
    if (std::floor(number) == number && magnitude < 1e15) return fmt::format("{:.0f}", number);
    if (magnitude >= 100) return fmt::format("{:.1f}", number);
    if (magnitude >= 1) return fmt::format("{:.2f}", number);
    return fmt::format("{:.4f}", number);
  }
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value)
      joined += (joined.empty() ? "" : separator) + CellText(item, separator);
    return joined;
  }
  return value.dump();
}

void Print(const Output& output, Format format, std::ostream& out,
           const nlohmann::ordered_json* extra_meta) {
  switch (format) {
    case Format::kJson: {
      nlohmann::ordered_json document;
      document["meta"] = output.meta;
      if (extra_meta) document["meta"].update(*extra_meta);
      document["rows"] = output.rows;
      out << JsonText(document, 2) << "\n";
      return;
    }
    case Format::kCsv:
      PrintCsv(output, out);
      return;
    case Format::kTable:
      PrintTable(output, out);
      return;
  }
}

}  // namespace defcoop::cli

namespace defcoop::cli {

void RowStream::Begin(std::vector<std::string> columns) {
  columns_ = std::move(columns);
  switch (format_) {
    case Format::kJson:
      out_ << "{\n  \"rows\": [";
      return;
    case Format::kCsv:
      for (size_t idx = 0; idx < columns_.size(); ++idx)
        out_ << (idx ? "," : "") << CsvEscape(columns_[idx]);
      out_ << "\n";
      return;
    case Format::kTable:
      for (const std::string& column : columns_) widths_.push_back(DisplayWidth(column));
      return;
  }
}

void RowStream::Row(const std::vector<std::optional<std::string>>& values) {
  ++rows_;
  switch (format_) {
    case Format::kJson: {
      nlohmann::ordered_json row = nlohmann::ordered_json::object();
      for (size_t idx = 0; idx < columns_.size(); ++idx)
        row[columns_[idx]] = values[idx] ? nlohmann::ordered_json(*values[idx]) : nullptr;
      out_ << (rows_ > 1 ? ",\n    " : "\n    ") << JsonText(row, -1);
      return;
    }
    case Format::kCsv:
      for (size_t idx = 0; idx < columns_.size(); ++idx)
        out_ << (idx ? "," : "") << CsvEscape(values[idx].value_or(""));
      out_ << "\n";
      return;
    case Format::kTable: {
      std::vector<std::string> cells;
      for (const auto& value : values) cells.push_back(Truncate(value.value_or("")));
      if (widths_known_) return PrintTableRow(cells);
      for (size_t idx = 0; idx < cells.size(); ++idx)
        widths_[idx] = std::max(widths_[idx], DisplayWidth(cells[idx]));
      held_.push_back(std::move(cells));
      if (held_.size() >= kTableWidthRows) FlushTable();
      return;
    }
  }
}

void RowStream::End(nlohmann::ordered_json meta) {
  switch (format_) {
    case Format::kJson:
      out_ << (rows_ ? "\n  ],\n" : "],\n") << "  \"meta\": " << JsonText(meta, -1) << "\n}\n";
      return;
    case Format::kCsv:
      return;
    case Format::kTable:
      if (!widths_known_) FlushTable();
      return;
  }
}

void RowStream::FlushTable() {
  widths_known_ = true;
  PrintTableRow(columns_);
  for (const auto& cells : held_) PrintTableRow(cells);
  held_.clear();
  held_.shrink_to_fit();
}

void RowStream::PrintTableRow(const std::vector<std::string>& cells) {
  std::string text;
  for (size_t idx = 0; idx < cells.size(); ++idx) {
    text += cells[idx];
    size_t width = DisplayWidth(cells[idx]);
    if (idx + 1 < cells.size()) text += std::string(std::max(widths_[idx], width) - width + 2, ' ');
  }
  out_ << text << "\n";
}

}  // namespace defcoop::cli
