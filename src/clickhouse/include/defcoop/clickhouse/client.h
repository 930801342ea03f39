// A client for ClickHouse's HTTP interface (cpp-httplib), the engine defcoop scales out
// on: statements and queries are POSTed as text, answers come back as TabSeparated rows.
// It speaks only what ClickHouse 18.16 (Debian 12) and current releases both understand.
// A server that is down, refuses or answers with an exception gives one clear Status,
// never a partial answer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "defcoop/core/status.h"

namespace defcoop::clickhouse {

// Where a ClickHouse database is: its HTTP interface and the database's name.
struct Endpoint {
  std::string host;
  int port = 8123;
  std::string database = "default";

  std::string ToString() const;  // "clickhouse://host:port/database"
};

// Reads "clickhouse://HOST[:PORT][/DATABASE]" (PORT: the HTTP interface, 8123 when left
// out; DATABASE: "default"). Errors: Usage, saying what the form is.
Result<Endpoint> ParseUrl(std::string_view url);

using Row = std::vector<std::string>;

class Client {
 public:
  explicit Client(Endpoint endpoint);

  const Endpoint& endpoint() const { return endpoint_; }

  // Runs a statement that answers nothing (CREATE, DROP, INSERT ... SELECT).
  Status Execute(std::string_view sql);

  // Runs a SELECT; the answer's rows, fields unescaped. `sql` must not name a FORMAT.
  Result<std::vector<Row>> Query(std::string_view sql);

  // Inserts rows, already in TabSeparated form (AppendTsvRow), into `table` in one request.
  Status InsertTsv(std::string_view table, std::string_view tsv);

  // The server's version, e.g. "18.16.1": what the SQL has to be understood by.
  Result<std::string> Version();

 private:
  Result<std::string> Post(const std::string& target, std::string_view body);

  Endpoint endpoint_;
};

// ClickHouse's TabSeparated escaping of one field (\\, \t, \n, \r, \0, \b, \f, \'), and
// its reverse.
std::string EscapeTsv(std::string_view field);
std::string UnescapeTsv(std::string_view field);

// Appends one row: fields escaped, tab-separated, ended by a newline.
void AppendTsvRow(const std::vector<std::string_view>& fields, std::string* tsv);

// A string literal for SQL: 'text' with \\ and \' escaped.
std::string Quote(std::string_view text);

}  // namespace defcoop::clickhouse
