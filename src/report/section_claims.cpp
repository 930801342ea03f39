// Claim checks: every claim of the curated data with its status, the claimed and the
// computed value, and a footnote with the claim's sources and the evidence's.
#include <algorithm>

#include "context.h"
#include "html.h"

namespace defcoop::report {

std::string ClaimsSection(ReportContext& context, const Facts& facts) {
  Table table{"table-claims",
              "",
              {Escape(context.M("claim")), Escape(context.M("status")),
               Escape(context.M("claimed")), Escape(context.M("computed")), ""},
              {},
              {},
              ""};
  for (const analysis::ClaimCheck& check : facts.claims) {
    std::string status(analysis::ToString(check.status));
    std::vector<SourceRef> sources = check.sources;
    sources.insert(sources.end(), check.evidence_sources.begin(), check.evidence_sources.end());
    bool sipri = std::any_of(sources.begin(), sources.end(),
                             [](const SourceRef& ref) { return ref.source_id == "sipri-atdb"; });
    std::string marker = sipri ? context.CiteSipri(sources) : context.cites.Cite(sources);
    table.rows.push_back(
        {Escape(check.text),
         "<span class=\"status-" + status + "\">" + Escape(context.M(status)) + "</span>",
         Escape(check.claimed), Escape(check.computed), marker});
  }
  std::string body =
      table.rows.empty() ? "<p>" + Escape(context.M("no_rows")) + "</p>\n" : RenderTable(table);
  return Section("claims", Escape(context.M("sec_claims")), body);
}

}  // namespace defcoop::report
