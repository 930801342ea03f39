// `defcoop query SQL`: one read-only SQL statement over the store. The store is opened
// read-only, so no statement can change it.
#include "context.h"

namespace defcoop::cli {
namespace {

Status RunQuery(Context& context, const std::string& sql) {
  auto store = context.OpenStore(store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto result = (*store)->Query(sql);
  if (!result.ok()) return result.status();
  Output output;
  output.columns = result->columns;
  for (const auto& values : result->rows) {
    nlohmann::ordered_json row = nlohmann::ordered_json::object();
    for (size_t idx = 0; idx < values.size(); ++idx) {
      row[output.columns[idx]] = values[idx] ? nlohmann::ordered_json(*values[idx]) : nullptr;
    }
    output.rows.push_back(std::move(row));
  }
  output.meta["rows"] = output.rows.size();
  context.Emit(output);
  return Status::Ok();
}

}  // namespace

void AddQuery(CLI::App* command, Context* context) {
  auto sql = std::make_shared<std::string>();
  command->add_option("sql", *sql, "one SQL statement (read-only)")->required();
  command->callback([context, sql] { context->result = RunQuery(*context, *sql); });
}

}  // namespace defcoop::cli
