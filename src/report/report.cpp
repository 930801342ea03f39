// RenderReport: the header and table of contents, then every section in order. Sections
// are rendered in document order so that footnotes are numbered as they appear.
#include "defcoop/report/report.h"

#include <algorithm>

#include "context.h"
#include "html.h"

namespace defcoop::report {
namespace {

constexpr const char* kSectionOrder[][2] = {{"summary", "sec_summary"},
                                            {"industry", "sec_industry"},
                                            {"exports", "sec_exports"},
                                            {"partners", "sec_partners"},
                                            {"wave", "sec_wave"},
                                            {"embargoes", "sec_embargoes"},
                                            {"network", "sec_network"},
                                            {"claims", "sec_claims"},
                                            {"method", "sec_method"},
                                            {"notes", "sec_notes"},
                                            {"bibliography", "sec_bibliography"}};

std::string Header(const ReportContext& context, const std::string& title) {
  std::string html =
      "<header>\n<h1>" + Escape(title) + "</h1>\n<p class=\"subtitle\">" +
      Escape(context.M("doc_subtitle", {context.format.Years(context.options.years)}));
  if (!context.options.generated_on.empty()) {
    auto date = ParseDate(context.options.generated_on);
    std::string shown = date.ok() ? context.format.DateText(*date) : context.options.generated_on;
    html += " " + Escape(context.M("generated_on", {shown}));
  }
  html += "</p>\n</header>\n<nav class=\"toc\"><h2>" + Escape(context.M("contents")) + "</h2><ol>";
  for (const auto& [id, key] : kSectionOrder) {
    html += "<li><a href=\"#" + std::string(id) + "\">" + Escape(context.M(key)) + "</a></li>";
  }
  return html + "</ol></nav>\n";
}

std::string PartnersTitle(const ReportContext& context) {
  if (context.options.partner_groups.empty()) return JoinNames(context, context.options.partners);
  return JoinNames(context, context.options.partner_groups);
}

}  // namespace

bool IsSupportedLanguage(const std::string& lang) {
  return std::find(std::begin(kLanguages), std::end(kLanguages), lang) != std::end(kLanguages);
}

Result<std::string> RenderReport(const ReportData& data, const ReportOptions& options) {
  if (!IsSupportedLanguage(options.lang)) {
    return Status::Usage("unsupported language '" + options.lang + "' (use en, tr, kk or ru)");
  }
  if (options.years.last < options.years.first) {
    return Status::Usage("empty year range " + options.years.ToString());
  }
  Facts facts = ComputeFacts(data, options);
  ReportContext context(data, options);
  std::string title = context.M("doc_title", {context.Name(options.focus), PartnersTitle(context)});
  std::string body = Header(context, title);
  body += SummarySection(context, facts);
  body += IndustrySection(context, facts);
  body += ExportsSection(context, facts);
  body += PartnersSection(context, facts);
  body += WaveSection(context, facts);
  body += EmbargoesSection(context, facts);
  body += NetworkSection(context, facts);
  body += ClaimsSection(context, facts);
  body += MethodSection(context, facts);
  body += NotesSection(context);
  body += BibliographySection(context);
  return Document(options.lang, title, body);
}

}  // namespace defcoop::report
