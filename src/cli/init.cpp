// `defcoop init [--data DIR]`: validate a curated data folder, then replace the store's
// curated data with it in one transaction. Invalid data never reaches the store.
#include <filesystem>

#include "context.h"
#include "defcoop/ingest/curated.h"

namespace defcoop::cli {
namespace {

Status RunInit(Context& context, const std::string& data_dir) {
  ingest::CuratedLoad load = ingest::LoadCuratedData(data_dir);
  for (const Status& problem : load.problems) context.err << problem.ToString() << "\n";
  if (!load.problems.empty()) {
    return Status::InvalidInput(std::to_string(load.problems.size()) + " problem(s) in " +
                                data_dir + "; the store was not changed (see `defcoop validate`)");
  }
  bool existed = std::filesystem::exists(context.db_path);
  auto store = context.OpenStore(store::OpenMode::kCreate);
  if (!store.ok()) return store.status();
  Status status = (*store)->ReplaceCurated(load.data);
  if (!status.ok()) {
    store->reset();
    if (!existed) std::filesystem::remove(context.db_path);
    return Status::Store("init failed, the store was not changed: " + status.message());
  }
  const Dataset& data = load.data;
  context.out << "built " << context.db_path << " from " << data_dir << ": "
              << ingest::CountFacts(data) << " facts (" << data.actors.size() << " actors, "
              << data.events.size() << " events, " << data.agreements.size() << " agreements, "
              << data.embargoes.size() << " embargoes, " << data.indicators.size()
              << " indicators, " << data.claims.size() << " claims), " << data.sources.size()
              << " sources\n";
  return Status::Ok();
}

}  // namespace

void AddInit(CLI::App* command, Context* context) {
  auto data_dir = std::make_shared<std::string>();
  *data_dir = DEFCOOP_DEFAULT_DATA_DIR;
  command->add_option("--data", *data_dir, "curated data folder")->capture_default_str();
  command->callback([context, data_dir] { context->result = RunInit(*context, *data_dir); });
}

}  // namespace defcoop::cli
