#include "context.h"

namespace defcoop::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"init", "build the store from curated data (default: the shipped data/)", AddInit},
      {"validate", "check a curated data folder; every problem as file:line:col: message",
       AddValidate},
      {"import", "import external data: `defcoop import sipri|dcad|gsdb|atop|gdelt FILE...`", AddImport},
      {"vintages", "list the SIPRI vintages in the store", AddVintages},
      {"diff", "what SIPRI revised between two vintages: deals and TIV totals", AddDiff},
      {"resolve", "any spelling, any script -> actor id", AddResolve},
      {"show", "everything known about an actor, platform or agreement", AddShow},
      {"timeline", "dated events, agreements, embargoes and ventures", AddTimeline},
      {"tiv", "delivered SIPRI TIV by year, supplier, recipient, dyad or category", AddTiv},
      {"suppliers", "a country's arms suppliers: shares, HHI, change", AddSuppliers},
      {"exports", "a country's arms exports: recipients, shares, rank, growth", AddExports},
      {"periods", "development periods: change points in a yearly series (PELT)", AddPeriods},
      {"shock", "events before and after a date: Poisson rate test and placebo dates", AddShock},
      {"shift", "supplier shares over rolling windows: dominant supplier, rises and falls",
       AddShift},
      {"dca", "defense cooperation agreements of the DCAD (1980-2010): list or count", AddDca},
      {"alliances", "alliance obligations of ATOP (1815-2018) as spans of years", AddAlliances},
      {"sanctions", "sanctions cases of the GSDB (1949-2022): who, on whom, when, which measures",
       AddSanctions},
      {"events", "GDELT news events between states: counts, tone, Goldstein, example URLs",
       AddEvents},
      {"panel",
       "research panel: state-, dyad- or directed dyad-years with SIPRI, DCAD, ATOP, GSDB and "
       "the curated record; NA outside coverage; codebook and citations beside --out FILE",
       AddPanel},
      {"embargoes", "embargoes, what they hit, substitutes, deliveries during them", AddEmbargoes},
      {"exposure", "a platform's foreign components and what an embargo would stop", AddExposure},
      {"network", "cooperation network: centralities, communities, GraphML/GEXF", AddNetwork},
      {"claims", "check every claim of the curated data against the store", AddClaims},
      {"report", "HTML (and PDF) brief with charts, footnotes and bibliography", AddReport},
      {"sources", "the bibliography: every source the data cites", AddSources},
      {"serve", "JSON API and dashboard on 127.0.0.1", AddServe},
      {"query", "read-only SQL over the store", AddQuery},
      {"completion", "the bash completion script: `source <(defcoop completion bash)`",
       AddCompletion},
      {"manpage", "the man page (roff): `defcoop manpage | man -l -`", AddManpage},
  };
  return kCommands;
}

}  // namespace defcoop::cli
