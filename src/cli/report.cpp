// `defcoop report [--focus C] [--partners P...] [--years A-B] [--out FILE] [--pdf FILE]`:
// the HTML brief (and its PDF through headless Chromium) in the language of the global
// --lang. SIPRI data is optional: without an imported register the SIPRI parts of the
// brief say what is missing.
#include "defcoop/report/report.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>

#include "defcoop/core/version.h"
#include "defcoop/report/pdf.h"
#include "output_file.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

namespace fs = std::filesystem;

constexpr int kDefaultFirstYear = 2000;  // without SIPRI data: the article's recent decades

struct ReportCliOptions {
  std::string focus = "TUR";
  std::vector<std::string> partners{"OTS", "TKM"};
  std::string years;
  std::string vintage;
  std::string out = "out/brief.html";
  std::string pdf;
};

int LatestCuratedYear(const Dataset& data) {
  int latest = kDefaultFirstYear;
  for (const Event& event : data.events) latest = std::max(latest, event.date.year);
  for (const Agreement& agreement : data.agreements) latest = std::max(latest, agreement.date.year);
  return latest;
}

// The imported files a brief on the register of `vintage` reads: SIPRI's of that vintage
// (the register and the tables SIPRI generated with it) and every DCAD, GSDB and ATOP file.
std::vector<ImportedFileRecord> FilesRead(std::vector<ImportedFileRecord> files,
                                          const std::string& vintage) {
  std::erase_if(files, [&](const ImportedFileRecord& file) {
    return file.source == "sipri" && file.vintage != vintage;
  });
  return files;
}

nlohmann::ordered_json FilesJson(const std::vector<ImportedFileRecord>& files) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ImportedFileRecord& file : files) {
    list.push_back({{"source", file.source},
                    {"path", file.path},
                    {"format", file.format},
                    {"vintage", file.vintage},
                    {"content_hash", file.content_hash}});
  }
  return list;
}

// The curated data, the DCAD agreements and GSDB cases if imported and, when a register
// is imported, its transfers.
Result<report::ReportData> LoadReportData(const Context& context, const std::string& vintage) {
  auto store = context.OpenStore(store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto curated = (*store)->LoadCurated();
  if (!curated.ok()) return curated.status();
  report::ReportData data;
  data.curated = std::move(*curated);
  auto dcas = (*store)->LoadDcas();
  if (!dcas.ok()) return dcas.status();
  data.dcas = std::move(*dcas);
  auto sanctions = (*store)->LoadSanctionCases();
  if (!sanctions.ok()) return sanctions.status();
  data.sanctions = std::move(*sanctions);
  data.vintage = vintage.empty() ? (*store)->NewestVintage() : vintage;
  if (data.vintage.empty()) {
    data.files = FilesRead((*store)->ImportedFiles(), "");
    return data;
  }
  auto transfers = (*store)->LoadTransfers(data.vintage);
  if (!transfers.ok()) return transfers.status();
  if (transfers->empty() && !vintage.empty()) {
    return Status::Usage("no SIPRI register of vintage '" + vintage + "' (see `defcoop vintages`)");
  }
  data.transfers = std::move(*transfers);
  if (data.transfers.empty()) data.vintage.clear();
  data.files = FilesRead((*store)->ImportedFiles(), data.vintage);
  return data;
}

// The focus country's ATOP alliance years (none when ATOP is not imported).
Status LoadAlliances(const Context& context, const std::string& focus, report::ReportData* data) {
  auto store = context.OpenStore(store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto years = (*store)->LoadAllianceYears({focus});
  if (!years.ok()) return years.status();
  data->alliances = std::move(*years);
  return Status::Ok();
}

Result<YearRange> ReportYears(const std::string& text, const report::ReportData& data) {
  if (!text.empty()) return ParseYearRange(text);
  YearRange span{9999, 0};
  for (const Transfer& transfer : data.transfers) {
    for (const Delivery& delivery : transfer.deliveries) {
      span.first = std::min(span.first, delivery.year);
      span.last = std::max(span.last, delivery.year);
    }
  }
  if (span.last >= span.first) return span;
  return YearRange{kDefaultFirstYear, LatestCuratedYear(data.curated)};
}

Status ResolveActors(const names::NameIndex& index, const ReportCliOptions& cli,
                     report::ReportOptions* options) {
  auto focus = index.Resolve(cli.focus);
  if (!focus.ok()) return focus.status();
  options->focus = focus->id;
  auto partners = ResolveCountries(index, cli.partners);
  if (!partners.ok()) return partners.status();
  partners->erase(options->focus);
  options->partners.assign(partners->begin(), partners->end());
  for (const std::string& input : cli.partners) {
    auto group = index.Resolve(input);
    options->partner_groups.push_back(group.ok() ? group->id : input);
  }
  return Status::Ok();
}

Status WriteFile(const std::string& path, const std::string& text) {
  fs::path target(path);
  std::error_code error;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), error);
  auto file = OutputFile::Open(path);
  if (!file.ok()) return file.status();
  (*file)->stream() << text;
  return (*file)->Close();
}

