// `defcoop import dcad FILE [--rejects FILE]`: the Defense Cooperation Agreement Dataset
// (DCAD v1.0 main file, Kinne 2020). Each row's two COW state codes are resolved to
// actor ids at the signing date; the file is saved in one transaction. Nothing is
// dropped: rejected rows are listed (and written to --rejects), unresolved codes are
// reported and the agreements kept with an empty actor id.
#include <map>
#include <memory>

#include "defcoop/ingest/dcad.h"
#include "imports.h"

namespace defcoop::cli {
namespace {

struct DcadOptions {
  std::string file;
  std::string rejects_path;
};

// Resolves both sides of every agreement; returns the unresolved codes ("640 TUR") with
// how many agreements name them.
std::map<std::string, int> ResolveCodes(const names::NameIndex& index, DcadFile* file) {
  std::map<std::string, int> unresolved;
  for (DefenseCooperationAgreement& a : file->agreements) {
    a.actor1_id = ActorForCow(index, a.cow1, a.signed_on);
    a.actor2_id = ActorForCow(index, a.cow2, a.signed_on);
    if (a.actor1_id.empty()) ++unresolved[std::to_string(a.cow1) + " " + a.cow_name1];
    if (a.actor2_id.empty()) ++unresolved[std::to_string(a.cow2) + " " + a.cow_name2];
  }
  return unresolved;
}

Status RunImportDcad(Context& context, const DcadOptions& options) {
  auto store = context.OpenStore(store::OpenMode::kReadWrite);
  if (!store.ok()) return store.status();
  auto data = (*store)->LoadCurated();
  if (!data.ok()) return data.status();
  auto file = ingest::ReadDcadFile(options.file);
  if (!file.ok()) return file.status();
  auto unresolved = ResolveCodes(BuildNameIndex(*data), &*file);
  PrintProblems(context.err, file->problems);
  std::ofstream rejects;
  DEFCOOP_RETURN_IF_ERROR(OpenRejects(options.rejects_path, &rejects));
  if (rejects.is_open()) WriteRejects(rejects, file->path, file->problems);
  auto summary = (*store)->SaveDcadFile(*file);
  if (!summary.ok()) return summary.status();
  if (summary->already_imported) {
    context.err << options.file << ": already imported (same content); nothing changed\n";
  }
  for (const auto& [code, count] : unresolved) {
    context.err << "unresolved COW code " << code << " in " << count
                << " agreement(s): kept with no actor id\n";
  }
  ImportReport report;
  report.Add(options.file, *summary);
  Output& output = report.output();
  output.meta["unresolved_codes"] = unresolved.size();
  output.meta["sources"] = {"kinne2020-dcad"};
  context.Emit(output);
  return Status::Ok();
}

}  // namespace

void AddImportDcad(CLI::App* import, Context* context) {
  CLI::App* dcad = import->add_subcommand(
      "dcad", "the Defense Cooperation Agreement Dataset (DCAD v1.0 main file, Kinne 2020)");
  auto options = std::make_shared<DcadOptions>();
  dcad->add_option("file", options->file, "DCAD-v1.0-main.csv")
      ->required()
      ->check(CLI::ExistingFile);
  dcad->add_option("--rejects", options->rejects_path, "write rejected rows to this CSV file");
  dcad->callback([context, options] { context->result = RunImportDcad(*context, *options); });
}

}  // namespace defcoop::cli
