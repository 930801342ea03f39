// SIPRI trade registers. The old format has one line per deal with its delivery
// years as a list ("2012; 2013"); the delivered number and TIV are spread evenly
// over those years. Some old records are split over two lines by a newline inside
// Comments: a line with too few fields is joined with the next ones when they complete
// it (a repaired problem); otherwise each line is a record of its own.
// The new format has one line per deal and delivery year; lines are grouped into one
// Transfer per "SIPRI AT Database ID", each line becoming a Delivery.
#include <algorithm>
#include <array>
#include <deque>
#include <unordered_map>
#include <vector>

#include "sipri_parse.h"

namespace defcoop::ingest::sipri_internal {
namespace {

// ---- old format ---------------------------------------------------------------

// The old register's 16 columns (SOURCES.md); the unnamed ones hold '?' flags.
constexpr std::array<std::string_view, 16> kOldHeader = {"Recipient",
                                                         "Supplier",
                                                         "Year of order",
                                                         "",
                                                         "Number ordered",
                                                         "",
                                                         "Weapon designation",
                                                         "Weapon description",
                                                         "Number delivered",
                                                         "",
                                                         "Year(s) of delivery",
                                                         "status",
                                                         "Comments",
                                                         "SIPRI TIV per unit",
                                                         "SIPRI TIV for total order",
                                                         "SIPRI TIV of delivered weapons"};
constexpr size_t kOldRecipient = 0;
constexpr size_t kOldSupplier = 1;
constexpr size_t kOldOrderYear = 2;
constexpr size_t kOldOrderYearFlag = 3;
constexpr size_t kOldNumberOrdered = 4;
constexpr size_t kOldNumberOrderedFlag = 5;
constexpr size_t kOldDesignation = 6;
constexpr size_t kOldDescription = 7;
constexpr size_t kOldNumberDelivered = 8;
constexpr size_t kOldNumberDeliveredFlag = 9;
constexpr size_t kOldDeliveryYears = 10;
constexpr size_t kOldStatus = 11;
constexpr size_t kOldComments = 12;
constexpr size_t kOldTivUnit = 13;
constexpr size_t kOldTivOrder = 14;
constexpr size_t kOldTivDelivered = 15;

// ---- new format ---------------------------------------------------------------

// The new register's 17 columns (SOURCES.md).
constexpr std::array<std::string_view, 17> kNewHeader = {"SIPRI AT Database ID",
                                                         "Supplier",
                                                         "Recipient",
                                                         "Designation",
                                                         "Description",
                                                         "Armament category",
                                                         "Order date",
                                                         "Order date is estimate",
                                                         "Numbers delivered",
                                                         "Numbers delivered is estimate",
                                                         "Delivery year",
                                                         "Delivery year is estimate",
                                                         "Status",
                                                         "SIPRI estimate",
                                                         "TIV deal unit",
                                                         "TIV delivery values",
                                                         "Local production"};
constexpr size_t kNewDealId = 0;
constexpr size_t kNewSupplier = 1;
constexpr size_t kNewRecipient = 2;
constexpr size_t kNewDesignation = 3;
constexpr size_t kNewDescription = 4;
constexpr size_t kNewCategory = 5;
constexpr size_t kNewOrderDate = 6;
constexpr size_t kNewOrderDateEstimate = 7;
constexpr size_t kNewNumber = 8;
constexpr size_t kNewNumberEstimate = 9;
constexpr size_t kNewYear = 10;
constexpr size_t kNewYearEstimate = 11;
constexpr size_t kNewStatus = 12;
constexpr size_t kNewTivUnitNew = 13;
constexpr size_t kNewTivUnit = 14;
constexpr size_t kNewTivDelivered = 15;
constexpr size_t kNewLocalProduction = 16;

// ---- shared -------------------------------------------------------------------

template <size_t N>
Status CheckHeader(const csv::Record& header, const std::array<std::string_view, N>& expected,
                   const std::string& file) {
  if (header.fields.size() != N) {
    return Status::InvalidInput("register header has " + std::to_string(header.fields.size()) +
                                    " columns, expected " + std::to_string(N),
                                Location{file, header.line, 1});
  }
  for (size_t column_idx = 0; column_idx < N; ++column_idx) {
    std::string_view name = csv::Trim(header.fields[column_idx]);
    if (name == expected[column_idx]) continue;
    return Status::InvalidInput("register column " + std::to_string(column_idx + 1) + " is " +
                                    Quoted(name) + ", expected " + Quoted(expected[column_idx]),
                                Location{file, header.line, header.columns[column_idx]});
  }
  return Status::Ok();
}

// Reads the typed fields of one record and remembers the first one that fails, so a
// record is converted in one pass and rejected with one clear reason.
class FieldReader {
 public:
  std::string Text(std::string_view text) { return std::string(csv::Trim(text)); }

