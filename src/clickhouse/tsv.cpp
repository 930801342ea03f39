#include "defcoop/clickhouse/client.h"

namespace defcoop::clickhouse {
namespace {

using namespace std::string_view_literals;

// The characters TabSeparated escapes, and the letter after the backslash (sv: the
// NUL inside counts).
constexpr std::string_view kPlain = "\\\t\n\r\0\b\f'"sv;
constexpr std::string_view kEscaped = "\\tnr0bf'"sv;

}  // namespace

std::string EscapeTsv(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (char c : field) {
    size_t at = kPlain.find(c);
    if (at == std::string_view::npos) {
      out += c;
    } else {
      out += '\\';
      out += kEscaped[at];
    }
  }
  return out;
}

std::string UnescapeTsv(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out += field[i];
      continue;
    }
    char next = field[++i];
    size_t at = kEscaped.find(next);
    // Any other escaped character stands for itself (ClickHouse writes \N for NULL,
    // which defcoop's tables do not hold).
    out += at == std::string_view::npos ? next : kPlain[at];
  }
  return out;
}

void AppendTsvRow(const std::vector<std::string_view>& fields, std::string* tsv) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) *tsv += '\t';
    *tsv += EscapeTsv(fields[i]);
  }
  *tsv += '\n';
}

std::string Quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace defcoop::clickhouse
