// The invariants of the one-header, one-record-per-row readers (DCAD, GSDB, ATOP),
// shared by their harnesses: the input is the body after the reader's header, so every
// input reaches the row loop. A read file accounts for every record: records read =
// items + rejected; every problem and item points at a line after the header and
// within the input.
#pragma once

#include <string>
#include <string_view>

#include "fuzz_check.h"

namespace defcoop::fuzz {

// `parse(text, path)` is ParseDcad, ParseGsdb or ParseAtop; `items(file)` its rows.
template <typename Parse, typename Items>
void CheckTable(std::string_view header, std::string_view body, Parse parse, Items items) {
  std::string text(header);
  text += '\n';
  text += body;
  const int max_lines = MaxLines(text);
  auto file = parse(text, "f.csv");
  Check(file.ok(), "a file with the right header is read", file.status().ToString());
  int rejected = 0;
  for (const auto& problem : file->problems) {
    Check(problem.where.line >= 2 && problem.where.line <= max_lines, "problem line in input",
          std::to_string(problem.where.line));
    Check(!problem.reason.empty(), "problems say why");
    if (!problem.repaired) ++rejected;
  }
  const auto& rows = items(*file);
  Check(file->records_read == static_cast<int>(rows.size()) + rejected,
        "records read = imported + rejected",
        std::to_string(file->records_read) + " != " + std::to_string(rows.size()) + " + " +
            std::to_string(rejected));
  for (const auto& row : rows) {
    Check(row.source_line >= 2 && row.source_line <= max_lines, "item line in input");
  }
}

}  // namespace defcoop::fuzz
