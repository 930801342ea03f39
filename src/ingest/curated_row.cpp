#include "curated_row.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace defcoop::ingest {

CuratedRow::CuratedRow(const csv::Record& record, const std::map<std::string, size_t>& columns,
                       const std::string& file, std::vector<Status>* problems, References* refs)
    : record_(record), columns_(columns), file_(file), problems_(problems), refs_(refs) {}

const std::string* CuratedRow::Field(const std::string& column) const {
  auto found = columns_.find(column);
  if (found == columns_.end() || found->second >= record_.fields.size()) return nullptr;
  return &record_.fields[found->second];
}

Location CuratedRow::Where(const std::string& column) const {
  auto found = columns_.find(column);
  int line = record_.line;
  int col = 0;
  if (found != columns_.end() && found->second < record_.columns.size()) {
    col = record_.columns[found->second];
    // A field after a quoted newline starts on a later line than its record.
    if (found->second < record_.lines.size()) line = record_.lines[found->second];
  }
  return Location{file_, line, col};
}

void CuratedRow::Problem(const std::string& column, std::string message) const {
  problems_->push_back(Status::InvalidInput(std::move(message), Where(column)));
}

std::string CuratedRow::Text(const std::string& column) const {
  const std::string* field = Field(column);
  return field ? std::string(csv::Trim(*field)) : std::string();
}

std::string CuratedRow::Required(const std::string& column) const {
  std::string value = Text(column);
  if (value.empty()) Problem(column, "'" + column + "' is empty; it is required");
  return value;
}

std::optional<Date> CuratedRow::OptionalDate(const std::string& column) const {
  std::string text = Text(column);
  if (text.empty()) return std::nullopt;
  Result<Date> date = ParseDate(text);
  if (!date.ok()) {
    Problem(column, date.status().message());
    return std::nullopt;
  }
  return *date;
}

Date CuratedRow::RequiredDate(const std::string& column) const {
  if (Text(column).empty()) {
    Problem(column,
            "'" + column + "' is empty; it is required (write YYYY, YYYY-MM or YYYY-MM-DD)");
    return Date{};
  }
  return OptionalDate(column).value_or(Date{});
}

std::optional<double> CuratedRow::ParseNumber(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> CuratedRow::Number(const std::string& column) const {
  std::string text = Text(column);
  if (text.empty()) return std::nullopt;
  std::optional<double> value = ParseNumber(text);
  if (!value)
    Problem(column, "'" + text + "' is not a number (use '.' as decimal point, no separators)");
  return value;
}

std::vector<double> CuratedRow::NumberList(const std::string& column) const {
  std::vector<double> numbers;
  for (const std::string& item : List(column)) {
    std::optional<double> value = ParseNumber(item);
    if (!value) {
      Problem(column, "'" + item + "' is not a number");
      return {};
    }
    numbers.push_back(*value);
  }
  return numbers;
}

std::optional<int> CuratedRow::Integer(const std::string& column) const {
  std::optional<double> value = Number(column);
  if (!value) return std::nullopt;
  // Out of int's range the cast itself is undefined: range first, then wholeness.
  constexpr double kLowest = std::numeric_limits<int>::min();
  constexpr double kHighest = std::numeric_limits<int>::max();
  if (!(*value >= kLowest && *value <= kHighest) || *value != std::trunc(*value)) {
    Problem(column, "'" + Text(column) + "' is not a whole number in range");
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

bool CuratedRow::Bool(const std::string& column) const {
  std::string text = Text(column);
  if (text.empty() || text == "false") return false;
  if (text == "true") return true;
  Problem(column, "'" + text + "' is not a boolean (write true or false)");
  return false;
}

std::vector<std::string> CuratedRow::List(const std::string& column) const {
  std::string text = Text(column);
  if (text.empty()) return {};
  std::vector<std::string> items = csv::SplitList(text, '|');
  for (const std::string& item : items) {
    if (item.empty()) {
      Problem(column, "the list '" + text + "' has an empty element (remove the extra '|')");
      return {};
    }
  }
  return items;
}

std::string CuratedRow::OneOf(const std::string& column, const std::vector<std::string>& allowed,
                              bool required) const {
  std::string value = required ? Required(column) : Text(column);
  if (value.empty()) return value;
  for (const std::string& option : allowed) {
    if (option == value) return value;
  }
  std::string options;
  for (const std::string& option : allowed) options += (options.empty() ? "" : ", ") + option;
  Problem(column, "'" + value + "' is not a valid " + column + " (one of: " + options + ")");
  return value;
}

std::string CuratedRow::ActorRef(const std::string& column, bool required) const {
  std::string id = required ? Required(column) : Text(column);
  if (!id.empty()) refs_->actors.push_back({id, Where(column)});
  return id;
}

std::vector<std::string> CuratedRow::ActorList(const std::string& column, bool required) const {
  if (required && Text(column).empty()) {
    Problem(column, "'" + column + "' is empty; it is required");
    return {};
  }
  std::vector<std::string> ids = List(column);
  for (const std::string& id : ids) refs_->actors.push_back({id, Where(column)});
  return ids;
}

std::string CuratedRow::EventRef(const std::string& column) const {
  std::string id = Text(column);
  if (!id.empty()) refs_->events.push_back({id, Where(column)});
  return id;
}

std::string CuratedRow::PlatformRef(const std::string& column) const {
  std::string id = Required(column);
  if (!id.empty()) refs_->platforms.push_back({id, Where(column)});
  return id;
}

std::string CuratedRow::ComponentRef(const std::string& column) const {
  std::string id = Text(column);
  if (!id.empty()) refs_->components.push_back({id, Where(column)});
  return id;
}

// "id[locator]|id2" -> {id, locator}, {id2, ""}
std::vector<SourceRef> CuratedRow::Sources() const {
  if (Text("sources").empty()) {
    Problem("sources", "this fact has no source; name at least one source id from sources.json");
    return {};
  }
  std::vector<SourceRef> refs;
  for (const std::string& item : List("sources")) {
    SourceRef ref;
    size_t open = item.find('[');
    if (open == std::string::npos) {
      ref.source_id = item;
    } else if (item.back() != ']') {
      Problem("sources", "the locator in '" + item + "' is not closed with ']'");
      continue;
    } else {
      ref.source_id = std::string(csv::Trim(item.substr(0, open)));
      ref.locator = item.substr(open + 1, item.size() - open - 2);
    }
    refs_->sources.push_back({ref.source_id, Where("sources")});
    refs.push_back(std::move(ref));
  }
  return refs;
}

}  // namespace defcoop::ingest
