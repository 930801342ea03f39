// Research panels: one row per state-year, dyad-year or directed dyad-year over the
// states that existed in each year, with SIPRI deliveries and orders, DCAD agreements,
// ATOP obligations, GSDB sanctions and the curated record side by side. A cell outside
// a source's coverage (its years, or a state the source cannot code) is NA, never 0: a
// 0 is a count within coverage. docs/panels.md says what each input means at each date.
// Pure functions over the structs the store loads.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "defcoop/analysis/dca.h"
#include "defcoop/core/actor_set.h"
#include "defcoop/core/date.h"
#include "defcoop/core/model.h"

namespace defcoop::analysis {

enum class PanelUnit { kStateYear, kDyadYear, kDirectedDyadYear };
enum class PanelSource { kSipri, kDcad, kAtop, kGsdb, kCurated };

// "state-year", "dyad-year", "directed-dyad-year"; "sipri", "dcad", "atop", "gsdb", "curated".
std::optional<PanelUnit> ParsePanelUnit(std::string_view text);
std::optional<PanelSource> ParsePanelSource(std::string_view text);
std::string_view PanelSourceName(PanelSource source);

// A state (or historical state) of the curated data over the years it existed: from the
// year of its `from` date to the year of its `to` (any part of a year counts), and, for
// the actors holding a COW code another state held before or after (names/succession.h),
// only in the years of their eras.
struct PanelState {
  std::string id;
  std::string name;
  std::string iso3;        // "" when the id is not an ISO 3166 code (no ISO numeric code)
  std::optional<int> cow;  // its COW code in data/states.csv
  std::optional<Date> from;
  std::optional<Date> to;

  bool ExistsIn(int year) const;
  std::optional<int> CowIn(int year) const;  // the era's code, else `cow`
};
std::vector<PanelState> PanelStates(const Dataset& data);

// What each source gives the panel; a source is used when its pointer is set. The spans
// are the years each source covers (docs/panels.md): SIPRI's the register's delivery
// years, DCAD's 1980-2010, ATOP's and GSDB's their files' first and last years.
struct PanelInputs {
  const std::vector<Transfer>* sipri = nullptr;
  std::string sipri_vintage;
  YearRange sipri_years;
  const std::vector<DefenseCooperationAgreement>* dcad = nullptr;
  YearRange dcad_years{1980, 2010};
  const std::vector<AllianceYear>* atop = nullptr;
  YearRange atop_years;
  const std::vector<SanctionCase>* gsdb = nullptr;
  YearRange gsdb_years;
  const Dataset* curated = nullptr;  // the states (and agreements, ventures, embargoes)
  bool curated_record = true;        // columns of the curated record's facts
};

// DCAD's agreement categories, in the codebook's order.
const std::vector<std::string>& DcadCategories();
// ATOP's obligations, as the panel's columns name them.
const std::vector<std::string>& AtopObligations();

struct PanelRequest {
  PanelUnit unit = PanelUnit::kDyadYear;
  YearRange years;
  ActorSet states;    // side 1 (and side 2 when `partners` is empty); empty = every state
  ActorSet partners;  // side 2 of a dyad; empty = `states`
};

// One column as the codebook states it.
struct PanelColumn {
  std::string name;
  std::string definition;
  std::string unit;
  std::string source;    // a source id of data/sources.json, "" for identifiers
  std::string coverage;  // when a cell has a value rather than NA
};

using PanelCell = std::optional<std::string>;  // nullopt: NA
using PanelRowFn = std::function<void(const std::vector<PanelCell>& row)>;

class Panel {
 public:
  Panel(PanelRequest request, const PanelInputs& inputs);
  ~Panel();
  Panel(const Panel&) = delete;
  Panel& operator=(const Panel&) = delete;

  const std::vector<PanelColumn>& columns() const;
  // Every row in order: state-years by state then year; dyad-years by side 1, side 2,
  // then year. Returns the number of rows.
  size_t ForEachRow(const PanelRowFn& fn) const;

 private:
  struct Data;
  std::unique_ptr<Data> data_;
};

}  // namespace defcoop::analysis
