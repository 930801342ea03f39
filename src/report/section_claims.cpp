// Claim checks: every claim of the curated data with its status, the claimed and the
// computed value, and a footnote with the claim's sources and the evidence's.
#include <algorithm>
#include <cstdlib>
#include <optional>

#include "context.h"
#include "html.h"

namespace defcoop::report {
namespace {

// A claimed or computed value for the reader: in claims of quantities, plain numbers in
// the brief's number format (1100000000 -> 1,100,000,000) and a start|end pair as
// "start → end"; dates, ranks and words ("increase") as they are.
std::string ClaimValue(const ReportContext& context, const std::string& kind,
                       const std::string& text) {
  if (kind != "value" && kind != "count" && kind != "growth_rate" && kind != "ratio") return text;
  auto as_number = [&](const std::string& part) -> std::optional<std::string> {
    if (part.empty() || part.find_first_not_of("0123456789.-") != std::string::npos)
      return std::nullopt;
    char* end = nullptr;
    double value = std::strtod(part.c_str(), &end);
    if (end != part.c_str() + part.size()) return std::nullopt;
    size_t dot = part.find('.');
    int decimals = dot == std::string::npos ? 0 : static_cast<int>(part.size() - dot - 1);
    return context.Number(value, decimals);
  };
  size_t bar = text.find('|');
  if (bar != std::string::npos) {
    auto start = as_number(text.substr(0, bar));
    auto end = as_number(text.substr(bar + 1));
    if (start && end) return *start + " \u2192 " + *end;
    return text;
  }
  return as_number(text).value_or(text);
}

}  // namespace

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
         Escape(ClaimValue(context, check.kind, check.claimed)),
         Escape(ClaimValue(context, check.kind, check.computed)), marker});
  }
  std::string body =
      table.rows.empty() ? "<p>" + Escape(context.M("no_rows")) + "</p>\n" : RenderTable(table);
  return Section("claims", Escape(context.M("sec_claims")), body);
}

}  // namespace defcoop::report
