#include "output.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "messages.h"  // the report's message catalog (en, tr, kk, ru)

namespace defcoop::cli {
namespace {

const nlohmann::ordered_json& Field(const nlohmann::ordered_json& row, const std::string& column) {
  static const nlohmann::ordered_json kNull;
  auto found = row.find(column);
  return found == row.end() ? kNull : *found;
}

void PrintCsv(const Output& output, const PrintOptions& options, std::ostream& out) {
  if (options.csv_meta) PrintCsvMeta(FullMeta(output, options.extra_meta), out);
  for (size_t idx = 0; idx < output.columns.size(); ++idx) {
    out << (idx ? "," : "") << CsvEscape(output.columns[idx]);
  }
  out << "\n";
  for (const auto& row : output.rows) {
    for (size_t idx = 0; idx < output.columns.size(); ++idx) {
      out << (idx ? "," : "") << CsvEscape(ExactText(Field(row, output.columns[idx]), "|"));
    }
    out << "\n";
  }
}

// Integers in these columns are years or identifiers: printed as they are, not "2,024".
bool IsYearOrId(const std::string& column) {
  static const char* const kNames[] = {"year", "from",   "to",     "begin", "end",    "start",
                                       "case", "period", "signed", "id",    "dcad_id"};
  for (const char* name : kNames) {
    if (column == name) return true;
  }
  auto ends_with = [&](const std::string& suffix) {
    return column.size() >= suffix.size() &&
           column.compare(column.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with("year") || ends_with("_id");
}

// "1234567.5" as "1,234,567.5".
std::string GroupThousands(const std::string& number) {
  size_t digits_start = number[0] == '-' ? 1 : 0;
  size_t digits_end = number.find('.');
  if (digits_end == std::string::npos) digits_end = number.size();
  std::string grouped = number.substr(0, digits_start);
  for (size_t pos = digits_start; pos < digits_end; ++pos) {
    grouped += number[pos];
    size_t left = digits_end - pos - 1;
    if (left > 0 && left % 3 == 0) grouped += ',';
  }
  return grouped + number.substr(digits_end);
}

// A column of numbers only (nulls aside) is right-aligned, every number with the same
// decimals: those its largest non-integer needs for a reader (1 from 100, 2 from 1, else
// 4), 0 when all are integers. Nothing for a column that is not all numbers.
std::optional<int> NumberColumnDecimals(const Output& output, const std::string& column) {
  bool any = false;
  double largest = -1;
  for (const auto& row : output.rows) {
    const auto& value = Field(row, column);
    if (value.is_null()) continue;
    if (!value.is_number()) return std::nullopt;
    any = true;
    double number = value.get<double>();
    if (std::floor(number) != number) largest = std::max(largest, std::fabs(number));
  }
  if (!any) return std::nullopt;
  if (largest < 0) return 0;
  return largest >= 100 ? 1 : largest >= 1 ? 2 : 4;
}

// `key` from the catalog in `lang`, or `fallback` when the catalog has no such key.
std::string Translated(const std::string& key, const std::string& lang,
                       const std::string& fallback) {
  return lang != "en" && report::HasMessage(key, lang) ? report::Msg(key, lang) : fallback;
}

std::string TableCell(const nlohmann::ordered_json& value, const std::string& column,
                      std::optional<int> decimals, bool words, const std::string& lang) {
  if (value.is_number() && decimals) {
    std::string text = value.is_number_float() || *decimals > 0
                           ? fmt::format("{:.{}f}", value.get<double>(), *decimals)
                           : CellText(value, "");
    return IsYearOrId(column) ? text : GroupThousands(text);
  }
  std::string text = CellText(value, ", ");
  if (value.is_boolean() || (words && value.is_string()))
    return Translated("word_" + text, lang, Translated(text, lang, text));
  return text;
}

void PrintTable(const Output& output, const PrintOptions& options, std::ostream& out) {
  std::vector<bool> right_aligned;
  std::vector<std::optional<int>> decimals;
  std::vector<bool> words;
  std::vector<std::string> headers;
  for (const std::string& column : output.columns) {
    decimals.push_back(NumberColumnDecimals(output, column));
    right_aligned.push_back(decimals.back().has_value());
    words.push_back(std::find(output.word_columns.begin(), output.word_columns.end(), column) !=
                    output.word_columns.end());
    headers.push_back(Translated("col_" + column, options.lang, column));
  }
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : output.rows) {
    std::vector<std::string> line;
    for (size_t idx = 0; idx < output.columns.size(); ++idx) {
      const std::string& column = output.columns[idx];
      line.push_back(
          TableCell(Field(row, column), column, decimals[idx], words[idx], options.lang));
    }
    cells.push_back(std::move(line));
  }
  TableLayout layout = options.table;
  layout.record_label = Translated("record", options.lang, layout.record_label);
  TableWriter table(layout, headers, right_aligned);
  table.Plan(cells);
  table.PrintHeader(out);
  for (const auto& line : cells) table.PrintRow(line, out);
  size_t note_width = options.table.width;
  for (const std::string& note : output.notes) {
    for (const std::string& line : note_width ? WrapText(note, note_width) : std::vector{note})
      out << line << "\n";
  }
}

std::string ShortestDouble(double number) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
  return error == std::errc() ? std::string(buffer, end) : fmt::format("{}", number);
}

// `value` as text, numbers through `number_text`.
template <typename NumberText>
std::string ValueText(const nlohmann::ordered_json& value, const std::string& separator,
                      NumberText number_text) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_unsigned()) return std::to_string(value.get<unsigned long long>());
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) return number_text(value.get<double>());
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value)
      joined += (joined.empty() ? "" : separator) + ValueText(item, separator, number_text);
    return joined;
  }
  return value.dump();
}

