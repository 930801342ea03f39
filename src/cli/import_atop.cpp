// `defcoop import atop FILE [--rejects FILE]`: ATOP 5.1 alliance obligations as directed
// dyad-years. Each side's COW code is resolved at the year; the file is saved in one
// transaction. Rejected rows are listed (and written to --rejects); unresolved codes are
// reported and their rows kept with no actor id.
#include <map>
#include <memory>

#include "defcoop/ingest/atop.h"
#include "imports.h"

namespace defcoop::cli {
namespace {

struct AtopOptions {
  std::string file;
  std::string rejects_path;
};

std::map<std::string, int> ResolveCodes(const names::NameIndex& index, AtopFile* file) {
  std::map<std::pair<int, int>, std::string> cache;  // (code, year) -> actor id
  std::map<std::string, int> unresolved;
  auto resolve = [&](int code, int year) {
    auto [found, inserted] = cache.try_emplace({code, year});
    if (inserted) found->second = ActorForCow(index, code, Date{year, 0, 0});
    if (found->second.empty()) ++unresolved[std::to_string(code)];
    return found->second;
  };
  for (AllianceYear& y : file->years) {
    y.actor1_id = resolve(y.cow1, y.year);
    y.actor2_id = resolve(y.cow2, y.year);
  }
  return unresolved;
}

Status RunImportAtop(Context& context, const AtopOptions& options) {
  auto store = context.OpenStore(store::OpenMode::kReadWrite);
  if (!store.ok()) return store.status();
  auto data = (*store)->LoadCurated();
  if (!data.ok()) return data.status();
  auto file = ingest::ReadAtopFile(options.file);
  if (!file.ok()) return file.status();
  auto unresolved = ResolveCodes(BuildNameIndex(*data), &*file);
  PrintProblems(context.err, file->problems);
  std::ofstream rejects;
  DEFCOOP_RETURN_IF_ERROR(OpenRejects(options.rejects_path, &rejects));
  if (rejects.is_open()) WriteRejects(rejects, file->path, file->problems);
  auto summary = (*store)->SaveAtopFile(*file);
  if (!summary.ok()) return summary.status();
  if (summary->already_imported) {
    context.err << options.file << ": already imported (same content); nothing changed\n";
  }
  for (const auto& [code, count] : unresolved) {
    context.err << "unresolved COW code " << code << " in " << count
                << " dyad-year side(s): kept with no actor id\n";
  }
  ImportReport report;
  report.Add(options.file, *summary);
  Output& output = report.output();
  output.meta["unresolved_codes"] = unresolved.size();
  output.meta["sources"] = {"atop-5.1"};
  context.Emit(output);
  return Status::Ok();
}

}  // namespace

void AddImportAtop(CLI::App* import, Context* context) {
  CLI::App* atop = import->add_subcommand(
      "atop", "ATOP 5.1 alliance obligations (directed dyad-years, peacesciencer CSV)");
  auto options = std::make_shared<AtopOptions>();
  atop->add_option("file", options->file, "atop5.1_directed_dyad_year_peacesciencer.csv")
      ->required()
      ->check(CLI::ExistingFile);
  atop->add_option("--rejects", options->rejects_path, "write rejected rows to this CSV file");
  atop->callback([context, options] { context->result = RunImportAtop(*context, *options); });
}

}  // namespace defcoop::cli
