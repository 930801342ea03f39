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

}  // namespace

void AddImportGsdb(CLI::App* import, Context* context) {
  AddFileImport<GsdbFile>(
      import, context, "gsdb", "the Global Sanctions Data Base (GSDB V3, case level)",
      "GSDB_V3.csv",
      {ingest::ReadGsdbFile, ResolveNames,
       [](store::Store& store, const GsdbFile& file, store::ImportMode mode) {
         return store.SaveGsdbFile(file, mode);
       },
       "gsdb-v3", "unresolved_names",
       [](const std::string& name, int rows) {
         return "unresolved name '" + name + "' in " + std::to_string(rows) +
                " case(s): kept with no actor id (add a spelling to data/ and re-run init)";
       }});
}

}  // namespace defcoop::cli
