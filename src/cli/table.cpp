#include "table.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>

namespace defcoop::cli {
namespace {

constexpr size_t kGap = 2;              // spaces between columns
constexpr size_t kMinRecordValue = 10;  // the narrowest value column of the record view
// A text column may be narrower than a longer word (an id, a locator, a URL): that word is
// then broken across lines, so that one long word does not push the table into records.
constexpr size_t kMaxWordWidth = 24;

// The code point starting at text[pos]: its length in bytes and display width (0 for a
// combining mark, U+0300–U+036F, and for zero-width space, joiners and marks U+200B–U+200F).
struct Char {
  size_t bytes;
  size_t width;
};

Char CharAt(const std::string& text, size_t pos) {
  auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
  size_t length = 1;
  while (pos + length < text.size() && (byte(pos + length) & 0xC0) == 0x80) ++length;
  bool combining =
      length == 2 && (byte(pos) == 0xCC || (byte(pos) == 0xCD && byte(pos + 1) < 0xB0));
  bool zero_width = length == 3 && byte(pos) == 0xE2 && byte(pos + 1) == 0x80 &&
                    byte(pos + 2) >= 0x8B && byte(pos + 2) <= 0x8F;
  return {length, combining || zero_width ? 0u : 1u};
}

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

// A word wider than `width`, in pieces of at most `width` columns, each ending after the
// last punctuation that fits ("claim:altay-" / "engine-2021") when there is one.
std::vector<std::string> BreakWord(const std::string& word, size_t width) {
  static const std::string kBreakAfter = "-/:;=,._&?|)]";
  std::vector<std::string> pieces(1);
  size_t used = 0;
  for (size_t pos = 0; pos < word.size();) {
    Char c = CharAt(word, pos);
    if (used + c.width > width && used > 0) {
      std::string& piece = pieces.back();
      size_t cut = piece.find_last_of(kBreakAfter);
      std::string rest =
          cut == std::string::npos || cut + 1 == piece.size() ? "" : piece.substr(cut + 1);
      piece.resize(piece.size() - rest.size());
      pieces.push_back(rest);
      used = DisplayWidth(rest);
    }
    pieces.back() += word.substr(pos, c.bytes);
    used += c.width;
    pos += c.bytes;
  }
  return pieces;
}

size_t LongestWord(const std::string& text) {
  size_t longest = 0;
  for (const std::string& line : Split(text, '\n')) {
    for (const std::string& word : Split(line, ' '))
      longest = std::max(longest, DisplayWidth(word));
  }
  return longest;
}

size_t WidestLine(const std::string& text) {
  size_t widest = 0;
  for (const std::string& line : Split(text, '\n')) widest = std::max(widest, DisplayWidth(line));
  return widest;
}

std::string Pad(const std::string& text, size_t width, bool right_aligned) {
  std::string padding(width - std::min(width, DisplayWidth(text)), ' ');
  return right_aligned ? padding + text : text + padding;
}

void PrintTrimmed(std::string line, std::ostream& out) {
  line.erase(line.find_last_not_of(' ') + 1);
  out << line << "\n";
}

// Gives `room` extra columns to the columns that want them (natural > width), in
// proportion to how much each still wants.
void Distribute(size_t room, const std::vector<size_t>& natural, std::vector<size_t>& widths) {
  size_t wanted = 0;
  for (size_t idx = 0; idx < widths.size(); ++idx) wanted += natural[idx] - widths[idx];
  if (wanted == 0) return;
  size_t given = 0;
  for (size_t idx = 0; idx < widths.size(); ++idx) {
    size_t share = room * (natural[idx] - widths[idx]) / wanted;
    widths[idx] += share;
    given += share;
  }
  for (size_t idx = 0; given < room && idx < widths.size(); ++idx) {
    if (widths[idx] < natural[idx]) ++widths[idx], ++given;
  }
}

}  // namespace

size_t DisplayWidth(const std::string& text) {
  size_t width = 0;
  for (size_t pos = 0; pos < text.size();) {
    Char c = CharAt(text, pos);
    width += c.width;
    pos += c.bytes;
  }
  return width;
}

std::vector<std::string> WrapText(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  for (const std::string& paragraph : Split(text, '\n')) {
    std::string line;
    size_t used = 0;
    for (const std::string& word : Split(paragraph, ' ')) {
      if (word.empty()) continue;
      for (const std::string& piece : BreakWord(word, std::max<size_t>(width, 1))) {
        size_t piece_width = DisplayWidth(piece);
        if (used > 0 && used + 1 + piece_width > width) {
          lines.push_back(line);
          line.clear();
          used = 0;
        }
        line += (used > 0 ? " " : "") + piece;
        used += (used > 0 ? 1 : 0) + piece_width;
      }
    }
    lines.push_back(line);
  }
  return lines;
}

size_t OutputWidth(size_t forced, bool stdout_is_terminal) {
  if (forced > 0) return forced;
  if (!stdout_is_terminal) return 0;
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    long parsed = std::strtol(columns, nullptr, 10);
    if (parsed > 0) return static_cast<size_t>(parsed);
  }
  return 80;
}

