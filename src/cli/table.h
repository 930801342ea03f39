// Tables for people: columns laid out within a width (the terminal's), long text wrapped
// at word boundaries, numbers right-aligned; or, when even wrapped columns cannot fit, a
// record view with one field per line (as psql's \x). Text is never cut: a word wider
// than the room it has is broken across lines, never dropped. Widths count display
// columns (code points, combining marks excluded), not bytes.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace defcoop::cli {

struct TableLayout {
  size_t width = 0;      // display columns available; 0 = no limit (one line per row)
  bool records = false;  // record view whatever the width
  std::string record_label = "RECORD";
};

// The display width of UTF-8 text.
size_t DisplayWidth(const std::string& text);

// `text` as lines of at most `width` display columns, broken at spaces (and at line
// breaks in the text); a word wider than `width` is split. At least one line.
std::vector<std::string> WrapText(const std::string& text, size_t width);

// The width the output should be laid out in: `forced` when not 0 (--width N); else, when
// stdout is a terminal, its width from the system, else $COLUMNS, else 80; else 0 (no
// limit: a pipe or a file gets every row on one line).
size_t OutputWidth(size_t forced, bool stdout_is_terminal);

// Lays out rows of cells under `headers`: plan the widths from a sample of rows (all of
// them, or the first thousand of a stream), then print rows one by one.
class TableWriter {
 public:
  TableWriter(TableLayout layout, std::vector<std::string> headers,
              std::vector<bool> right_aligned);

  // Sets the column widths (or chooses the record view) for rows like `sample`.
  void Plan(const std::vector<std::vector<std::string>>& sample);
  void PrintHeader(std::ostream& out) const;
  void PrintRow(const std::vector<std::string>& cells, std::ostream& out);
  bool records() const { return records_; }

 private:
  void PrintWrapped(const std::vector<std::string>& cells, std::ostream& out) const;
  void PrintRecord(const std::vector<std::string>& cells, std::ostream& out);

  TableLayout layout_;
  std::vector<std::string> headers_;
  std::vector<bool> right_aligned_;
  std::vector<size_t> widths_;
  bool records_ = false;
  bool wraps_ = false;  // some column is narrower than its widest cell: rows are spaced
  size_t rows_printed_ = 0;
};

}  // namespace defcoop::cli
