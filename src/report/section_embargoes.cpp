// Embargoes on the focus country: who imposed what and when, the components they hit
// and what replaced them, and what SIPRI says the imposers delivered anyway.
#include "context.h"
#include "defcoop/analysis/sanctions.h"
#include "html.h"

namespace defcoop::report {
namespace {

std::string DateOrEmpty(const ReportContext& context, const std::optional<Date>& date) {
  return date ? context.format.DateText(*date) : "";
}

// The GSDB cases recording an embargo ("183, 196"; "–" for none), adding GSDB to its
// sources when there are any.
std::string GsdbCases(const ReportContext& context, const Embargo& embargo,
                      std::vector<SourceRef>* sources) {
  std::string target_state;
  for (const Actor& actor : context.data.curated.actors) {
    if (actor.id == embargo.target) target_state = actor.home_state;
  }
  std::string ids;
  for (const SanctionCase& c :
       analysis::CasesRecording(embargo, context.data.sanctions, target_state))
    ids += (ids.empty() ? "" : ", ") + std::to_string(c.case_id);
  if (ids.empty()) return "\u2013";
  sources->push_back({"gsdb-v3", ""});
  return ids;
}

std::string EmbargoTable(ReportContext& context, const Facts& facts) {
  bool gsdb = !context.data.sanctions.empty();
  Table table{"table-embargoes",
              "",
              {Escape(context.M("title")), Escape(context.M("imposers")),
               Escape(context.M("scope")), Escape(context.M("start")), Escape(context.M("end"))},
              {},
              {},
              gsdb ? Escape(context.M("gsdb_note")) : ""};
  if (gsdb) table.header.push_back("GSDB");
  table.header.push_back("");
  for (const analysis::EmbargoReport& report : facts.embargoes) {
    const Embargo& embargo = report.embargo;
    std::vector<SourceRef> sources = embargo.sources;
    std::vector<std::string> row = {
        Escape(embargo.title), Escape(JoinNames(context, embargo.imposers)), Escape(embargo.scope),
        Escape(DateOrEmpty(context, embargo.start)), Escape(DateOrEmpty(context, embargo.end))};
    if (gsdb) row.push_back(Escape(GsdbCases(context, embargo, &sources)));
    row.push_back(context.cites.Cite(sources));
    table.rows.push_back(std::move(row));
  }
  return table.rows.empty() ? "<p>" + Escape(context.M("no_rows")) + "</p>\n" : RenderTable(table);
}

std::string HitsTable(ReportContext& context, const Facts& facts) {
  Table table{"table-substitutes",
              Escape(context.M("hits")),
              {Escape(context.M("component")), Escape(context.M("replacement")),
               Escape(context.M("delay")), ""},
              {},
              {},
              ""};
  for (const analysis::EmbargoReport& report : facts.embargoes) {
    for (const analysis::EmbargoHit& hit : report.hits) {
      std::vector<SourceRef> sources = hit.component.sources;
      std::string replacement = context.M("none");
      if (hit.replacement) {
        replacement =
            hit.replacement->name + " (" + context.Name(hit.replacement->maker_state) + ")";
        sources.insert(sources.end(), hit.replacement->sources.begin(),
                       hit.replacement->sources.end());
      }
      table.rows.push_back(
          {Escape(hit.component.name + " (" + context.Name(hit.component.maker_state) + ")"),
           Escape(replacement), Escape(hit.delay ? hit.delay->ToString() : ""),
           context.cites.Cite(sources)});
    }
  }
  return table.rows.empty() ? "" : RenderTable(table);
}

std::string DeliveriesTable(ReportContext& context, const Facts& facts) {
  if (!facts.has_sipri) return context.SipriMissing();
  Table table{"table-embargo-deliveries",
              Escape(context.M("deliveries_during")),
              {Escape(context.M("supplier")), Escape(context.M("year")), Escape(context.M("tiv"))},
              {},
              {false, true, true},
              ""};
  for (const analysis::EmbargoReport& report : facts.embargoes) {
    for (const analysis::EmbargoDelivery& delivery : report.deliveries) {
      table.rows.push_back({Escape(context.Name(delivery.supplier)), Formatter::Year(delivery.year),
                            Escape(context.Number(delivery.tiv, 1))});
    }
  }
  if (table.rows.empty()) return "";
  table.note = Escape(context.M("source_label")) + context.CiteSipri();
  return RenderTable(table);
}

}  // namespace

std::string EmbargoesSection(ReportContext& context, const Facts& facts) {
  std::string body = EmbargoTable(context, facts);  // footnotes in document order
  body += HitsTable(context, facts);
  body += DeliveriesTable(context, facts);
  return Section("embargoes", Escape(context.M("sec_embargoes")), body);
}

}  // namespace defcoop::report
