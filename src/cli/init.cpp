// `defcoop init [--data DIR]`: validate a curated data folder, then build the store from
// it. A new store is built beside its path and renamed into place when complete; an
// existing store has its curated data replaced in one transaction (imports stay).
// Invalid data never reaches the store; a failed or interrupted init leaves the old store.
#include <filesystem>

#include "context.h"
#include "install_paths.h"
#include "defcoop/ingest/curated.h"

namespace defcoop::cli {
namespace {

// An empty file counts as no store: SQLite would make it one in place, not atomically.
bool HasStore(const std::string& path) {
  std::error_code error;
  return std::filesystem::exists(path, error) && !(std::filesystem::is_regular_file(path, error) &&
                                                   std::filesystem::file_size(path, error) == 0);
}

// The curated data with the match keys of its spellings, so that commands resolve names
// without folding them again.
Status WriteStore(const std::string& path, const Dataset& data) {
  store::NameFolds folds = NameFoldsOf(data);
  if (!HasStore(path)) return store::Store::Build(path, data, folds);
  auto store = store::Store::Open(path, store::OpenMode::kCreate);
  if (!store.ok()) return store.status();
  return (*store)->ReplaceCurated(data, folds);
}

Status RunInit(Context& context, const std::string& data_dir) {
  ingest::CuratedLoad load = ingest::LoadCuratedData(data_dir);
  for (const Status& problem : load.problems) context.err << problem.ToString() << "\n";
  if (!load.problems.empty()) {
    return Status::InvalidInput(std::to_string(load.problems.size()) + " problem(s) in " +
                                data_dir + "; the store was not changed (see `defcoop validate`)");
  }
  Status status = WriteStore(context.db_path, load.data);
  if (!status.ok()) {
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
  *data_dir = ShippedDataDir();
  command->add_option("--data", *data_dir, "curated data folder")->capture_default_str();
  command->callback([context, data_dir] { context->result = RunInit(*context, *data_dir); });
}

}  // namespace defcoop::cli
