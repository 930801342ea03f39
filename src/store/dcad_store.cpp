// Saving and loading imported DCAD files (defense cooperation agreements).
#include <sqlite3.h>

#include "db.h"
#include "defcoop/store/store.h"
#include "imported_file.h"

namespace defcoop::store {
namespace {

Status SaveAgreements(sqlite3* db, int64_t file_id, const DcadFile& file) {
  Statement insert(db,
                   "INSERT INTO dca VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const DefenseCooperationAgreement& a : file.agreements) {
    std::optional<int> terminated;
    if (a.terminated) terminated = *a.terminated ? 1 : 0;
    DEFCOOP_RETURN_IF_ERROR(insert.BindInt64(1, file_id)
                                .Bind(2, a.dcad_id)
                                .Bind(3, a.cow1)
                                .Bind(4, a.cow2)
                                .Bind(5, a.cow_name1)
                                .Bind(6, a.cow_name2)
                                .BindOrNull(7, a.actor1_id)
                                .BindOrNull(8, a.actor2_id)
                                .Bind(9, a.signed_on.ToString())
                                .Bind(10, a.in_force)
                                .Bind(11, a.type)
                                .Bind(12, JoinList(a.categories))
                                .Bind(13, terminated)
                                .Bind(14, a.end_year_estimate)
                                .Bind(15, a.source_type)
                                .Bind(16, a.source)
                                .Bind(17, a.source_line)
                                .Run());
  }
  return Status::Ok();
}

}  // namespace

Result<ImportSummary> Store::SaveDcadFile(const DcadFile& file, ImportMode mode) {
  ImportedFile imported{"dcad",
                        file.path,
                        file.content_hash,
                        file.bytes_hash,
                        file.records_read,
                        static_cast<int>(file.agreements.size()),
                        &file.problems};
  return SaveImportedFile(db_, imported, mode,
                          [&](int64_t file_id) { return SaveAgreements(db_, file_id, file); });
}

Result<std::vector<DefenseCooperationAgreement>> Store::LoadDcas() const {
  Statement rows(db_,
                 "SELECT dcad_id, cow1, cow2, cow_name1, cow_name2, actor1_id, actor2_id, signed,"
                 " in_force, type, categories, terminated, end_year_estimate, source_type, source,"
                 " source_line FROM dca ORDER BY dcad_id");
  std::vector<DefenseCooperationAgreement> agreements;
  while (rows.Step()) {
    DefenseCooperationAgreement a;
    a.dcad_id = rows.Text(0);
    a.cow1 = rows.Int(1);
    a.cow2 = rows.Int(2);
    a.cow_name1 = rows.Text(3);
    a.cow_name2 = rows.Text(4);
    a.actor1_id = rows.Text(5);
    a.actor2_id = rows.Text(6);
    auto signed_on = ParseDate(rows.Text(7));
    if (!signed_on.ok()) return signed_on.status();
    a.signed_on = *signed_on;
    a.in_force = rows.OptionalDate(8);
    a.type = rows.Text(9);
    a.categories = SplitList(rows.Text(10));
    if (auto terminated = rows.OptionalInt(11)) a.terminated = *terminated != 0;
    a.end_year_estimate = rows.OptionalInt(12);
    a.source_type = rows.Text(13);
    a.source = rows.Text(14);
    a.source_line = rows.Int(15);
    agreements.push_back(std::move(a));
  }
  if (!rows.status().ok()) return rows.status();
  return agreements;
}

}  // namespace defcoop::store