  std::optional<double> Number(std::string_view text, std::string_view what) {
    if (csv::Trim(text).empty()) return std::nullopt;
    std::optional<double> value = ParseNumber(text);
    if (!value) Fail(std::string(what) + " " + Quoted(csv::Trim(text)) + " is not a number");
    return value;
  }

  std::optional<double> RequiredNumber(std::string_view text, std::string_view what) {
    if (csv::Trim(text).empty()) Fail(std::string(what) + " is empty");
    return Number(text, what);
  }

  std::optional<int> Year(std::string_view text, std::string_view what) {
    if (csv::Trim(text).empty()) return std::nullopt;
    std::optional<int> year = ParseYear(text);
    if (!year) Fail(std::string(what) + " " + Quoted(csv::Trim(text)) + " is not a year");
    return year;
  }

  // Old format: '?' marks an uncertain value, empty a certain one.
  bool QuestionFlag(std::string_view text, std::string_view what) {
    std::string_view flag = csv::Trim(text);
    if (flag == "?") return true;
    if (!flag.empty())
      Fail("flag for " + std::string(what) + " is " + Quoted(flag) + ", expected '?' or empty");
    return false;
  }

  // New format: "Yes" / "No"; some re-saved copies leave the field empty (= No).
  bool YesNo(std::string_view text, std::string_view what) {
    std::string_view flag = csv::Trim(text);
    if (flag == "Yes") return true;
    if (!flag.empty() && flag != "No")
      Fail(std::string(what) + " is " + Quoted(flag) + ", expected Yes or No");
    return false;
  }

  std::string DealStatus(std::string_view text) {
    std::string_view status = csv::Trim(text);
    if (status == "New") return "new";
    if (status == "Second hand") return "second_hand";
    if (status == "Second hand but modernized") return "second_hand_modernized";
    Fail("status " + Quoted(status) + " is not New, Second hand or Second hand but modernized");
    return "";
  }

  // "2012; 2013; 2014" -> {2012, 2013, 2014}; "" -> {}.
  std::vector<int> YearList(std::string_view text, std::string_view what) {
    std::vector<int> years;
    if (csv::Trim(text).empty()) return years;
    for (const std::string& part : csv::SplitList(text, ';')) {
      std::optional<int> year = Year(part, what);
      if (!year)
        Fail(std::string(what) + " " + Quoted(csv::Trim(text)) + " is not a list of years");
      if (year) years.push_back(*year);
    }
    return years;
  }

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  std::string error_;
};

// ---- old format: reading records ----------------------------------------------

Result<Transfer> OldTransfer(const csv::Record& record);

// Most lines one record of an old register was split into by line breaks inside its
// Comments (SIPRI's exports have at most two such breaks; a few more are tolerated).
constexpr size_t kMaxContinuationLines = 8;

// Yields old-register records. A line with too few fields is joined with the lines
// after it when they are the rest of the record: each has too few fields to be a record
// of its own, together they give exactly 16 fields, and the joined record parses. Else
// the short line is yielded alone (and rejected), and the lines after it are read again
// as records of their own, so every line is imported or rejected with its own number.
class OldRecordReader {
 public:
  OldRecordReader(csv::Reader* reader, SipriFile* file) : reader_(reader), file_(file) {}

