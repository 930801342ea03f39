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

}  // namespace

void AddImportDcad(CLI::App* import, Context* context) {
  AddFileImport<DcadFile>(
      import, context, "dcad",
      "the Defense Cooperation Agreement Dataset (DCAD v1.0 main file, Kinne 2020)",
      "DCAD-v1.0-main.csv",
      {ingest::ReadDcadFile, ResolveCodes,
       [](store::Store& store, const DcadFile& file, store::ImportMode mode) {
         return store.SaveDcadFile(file, mode);
       },
       "kinne2020-dcad", "unresolved_codes",
       [](const std::string& code, int rows) {
         return "unresolved COW code " + code + " in " + std::to_string(rows) +
                " agreement(s): kept with no actor id";
       }});
}

}  // namespace defcoop::cli
