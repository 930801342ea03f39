// `defcoop vintages`: the SIPRI vintages in the store, newest last.
#include "context.h"

namespace defcoop::cli {
namespace {

Status RunVintages(Context& context) {
  auto store = context.OpenStore(store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  Output output;
  output.columns = {"vintage", "transfers", "table_cells", "formats", "files"};
  for (const store::Vintage& vintage : (*store)->Vintages()) {
    output.rows.push_back({{"vintage", vintage.vintage},
                           {"transfers", vintage.transfers},
                           {"table_cells", vintage.table_cells},
                           {"formats", vintage.formats},
                           {"files", vintage.files}});
  }
  output.meta["newest_register_vintage"] = (*store)->NewestVintage();
  return context.Emit(output);
}

}  // namespace

void AddVintages(CLI::App* command, Context* context) {
  command->callback([context] { context->result = RunVintages(*context); });
}

}  // namespace defcoop::cli