  // False at the end of the input.
  bool Next(csv::Record* record) {
    do {
      if (!Fetch(record)) return false;
    } while (IsBlank(*record));
    if (record->fields.size() >= kOldHeader.size()) return true;
    std::vector<csv::Record> continuation;
    csv::Record joined = *record;
    TakeContinuation(&joined, &continuation);
    if (joined.fields.size() == kOldHeader.size() && OldTransfer(joined).ok()) {
      NoteRepair(joined, record->fields.size() - 1);
      *record = std::move(joined);
      return true;
    }
    for (auto line = continuation.rbegin(); line != continuation.rend(); ++line) {
      pending_.push_front(std::move(*line));
    }
    return true;
  }

 private:
  bool Fetch(csv::Record* record) {
    if (!pending_.empty()) {
      *record = std::move(pending_.front());
      pending_.pop_front();
      return true;
    }
    Status error;
    return reader_->Next(record, &error);  // unquoted: the reader reports no errors
  }

  // Appends the lines after `joined` while they can continue it; every line read is
  // kept in `continuation` (the last one possibly not appended).
  void TakeContinuation(csv::Record* joined, std::vector<csv::Record>* continuation) {
    while (joined->fields.size() < kOldHeader.size() &&
           continuation->size() < kMaxContinuationLines) {
      csv::Record next;
      if (!Fetch(&next)) return;
      bool continues = !IsBlank(next) && next.fields.size() < kOldHeader.size() &&
                       joined->fields.size() + next.fields.size() - 1 <= kOldHeader.size();
      continuation->push_back(std::move(next));
      if (!continues) return;
      Append(joined, continuation->back());
    }
  }

  static void Append(csv::Record* record, const csv::Record& line) {
    record->fields.back() += ' ';
    record->fields.back() += line.fields.front();
    for (size_t field_idx = 1; field_idx < line.fields.size(); ++field_idx) {
      record->fields.push_back(line.fields[field_idx]);
    }
    record->end_line = line.end_line;
  }

  void NoteRepair(const csv::Record& record, size_t split_field) {
    std::string column = kOldHeader[split_field].empty()
                             ? "column " + std::to_string(split_field + 1)
                             : Quoted(kOldHeader[split_field]);
    AddProblem(file_, record.line,
               "joined lines " + std::to_string(record.line) + "-" +
                   std::to_string(record.end_line) + ": a line break inside " + column +
                   " had split the record",
               /*repaired=*/true);
  }

