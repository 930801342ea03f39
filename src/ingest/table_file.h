// What the readers of one-header, one-record-per-row files share (DCAD, GSDB): the text
// (UTF-8 as is, anything else read as Latin-1), the header check, and the row loop that
// turns every record into an item or a problem with its line, reporting duplicate keys.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "defcoop/core/model.h"
#include "defcoop/core/status.h"
#include "defcoop/csv/reader.h"

namespace defcoop::ingest::table_internal {

template <typename Item>
struct Rows {
  int records_read = 0;
  std::vector<Item> items;
  std::vector<InputProblem> problems;
};

// The file's text, decoded.
std::string DecodeText(std::string_view bytes);

// Reads the header of `reader`'s text; an error unless it is exactly `header` (fields
// joined with commas). `not_this_format` is the message's explanation.
Status CheckHeader(csv::Reader* reader, std::string_view header, std::string_view not_this_format);

// Every record after the header: `parse(record, &repair)` makes an item or says why not
// (setting `repair` when it changed something to load it); `key(item)` identifies an
// item, and `key_name` names it in the duplicate message.
template <typename Item, typename Parse, typename Key>
Result<Rows<Item>> ReadTable(std::string_view bytes, const std::string& path,
                             std::string_view header, std::string_view not_this_format, Parse parse,
                             Key key, std::string_view key_name) {
  std::string text = DecodeText(bytes);
  csv::Reader reader(text, path);
  DEFCOOP_RETURN_IF_ERROR(CheckHeader(&reader, header, not_this_format));
  Rows<Item> rows;
  auto add_problem = [&](int line, std::string reason, bool repaired) {
    rows.problems.push_back(InputProblem{Location{path, line, 0}, std::move(reason), repaired});
  };
  std::map<decltype(key(std::declval<const Item&>())), int> line_of_key;
  csv::Record record;
  Status error;
  // csv::Reader::Next resets `error` and moves past a malformed record, so this loop
  // ends and every line is an item or a problem.
  while (true) {
    bool read = reader.Next(&record, &error);
    if (!read && error.ok()) break;
    ++rows.records_read;
    if (!read) {
      add_problem(error.where().line, error.message(), false);
      continue;
    }
    std::string repair;
    Result<Item> item = parse(record, &repair);
    if (item.ok()) {
      auto [found, inserted] = line_of_key.emplace(key(*item), record.line);
      if (!inserted) {
        std::string shown = std::string(key_name) + " ";
        if constexpr (std::is_arithmetic_v<typename decltype(line_of_key)::key_type>) {
          shown += std::to_string(found->first);
        } else {
          shown += found->first;
        }
        item = Status::InvalidInput("duplicate " + shown + " (first on line " +
                                    std::to_string(found->second) + ")");
      }
    }
    if (!item.ok()) {
      add_problem(record.line, item.status().message(), false);
      continue;
    }
    if (!repair.empty()) add_problem(record.line, repair, true);
    rows.items.push_back(std::move(*item));
  }
  return rows;
}

}  // namespace defcoop::ingest::table_internal
