// Fuzzes csv::Reader. The first byte picks the dialect (quoting on or off; delimiter
// ',', ';' or tab). Invariants: reading ends within one call per line; every record and
// every error has a line within the input, in increasing order; without quoting nothing
// is lost or added: the fields joined back give the text (line ends normalized to '\n').
#include <string>
#include <vector>

#include "defcoop/csv/reader.h"
#include "fuzz_check.h"

namespace {

using defcoop::fuzz::Check;

constexpr char kDelimiters[] = {',', ';', '\t'};

std::string Normalized(std::string_view text) {
  std::string out;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] == '\r') {
      if (pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
      out += '\n';
    } else {
      out += text[pos];
    }
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  defcoop::csv::Dialect dialect{kDelimiters[data[0] % 3], (data[0] & 4) != 0};
  std::string_view text = defcoop::fuzz::AsText(data + 1, size - 1);
  const int max_lines = defcoop::fuzz::MaxLines(text);
  defcoop::csv::Reader reader(text, "f.csv", dialect);
  defcoop::csv::Record record;
  defcoop::Status error;
  std::string joined;
  int calls = 0;
  int last_line = 0;
  while (reader.Next(&record, &error) || !error.ok()) {
    Check(++calls <= max_lines, "one call per line at most");
    int line = error.ok() ? record.line : error.where().line;
    Check(line > last_line && line <= max_lines, "lines increase within the input",
          std::to_string(line));
    last_line = line;
    Check(dialect.quoting || error.ok(), "no errors without quoting");
    if (!error.ok()) continue;
    Check(record.fields.size() == record.columns.size(), "one column per field");
    if (calls > 1) joined += '\n';
    for (size_t idx = 0; idx < record.fields.size(); ++idx) {
      if (idx > 0) joined += dialect.delimiter;
      joined += record.fields[idx];
    }
  }
  if (!dialect.quoting) Check(joined == Normalized(text), "unquoted fields give back the text");
  return 0;
}
