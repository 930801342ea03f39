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

}  // namespace

void AddImportAtop(CLI::App* import, Context* context) {
  AddFileImport<AtopFile>(
      import, context, "atop",
      "ATOP 5.1 alliance obligations (directed dyad-years, peacesciencer CSV)",
      "atop5.1_directed_dyad_year_peacesciencer.csv",
      {ingest::ReadAtopFile, ResolveCodes,
       [](store::Store& store, const AtopFile& file, store::ImportMode mode) {
         return store.SaveAtopFile(file, mode);
       },
       "atop-5.1", "unresolved_codes",
       [](const std::string& code, int rows) {
         return "unresolved COW code " + code + " in " + std::to_string(rows) +
                " dyad-year side(s): kept with no actor id";
       }});
}

}  // namespace defcoop::cli
