// The back matter: method notes (TIV caveats, vintage, approximations, tests, names),
// the footnotes, and the bibliography of every source cited.
#include "context.h"
#include "html.h"

namespace defcoop::report {

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
