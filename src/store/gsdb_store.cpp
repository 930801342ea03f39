// Saving and loading imported GSDB files (sanctions cases).
#include <sqlite3.h>

#include <map>

#include "db.h"
#include "defcoop/store/store.h"
#include "imported_file.h"

namespace defcoop::store {
namespace {

Status SaveParties(Statement* party, int case_id, const char* role,
                   const std::vector<std::string>& names, const std::vector<std::string>& ids) {
  for (size_t idx = 0; idx < names.size(); ++idx) {
    DEFCOOP_RETURN_IF_ERROR(party->Bind(1, case_id)
                                .Bind(2, role)
                                .Bind(3, static_cast<int>(idx))
                                .Bind(4, names[idx])
                                .BindOrNull(5, idx < ids.size() ? ids[idx] : "")
                                .Run());
  }
  return Status::Ok();
}

Status SaveCases(sqlite3* db, int64_t file_id, const GsdbFile& file) {
  Statement insert(db, "INSERT INTO sanction_case VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Statement party(db, "INSERT INTO sanction_party VALUES (?, ?, ?, ?, ?)");
  for (const SanctionCase& c : file.cases) {
    DEFCOOP_RETURN_IF_ERROR(insert.BindInt64(1, file_id)
                                .Bind(2, c.case_id)
                                .Bind(3, c.begin)
                                .Bind(4, c.end)
                                .Bind(5, c.ongoing)
                                .Bind(6, JoinList(c.types))
                                .BindOrNull(7, c.trade_detail)
                                .Bind(8, JoinList(c.objectives))
                                .Bind(9, JoinList(c.outcomes))
                                .Bind(10, c.source_line)
                                .Run());
    DEFCOOP_RETURN_IF_ERROR(SaveParties(&party, c.case_id, "target", c.targets, c.target_ids));
    DEFCOOP_RETURN_IF_ERROR(SaveParties(&party, c.case_id, "sender", c.senders, c.sender_ids));
  }
  return Status::Ok();
}

}  // namespace

Result<ImportSummary> Store::SaveGsdbFile(const GsdbFile& file, ImportMode mode) {
  ImportedFile imported{"gsdb",
                        file.path,
                        file.content_hash,
                        file.bytes_hash,
                        file.records_read,
                        static_cast<int>(file.cases.size()),
                        &file.problems};
  return SaveImportedFile(db_, imported, mode,
                          [&](int64_t file_id) { return SaveCases(db_, file_id, file); });
}

Result<std::vector<SanctionCase>> Store::LoadSanctionCases() const {
  std::map<int, SanctionCase> by_id;
  Statement rows(db_,
                 "SELECT case_id, begin_year, end_year, ongoing, types, trade_detail, objectives,"
                 " outcomes, source_line FROM sanction_case ORDER BY case_id");
  while (rows.Step()) {
    SanctionCase& c = by_id[rows.Int(0)];
    c.case_id = rows.Int(0);
    c.begin = rows.Int(1);
    c.end = rows.Int(2);
    c.ongoing = rows.Int(3) != 0;
    c.types = SplitList(rows.Text(4));
    c.trade_detail = rows.Text(5);
    c.objectives = SplitList(rows.Text(6));
    c.outcomes = SplitList(rows.Text(7));
    c.source_line = rows.Int(8);
  }
  if (!rows.status().ok()) return rows.status();
  Statement parties(db_,
                    "SELECT case_id, role, name, actor_id FROM sanction_party"
                    " ORDER BY case_id, role, position");
  while (parties.Step()) {
    SanctionCase& c = by_id[parties.Int(0)];
    bool target = parties.Text(1) == "target";
    (target ? c.targets : c.senders).push_back(parties.Text(2));
    (target ? c.target_ids : c.sender_ids).push_back(parties.Text(3));
  }
  if (!parties.status().ok()) return parties.status();
  std::vector<SanctionCase> cases;
  for (auto& [id, c] : by_id) cases.push_back(std::move(c));
  return cases;
}

Result<std::optional<YearRange>> Store::GsdbYears() const {
  Statement span(db_, "SELECT min(begin_year), max(end_year) FROM sanction_case");
  std::optional<YearRange> years;
  if (span.Step() && !span.IsNull(0)) years = YearRange{span.Int(0), span.Int(1)};
  if (!span.status().ok()) return span.status();
  return years;
}

}  // namespace defcoop::store
