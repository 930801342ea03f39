#include "defcoop/ingest/dcad.h"

#include <charconv>
#include <set>

#include "defcoop/csv/reader.h"
#include "defcoop/ingest/content_hash.h"
#include "defcoop/ingest/sipri.h"
#include "table_file.h"

namespace defcoop::ingest {
namespace {

// Column positions of the fields the reader uses (DCAD's header order).
enum Column {
  kCcode1 = 0,
  kCowName1 = 1,
  kCcode2 = 2,
  kCowName2 = 3,
  kSignDay = 4,
  kSignMonth = 5,
  kSignYear = 6,
  kEifDay = 7,
  kEifMonth = 8,
  kEifYear = 9,
  kType = 10,
  kCategory1 = 11,
  kTerminated = 17,
  kEndYearEstimate = 19,
  kSourceType = 24,
  kSource = 25,
  kDcaId = 29,
  kColumnCount = 30,
};

const std::set<std::string, std::less<>> kCategories = {"DCA",         "DIC",        "TREX",
                                                        "PROCUREMENT", "COMMISSION", "RESEARCH"};

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A date from DCAD's day, month and year fields; day and month may be empty (the date
// then has year or month precision). Empty year: no date.
Result<std::optional<Date>> DateOf(const std::string& day, const std::string& month,
                                   const std::string& year, std::string_view what) {
  if (year.empty()) {
    if (!day.empty() || !month.empty())
      return Status::InvalidInput(std::string(what) + " has a day or month but no year");
    return std::optional<Date>();
  }
  std::string text = year;
  if (!month.empty()) {
    auto m = ParseInt(month);
    if (!m)
      return Status::InvalidInput(std::string(what) + " month '" + month + "' is not a number");
    text += (*m < 10 ? "-0" : "-") + std::to_string(*m);
    if (!day.empty()) {
      auto d = ParseInt(day);
      if (!d) return Status::InvalidInput(std::string(what) + " day '" + day + "' is not a number");
      text += (*d < 10 ? "-0" : "-") + std::to_string(*d);
    }
  } else if (!day.empty()) {
    return Status::InvalidInput(std::string(what) + " has a day but no month");
  }
  auto date = ParseDate(text);
  if (!date.ok()) return Status::InvalidInput(std::string(what) + ": " + date.status().message());
  return std::optional<Date>(*date);
}

// One row as an agreement, or the reason it cannot be one. *repair says what was
// changed to load it (an entry-into-force date without a year is left out).
Result<DefenseCooperationAgreement> AgreementOf(const csv::Record& record, std::string* repair) {
  const std::vector<std::string>& f = record.fields;
  if (f.size() != kColumnCount) {
    return Status::InvalidInput("expected " + std::to_string(kColumnCount) + " fields, found " +
                                std::to_string(f.size()));
  }
  DefenseCooperationAgreement a;
  a.dcad_id = f[kDcaId];
  if (a.dcad_id.empty()) return Status::InvalidInput("DCAid is empty");
  auto cow1 = ParseInt(f[kCcode1]);
  auto cow2 = ParseInt(f[kCcode2]);
  if (!cow1 || !cow2) return Status::InvalidInput("ccode1 and ccode2 must be COW state codes");
  if (*cow1 == *cow2) {
    return Status::InvalidInput("ccode1 and ccode2 are both " + f[kCcode1] + " (cowName1 " +
                                f[kCowName1] + ", cowName2 " + f[kCowName2] +
                                "): an agreement of a state with itself");
  }
  a.cow1 = *cow1;
  a.cow2 = *cow2;
  a.cow_name1 = f[kCowName1];
  a.cow_name2 = f[kCowName2];
  auto signed_on = DateOf(f[kSignDay], f[kSignMonth], f[kSignYear], "signature date");
  if (!signed_on.ok()) return signed_on.status();
  if (!*signed_on) return Status::InvalidInput("signYear is empty");
  a.signed_on = **signed_on;
  auto in_force = DateOf(f[kEifDay], f[kEifMonth], f[kEifYear], "entry-into-force date");
  if (in_force.ok()) {
    a.in_force = *in_force;
  } else {
    *repair = in_force.status().message() + ": loaded without an entry-into-force date";
  }
  a.type = f[kType];
  if (a.type != "general" && a.type != "sector")
    return Status::InvalidInput("type must be general or sector, not '" + a.type + "'");
  for (int column = kCategory1; column < kCategory1 + 3; ++column) {
    if (f[column].empty()) continue;
    if (!kCategories.count(f[column]))
      return Status::InvalidInput("unknown category '" + f[column] + "'");
    a.categories.push_back(f[column]);
  }
  if (a.categories.empty()) return Status::InvalidInput("category1 is empty");
  // DCAD writes -88 (not applicable) and -99 (missing) where nothing is known.
  if (f[kTerminated] == "0" || f[kTerminated] == "1") a.terminated = f[kTerminated] == "1";
  a.end_year_estimate = ParseInt(f[kEndYearEstimate]);
  a.source_type = f[kSourceType];
  a.source = f[kSource];
  a.source_line = record.line;
  return a;
}

}  // namespace

Result<DcadFile> ParseDcad(std::string_view bytes, const std::string& path) {
  auto rows = table_internal::ReadTable<DefenseCooperationAgreement>(
      bytes, path, kDcadHeader,
      "not a DCAD v1.0 main file (its first line must be DCAD's header, starting "
      "\"ccode1,cowName1,ccode2\")",
      AgreementOf, [](const DefenseCooperationAgreement& a) { return a.dcad_id; }, "DCAid");
  if (!rows.ok()) return rows.status();
  DcadFile file;
  file.path = path;
  file.records_read = rows->records_read;
  file.agreements = std::move(rows->items);
  file.problems = std::move(rows->problems);
  return file;
}

Result<DcadFile> ReadDcadFile(const std::string& path) {
  Result<std::string> bytes = csv::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  Result<DcadFile> file = ParseDcad(*bytes, path);
  if (file.ok()) {
    file->content_hash = DataHash(*bytes);
    file->bytes_hash = ContentHash(*bytes);
  }
  return file;
}

}  // namespace defcoop::ingest