std::string RoundedDouble(double number) {
  double magnitude = std::fabs(number);
  if (std::floor(number) == number && magnitude < 1e15) return fmt::format("{:.0f}", number);
  if (magnitude >= 100) return fmt::format("{:.1f}", number);
  if (magnitude >= 1) return fmt::format("{:.2f}", number);
  return fmt::format("{:.4f}", number);
}

// Text from a store or a file may hold bytes that are not UTF-8: they become U+FFFD
// instead of an exception halfway through the output.
std::string JsonText(const nlohmann::ordered_json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

// A field holding '#' is quoted too: pandas (comment='#') and R (comment.char='#') end a
// line at an unquoted '#'.
std::string CsvEscape(const std::string& text) {
  if (text.find_first_of(",\"\n\r#") == std::string::npos) return text;
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
  return ValueText(value, separator, RoundedDouble);
}

std::string ExactText(const nlohmann::ordered_json& value, const std::string& separator) {
  return ValueText(value, separator, ShortestDouble);
}

nlohmann::ordered_json FullMeta(const Output& output, const nlohmann::ordered_json* extra) {
  nlohmann::ordered_json meta = output.meta;
  if (extra) meta.update(*extra);
  return meta;
}

void PrintCsvMeta(const nlohmann::ordered_json& meta, std::ostream& out) {
  auto credit = meta.find("credit");
  if (credit != meta.end() && credit->is_string()) {
    auto vintage = meta.find("vintage");
    bool dated = vintage != meta.end() && vintage->is_string() && !vintage->empty();
    out << "# " << credit->get<std::string>()
        << (dated ? " (vintage " + vintage->get<std::string>() + ")" : "") << "\n";
  }
  for (const auto& [key, value] : meta.items())
    out << "# " << key << ": " << JsonText(value, -1) << "\n";
}

void Print(const Output& output, Format format, std::ostream& out, const PrintOptions& options) {
  switch (format) {
    case Format::kJson: {
      nlohmann::ordered_json document;
      document["meta"] = FullMeta(output, options.extra_meta);
      document["rows"] = output.rows;
      out << JsonText(document, 2) << "\n";
      return;
    }
    case Format::kCsv:
      PrintCsv(output, options, out);
      return;
    case Format::kTable:
      PrintTable(output, options, out);
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
      for (const auto& value : values) cells.push_back(value.value_or(""));
      if (table_) return table_->PrintRow(cells, out_);
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
      if (!table_) FlushTable();
      return;
  }
}

void RowStream::FlushTable() {
  table_ = std::make_unique<TableWriter>(layout_, columns_, std::vector<bool>{});
  table_->Plan(held_);
  table_->PrintHeader(out_);
  for (const auto& cells : held_) table_->PrintRow(cells, out_);
  held_.clear();
  held_.shrink_to_fit();
}

}  // namespace defcoop::cli
