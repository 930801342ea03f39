// Saving and loading imported SIPRI files (registers and TIV tables).
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <optional>

#include "db.h"
#include "defcoop/store/store.h"
#include "imported_file.h"
#include "schema.h"

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

// The file's first and last delivery year (NULL for a file without deliveries).
Status SaveSpan(sqlite3* db, int64_t file_id, const SipriFile& file) {
  std::optional<int> first;
  std::optional<int> last;
  for (const Transfer& t : file.transfers) {
    for (const Delivery& d : t.deliveries) {
      first = std::min(first.value_or(d.year), d.year);
      last = std::max(last.value_or(d.year), d.year);
    }
  }
  Statement span(db,
                 "UPDATE sipri_file SET first_delivery_year = ?, last_delivery_year = ? WHERE id = ?");
  return span.Bind(1, first).Bind(2, last).BindInt64(3, file_id).Run();
}

// The key an exporter rank counts a delivery under (analysis::SupplierKey): the supplier
// id, or its SIPRI name when unresolved.
constexpr std::string_view kSupplierKey = "coalesce(nullif(t.supplier_id, ''), t.supplier_name)";

// File `file_id`'s delivered TIV per supplier and year, each summed in register order
// (transfer, then delivery) as a rank over the register's deliveries sums it, so the
// totals are the same doubles.
Status SaveSupplierYearTotals(sqlite3* db, int64_t file_id) {
  std::map<std::pair<std::string, int>, double> totals;
  Statement rows(db, "SELECT " + std::string(kSupplierKey) +
                         ", d.year, d.tiv FROM transfer t JOIN delivery d ON d.transfer_id = t.id"
                         " WHERE t.file_id = ? ORDER BY t.id, d.rowid");
  rows.BindInt64(1, file_id);
  while (rows.Step()) totals[{rows.Text(0), rows.Int(1)}] += rows.Double(2);
  DEFCOOP_RETURN_IF_ERROR(rows.status());
  Statement insert(db, "INSERT INTO supplier_year_tiv VALUES (?, ?, ?, ?)");
  for (const auto& [key, tiv] : totals) {
    DEFCOOP_RETURN_IF_ERROR(
        insert.BindInt64(1, file_id).Bind(2, key.first).Bind(3, key.second).Bind(4, tiv).Run());
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
  DEFCOOP_RETURN_IF_ERROR(SaveSpan(db, file_id, file));
  DEFCOOP_RETURN_IF_ERROR(SaveTransfers(db, file_id, file));
  DEFCOOP_RETURN_IF_ERROR(SaveSupplierYearTotals(db, file_id));
  DEFCOOP_RETURN_IF_ERROR(SaveCells(db, file_id, file));
  return SaveProblems(db, "import_problem", file_id, file.problems);
}

// The register files of `vintage` ("" = every vintage's), by id.
std::vector<int64_t> RegisterFiles(sqlite3* db, const std::string& vintage) {
  Statement files(db,
                  "SELECT id FROM sipri_file WHERE (?1 = '' OR vintage = ?1)"
                  " AND format IN ('old_register', 'new_register') ORDER BY id");
  files.Bind(1, vintage);
  std::vector<int64_t> ids;
  while (files.Step()) ids.push_back(files.Int64(0));
  return ids;
}

}  // namespace

