// `defcoop resolve NAME...`: any spelling in any script -> actor id. "GROUP@DATE"
// lists a group's members and observers at that date.
#include "context.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

// Names are given in the --lang language (English where it has none).
void AddGroupRows(const SipriData& data, const std::string& lang,
                  const names::GroupResolution& group, Output* output) {
  auto add = [&](const std::string& id, const char* role) {
    const Actor* actor = data.index.FindActor(id);
    output->rows.push_back({{"input", group.input},
                            {"id", id},
                            {"kind", actor ? std::string(ToString(actor->kind)) : ""},
                            {"name", actor ? DisplayName(data, id, lang) : ""},
                            {"role", role},
                            {"group", group.group_id}});
  };
  for (const std::string& id : group.members) add(id, "member");
  for (const std::string& id : group.observers) add(id, "observer");
}

Status RunResolve(Context& context, const std::vector<std::string>& inputs) {
  auto loaded = LoadNameData(context);
  if (!loaded.ok()) return loaded.status();
  const names::NameIndex& index = (*loaded)->index;
  Output output;
  output.columns = {"input", "id", "kind", "name", "matched"};
  int failures = 0;
  for (const std::string& input : inputs) {
    if (input.find('@') != std::string::npos) {
      auto group = index.ResolveGroup(input);
      if (group.ok()) {
        output.columns = {"input", "id", "kind", "name", "role", "group"};
        AddGroupRows(**loaded, context.lang, *group, &output);
        continue;
      }
      context.err << "defcoop: " << group.status().message() << "\n";
      ++failures;
      continue;
    }
    auto found = index.Resolve(input);
    if (!found.ok()) {
      context.err << "defcoop: " << found.status().message() << "\n";
      ++failures;
      continue;
    }
    output.rows.push_back({{"input", input},
                           {"id", found->id},
                           {"kind", std::string(ToString(found->kind))},
                           {"name", DisplayName(**loaded, found->id, context.lang)},
                           {"matched", found->matched}});
  }
  if (!output.rows.empty()) DEFCOOP_RETURN_IF_ERROR(context.Emit(output));
  if (failures > 0) return Status::NotFound(std::to_string(failures) + " name(s) did not resolve");
  return Status::Ok();
}

}  // namespace

void AddResolve(CLI::App* command, Context* context) {
  auto inputs = std::make_shared<std::vector<std::string>>();
  command->add_option("names", *inputs, "names, codes or GROUP@DATE")->required();
  command->callback([context, inputs] { context->result = RunResolve(*context, *inputs); });
}

}  // namespace defcoop::cli
