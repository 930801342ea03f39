// SIPRI TIV tables: importer ("Recipient,<years>,...") and exporter ("Exports by,...")
// tables, the old top-200 tables ("Rank 1950-2022,Recipient|Supplier,<years>,...")
// and regional tables (",,<years>,...": a "Regional total" row naming the region,
// then one row per supplier with an empty first column). Only the year columns are
// read; rank, range-total and percentage columns are ignored. A blank cell means no
// deliveries (no TivCell); "0" means more than zero but under 0.5 million TIV.
// Total rows ("Total world import", "Others", "Total") are kept as written.
#include <vector>

#include "sipri_parse.h"

namespace defcoop::ingest::sipri_internal {
namespace {

struct YearColumn {
  size_t column_idx = 0;
  int year = 0;
};

// Which columns of a table hold what.
struct TableColumns {
  size_t field_count = 0;
  size_t actor_idx = 0;  // recipient, supplier, or (regional tables) the region
  std::vector<YearColumn> years;
};

TableColumns ColumnsOf(const csv::Record& header) {
  TableColumns columns;
  columns.field_count = header.fields.size();
  // A rank column comes before the actor's; a header of "Rank" alone has no actor column
  // after it (reading one would read past the row's fields).
  bool has_rank = csv::Trim(header.fields[0]).starts_with("Rank") && header.fields.size() > 1;
  columns.actor_idx = has_rank ? 1 : 0;
  for (size_t column_idx = 0; column_idx < header.fields.size(); ++column_idx) {
    std::optional<int> year = ParseYear(header.fields[column_idx]);
    if (year) columns.years.push_back(YearColumn{column_idx, *year});
  }
  return columns;
}

// The row's year cells, or a reason to reject the row.
Result<std::vector<TivCell>> CellsOf(const csv::Record& record, const TableColumns& columns) {
  std::vector<TivCell> cells;
  for (const YearColumn& column : columns.years) {
    std::string_view text = csv::Trim(record.fields[column.column_idx]);
    if (text.empty()) continue;
    std::optional<double> tiv = ParseNumber(text);
    if (!tiv) {
      return Status::InvalidInput("TIV " + Quoted(text) + " for " + std::to_string(column.year) +
                                  " is not a number");
    }
    TivCell cell;
    cell.year = column.year;
    cell.tiv = *tiv;
    cell.under_half = *tiv == 0;
    cell.source_line = record.line;
    cells.push_back(cell);
  }
  return cells;
}

// Reads table rows; for regional tables it remembers the region of the last
// "Regional total" row.
class TableReader {
 public:
  TableReader(const TableColumns& columns, const SipriLayout& layout, SipriFile* file)
      : columns_(columns), layout_(layout), file_(file) {}

  void Add(const csv::Record& record) {
    ++file_->records_read;
    if (record.fields.size() != columns_.field_count) {
      return Reject(record, "expected " + std::to_string(columns_.field_count) + " fields, found " +
                                std::to_string(record.fields.size()));
    }
    Result<std::vector<TivCell>> cells = CellsOf(record, columns_);
    if (!cells.ok()) return Reject(record, cells.status().message());
    if (layout_.format == SipriFormat::kRegionalTable)
      return AddRegional(record, std::move(*cells));
    std::string actor(csv::Trim(record.fields[columns_.actor_idx]));
    if (actor.empty()) return Reject(record, "the row has no name in its first column");
    Append(std::move(*cells), actor, "");
  }

 private:
  void AddRegional(const csv::Record& record, std::vector<TivCell> cells) {
    if (record.fields.size() < 2)
      return Reject(record, "a regional table's row needs a region and a supplier column");
    std::string_view region = csv::Trim(record.fields[0]);
    std::string_view supplier = csv::Trim(record.fields[1]);
    if (!region.empty()) region_ = std::string(region);
    if (region_.empty())
      return Reject(record, "a supplier row comes before any region's 'Regional total' row");
    if (supplier.empty()) return Reject(record, "the row has no supplier in its second column");
    Append(std::move(cells), region_, std::string(supplier));
  }

  void Append(std::vector<TivCell> cells, const std::string& actor,
              const std::string& counterpart) {
    for (TivCell& cell : cells) {
      cell.actor_name = actor;
      cell.counterpart_name = counterpart;
      file_->cells.push_back(std::move(cell));
    }
  }

  void Reject(const csv::Record& record, std::string reason) {
    AddProblem(file_, record.line, std::move(reason));
  }

  const TableColumns& columns_;
  const SipriLayout& layout_;
  SipriFile* file_;
  std::string region_;
};

}  // namespace

Status ParseTivTable(std::string_view text, const SipriLayout& layout, SipriFile* file) {
  csv::Reader reader = ReaderAtHeader(text, layout, file->path);
  csv::Record record;
  Status error;
  reader.Next(&record, &error);
  if (layout.trailing_semicolon) DropTrailingSemicolon(&record);
  TableColumns columns = ColumnsOf(record);
  TableReader rows(columns, layout, file);
  while (reader.Next(&record, &error)) {
    if (layout.trailing_semicolon) DropTrailingSemicolon(&record);
    if (!IsBlank(record)) rows.Add(record);
  }
  return Status::Ok();
}

}  // namespace defcoop::ingest::sipri_internal
