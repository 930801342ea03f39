#include "html.h"

namespace defcoop::report {
namespace {

// Screen and print. Print: A4 with margins, tables and figures never cut by a page break,
// each top-level section starts on a new page. System font stacks only (no web fonts).
constexpr std::string_view kStyle = R"css(
:root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --band: #f3f3f3; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink);
       max-width: 60rem; margin: 0 auto; padding: 1.5rem; line-height: 1.45; font-size: 15px; background: #fff; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; } h2 { font-size: 1.35rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
.subtitle { color: var(--muted); margin: 0 0 1rem; }
nav.toc ol { columns: 2; padding-left: 1.4rem; }
a { color: #0b5394; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .88rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border-bottom: 1px solid var(--rule); padding: .25rem .4rem; vertical-align: top; text-align: left; }
th { background: var(--band); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1rem 0 1.4rem; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: .85rem; color: var(--muted); margin-top: .3rem; }
.table-note, .credit { font-size: .8rem; color: var(--muted); }
sup.fn a { text-decoration: none; } sup.fn { font-size: .7em; }
ol.footnotes, ol.bibliography { font-size: .85rem; }
ol.bibliography { list-style: none; padding-left: 0; } ol.bibliography li { padding-left: 2rem; text-indent: -2rem; margin-bottom: .3rem; }
/* Automatic layout: a column is never narrower than its longest word in any language
   ("doğrulanamıyor"); the widths below are what it gets when the words allow. */
#table-claims th:nth-child(1) { width: 46%; }
#table-claims th:nth-child(2) { width: 15%; } #table-claims th:nth-child(3) { width: 15%; }
#table-claims th:nth-child(4) { width: 20%; } #table-claims th:nth-child(5) { width: 4%; }
#table-claims td:nth-child(3), #table-claims td:nth-child(4) { overflow-wrap: anywhere; }
.status-supported { color: #006b4f; } .status-contradicted { color: #a63d00; } .status-unverifiable { color: var(--muted); }
.missing { border-left: 4px solid #E69F00; padding: .3rem .7rem; background: #fff8e8; }
ul.findings li { margin-bottom: .3rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  @page { size: A4; margin: 18mm 14mm 16mm;
    @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
  @page :first { @top-center { content: none; } }
  /* Sections follow on: a page break before each left most of the first page blank. */
  #bibliography { break-before: page; }
  figure, .keep { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css";

constexpr size_t kRowsKeptTogether = 25;

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t pos = 0;
  for (; pos + 2 < bytes.size(); pos += 3) {
    unsigned value = (static_cast<unsigned char>(bytes[pos]) << 16) |
                     (static_cast<unsigned char>(bytes[pos + 1]) << 8) |
                     static_cast<unsigned char>(bytes[pos + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kBase64Alphabet[(value >> shift) & 63];
  }
  size_t rest = bytes.size() - pos;
  if (rest == 0) return out;
  unsigned value = static_cast<unsigned char>(bytes[pos]) << 16;
  if (rest == 2) value |= static_cast<unsigned char>(bytes[pos + 1]) << 8;
  out += kBase64Alphabet[(value >> 18) & 63];
  out += kBase64Alphabet[(value >> 12) & 63];
  out += rest == 2 ? kBase64Alphabet[(value >> 6) & 63] : '=';
  out += '=';
  return out;
}

std::string CsvDataUri(std::string_view csv) {
  return "data:text/csv;charset=utf-8;base64," + Base64("\xEF\xBB\xBF" + std::string(csv));
}

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t field_idx = 0; field_idx < fields.size(); ++field_idx) {
    line += (field_idx ? "," : "") + CsvField(fields[field_idx]);
  }
  return line + "\r\n";
}

std::string RenderTable(const Table& table) {
  auto cell = [&table](const char* tag, size_t column_idx, const std::string& content) {
    bool numeric = column_idx < table.numeric.size() && table.numeric[column_idx];
    return std::string("<") + tag + (numeric ? " class=\"num\">" : ">") + content + "</" + tag +
           ">";
  };
  // A table longer than a page cannot be kept on one: it may break between rows.
  bool keep = table.rows.size() <= kRowsKeptTogether;
  std::string html = std::string(keep ? "<div class=\"keep\">" : "<div>") + "<table id=\"" +
                     Escape(table.id) + "\">";
  if (!table.caption.empty()) html += "<caption>" + table.caption + "</caption>";
  html += "<thead><tr>";
  for (size_t column_idx = 0; column_idx < table.header.size(); ++column_idx) {
    html += cell("th", column_idx, table.header[column_idx]);
  }
  html += "</tr></thead><tbody>";
  for (const auto& row : table.rows) {
    html += "<tr>";
    for (size_t column_idx = 0; column_idx < row.size(); ++column_idx)
      html += cell("td", column_idx, row[column_idx]);
    html += "</tr>";
  }
  html += "</tbody></table>";
  if (!table.note.empty()) html += "<p class=\"table-note\">" + table.note + "</p>";
  return html + "</div>\n";
}

std::string Section(std::string_view id, std::string_view title_html, std::string_view body) {
  return "<section class=\"top\" id=\"" + Escape(id) + "\">\n<h2>" + std::string(title_html) +
         "</h2>\n" + std::string(body) + "</section>\n";
}

namespace {

// `text` as a CSS string literal.
std::string CssString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '<') {
      out += "\\3C ";  // never "</style>" inside the style element
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

std::string Document(std::string_view lang, std::string_view title, std::string_view body) {
  // The running header of every printed page after the first.
  std::string running_header = "@media print { @page { @top-center { content: " +
                               CssString(title) + "; font-size: 8pt; color: #555; } } }\n";
  return "<!DOCTYPE html>\n<html lang=\"" + Escape(lang) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n" +
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         Escape(title) + "</title>\n<style>" + std::string(kStyle) + running_header +
         "</style>\n</head>\n<body>\n" + std::string(body) + "</body>\n</html>\n";
}

}  // namespace defcoop::report
