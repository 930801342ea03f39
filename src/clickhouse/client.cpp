#include "defcoop/clickhouse/client.h"

#include <httplib.h>

#include <charconv>

namespace defcoop::clickhouse {
namespace {

constexpr std::string_view kScheme = "clickhouse://";
constexpr int kConnectSeconds = 5;
constexpr int kReadSeconds = 600;  // a query over a billion rows may take minutes

// The first line of a ClickHouse exception, without 18.16's ", e.what() = ..." tail.
std::string ExceptionText(const std::string& body) {
  std::string text = body.substr(0, body.find('\n'));
  if (size_t tail = text.find(", e.what() = "); tail != std::string::npos) text.resize(tail);
  return text;
}

// Splits a TabSeparated answer into rows of unescaped fields.
std::vector<Row> ParseTsv(std::string_view tsv) {
  std::vector<Row> rows;
  while (!tsv.empty()) {
    size_t end = tsv.find('\n');
    std::string_view line = tsv.substr(0, end);
    Row row;
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      row.push_back(UnescapeTsv(line.substr(start, tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(row));
    if (end == std::string_view::npos) break;
    tsv.remove_prefix(end + 1);
  }
  return rows;
}

}  // namespace

std::string Endpoint::ToString() const {
  return std::string(kScheme) + host + ":" + std::to_string(port) + "/" + database;
}

Result<Endpoint> ParseUrl(std::string_view url) {
  auto usage = [&] {
    return Status::Usage(
        "'" + std::string(url) +
        "' is not a ClickHouse address; the form is clickhouse://HOST[:PORT][/DATABASE]"
        " (PORT: its HTTP interface, 8123 by default)");
  };
  if (url.substr(0, kScheme.size()) != kScheme) return usage();
  std::string_view rest = url.substr(kScheme.size());
  Endpoint endpoint;
  if (size_t slash = rest.find('/'); slash != std::string_view::npos) {
    if (slash + 1 < rest.size()) endpoint.database = std::string(rest.substr(slash + 1));
    rest = rest.substr(0, slash);
  }
  if (size_t colon = rest.rfind(':'); colon != std::string_view::npos) {
    std::string_view digits = rest.substr(colon + 1);
    auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), endpoint.port);
    if (error != std::errc() || end != digits.data() + digits.size() || endpoint.port <= 0 ||
        endpoint.port > 65535) {
      return usage();
    }
    rest = rest.substr(0, colon);
  }
  if (rest.empty()) return usage();
  for (char c : endpoint.database) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return usage();
  }
  endpoint.host = std::string(rest);
  return endpoint;
}

Client::Client(Endpoint endpoint) : endpoint_(std::move(endpoint)) {}

Result<std::string> Client::Post(const std::string& target, std::string_view body) {
  httplib::Client http(endpoint_.host, endpoint_.port);
  http.set_connection_timeout(kConnectSeconds);
  http.set_read_timeout(kReadSeconds);
  http.set_write_timeout(kReadSeconds);
  std::string path =
      "/?database=" + httplib::detail::encode_query_param(endpoint_.database) + target;
  auto answer = http.Post(path, body.data(), body.size(), "text/plain; charset=UTF-8");
  if (!answer) {
    return Status::Io("ClickHouse at " + endpoint_.ToString() + " does not answer (" +
                      httplib::to_string(answer.error()) +
                      "): is it running? (scripts/clickhouse-cluster start starts a local one)");
  }
  if (answer->status != 200) {
    return Status::Store("ClickHouse at " + endpoint_.ToString() + " refused (HTTP " +
                         std::to_string(answer->status) + "): " + ExceptionText(answer->body));
  }
  return std::move(answer->body);
}

Status Client::Execute(std::string_view sql) { return Post("", sql).status(); }

Result<std::vector<Row>> Client::Query(std::string_view sql) {
  std::string text(sql);
  text += "\nFORMAT TabSeparated";
  auto body = Post("", text);
  if (!body.ok()) return body.status();
  return ParseTsv(*body);
}

Status Client::InsertTsv(std::string_view table, std::string_view tsv) {
  std::string query = "INSERT INTO " + std::string(table) + " FORMAT TabSeparated";
  return Post("&query=" + httplib::detail::encode_query_param(query), tsv).status();
}

Result<std::string> Client::Version() {
  auto rows = Query("SELECT version()");
  if (!rows.ok()) return rows.status();
  if (rows->size() != 1 || rows->front().size() != 1) {
    return Status::Store("ClickHouse at " + endpoint_.ToString() + " gave no version");
  }
  return rows->front().front();
}

}  // namespace defcoop::clickhouse
