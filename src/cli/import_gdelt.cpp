// `defcoop import gdelt FILE... [--rejects FILE] [--replace] [--codes FILE]`: GDELT 1.0 and
// 2.0 event exports, Mentions tables and header-row exports (layout detected per file,
// ingest/gdelt.h). Actor country codes (CAMEO) and the action's geo code (FIPS 10-4) are
// resolved to states through the names module; each file is saved in one transaction
// and once (content hash). Nothing is dropped: rejected lines are listed with file:line
// (and written to --rejects); unresolved codes are reported with their row counts.
#include <fmt/format.h>

#include <fstream>
#include <map>
#include <memory>

#include "defcoop/ingest/gdelt.h"
#include "imports.h"
#include "install_paths.h"

namespace defcoop::cli {
namespace {

struct GdeltImportOptions {
  std::vector<std::string> files;
  std::string rejects_path;
  std::string codes_path;
  bool replace = false;
};

// Resolves codes of one scheme ("cameo", "fips") to states once each, counting the rows
// of codes that name no state.
class StateCodeResolver {
 public:
  StateCodeResolver(const names::NameIndex& index, std::string scheme)
      : index_(index), scheme_(std::move(scheme)) {}

  std::string Resolve(std::string_view code) {
    auto cached = cache_.find(code);
    if (cached == cache_.end()) {
      auto found = index_.Resolve(scheme_ + ":" + std::string(code));
      bool state = found.ok() &&
                   (found->kind == ActorKind::kState || found->kind == ActorKind::kHistoricalState);
      cached = cache_.emplace(std::string(code), state ? found->id : "").first;
    }
    if (cached->second.empty()) ++unresolved_[cached->first];
    return cached->second;
  }

  const std::map<std::string, int64_t>& unresolved() const { return unresolved_; }

 private:
  const names::NameIndex& index_;
  std::string scheme_;
  std::map<std::string, std::string, std::less<>> cache_;
  std::map<std::string, int64_t> unresolved_;
};

Result<store::ImportSummary> ImportOne(Context& context, const std::string& path,
                                       const ingest::CameoCodeList& codes,
                                       StateCodeResolver* actors, StateCodeResolver* geo,
                                       store::Store& store, std::ostream* rejects,
                                       const GdeltImportOptions& options) {
  auto file = ingest::ImportGdeltFile(
      path, codes, [&](std::string_view code) { return actors->Resolve(code); },
      [&](std::string_view code) { return geo->Resolve(code); });
  if (!file.ok()) return file.status();
  PrintProblems(context.err, file->problems);
  if (rejects) {
    DEFCOOP_RETURN_IF_ERROR(
        WriteRejects(*rejects, options.rejects_path, file->path, file->problems));
  }
  auto summary = store.SaveGdeltFile(*file, ModeOf(options.replace));
  if (summary.ok()) ReportEarlierImports(context.err, path, *summary);
  return summary;
}

void ReportUnresolved(std::ostream& err, const StateCodeResolver& resolver, std::string_view what) {
  for (const auto& [code, rows] : resolver.unresolved()) {
    err << fmt::format("{} '{}' in {} row(s) names no state: not counted as a state\n", what, code,
                       rows);
  }
}

Status RunImport(Context& context, const GdeltImportOptions& options) {
  auto codes = ingest::ReadCameoCodeList(options.codes_path);
  if (!codes.ok()) return codes.status();
  auto store = context.OpenStore(store::OpenMode::kReadWrite);
  if (!store.ok()) return store.status();
  auto data = (*store)->LoadCurated();
  if (!data.ok()) return data.status();
  names::NameIndex index = BuildNameIndex(*data);
  StateCodeResolver actors(index, "cameo");
  StateCodeResolver geo(index, "fips");
  std::ofstream rejects;
  DEFCOOP_RETURN_IF_ERROR(OpenRejects(context, options.rejects_path, options.files, &rejects));
  ImportReport report;
  int failed_files = 0;
  for (const std::string& path : options.files) {
    auto summary = ImportOne(context, path, *codes, &actors, &geo, **store,
                             rejects.is_open() ? &rejects : nullptr, options);
    if (!summary.ok()) {
      context.err << "defcoop: error: " << summary.status().ToString() << "; file not imported\n";
      ++failed_files;
      continue;
    }
    report.Add(path, *summary);
  }
  ReportUnresolved(context.err, actors, "actor country code (CAMEO)");
  ReportUnresolved(context.err, geo, "action geo country code (FIPS 10-4)");
  Output& output = report.output();
  output.meta["unresolved_actor_codes"] = actors.unresolved().size();
  output.meta["unresolved_geo_codes"] = geo.unresolved().size();
  output.meta["code_list"] = codes->path;
  output.meta["credit"] = "The GDELT Project (event data, CAMEO-coded)";
  DEFCOOP_RETURN_IF_ERROR(context.Emit(output));
  if (failed_files > 0) {
    return Status::InvalidInput(std::to_string(failed_files) + " file(s) could not be imported");
  }
  return Status::Ok();
}

}  // namespace

void AddImportGdelt(CLI::App* import, Context* context) {
  CLI::App* gdelt = import->add_subcommand(
      "gdelt", "GDELT event files: 1.0/2.0 exports, Mentions, header-row CSV exports");
  auto options = std::make_shared<GdeltImportOptions>();
  options->codes_path = ShippedDataDir() + "/gdelt_defense_codes.csv";
  gdelt->add_option("files", options->files, "GDELT files (plain, or zipped as GDELT publishes them)")
      ->required()
      ->check(CLI::ExistingFile);
  gdelt->add_option("--rejects", options->rejects_path, "write rejected lines to this CSV file");
  gdelt
      ->add_option("--codes", options->codes_path,
                   "the defense-relevant CAMEO codes whose full rows are kept")
      ->capture_default_str();
  gdelt->add_flag("--replace", options->replace,
                  "import again a file whose data the store holds (one transaction)");
  gdelt->callback([context, options] { context->result = RunImport(*context, *options); });
}

}  // namespace defcoop::cli
