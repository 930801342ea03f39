#include "defcoop/ingest/atop.h"

#include <charconv>

#include "defcoop/csv/reader.h"
#include "defcoop/ingest/content_hash.h"
#include "defcoop/ingest/sipri.h"
#include "table_file.h"

namespace defcoop::ingest {
namespace {

constexpr size_t kColumns = 8;
constexpr const char* kObligations[] = {"atop_defense", "atop_offense", "atop_neutral",
                                        "atop_nonagg", "atop_consul"};

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Result<AllianceYear> AllianceYearOf(const csv::Record& record, std::string* /*repair*/) {
  const std::vector<std::string>& f = record.fields;
  if (f.size() != kColumns) {
    return Status::InvalidInput("expected " + std::to_string(kColumns) + " fields, found " +
                                std::to_string(f.size()));
  }
  AllianceYear a;
  auto cow1 = ParseInt(f[0]), cow2 = ParseInt(f[1]), year = ParseInt(f[2]);
  if (!cow1 || !cow2) return Status::InvalidInput("ccode1 and ccode2 must be COW state codes");
  if (*cow1 == *cow2) return Status::InvalidInput("an alliance of a state with itself");
  if (!year || *year < 1815 || *year > 2100)
    return Status::InvalidInput("year '" + f[2] + "' is not a year of the ATOP span");
  a.cow1 = *cow1;
  a.cow2 = *cow2;
  a.year = *year;
  bool* flags[] = {&a.defense, &a.offense, &a.neutrality, &a.nonaggression, &a.consultation};
  for (size_t idx = 0; idx < 5; ++idx) {
    const std::string& value = f[3 + idx];
    if (value != "0" && value != "1")
      return Status::InvalidInput(std::string(kObligations[idx]) + " must be 0 or 1, not '" +
                                  value + "'");
    *flags[idx] = value == "1";
  }
  a.source_line = record.line;
  return a;
}

}  // namespace

Result<AtopFile> ParseAtop(std::string_view bytes, const std::string& path) {
  auto rows = table_internal::ReadTable<AllianceYear>(
      bytes, path, kAtopHeader,
      "not an ATOP directed dyad-year file (its first line must be \"ccode1,ccode2,year,"
      "atop_defense,...\")",
      AllianceYearOf,
      [](const AllianceYear& a) {
        return std::to_string(a.cow1) + "-" + std::to_string(a.cow2) + " in " +
               std::to_string(a.year);
      },
      "dyad-year");
  if (!rows.ok()) return rows.status();
  AtopFile file;
  file.path = path;
  file.records_read = rows->records_read;
  file.years = std::move(rows->items);
  file.problems = std::move(rows->problems);
  return file;
}

Result<AtopFile> ReadAtopFile(const std::string& path) {
  Result<std::string> bytes = csv::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  Result<AtopFile> file = ParseAtop(*bytes, path);
  if (file.ok()) {
    file->content_hash = DataHash(*bytes);
    file->bytes_hash = ContentHash(*bytes);
  }
  return file;
}

}  // namespace defcoop::ingest