  csv::Reader* reader_;
  SipriFile* file_;
  std::deque<csv::Record> pending_;
};

// ---- old format: converting records -------------------------------------------

// Spreads the delivered number and TIV evenly over the listed years. With more than
// one year the split is ours, not SIPRI's, hence `approximate`.
std::vector<Delivery> SpreadDeliveries(const std::vector<int>& years, const Transfer& transfer) {
  std::vector<Delivery> deliveries;
  if (years.empty()) return deliveries;
  const double share = 1.0 / static_cast<double>(years.size());
  for (int year : years) {
    Delivery delivery;
    delivery.year = year;
    delivery.number = transfer.number_delivered.value_or(0) * share;
    delivery.tiv = transfer.tiv_delivered.value_or(0) * share;
    delivery.number_is_estimate = transfer.number_delivered_is_estimate;
    delivery.approximate = years.size() > 1;
    deliveries.push_back(delivery);
  }
  return deliveries;
}

Result<Transfer> OldTransfer(const csv::Record& record) {
  const std::vector<std::string>& field = record.fields;
  FieldReader read;
  Transfer transfer;
  transfer.recipient_name = read.Text(field[kOldRecipient]);
  transfer.supplier_name = read.Text(field[kOldSupplier]);
  transfer.order_year = read.Year(field[kOldOrderYear], "year of order");
  transfer.order_year_is_estimate = read.QuestionFlag(field[kOldOrderYearFlag], "year of order");
  transfer.number_ordered = read.Number(field[kOldNumberOrdered], "number ordered");
  transfer.number_ordered_is_estimate =
      read.QuestionFlag(field[kOldNumberOrderedFlag], "number ordered");
  transfer.designation = read.Text(field[kOldDesignation]);
  transfer.description = read.Text(field[kOldDescription]);
  transfer.number_delivered = read.Number(field[kOldNumberDelivered], "number delivered");
  transfer.number_delivered_is_estimate =
      read.QuestionFlag(field[kOldNumberDeliveredFlag], "number delivered");
  std::vector<int> years = read.YearList(field[kOldDeliveryYears], "year(s) of delivery");
  transfer.status = read.DealStatus(field[kOldStatus]);
  transfer.comments = read.Text(field[kOldComments]);
  transfer.tiv_unit = read.Number(field[kOldTivUnit], "TIV per unit");
  transfer.tiv_order = read.Number(field[kOldTivOrder], "TIV for total order");
  transfer.tiv_delivered = read.Number(field[kOldTivDelivered], "TIV of delivered weapons");
  if (!read.ok()) return Status::InvalidInput(read.error());
  transfer.deliveries = SpreadDeliveries(years, transfer);
  transfer.source_line = record.line;
  return transfer;
}

void AddOldRecord(const csv::Record& record, SipriFile* file) {
  ++file->records_read;
  if (record.fields.size() != kOldHeader.size()) {
    AddProblem(file, record.line,
               "expected " + std::to_string(kOldHeader.size()) + " fields, found " +
                   std::to_string(record.fields.size()));
    return;
  }
  Result<Transfer> transfer = OldTransfer(record);
  if (!transfer.ok()) return AddProblem(file, record.line, transfer.status().message());
  file->transfers.push_back(std::move(transfer).value());
}

// ---- new format ---------------------------------------------------------------

// One line of the new register: the deal it belongs to and its delivery.
struct DealRow {
  Transfer deal;  // deal-level fields only
  Delivery delivery;
};

Result<DealRow> NewRow(const csv::Record& record) {
  const std::vector<std::string>& field = record.fields;
  FieldReader read;
  DealRow row;
  Transfer& deal = row.deal;
  deal.deal_id = read.Text(field[kNewDealId]);
  deal.supplier_name = read.Text(field[kNewSupplier]);
  deal.recipient_name = read.Text(field[kNewRecipient]);
  deal.designation = read.Text(field[kNewDesignation]);
  deal.description = read.Text(field[kNewDescription]);
  deal.category = read.Text(field[kNewCategory]);
  deal.order_year = read.Year(field[kNewOrderDate], "order date");
  deal.order_year_is_estimate =
      read.YesNo(field[kNewOrderDateEstimate], "'Order date is estimate'");
  row.delivery.number = read.RequiredNumber(field[kNewNumber], "numbers delivered").value_or(0);
  row.delivery.number_is_estimate =
      read.YesNo(field[kNewNumberEstimate], "'Numbers delivered is estimate'");
  std::optional<int> year = read.Year(field[kNewYear], "delivery year");
  row.delivery.year_is_estimate =
      read.YesNo(field[kNewYearEstimate], "'Delivery year is estimate'");
  deal.status = read.DealStatus(field[kNewStatus]);
  deal.tiv_unit_new = read.Number(field[kNewTivUnitNew], "SIPRI estimate");
  deal.tiv_unit = read.Number(field[kNewTivUnit], "TIV deal unit");
  row.delivery.tiv =
      read.RequiredNumber(field[kNewTivDelivered], "TIV delivery values").value_or(0);
  deal.local_production = read.YesNo(field[kNewLocalProduction], "'Local production'");
  if (read.ok() && deal.deal_id.empty())
    return Status::InvalidInput("'SIPRI AT Database ID' is empty");
  if (read.ok() && !year) return Status::InvalidInput("delivery year is empty");
  if (!read.ok()) return Status::InvalidInput(read.error());
  row.delivery.year = *year;
  deal.source_line = record.line;
  return row;
}

// The first deal-level field in which two lines of one deal disagree, or "".
std::string DealDifference(const Transfer& first, const Transfer& other) {
  if (first.supplier_name != other.supplier_name) return "Supplier";
  if (first.recipient_name != other.recipient_name) return "Recipient";
  if (first.designation != other.designation) return "Designation";
  if (first.description != other.description) return "Description";
  if (first.category != other.category) return "Armament category";
  if (first.order_year != other.order_year) return "Order date";
  if (first.order_year_is_estimate != other.order_year_is_estimate) return "Order date is estimate";
  if (first.status != other.status) return "Status";
  if (first.tiv_unit_new != other.tiv_unit_new) return "SIPRI estimate";
  if (first.tiv_unit != other.tiv_unit) return "TIV deal unit";
  if (first.local_production != other.local_production) return "Local production";
  return "";
}

// Groups new-register lines into deals.
class DealGrouper {
 public:
  explicit DealGrouper(SipriFile* file) : file_(file) {}