TableWriter::TableWriter(TableLayout layout, std::vector<std::string> headers,
                         std::vector<bool> right_aligned)
    : layout_(layout), headers_(std::move(headers)), right_aligned_(std::move(right_aligned)) {
  right_aligned_.resize(headers_.size(), false);
}

void TableWriter::Plan(const std::vector<std::vector<std::string>>& sample) {
  size_t columns = headers_.size();
  std::vector<size_t> natural(columns), minimum(columns);
  for (size_t idx = 0; idx < columns; ++idx) {
    natural[idx] = WidestLine(headers_[idx]);
    minimum[idx] = std::min(LongestWord(headers_[idx]), kMaxWordWidth);
  }
  for (const auto& row : sample) {
    for (size_t idx = 0; idx < columns && idx < row.size(); ++idx) {
      natural[idx] = std::max(natural[idx], WidestLine(row[idx]));
      minimum[idx] = std::max(minimum[idx], right_aligned_[idx]
                                                ? WidestLine(row[idx])
                                                : std::min(LongestWord(row[idx]), kMaxWordWidth));
    }
  }
  widths_ = natural;
  records_ = layout_.records;
  wraps_ = false;
  size_t gaps = columns > 0 ? kGap * (columns - 1) : 0;
  size_t width = layout_.width;
  if (records_ || width == 0) return;
  if (std::accumulate(natural.begin(), natural.end(), gaps) <= width) return;
  size_t least = std::accumulate(minimum.begin(), minimum.end(), gaps);
  if (least > width) {
    records_ = true;
    return;
  }
  widths_ = minimum;
  Distribute(width - least, natural, widths_);
  wraps_ = widths_ != natural;
}

void TableWriter::PrintHeader(std::ostream& out) const {
  if (records_) return;
  PrintWrapped(headers_, out);
  std::string rule;
  for (size_t idx = 0; idx < widths_.size(); ++idx)
    rule += (idx ? std::string(kGap, ' ') : "") + std::string(widths_[idx], '-');
  out << rule << "\n";
}

void TableWriter::PrintRow(const std::vector<std::string>& cells, std::ostream& out) {
  if (records_) return PrintRecord(cells, out);
  if (wraps_ && rows_printed_ > 0) out << "\n";
  ++rows_printed_;
  PrintWrapped(cells, out);
}

void TableWriter::PrintWrapped(const std::vector<std::string>& cells, std::ostream& out) const {
  std::vector<std::vector<std::string>> lines;
  size_t height = 1;
  for (size_t idx = 0; idx < widths_.size(); ++idx) {
    const std::string& cell = idx < cells.size() ? cells[idx] : "";
    lines.push_back(layout_.width == 0 ? Split(cell, '\n') : WrapText(cell, widths_[idx]));
    height = std::max(height, lines.back().size());
  }
  for (size_t line = 0; line < height; ++line) {
    std::string text;
    for (size_t idx = 0; idx < widths_.size(); ++idx) {
      if (idx) text += std::string(kGap, ' ');
      text +=
          Pad(line < lines[idx].size() ? lines[idx][line] : "", widths_[idx], right_aligned_[idx]);
    }
    PrintTrimmed(text, out);
  }
}

void TableWriter::PrintRecord(const std::vector<std::string>& cells, std::ostream& out) {
  size_t label = 0;
  for (const std::string& header : headers_) label = std::max(label, DisplayWidth(header));
  size_t value_width = 0;  // no limit
  if (layout_.width > 0)
    value_width = std::max(kMinRecordValue, layout_.width - std::min(layout_.width, label + 3));
  std::string title = "-[ " + layout_.record_label + " " + std::to_string(++rows_printed_) + " ]";
  size_t rule = layout_.width > 0 ? layout_.width : label + 3 + kMinRecordValue;
  out << title << std::string(rule - std::min(rule, DisplayWidth(title)), '-') << "\n";
  for (size_t idx = 0; idx < headers_.size(); ++idx) {
    const std::string& cell = idx < cells.size() ? cells[idx] : "";
    std::vector<std::string> lines =
        value_width == 0 ? Split(cell, '\n') : WrapText(cell, value_width);
    for (size_t line = 0; line < lines.size(); ++line) {
      PrintTrimmed(Pad(line == 0 ? headers_[idx] : "", label, false) + " | " + lines[line], out);
    }
  }
}

}  // namespace defcoop::cli
