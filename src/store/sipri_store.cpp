// Saving and loading imported SIPRI files (registers and TIV tables).
#include <sqlite3.h>

#include <map>

#include "db.h"
#include "defcoop/store/store.h"
#include "imported_file.h"

namespace defcoop::store {
namespace {

int CountRejected(const SipriFile& file) {
  int rejected = 0;
  // A problem on line 0 concerns the whole file (e.g. an unknown vintage), not a record.
  for (const InputProblem& problem : file.problems) {
    rejected += problem.repaired || problem.where.line == 0 ? 0 : 1;
  }
  return rejected;
}

Status SaveTransfers(sqlite3* db, int64_t file_id, const SipriFile& file) {
  Statement transfer(
      db,
      "INSERT INTO transfer (file_id, vintage, deal_id, supplier_name,"
      " recipient_name, supplier_id, recipient_id, designation, description,"
      " category, order_year, order_year_is_estimate, number_ordered,"
      " number_ordered_is_estimate, number_delivered,"
      " number_delivered_is_estimate, status, tiv_unit, tiv_unit_new, tiv_order,"
      " tiv_delivered, local_production, comments, source_line)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Statement delivery(db, "INSERT INTO delivery VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const Transfer& t : file.transfers) {
    transfer.BindInt64(1, file_id)
        .Bind(2, file.vintage)
        .BindOrNull(3, t.deal_id)
        .Bind(4, t.supplier_name)
        .Bind(5, t.recipient_name)
        .BindOrNull(6, t.supplier_id)
        .BindOrNull(7, t.recipient_id)
        .BindOrNull(8, t.designation)
        .BindOrNull(9, t.description)
        .BindOrNull(10, t.category)
        .Bind(11, t.order_year)
        .Bind(12, t.order_year_is_estimate)
        .Bind(13, t.number_ordered)
        .Bind(14, t.number_ordered_is_estimate)
        .Bind(15, t.number_delivered)
        .Bind(16, t.number_delivered_is_estimate)
        .BindOrNull(17, t.status)
        .Bind(18, t.tiv_unit)
        .Bind(19, t.tiv_unit_new)
        .Bind(20, t.tiv_order)
        .Bind(21, t.tiv_delivered)
        .Bind(22, t.local_production)
        .BindOrNull(23, t.comments)
        .Bind(24, t.source_line);
    DEFCOOP_RETURN_IF_ERROR(transfer.Run());
    int64_t transfer_id = sqlite3_last_insert_rowid(db);
    for (const Delivery& d : t.deliveries) {
      DEFCOOP_RETURN_IF_ERROR(delivery.BindInt64(1, transfer_id)
                                  .Bind(2, d.year)
                                  .Bind(3, d.number)
                                  .Bind(4, d.tiv)
                                  .Bind(5, d.year_is_estimate)
                                  .Bind(6, d.number_is_estimate)
                                  .Bind(7, d.approximate)
                                  .Run());
    }
  }
  return Status::Ok();
}

Status SaveCells(sqlite3* db, int64_t file_id, const SipriFile& file) {
  Statement cell(db, "INSERT INTO tiv_cell VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  std::string kind(ToString(file.format));
  for (const TivCell& c : file.cells) {
    DEFCOOP_RETURN_IF_ERROR(cell.BindInt64(1, file_id)
                                .Bind(2, file.vintage)
                                .Bind(3, kind)
                                .Bind(4, c.actor_name)
                                .BindOrNull(5, c.actor_id)
                                .BindOrNull(6, c.counterpart_name)
                                .BindOrNull(7, c.counterpart_id)
                                .Bind(8, c.year)
                                .Bind(9, c.tiv)
                                .Bind(10, c.under_half)
                                .Bind(11, c.source_line)
                                .Run());
  }
  return Status::Ok();
}

Status InsertSipriFile(sqlite3* db, const SipriFile& file, const std::string& content_hash,
                       const ImportSummary& summary) {
  Statement insert(
      db,
      "INSERT INTO sipri_file (path, content_hash, format, vintage, title,"
      " records_read, imported, rejected, repaired) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  DEFCOOP_RETURN_IF_ERROR(insert.Bind(1, file.path)
                              .Bind(2, content_hash)
                              .Bind(3, summary.format)
                              .Bind(4, file.vintage)
                              .BindOrNull(5, file.title)
                              .Bind(6, summary.records_read)
                              .Bind(7, summary.imported)
                              .Bind(8, summary.rejected)
                              .Bind(9, summary.repaired)
                              .Run());
  int64_t file_id = sqlite3_last_insert_rowid(db);
  DEFCOOP_RETURN_IF_ERROR(SaveTransfers(db, file_id, file));
  DEFCOOP_RETURN_IF_ERROR(SaveCells(db, file_id, file));
  return SaveProblems(db, "import_problem", file_id, file.problems);
}

}  // namespace

Result<ImportSummary> Store::SaveSipriFile(const SipriFile& file, const std::string& content_hash,
                                           ImportMode mode) {
  ImportSummary summary{file.path,
                        std::string(ToString(file.format)),
                        file.vintage,
                        file.records_read,
                        0,
                        CountRejected(file),
                        0,
                        false,
                        "",
                        0};
  for (const InputProblem& problem : file.problems) summary.repaired += problem.repaired ? 1 : 0;
  summary.imported = summary.records_read - summary.rejected;
  bool replace = mode == ImportMode::kReplace;
  Status status = InTransaction(db_, [&]() -> Status {
    auto earlier = FindEarlierImports(db_, "sipri_file", content_hash, file.bytes_hash, false,
                                      replace ? file.path : "");
    if (!earlier.ok()) return earlier.status();
    if (!earlier->empty() && !replace) {
      summary.already_imported = true;
      summary.earlier_path = earlier->front().path;
      return Status::Ok();
    }
    summary.replaced = static_cast<int>(earlier->size());
    DEFCOOP_RETURN_IF_ERROR(DeleteImports(db_, "sipri_file", *earlier));
    return InsertSipriFile(db_, file, content_hash, summary);
  });
  if (!status.ok()) return status;
  return summary;
}

std::vector<Vintage> Store::Vintages() const {
  std::map<std::string, Vintage> by_vintage;
  Statement files(db_, "SELECT vintage, path, format FROM sipri_file ORDER BY vintage, id");
  while (files.Step()) {
    Vintage& vintage = by_vintage[files.Text(0)];
    vintage.vintage = files.Text(0);
    vintage.files.push_back(files.Text(1));
    vintage.formats.push_back(files.Text(2));
  }
  Statement counts(db_,
                   "SELECT vintage, (SELECT count(*) FROM transfer t WHERE t.vintage = f.vintage),"
                   " (SELECT count(*) FROM tiv_cell c WHERE c.vintage = f.vintage)"
                   " FROM sipri_file f GROUP BY vintage");
  while (counts.Step()) {
    by_vintage[counts.Text(0)].transfers = counts.Int(1);
    by_vintage[counts.Text(0)].table_cells = counts.Int(2);
  }
  std::vector<Vintage> vintages;
  for (auto& [key, vintage] : by_vintage) vintages.push_back(std::move(vintage));
  return vintages;
}

std::string Store::NewestVintage() const {
  Statement newest(
      db_, "SELECT max(vintage) FROM sipri_file WHERE format IN ('old_register', 'new_register')");
  return newest.Step() ? newest.Text(0) : "";
}

Result<std::vector<Transfer>> Store::LoadTransfers(const std::string& vintage) const {
  std::map<int64_t, std::vector<Delivery>> deliveries;
  Statement delivery_rows(db_,
                          "SELECT d.transfer_id, d.year, d.number, d.tiv, d.year_is_estimate,"
                          " d.number_is_estimate, d.approximate FROM delivery d"
                          " JOIN transfer t ON t.id = d.transfer_id"
                          " WHERE ?1 = '' OR t.vintage = ?1 ORDER BY d.rowid");
  delivery_rows.Bind(1, vintage);
  while (delivery_rows.Step()) {
    deliveries[delivery_rows.Int64(0)].push_back(
        {delivery_rows.Int(1), delivery_rows.Double(2), delivery_rows.Double(3),
         delivery_rows.Int(4) != 0, delivery_rows.Int(5) != 0, delivery_rows.Int(6) != 0});
  }
  if (!delivery_rows.status().ok()) return delivery_rows.status();
  Statement rows(db_,
                 "SELECT id, deal_id, supplier_name, recipient_name, supplier_id, recipient_id,"
                 " designation, description, category, order_year, order_year_is_estimate,"
                 " number_ordered, number_ordered_is_estimate, number_delivered,"
                 " number_delivered_is_estimate, status, tiv_unit, tiv_unit_new, tiv_order,"
                 " tiv_delivered, local_production, comments, source_line FROM transfer"
                 " WHERE ?1 = '' OR vintage = ?1 ORDER BY id");
  rows.Bind(1, vintage);
  std::vector<Transfer> transfers;
  while (rows.Step()) {
    Transfer t;
    t.deal_id = rows.Text(1);
    t.supplier_name = rows.Text(2);
    t.recipient_name = rows.Text(3);
    t.supplier_id = rows.Text(4);
    t.recipient_id = rows.Text(5);
    t.designation = rows.Text(6);
    t.description = rows.Text(7);
    t.category = rows.Text(8);
    t.order_year = rows.OptionalInt(9);
    t.order_year_is_estimate = rows.Int(10) != 0;
    t.number_ordered = rows.OptionalDouble(11);
    t.number_ordered_is_estimate = rows.Int(12) != 0;
    t.number_delivered = rows.OptionalDouble(13);
    t.number_delivered_is_estimate = rows.Int(14) != 0;
    t.status = rows.Text(15);
    t.tiv_unit = rows.OptionalDouble(16);
    t.tiv_unit_new = rows.OptionalDouble(17);
    t.tiv_order = rows.OptionalDouble(18);
    t.tiv_delivered = rows.OptionalDouble(19);
    t.local_production = rows.Int(20) != 0;
    t.comments = rows.Text(21);
    t.source_line = rows.Int(22);
    t.deliveries = std::move(deliveries[rows.Int64(0)]);
    transfers.push_back(std::move(t));
  }
  if (!rows.status().ok()) return rows.status();
  return transfers;
}

Result<std::vector<TivCell>> Store::LoadTivCells(const std::string& vintage,
                                                 SipriFormat table_kind) const {
  Statement rows(
      db_,
      "SELECT actor_name, actor_id, counterpart_name, counterpart_id, year, tiv, under_half,"
      " source_line FROM tiv_cell WHERE (?1 = '' OR vintage = ?1)"
      " AND table_kind = ?2 ORDER BY rowid");
  rows.Bind(1, vintage).Bind(2, ToString(table_kind));
  std::vector<TivCell> cells;
  while (rows.Step()) {
    cells.push_back({rows.Text(0), rows.Text(1), rows.Text(2), rows.Text(3), rows.Int(4),
                     rows.Double(5), rows.Int(6) != 0, rows.Int(7)});
  }
  if (!rows.status().ok()) return rows.status();
  return cells;
}

}  // namespace defcoop::store
