// The back matter: method notes (TIV caveats, vintage, approximations, tests, names),
// the footnotes, and the bibliography of every source cited.
#include <filesystem>

#include "context.h"
#include "defcoop/core/version.h"
#include "html.h"

namespace defcoop::report {

namespace {

// The defcoop version and every imported file the brief read, with its content hash:
// the same files imported into a store give the same brief.
std::string ReproducibilityHtml(ReportContext& context) {
  std::string html = "<p class=\"reproduce\">" +
                     Escape(context.M("method_reproduce", {std::string(kVersion)})) + "</p>\n";
  if (context.data.files.empty()) return html;
  html += "<ul class=\"imported-files\">\n";
  for (const ImportedFileRecord& file : context.data.files) {
    std::string name = std::filesystem::path(file.path).filename().string();
    std::string what = file.vintage.empty() ? file.format : file.format + ", " + file.vintage;
    html += "<li>" + Escape(file.source) + " " + Escape(what) + ": <code>" + Escape(name) +
            "</code> <code>" + Escape(file.content_hash) + "</code></li>\n";
  }
  return html + "</ul>\n";
}

}  // namespace

std::string MethodSection(ReportContext& context, const Facts& facts) {
  std::string body;
  for (const char* key :
       {"method_tiv", "method_approx", "method_tests", "method_names", "method_conflicts"}) {
    body += "<p>" + Escape(context.M(key)) + "</p>\n";
  }
  if (facts.has_sipri) {
    body += "<p>" + Escape(context.M("method_vintage", {context.data.vintage})) +
            context.CiteSipri() + "</p>\n";
    body += "<p class=\"credit\">" + Escape(std::string(analysis::kSipriCredit)) + " (" +
            Escape(context.M("vintage", {context.data.vintage})) + ").</p>\n";
  } else {
    body += "<p>" + Escape(context.M("method_no_vintage")) + "</p>\n";
  }
  body += ReproducibilityHtml(context);
  return Section("method", Escape(context.M("sec_method")), body);
}

std::string NotesSection(ReportContext& context) {
  return Section("notes", Escape(context.M("sec_notes")), context.cites.FootnotesHtml());
}

std::string BibliographySection(ReportContext& context) {
  return Section("bibliography", Escape(context.M("sec_bibliography")),
                 context.cites.BibliographyHtml());
}

}  // namespace defcoop::report
