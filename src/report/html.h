// HTML building blocks: escaping of every piece of data text, data: URIs for the CSV
// downloads, tables and figures with their footnote markers, and the page's CSS (screen
// and print; print keeps tables and charts whole on a page).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace defcoop::report {

// Text for HTML content or attribute values: & < > " ' as entities.
std::string Escape(std::string_view text);

// RFC 4648 base64.
std::string Base64(std::string_view bytes);

// A CSV file as a data: URI (UTF-8 with a BOM so spreadsheets read it as UTF-8).
std::string CsvDataUri(std::string_view csv);

// One CSV field, quoted per RFC 4180 when it needs it.
std::string CsvField(std::string_view text);
std::string CsvLine(const std::vector<std::string>& fields);

// A table: `id` is the element id, `caption` escaped HTML already, header and cells are
// HTML (escape data first); `note` (HTML) goes under the table, with the footnote marker.
struct Table {
  std::string id;
  std::string caption;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  // per column: right-aligned
  std::string note;
};
std::string RenderTable(const Table& table);

// <section id=...><h2>title</h2> body </section>
std::string Section(std::string_view id, std::string_view title_html, std::string_view body);

// The whole document: <!DOCTYPE html> ... with the inline style sheet.
std::string Document(std::string_view lang, std::string_view title, std::string_view body);

}  // namespace defcoop::report
