// `defcoop import gsdb FILE [--rejects FILE]`: the Global Sanctions Data Base (GSDB V3,
// case level). Every target and sender name is resolved through the names module; the
// file is saved in one transaction. Nothing is dropped: rejected rows are listed (and
// written to --rejects), unresolved names are reported and kept with no actor id.
#include <map>
#include <memory>

#include "defcoop/ingest/gsdb.h"
#include "imports.h"

namespace defcoop::cli {
namespace {

struct GsdbOptions {
  std::string file;
  std::string rejects_path;
};

// Resolves each name once; returns the unresolved names with how many cases use them.
std::map<std::string, int> ResolveNames(const names::NameIndex& index, GsdbFile* file) {
  std::map<std::string, std::string> cache;
  std::map<std::string, int> unresolved;
  auto resolve = [&](const std::vector<std::string>& names) {
    std::vector<std::string> ids;
    for (const std::string& name : names) {
      auto cached = cache.find(name);
      if (cached == cache.end()) {
        auto found = index.Resolve(name);
        cached = cache.emplace(name, found.ok() ? found->id : "").first;
      }
      if (cached->second.empty()) ++unresolved[name];
      ids.push_back(cached->second);
    }
    return ids;
  };
  for (SanctionCase& c : file->cases) {
    c.target_ids = resolve(c.targets);
    c.sender_ids = resolve(c.senders);
  }
  return unresolved;
}

Status RunImportGsdb(Context& context, const GsdbOptions& options) {
  auto store = context.OpenStore(store::OpenMode::kReadWrite);
  if (!store.ok()) return store.status();
  auto data = (*store)->LoadCurated();
  if (!data.ok()) return data.status();
  auto file = ingest::ReadGsdbFile(options.file);
  if (!file.ok()) return file.status();
  auto unresolved = ResolveNames(BuildNameIndex(*data), &*file);
  PrintProblems(context.err, file->problems);
  std::ofstream rejects;
  DEFCOOP_RETURN_IF_ERROR(OpenRejects(options.rejects_path, &rejects));
  if (rejects.is_open()) WriteRejects(rejects, file->path, file->problems);
  auto summary = (*store)->SaveGsdbFile(*file);
  if (!summary.ok()) return summary.status();
  if (summary->already_imported) {
    context.err << options.file << ": already imported (same content); nothing changed\n";
  }
  for (const auto& [name, count] : unresolved) {
    context.err << "unresolved name '" << name << "' in " << count
                << " case(s): kept with no actor id (add a spelling to data/ and re-run init)\n";
  }
  ImportReport report;
  report.Add(options.file, *summary);
  Output& output = report.output();
  output.meta["unresolved_names"] = unresolved.size();
  output.meta["sources"] = {"gsdb-v3"};
  context.Emit(output);
  return Status::Ok();
}

}  // namespace

void AddImportGsdb(CLI::App* import, Context* context) {
  CLI::App* gsdb =
      import->add_subcommand("gsdb", "the Global Sanctions Data Base (GSDB V3, case level)");
  auto options = std::make_shared<GsdbOptions>();
  gsdb->add_option("file", options->file, "GSDB_V3.csv")->required()->check(CLI::ExistingFile);
  gsdb->add_option("--rejects", options->rejects_path, "write rejected rows to this CSV file");
  gsdb->callback([context, options] { context->result = RunImportGsdb(*context, *options); });
}

}  // namespace defcoop::cli
