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

// The titles of the embargoes with these ids, "; "-separated.
std::string EmbargoTitles(const Facts& facts, const std::vector<std::string>& ids) {
  std::string titles;
  for (const std::string& id : ids) {
    for (const analysis::EmbargoReport& report : facts.embargoes) {
      if (report.embargo.id == id) titles += (titles.empty() ? "" : "; ") + report.embargo.title;
    }
  }
  return titles;
}

// One row per component, however many embargoes hit it.
std::string HitsTable(ReportContext& context, const Facts& facts) {
  Table table{"table-substitutes",
              Escape(context.M("hits")),
              {Escape(context.M("component")), Escape(context.M("hit_by")),
               Escape(context.M("replacement")), Escape(context.M("delay")), ""},
              {},
              {},
              ""};
  for (const analysis::DistinctHit& distinct : analysis::DistinctHits(facts.embargoes)) {
    const analysis::EmbargoHit& hit = distinct.hit;
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
         Escape(EmbargoTitles(facts, distinct.embargoes)), Escape(replacement),
         Escape(hit.delay ? hit.delay->ToString() : ""), context.cites.Cite(sources)});
  }
  if (table.rows.empty()) return "";
  table.note = Escape(context.M("delay_note"));
  return RenderTable(table);
}

// One row per imposer and year, however many of its embargoes were in force.
std::string DeliveriesTable(ReportContext& context, const Facts& facts) {
  if (!facts.has_sipri) return context.SipriMissing();
  Table table{"table-embargo-deliveries",
              Escape(context.M("deliveries_during")),
              {Escape(context.M("supplier")), Escape(context.M("year")), Escape(context.M("tiv")),
               Escape(context.M("embargoes_in_force"))},
              {},
              {false, true, true, false},
              ""};
  bool any_approximate = false;
  for (const analysis::DistinctDelivery& distinct : analysis::DistinctDeliveries(facts.embargoes)) {
    const analysis::EmbargoDelivery& delivery = distinct.delivery;
    any_approximate |= delivery.approximate;
    table.rows.push_back({Escape(context.Name(delivery.supplier)), Formatter::Year(delivery.year),
                          Escape((delivery.approximate ? "\u2248 " : "") +
                                 context.Number(delivery.tiv, 1)),
                          Escape(EmbargoTitles(facts, distinct.embargoes))});
  }
  if (table.rows.empty()) return "";
  table.note = Escape(context.M("source_label")) + context.CiteSipri();
  if (any_approximate) table.note += " " + Escape(context.M("approx_cells_note"));
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
