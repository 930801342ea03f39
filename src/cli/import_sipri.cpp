// `defcoop import sipri FILE... [--rejects FILE]`: reads SIPRI registers and TIV tables
// (format detected from content), resolves every supplier and recipient through the
// names module, and saves each file in one transaction. Nothing is dropped: rejected
// records are listed (and written to --rejects), unresolved names are reported and the
// records kept with an empty actor id.
#include <fmt/format.h>

#include <fstream>
#include <map>
#include <memory>

#include "defcoop/csv/reader.h"
#include "defcoop/ingest/sipri.h"
#include "imports.h"

namespace defcoop::cli {
namespace {

struct ImportOptions {
  std::vector<std::string> files;
  std::string rejects_path;
  bool replace = false;
};

// Resolves SIPRI spellings once each and remembers the ones that failed.
class SipriNameResolver {
 public:
  explicit SipriNameResolver(const names::NameIndex& index) : index_(index) {}

  std::string Resolve(const std::string& name) {
    auto cached = cache_.find(name);
    if (cached != cache_.end()) {
      if (cached->second.empty()) ++unresolved_[name];
      return cached->second;
    }
    auto found = index_.Resolve(name);
    std::string id = found.ok() ? found->id : "";
    if (id.empty()) ++unresolved_[name];
    cache_.emplace(name, id);
    return id;
  }

  const std::map<std::string, int>& unresolved() const { return unresolved_; }

 private:
  const names::NameIndex& index_;
  std::map<std::string, std::string> cache_;
  std::map<std::string, int> unresolved_;
};

// Rows of TIV tables that aggregate several actors rather than name one.
bool IsAggregateRow(const std::string& name) {
  return name.rfind("Total", 0) == 0 || name == "Regional total" || name == "Others" ||
         name == "Unknown/not applicable";
}

void ResolveNames(SipriFile* file, SipriNameResolver* resolver) {
  for (Transfer& transfer : file->transfers) {
    transfer.supplier_id = resolver->Resolve(transfer.supplier_name);
    transfer.recipient_id = resolver->Resolve(transfer.recipient_name);
  }
  bool regional = file->format == SipriFormat::kRegionalTable;
  for (TivCell& cell : file->cells) {
    // A regional table's first column is a SIPRI region or group, not an actor.
    if (!regional && !IsAggregateRow(cell.actor_name)) {
      cell.actor_id = resolver->Resolve(cell.actor_name);
    }
    if (!cell.counterpart_name.empty() && !IsAggregateRow(cell.counterpart_name)) {
      cell.counterpart_id = resolver->Resolve(cell.counterpart_name);
    }
  }
}

// Parses, resolves and saves one file (in its own transaction).
Result<store::ImportSummary> ImportOne(Context& context, const std::string& path,
                                       SipriNameResolver* resolver, store::Store& store,
                                       std::ostream* rejects, const ImportOptions& options) {
  auto file = ingest::ReadSipriFile(path);
  if (!file.ok()) return file.status();
  ResolveNames(&*file, resolver);
  PrintProblems(context.err, file->problems);
  if (rejects) {
    DEFCOOP_RETURN_IF_ERROR(
        WriteRejects(*rejects, options.rejects_path, file->path, file->problems));
  }
  auto summary = store.SaveSipriFile(*file, file->content_hash, ModeOf(options.replace));
  if (summary.ok()) ReportEarlierImports(context.err, path, *summary);
  return summary;
}

Status RunImport(Context& context, const ImportOptions& options) {
  auto store = context.OpenStore(store::OpenMode::kReadWrite);
  if (!store.ok()) return store.status();
  auto data = (*store)->LoadActors();  // all that resolving names needs
  if (!data.ok()) return data.status();
  auto folds = (*store)->LoadNameFolds();
  if (!folds.ok()) return folds.status();
  names::NameIndex index = BuildNameIndex(*data, *folds);
  SipriNameResolver resolver(index);
  std::ofstream rejects;
  DEFCOOP_RETURN_IF_ERROR(OpenRejects(context, options.rejects_path, options.files, &rejects));
  ImportReport report;
  int failed_files = 0;
  for (const std::string& path : options.files) {
    auto summary = ImportOne(context, path, &resolver, **store,
                             rejects.is_open() ? &rejects : nullptr, options);
    if (!summary.ok()) {
      context.err << "defcoop: error: " << summary.status().ToString() << "; file not imported\n";
      ++failed_files;
      continue;
    }
    report.Add(path, *summary);
  }
  for (const auto& [name, count] : resolver.unresolved()) {
    context.err << "unresolved name '" << name << "' in " << count
                << " record(s): kept with no actor id (add a spelling to data/ and re-run init)\n";
  }
  Output& output = report.output();
  output.meta["unresolved_names"] = resolver.unresolved().size();
  DEFCOOP_RETURN_IF_ERROR(context.Emit(output));
  if (failed_files > 0) {
    return Status::InvalidInput(std::to_string(failed_files) + " file(s) could not be imported");
  }
  return Status::Ok();
}

}  // namespace

void AddImportSipri(CLI::App* import, Context* context) {
  CLI::App* sipri =
      import->add_subcommand("sipri", "SIPRI trade registers (old/new format) and TIV tables");
  auto options = std::make_shared<ImportOptions>();
  sipri->add_option("files", options->files, "SIPRI export files")
      ->required()
      ->check(CLI::ExistingFile);
  sipri->add_option("--rejects", options->rejects_path, "write rejected records to this CSV file");
  sipri->add_flag("--replace", options->replace,
                  "replace an earlier import of the same data or the same path (one transaction)");
  sipri->callback([context, options] { context->result = RunImport(*context, *options); });
}

}  // namespace defcoop::cli