Status FillSupplierYearTotals(sqlite3* db) {
  for (int64_t file_id : RegisterFiles(db, "")) {
    DEFCOOP_RETURN_IF_ERROR(SaveSupplierYearTotals(db, file_id));
  }
  return Status::Ok();
}

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
  Statement files(
      db_, "SELECT vintage, path, format, content_hash FROM sipri_file ORDER BY vintage, id");
  while (files.Step()) {
    Vintage& vintage = by_vintage[files.Text(0)];
    vintage.vintage = files.Text(0);
    vintage.files.push_back(files.Text(1));
    vintage.formats.push_back(files.Text(2));
    vintage.content_hashes.push_back(files.Text(3));
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

std::vector<ImportedFileRecord> Store::ImportedFiles() const {
  Statement files(
      db_,
      "SELECT 'sipri', path, format, vintage, content_hash, 0 AS o, vintage AS v, id"
      " FROM sipri_file"
      " UNION ALL SELECT 'dcad', path, 'dcad', '', content_hash, 1, '', id FROM dcad_file"
      " UNION ALL SELECT 'gsdb', path, 'gsdb', '', content_hash, 2, '', id FROM gsdb_file"
      " UNION ALL SELECT 'atop', path, 'atop', '', content_hash, 3, '', id FROM atop_file"
      " ORDER BY o, v, id");
  std::vector<ImportedFileRecord> records;
  while (files.Step()) {
    records.push_back({files.Text(0), files.Text(1), files.Text(2), files.Text(3), files.Text(4)});
  }
  return records;
}

bool Store::HasTransfers(const std::string& vintage) const {
  Statement any(db_, "SELECT EXISTS (SELECT 1 FROM transfer WHERE vintage = ?)");
  any.Bind(1, vintage);
  return any.Step() && any.Int(0) != 0;
}

std::string Store::NewestVintage() const {
  Statement newest(
      db_, "SELECT max(vintage) FROM sipri_file WHERE format IN ('old_register', 'new_register')");
  return newest.Step() ? newest.Text(0) : "";
}

namespace {

// "?, ?, ?" for `count` parameters.
std::string Placeholders(size_t count) {
  std::string text;
  for (size_t idx = 0; idx < count; ++idx) text += idx == 0 ? "?" : ", ?";
  return text;
}

// The WHERE clause of a selection over `transfer t` (parameters in the order
// BindSelection binds them).
std::string SelectionWhere(const std::string& vintage, const TransferSelection& selection) {
  std::string where = " WHERE 1";
  if (!vintage.empty()) where += " AND t.vintage = ?";
  if (!selection.supplier_ids.empty())
    where += " AND t.supplier_id IN (" + Placeholders(selection.supplier_ids.size()) + ")";
  if (!selection.recipient_ids.empty())
    where += " AND t.recipient_id IN (" + Placeholders(selection.recipient_ids.size()) + ")";
  if (selection.years) {
    where +=
        " AND EXISTS (SELECT 1 FROM delivery y WHERE y.transfer_id = t.id"
        " AND y.year BETWEEN ? AND ?)";
  }
  return where;
}

void BindSelection(const std::string& vintage, const TransferSelection& selection,
                   Statement* statement) {
  int idx = 1;
  if (!vintage.empty()) statement->Bind(idx++, vintage);
  for (const std::string& id : selection.supplier_ids) statement->Bind(idx++, id);
  for (const std::string& id : selection.recipient_ids) statement->Bind(idx++, id);
  if (!selection.years) return;
  statement->Bind(idx, selection.years->first);
  statement->Bind(idx + 1, selection.years->last);
}

// Columns 1-22 of the transfer query below.
Transfer ReadTransfer(const Statement& rows) {
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
  return t;
}

}  // namespace

Result<std::vector<Transfer>> Store::LoadTransfers(const std::string& vintage) const {
  return LoadTransfers(vintage, TransferSelection{});
}

Result<std::vector<Transfer>> Store::LoadTransfers(const std::string& vintage,
                                                   const TransferSelection& selection) const {
  // One pass: each transfer's row repeats beside each of its deliveries (columns 23-28,
  // NULL for a transfer without any), in register order.
  Statement rows(db_,
                 "SELECT t.id, t.deal_id, t.supplier_name, t.recipient_name, t.supplier_id,"
                 " t.recipient_id, t.designation, t.description, t.category, t.order_year,"
                 " t.order_year_is_estimate, t.number_ordered, t.number_ordered_is_estimate,"
                 " t.number_delivered, t.number_delivered_is_estimate, t.status, t.tiv_unit,"
                 " t.tiv_unit_new, t.tiv_order, t.tiv_delivered, t.local_production, t.comments,"
                 " t.source_line, d.year, d.number, d.tiv, d.year_is_estimate,"
                 " d.number_is_estimate, d.approximate FROM transfer t"
                 " LEFT JOIN delivery d ON d.transfer_id = t.id" +
                     SelectionWhere(vintage, selection) + " ORDER BY t.id, d.rowid");
  BindSelection(vintage, selection, &rows);
  std::vector<Transfer> transfers;
  int64_t current_id = -1;
  while (rows.Step()) {
    if (rows.Int64(0) != current_id) {
      current_id = rows.Int64(0);
      transfers.push_back(ReadTransfer(rows));
    }
    if (rows.IsNull(23)) continue;
    transfers.back().deliveries.push_back({rows.Int(23), rows.Double(24), rows.Double(25),
                                           rows.Int(26) != 0, rows.Int(27) != 0,
                                           rows.Int(28) != 0});
  }
  if (!rows.status().ok()) return rows.status();
  return transfers;
}

Result<YearRange> Store::DeliverySpan(const std::string& vintage) const {
  Statement span(db_,
                 "SELECT min(first_delivery_year), max(last_delivery_year) FROM sipri_file"
                 " WHERE ?1 = '' OR vintage = ?1");
  span.Bind(1, vintage);
  if (!span.Step()) return span.status().ok() ? Status::Store("no delivery span") : span.status();
  if (span.IsNull(0)) return YearRange{9999, 0};
  return YearRange{span.Int(0), span.Int(1)};
}

Status Store::ForEachSupplierYear(const std::string& vintage, const SupplierDeliveryFn& fn) const {
  std::vector<int64_t> files = RegisterFiles(db_, vintage);
  if (files.size() == 1) {
    Statement totals(db_,
                     "SELECT supplier_key, year, tiv FROM supplier_year_tiv WHERE file_id = ?"
                     " ORDER BY supplier_key, year");
    totals.BindInt64(1, files.front());
    while (totals.Step()) fn(totals.Text(0), totals.Int(1), totals.Double(2));
    return totals.status();
  }
  // Several registers: their deliveries one by one, so the sums keep register order.
  Statement rows(db_, "SELECT " + std::string(kSupplierKey) +
                          ", d.year, d.tiv FROM transfer t JOIN delivery d ON d.transfer_id = t.id"
                          " WHERE ?1 = '' OR t.vintage = ?1 ORDER BY t.id, d.rowid");
  rows.Bind(1, vintage);
  while (rows.Step()) fn(rows.Text(0), rows.Int(1), rows.Double(2));
  return rows.status();
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