// Before any work: neither output may be the store, and the PDF is printed from the HTML.
Status CheckOutputs(const Context& context, const ReportCliOptions& cli) {
  DEFCOOP_RETURN_IF_ERROR(context.CheckOutput("--out", cli.out));
  return context.CheckOutput("--pdf", cli.pdf, {cli.out});
}

Status RunReport(Context& context, const ReportCliOptions& cli) {
  auto started = std::chrono::steady_clock::now();
  DEFCOOP_RETURN_IF_ERROR(CheckOutputs(context, cli));
  auto data = LoadReportData(context, cli.vintage);
  if (!data.ok()) return data.status();
  names::NameIndex index = BuildNameIndex(data->curated);
  report::ReportOptions options;
  options.lang = context.lang;
  DEFCOOP_RETURN_IF_ERROR(ResolveActors(index, cli, &options));
  DEFCOOP_RETURN_IF_ERROR(LoadAlliances(context, options.focus, &*data));
  auto years = ReportYears(cli.years, *data);
  if (!years.ok()) return years.status();
  options.years = *years;
  auto html = report::RenderReport(*data, options);
  if (!html.ok()) return html.status();
  DEFCOOP_RETURN_IF_ERROR(WriteFile(cli.out, *html));
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  Output output;
  output.columns = {"file", "kind", "bytes"};
  output.rows.push_back({{"file", cli.out}, {"kind", "html"}, {"bytes", html->size()}});
  output.meta["vintage"] = data->vintage;
  output.meta["years"] = years->ToString();
  output.meta["lang"] = options.lang;
  output.meta["seconds"] = seconds;
  output.meta["files"] = FilesJson(data->files);
  output.meta["defcoop_version"] = std::string(kVersion);
  if (!cli.pdf.empty()) {
    DEFCOOP_RETURN_IF_ERROR(report::PrintPdf(cli.out, cli.pdf));
    output.rows.push_back({{"file", cli.pdf}, {"kind", "pdf"}, {"bytes", fs::file_size(cli.pdf)}});
  }
  if (data->vintage.empty())
    output.notes.push_back("No SIPRI register imported: the SIPRI parts of the brief say so.");
  AddCuratedCoverage(data->curated,
                     {analysis::CuratedKind::kAgreements, analysis::CuratedKind::kEvents,
                      analysis::CuratedKind::kEmbargoes, analysis::CuratedKind::kVentures,
                      analysis::CuratedKind::kPlatforms, analysis::CuratedKind::kComponents,
                      analysis::CuratedKind::kClaims, analysis::CuratedKind::kIndicators},
                     context.lang, &output);
  return context.Emit(output);
}

}  // namespace

void AddReport(CLI::App* command, Context* context) {
  auto options = std::make_shared<ReportCliOptions>();
  command->add_option("--focus", options->focus, "focus country (any spelling)")
      ->capture_default_str();
  command->add_option("--partners", options->partners,
                      "partner countries or groups (default: OTS TKM)");
  command->add_option("--years", options->years, "years A-B (default: the SIPRI data's span)");
  command->add_option("--vintage", options->vintage, "SIPRI vintage (default: newest)");
  command->add_option("--out", options->out, "HTML file to write")->capture_default_str();
  command->add_option("--pdf", options->pdf, "also print the brief to this PDF (needs chromium)");
  command->callback([context, options] { context->result = RunReport(*context, *options); });
}

}  // namespace defcoop::cli