  void Add(DealRow row) {
    auto [found, inserted] = index_.try_emplace(row.deal.deal_id, file_->transfers.size());
    if (inserted) {
      row.deal.deliveries.push_back(row.delivery);
      AddDelivery(row.delivery, &row.deal);
      file_->transfers.push_back(std::move(row.deal));
      return;
    }
    Transfer& deal = file_->transfers[found->second];
    std::string differs = DealDifference(deal, row.deal);
    if (!differs.empty()) return Reject(row, deal, differs);
    deal.deliveries.push_back(row.delivery);
    AddDelivery(row.delivery, &deal);
  }

  // Deliveries in year order, whatever the order of the lines.
  void Finish() {
    for (Transfer& transfer : file_->transfers) {
      std::stable_sort(transfer.deliveries.begin(), transfer.deliveries.end(),
                       [](const Delivery& a, const Delivery& b) { return a.year < b.year; });
    }
  }

 private:
  static void AddDelivery(const Delivery& delivery, Transfer* deal) {
    deal->number_delivered = deal->number_delivered.value_or(0) + delivery.number;
    deal->number_delivered_is_estimate |= delivery.number_is_estimate;
    deal->tiv_delivered = deal->tiv_delivered.value_or(0) + delivery.tiv;
  }

  void Reject(const DealRow& row, const Transfer& deal, const std::string& column) {
    AddProblem(file_, row.deal.source_line,
               "deal " + deal.deal_id + ": " + Quoted(column) + " differs from line " +
                   std::to_string(deal.source_line) + " of the same deal");
  }

  SipriFile* file_;
  std::unordered_map<std::string, size_t> index_;
};

void AddNewRecord(csv::Record* record, const SipriLayout& layout, SipriFile* file,
                  DealGrouper* grouper) {
  ++file->records_read;
  if (layout.trailing_semicolon) DropTrailingSemicolon(record);
  if (record->fields.size() != kNewHeader.size()) {
    AddProblem(file, record->line,
               "expected " + std::to_string(kNewHeader.size()) + " fields, found " +
                   std::to_string(record->fields.size()));
    return;
  }
  Result<DealRow> row = NewRow(*record);
  if (!row.ok()) return AddProblem(file, record->line, row.status().message());
  grouper->Add(std::move(row).value());
}

}  // namespace

Status ParseOldRegister(std::string_view text, const SipriLayout& layout, SipriFile* file) {
  csv::Reader reader = ReaderAtHeader(text, layout, file->path);
  csv::Record record;
  Status error;
  reader.Next(&record, &error);
  DEFCOOP_RETURN_IF_ERROR(CheckHeader(record, kOldHeader, file->path));
  OldRecordReader records(&reader, file);
  while (records.Next(&record)) AddOldRecord(record, file);
  return Status::Ok();
}

Status ParseNewRegister(std::string_view text, const SipriLayout& layout, SipriFile* file) {
  csv::Reader reader = ReaderAtHeader(text, layout, file->path);
  csv::Record record;
  Status error;
  reader.Next(&record, &error);
  if (layout.trailing_semicolon) DropTrailingSemicolon(&record);
  DEFCOOP_RETURN_IF_ERROR(CheckHeader(record, kNewHeader, file->path));
  DealGrouper grouper(file);
  while (reader.Next(&record, &error)) {
    if (!IsBlank(record)) AddNewRecord(&record, layout, file, &grouper);
  }
  grouper.Finish();
  return Status::Ok();
}

}  // namespace defcoop::ingest::sipri_internal
