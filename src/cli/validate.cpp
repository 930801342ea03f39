// `defcoop validate [DIR]`: every problem of a curated data folder, one per line as
// file:line:column: message, then a count. Exit 1 when there is any.
#include "context.h"
#include "install_paths.h"
#include "defcoop/ingest/curated.h"

namespace defcoop::cli {
namespace {

Status RunValidate(Context& context, const std::string& data_dir) {
  ingest::CuratedLoad load = ingest::LoadCuratedData(data_dir);
  for (const Status& problem : load.problems) context.out << problem.ToString() << "\n";
  if (!load.problems.empty()) {
    return Status::InvalidInput(std::to_string(load.problems.size()) + " problem(s) in " +
                                data_dir);
  }
  context.out << data_dir << ": valid (" << load.files_read << " files, "
              << ingest::CountFacts(load.data) << " facts, " << load.data.sources.size()
              << " sources, " << load.data.claims.size() << " claims)\n";
  return Status::Ok();
}

}  // namespace

void AddValidate(CLI::App* command, Context* context) {
  auto data_dir = std::make_shared<std::string>();
  *data_dir = ShippedDataDir();
  command->add_option("dir", *data_dir, "curated data folder")->capture_default_str();
  command->callback([context, data_dir] { context->result = RunValidate(*context, *data_dir); });
}

}  // namespace defcoop::cli
