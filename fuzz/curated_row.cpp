// Fuzzes the field readers of curated rows (ingest/curated_row.h): the first line is a
// header, the next record a row, and every accessor reads every column. Invariants:
// every problem is InvalidInput at the line and column where one of the row's fields
// starts (or at column 0 for a column the row lacks), and says why; a value read without a
// problem is what the accessor promises (a list has no empty element).
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "curated_row.h"
#include "defcoop/csv/reader.h"
#include "fuzz_check.h"

namespace {

using defcoop::fuzz::Check;

void ReadEveryWay(const defcoop::ingest::CuratedRow& row, const std::string& column) {
  row.Text(column);
  row.Required(column);
  row.OptionalDate(column);
  row.RequiredDate(column);
  row.Number(column);
  row.Integer(column);
  row.Bool(column);
  row.NumberList(column);
  row.OneOf(column, {"signed", "in force"}, false);
  row.ActorRef(column, false);
  row.ActorList(column, true);
  row.EventRef(column);
  row.PlatformRef(column);
  row.ComponentRef(column);
  for (const std::string& item : row.List(column)) Check(!item.empty(), "no empty list items");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  defcoop::csv::Reader reader(defcoop::fuzz::AsText(data, size), "f.csv");
  defcoop::csv::Record header;
  defcoop::csv::Record record;
  defcoop::Status error;
  if (!reader.Next(&header, &error) || !reader.Next(&record, &error)) return 0;
  std::map<std::string, size_t> columns;
  for (size_t idx = 0; idx < header.fields.size(); ++idx) columns.emplace(header.fields[idx], idx);
  std::vector<defcoop::Status> problems;
  defcoop::ingest::References refs;
  const std::string file = "f.csv";  // CuratedRow keeps a reference to it
  defcoop::ingest::CuratedRow row(record, columns, file, &problems, &refs);
  for (const auto& [name, idx] : columns) ReadEveryWay(row, name);
  ReadEveryWay(row, "absent column");
  row.Sources();
  for (const defcoop::Status& problem : problems) {
    Check(problem.kind() == defcoop::StatusKind::kInvalidInput, "problems are InvalidInput");
    Check(!problem.message().empty(), "problems say why");
    Check(problem.where().file == "f.csv" && problem.where().line >= record.line &&
              problem.where().line <= record.end_line,
          "problems point at the row", problem.where().ToString());
    // At the line and column where one of its fields starts (a field after a quoted
    // newline starts on a later line), or at column 0 for a column the row lacks.
    int column = problem.where().column;
    bool at_a_field = false;
    for (size_t idx = 0; idx < record.columns.size(); ++idx) {
      at_a_field |= record.columns[idx] == column && record.lines[idx] == problem.where().line;
    }
    Check(column == 0 || at_a_field, "problems point at a field of the row",
          problem.where().ToString());
  }
  return 0;
}
