#include "imports.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "defcoop/names/succession.h"

namespace defcoop::cli {

void AddImport(CLI::App* command, Context* context) {
  command->require_subcommand(1);
  AddImportSipri(command, context);
  AddImportDcad(command, context);
  AddImportGsdb(command, context);
  AddImportAtop(command, context);
  AddImportGdelt(command, context);
}

std::string ActorForCow(const names::NameIndex& index, int code, const Date& at) {
  std::string successor = names::ActorForCowEra(code, at);
  if (!successor.empty()) return successor;
  auto found = index.Resolve("cow_n:" + std::to_string(code));
  return found.ok() ? found->id : "";
}

void ReportEarlierImports(std::ostream& err, const std::string& path,
                          const store::ImportSummary& summary) {
  if (summary.already_imported) {
    err << path << ": already imported (the same data as " << summary.earlier_path
        << "); nothing changed (pass --replace to import it again)\n";
  }
  if (summary.replaced > 0) {
    err << path << ": replaced " << summary.replaced << " earlier import(s)\n";
  }
}

void PrintProblems(std::ostream& err, const std::vector<InputProblem>& problems) {
  for (const InputProblem& problem : problems) {
    const char* what = problem.repaired          ? "repaired"
                       : problem.where.line == 0 ? "warning"
                                                 : "rejected";
    err << problem.where.ToString() << ": " << what << ": " << problem.reason << "\n";
  }
}

Status OpenRejects(const Context& context, const std::string& path,
                   const std::vector<std::string>& inputs, std::ofstream* out) {
  if (path.empty()) return Status::Ok();
  DEFCOOP_RETURN_IF_ERROR(context.CheckOutput("--rejects", path, inputs));
  errno = 0;
  out->open(path);
  if (!*out) return Status::Io("cannot write " + path + ": " + std::strerror(errno));
  *out << "file,line,reason,repaired\n";
  return Status::Ok();
}

Status WriteRejects(std::ostream& out, const std::string& rejects_path, const std::string& file,
                    const std::vector<InputProblem>& problems) {
  for (const InputProblem& problem : problems) {
    out << CsvEscape(file) << "," << problem.where.line << "," << CsvEscape(problem.reason) << ","
        << (problem.repaired ? "true" : "false") << "\n";
  }
  out.flush();
  if (!out) {
    return Status::Io("cannot write " + rejects_path + " (" + std::strerror(errno) +
                      "); nothing was imported from " + file);
  }
  return Status::Ok();
}

ImportReport::ImportReport() {
  output_.columns = {"file",     "format",   "vintage", "records_read",
                     "imported", "rejected", "repaired"};
}

void ImportReport::Add(const std::string& path, const store::ImportSummary& summary) {
  output_.rows.push_back({{"file", path},
                          {"format", summary.format},
                          {"vintage", summary.vintage},
                          {"records_read", summary.records_read},
                          {"imported", summary.imported},
                          {"rejected", summary.rejected},
                          {"repaired", summary.repaired},
                          {"already_imported", summary.already_imported}});
  total_.records_read += summary.records_read;
  total_.imported += summary.imported;
  total_.rejected += summary.rejected;
  total_.repaired += summary.repaired;
}

Output& ImportReport::output() {
  output_.meta["records_read"] = total_.records_read;
  output_.meta["imported"] = total_.imported;
  output_.meta["rejected"] = total_.rejected;
  output_.meta["repaired"] = total_.repaired;
  output_.notes = {fmt::format("{} records read, {} imported, {} rejected, {} repaired",
                               total_.records_read, total_.imported, total_.rejected,
                               total_.repaired)};
  return output_;
}

}  // namespace defcoop::cli
