#include "defcoop/ingest/gsdb.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "defcoop/csv/reader.h"
#include "defcoop/ingest/content_hash.h"
#include "defcoop/ingest/sipri.h"
#include "table_file.h"

namespace defcoop::ingest {
namespace {

// Column positions (GSDB V3's header order).
enum Column {
  kCaseId = 0,
  kSanctionedState = 1,
  kSanctioningState = 2,
  kBegin = 3,
  kEnd = 4,
  kTrade = 5,
  kDescrTrade = 6,
  kArms = 7,
  kMilitary = 8,
  kFinancial = 9,
  kTravel = 10,
  kOther = 11,
  kTargetMult = 12,
  kSenderMult = 13,
  kObjective = 14,
  kSuccess = 15,
  kColumnCount = 16,
};

// The measure flags, in the order SanctionCase::types lists them.
constexpr std::pair<Column, std::string_view> kMeasures[] = {
    {kTrade, "trade"},         {kArms, "arms"},     {kMilitary, "military"},
    {kFinancial, "financial"}, {kTravel, "travel"}, {kOther, "other"}};

// Every 0/1 column: the measures and the multilateral target and sender flags.
constexpr std::pair<Column, std::string_view> kFlags[] = {
    {kTrade, "trade"},
    {kArms, "arms"},
    {kMilitary, "military"},
    {kFinancial, "financial"},
    {kTravel, "travel"},
    {kOther, "other"},
    {kTargetMult, "target_mult"},
    {kSenderMult, "sender_mult"},
};

// GSDB writes some states in the World Bank's inverted form ("Korea, North", "Egypt,
// Arab Rep.", "Congo, Democratic Republic of the", "Gambia, The"), so a comma does not
// always separate two parties: a list part that is one of these qualifiers belongs to
// the name before it.
const std::set<std::string, std::less<>> kNameQualifiers = {"North", "South", "The", "Arab Rep.",
                                                            "Democratic Republic of the"};

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A year written with exactly four digits.
std::optional<int> YearOf(std::string_view text) {
  if (text.size() != 4 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return ParseInt(text);
}

// The parts of a comma list, trimmed, empty parts left out ("Slovakia,  Slovenia" and
// "a,,b" both give two parts).
std::vector<std::string> PartsOf(std::string_view text) {
  std::vector<std::string> parts;
  for (std::string& part : csv::SplitList(text, ','))
    if (!part.empty()) parts.push_back(std::move(part));
  return parts;
}

// The parties of a sender or target list, inverted names kept whole.
std::vector<std::string> NamesOf(std::string_view text) {
  std::vector<std::string> names;
  for (std::string& part : PartsOf(text)) {
    if (!names.empty() && kNameQualifiers.count(part)) {
      names.back() += ", " + part;
    } else {
      names.push_back(std::move(part));
    }
  }
  return names;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : ",") + part;
  return joined;
}

// One row as a sanction case, or the reason it cannot be one. *repair says what was
// changed to load it (one outcome for several objectives is applied to each).
Result<SanctionCase> CaseOf(const csv::Record& record, std::string* repair) {
  const std::vector<std::string>& f = record.fields;
  if (f.size() != kColumnCount) {
    return Status::InvalidInput("expected " + std::to_string(kColumnCount) + " fields, found " +
                                std::to_string(f.size()));
  }
  SanctionCase c;
  auto case_id = ParseInt(f[kCaseId]);
  if (!case_id || *case_id <= 0)
    return Status::InvalidInput("case_id '" + f[kCaseId] + "' is not a positive integer");
  c.case_id = *case_id;
  c.targets = NamesOf(f[kSanctionedState]);
  if (c.targets.empty()) return Status::InvalidInput("sanctioned_state is empty");
  c.senders = NamesOf(f[kSanctioningState]);
  if (c.senders.empty()) return Status::InvalidInput("sanctioning_state is empty");
  auto begin = YearOf(f[kBegin]);
  if (!begin) return Status::InvalidInput("begin '" + f[kBegin] + "' is not a year");
  auto end = YearOf(f[kEnd]);
  if (!end) return Status::InvalidInput("end '" + f[kEnd] + "' is not a year");
  if (*end < *begin) {
    return Status::InvalidInput("end " + f[kEnd] + " is before begin " + f[kBegin]);
  }
  c.begin = *begin;
  c.end = *end;
  for (const auto& [column, name] : kFlags) {
    if (f[column] != "0" && f[column] != "1") {
      return Status::InvalidInput(std::string(name) + " must be 0 or 1, not '" + f[column] + "'");
    }
  }
  for (const auto& [column, name] : kMeasures)
    if (f[column] == "1") c.types.emplace_back(name);
  // Every case of the real V3 file has at least one measure, so a row without one is
  // taken for a defect.
  if (c.types.empty()) {
    return Status::InvalidInput(
        "no measure flag is set (trade, arms, military, financial, travel, other are all 0)");
  }
  c.trade_detail = f[kDescrTrade];
  c.objectives = PartsOf(f[kObjective]);
  c.outcomes = PartsOf(f[kSuccess]);
  if (c.objectives.size() != c.outcomes.size()) {
    // V3 has one such row (case 1275: "democracy,end_war" with "ongoing"): a single
    // outcome stands for every objective. Other mismatches cannot be aligned.
    if (c.outcomes.size() != 1 || c.objectives.size() < 2) {
      return Status::InvalidInput("objective has " + std::to_string(c.objectives.size()) +
                                  " entries (" + f[kObjective] + ") but success has " +
                                  std::to_string(c.outcomes.size()) + " (" + f[kSuccess] +
                                  "): they must be aligned by position");
    }
    *repair = "success gives 1 outcome (" + c.outcomes.front() + ") for " +
              std::to_string(c.objectives.size()) + " objectives (" + Joined(c.objectives) +
              "): loaded with that outcome for each objective";
    c.outcomes.assign(c.objectives.size(), c.outcomes.front());
  }
  c.ongoing = !c.outcomes.empty() &&
              std::all_of(c.outcomes.begin(), c.outcomes.end(),
                          [](const std::string& outcome) { return outcome == "ongoing"; });
  c.source_line = record.line;
  return c;
}

}  // namespace

Result<GsdbFile> ParseGsdb(std::string_view bytes, const std::string& path) {
  auto rows = table_internal::ReadTable<SanctionCase>(
      bytes, path, kGsdbHeader,
      "not a GSDB V3 case file (its first line must be GSDB V3's header, starting "
      "\"case_id,sanctioned_state,sanctioning_state\")",
      CaseOf, [](const SanctionCase& c) { return c.case_id; }, "case_id");
  if (!rows.ok()) return rows.status();
  GsdbFile file;
  file.path = path;
  file.records_read = rows->records_read;
  file.cases = std::move(rows->items);
  file.problems = std::move(rows->problems);
  return file;
}

Result<GsdbFile> ReadGsdbFile(const std::string& path) {
  Result<std::string> bytes = csv::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  Result<GsdbFile> file = ParseGsdb(*bytes, path);
  if (file.ok()) {
    file->content_hash = DataHash(*bytes);
    file->bytes_hash = ContentHash(*bytes);
  }
  return file;
}

}  // namespace defcoop::ingest
