#include "defcoop/analysis/panel.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

#include "defcoop/analysis/tiv.h"
#include "defcoop/names/succession.h"

namespace defcoop::analysis {
namespace {

// Cells are keyed by (side 1, side 2, year) with states as indexes into the panel's
// states; kAll stands for "any counterpart" in state totals.
constexpr uint32_t kAll = 0xFFFF;
using CellKey = uint64_t;
CellKey Key(uint32_t a, uint32_t b, int year) {
  return (static_cast<uint64_t>(a) << 32) | (static_cast<uint64_t>(b) << 16) |
         static_cast<uint64_t>(year & 0xFFFF);
}
CellKey Undirected(uint32_t a, uint32_t b, int year) {
  return a < b ? Key(a, b, year) : Key(b, a, year);
}

std::string Count(int n) { return std::to_string(n); }
std::string Flag(bool b) { return b ? "1" : "0"; }
std::string Number(double v) { return fmt::format("{}", v); }

// Where the panel is in its row loop: the states on each side (kAll for a state-year's
// side 2) and the year.
struct RowKey {
  uint32_t a = 0;
  uint32_t b = kAll;
  int year = 0;
  bool state_year() const { return b == kAll; }
};

// One source's columns: their codebook entries and how a row's cells are filled.
class ColumnGroup {
 public:
  virtual ~ColumnGroup() = default;
  virtual std::vector<PanelColumn> Columns(bool state_year) const = 0;
  // Appends exactly Columns(key.state_year()).size() cells.
  virtual void Fill(const RowKey& key, std::vector<PanelCell>* row) const = 0;
};

void AppendNa(size_t n, std::vector<PanelCell>* row) { row->insert(row->end(), n, std::nullopt); }

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

std::optional<PanelUnit> ParsePanelUnit(std::string_view text) {
  if (text == "state-year") return PanelUnit::kStateYear;
  if (text == "dyad-year") return PanelUnit::kDyadYear;
  if (text == "directed-dyad-year") return PanelUnit::kDirectedDyadYear;
  return std::nullopt;
}

std::optional<PanelSource> ParsePanelSource(std::string_view text) {
  for (PanelSource source : {PanelSource::kSipri, PanelSource::kDcad, PanelSource::kAtop,
                             PanelSource::kGsdb, PanelSource::kCurated}) {
    if (PanelSourceName(source) == text) return source;
  }
  return std::nullopt;
}

std::string_view PanelSourceName(PanelSource source) {
  switch (source) {
    case PanelSource::kSipri:
      return "sipri";
    case PanelSource::kDcad:
      return "dcad";
    case PanelSource::kAtop:
      return "atop";
    case PanelSource::kGsdb:
      return "gsdb";
    case PanelSource::kCurated:
      return "curated";
  }
  return "";
}

const std::vector<std::string>& DcadCategories() {
  static const std::vector<std::string> categories = {"DCA",         "DIC",        "TREX",
                                                      "PROCUREMENT", "COMMISSION", "RESEARCH"};
  return categories;
}

const std::vector<std::string>& AtopObligations() {
  static const std::vector<std::string> obligations = {"defense", "offense", "neutrality",
                                                       "nonaggression", "consultation"};
  return obligations;
}

bool PanelState::ExistsIn(int year) const {
  if (from && from->year > year) return false;
  if (to && to->year < year) return false;
  return !names::HasCowEras(id) || names::CowCodeInYear(id, year).has_value();
}

std::optional<int> PanelState::CowIn(int year) const {
  if (names::HasCowEras(id)) return names::CowCodeInYear(id, year);
  return cow;
}

std::vector<PanelState> PanelStates(const Dataset& data) {
  std::map<std::string, std::map<std::string, std::string>> codes;  // actor -> scheme -> code
  for (const ActorCode& code : data.actor_codes) codes[code.actor_id][code.scheme] = code.code;
  std::vector<PanelState> states;
  for (const Actor& actor : data.actors) {
    if (actor.kind != ActorKind::kState && actor.kind != ActorKind::kHistoricalState) continue;
    PanelState state{actor.id, actor.name, "", std::nullopt, actor.founded, actor.dissolved};
    const auto& own = codes[actor.id];
    if (own.count("iso3n")) state.iso3 = actor.id;
    if (auto cow = own.find("cow_n"); cow != own.end()) state.cow = std::stoi(cow->second);
    states.push_back(std::move(state));
  }
  std::sort(states.begin(), states.end(),
            [](const PanelState& x, const PanelState& y) { return x.id < y.id; });
  return states;
}

namespace {

// Maps actor ids to the panel's state indexes.
class StateIndex {
 public:
  explicit StateIndex(const std::vector<PanelState>& states) : states_(states) {
    for (uint32_t idx = 0; idx < states.size(); ++idx) by_id_[states[idx].id] = idx;
  }
  std::optional<uint32_t> Find(const std::string& id) const {
    auto found = by_id_.find(id);
    if (found == by_id_.end()) return std::nullopt;
    return found->second;
  }
  const PanelState& operator[](uint32_t idx) const { return states_[idx]; }
  size_t size() const { return states_.size(); }

 private:
  const std::vector<PanelState>& states_;
  std::unordered_map<std::string, uint32_t> by_id_;
};

// SIPRI: delivered TIV (exact or approximate as AggregateTiv marks it), deliveries and
// orders, each way.
class SipriGroup : public ColumnGroup {
 public:
  SipriGroup(const PanelInputs& inputs, const StateIndex& states, YearRange years)
      : years_(inputs.sipri_years) {
    TivFilter filter;
    filter.years = years;
    auto rows = AggregateTiv(*inputs.sipri, filter,
                             {TivGroup::kSupplier, TivGroup::kRecipient, TivGroup::kYear});
    for (const TivRow& row : rows) {
      auto supplier = states.Find(row.supplier);
      auto recipient = states.Find(row.recipient);
      auto add = [&](uint32_t a, uint32_t b) {
        Cell& cell = cells_[Key(a, b, row.year)];
        cell.tiv += row.tiv;
        cell.approximate = cell.approximate || row.approximate;
      };
      if (supplier && recipient) add(*supplier, *recipient);
      if (supplier) add(*supplier, kAll);
      if (recipient) add(kAll, *recipient);
    }
    for (const Transfer& transfer : *inputs.sipri) CountDeals(transfer, states, years);
  }

  std::vector<PanelColumn> Columns(bool state_year) const override {
    std::string coverage =
        "years " + years_.ToString() + " (the register's first and last delivery year); NA outside";
    std::string tiv_def =
        "SIPRI trend-indicator value of the weapons delivered in the year (the register's "
        "per-year deliveries; an old-format register's years are an even split)";
    std::string flag_def =
        "1 when the TIV cell rests on an old-format register's even split of a deal's "
        "deliveries over its years (approximate), 0 when exact";
    std::string deliveries_def = "deals (register rows) with a delivery in the year";
    std::string orders_def = "deals (register rows) ordered in the year (SIPRI's order year)";
    auto col = [&](std::string name, std::string def, std::string unit) {
      return PanelColumn{std::move(name), std::move(def), std::move(unit), "sipri-atdb", coverage};
    };
    if (state_year) {
      return {col("sipri_tiv_imports", tiv_def + ", received from any supplier", "TIV millions"),
              col("sipri_tiv_imports_approx", flag_def, "0/1"),
              col("sipri_tiv_exports", tiv_def + ", sent to any recipient", "TIV millions"),
              col("sipri_tiv_exports_approx", flag_def, "0/1"),
              col("sipri_deliveries_in", deliveries_def + ", as recipient", "count"),
              col("sipri_deliveries_out", deliveries_def + ", as supplier", "count"),
              col("sipri_orders_in", orders_def + ", as recipient", "count"),
              col("sipri_orders_out", orders_def + ", as supplier", "count")};
    }
    return {col("sipri_tiv_12", tiv_def + ", from state 1 to state 2", "TIV millions"),
            col("sipri_tiv_12_approx", flag_def, "0/1"),
            col("sipri_tiv_21", tiv_def + ", from state 2 to state 1", "TIV millions"),
            col("sipri_tiv_21_approx", flag_def, "0/1"),
            col("sipri_deliveries_12", deliveries_def + ", from state 1 to state 2", "count"),
            col("sipri_deliveries_21", deliveries_def + ", from state 2 to state 1", "count"),
            col("sipri_orders_12", orders_def + ", by state 2 from state 1", "count"),
            col("sipri_orders_21", orders_def + ", by state 1 from state 2", "count")};
  }

  void Fill(const RowKey& key, std::vector<PanelCell>* row) const override {
    if (!years_.Contains(key.year)) return AppendNa(8, row);
    // A state-year's imports (any supplier -> the state) come first, as a dyad's 1 -> 2.
    const Cell& first =
        Find(key.state_year() ? Key(kAll, key.a, key.year) : Key(key.a, key.b, key.year));
    const Cell& second =
        Find(key.state_year() ? Key(key.a, kAll, key.year) : Key(key.b, key.a, key.year));
    row->push_back(Number(first.tiv));
    row->push_back(Flag(first.approximate));
    row->push_back(Number(second.tiv));
    row->push_back(Flag(second.approximate));
    row->push_back(Count(first.deliveries));
    row->push_back(Count(second.deliveries));
    row->push_back(Count(first.orders));
    row->push_back(Count(second.orders));
  }

 private:
  struct Cell {
    double tiv = 0;
    bool approximate = false;
    int deliveries = 0;
    int orders = 0;
  };

  void CountDeals(const Transfer& transfer, const StateIndex& states, YearRange years) {
    auto supplier = states.Find(transfer.supplier_id);
    auto recipient = states.Find(transfer.recipient_id);
    if (!supplier && !recipient) return;
    auto each_key = [&](int year, auto&& fn) {
      if (supplier && recipient) fn(cells_[Key(*supplier, *recipient, year)]);
      if (supplier) fn(cells_[Key(*supplier, kAll, year)]);
      if (recipient) fn(cells_[Key(kAll, *recipient, year)]);
    };
    std::set<int> delivery_years;
    for (const Delivery& d : transfer.deliveries) {
      if (years.Contains(d.year)) delivery_years.insert(d.year);
    }
    for (int year : delivery_years) each_key(year, [](Cell& c) { ++c.deliveries; });
    if (transfer.order_year && years.Contains(*transfer.order_year))
      each_key(*transfer.order_year, [](Cell& c) { ++c.orders; });
  }

  const Cell& Find(CellKey key) const {
    static const Cell kEmpty;
    auto found = cells_.find(key);
    return found == cells_.end() ? kEmpty : found->second;
  }

  YearRange years_;
  std::unordered_map<CellKey, Cell> cells_;
};

// A state the COW-based sources (DCAD, ATOP) can code in a year: one with a COW code then.
bool CowCoded(const StateIndex& states, uint32_t idx, int year) {
  return idx == kAll || states[idx].CowIn(year).has_value();
}

// DCAD: agreements signed in the year and in force (signing year to DCAD's estimated
// end year), in total and by category.
class DcadGroup : public ColumnGroup {
 public:
  DcadGroup(const PanelInputs& inputs, const StateIndex& states)
      : states_(states), years_(inputs.dcad_years) {
    for (const DefenseCooperationAgreement& a : *inputs.dcad) {
      auto one = states.Find(a.actor1_id);
      auto two = states.Find(a.actor2_id);
      if (!one || !two || *one == *two) continue;
      int last = a.end_year_estimate.value_or(years_.last);
      for (int year = a.signed_on.year; year <= std::min(last, years_.last); ++year) {
        for (CellKey key :
             {Undirected(*one, *two, year), Key(*one, kAll, year), Key(*two, kAll, year)}) {
          Cell& cell = cells_[key];
          if (year == a.signed_on.year) ++cell.signed_count;
          ++cell.in_force;
          for (size_t c = 0; c < DcadCategories().size(); ++c) {
            const auto& cats = a.categories;
            if (std::find(cats.begin(), cats.end(), DcadCategories()[c]) != cats.end())
              ++cell.by_category[c];
          }
        }
      }
    }
  }

  std::vector<PanelColumn> Columns(bool state_year) const override {
    std::string coverage = "years " + years_.ToString() +
                           " (DCAD v1.0: agreements signed in these years), states with a COW "
                           "code in the year; NA otherwise";
    std::string with = state_year ? "the state and any partner" : "the two states";
    auto col = [&](std::string name, std::string def) {
      return PanelColumn{std::move(name), std::move(def), "count", "kinne2020-dcad", coverage};
    };
    std::vector<PanelColumn> columns = {
        col("dcad_signed",
            "bilateral defense cooperation agreements between " + with + " signed in the year"),
        col("dcad_in_force", "agreements between " + with +
                                 " in force in the year: from the signing year to DCAD's "
                                 "estimated end year (endYearEstimate)")};
    for (const std::string& category : DcadCategories()) {
      columns.push_back(
          col("dcad_in_force_" + Lower(category),
              "agreements in force (as dcad_in_force) that DCAD codes in category " + category));
    }
    return columns;
  }

  void Fill(const RowKey& key, std::vector<PanelCell>* row) const override {
    size_t n = 2 + DcadCategories().size();
    if (!years_.Contains(key.year) || !CowCoded(states_, key.a, key.year) ||
        !CowCoded(states_, key.b, key.year))
      return AppendNa(n, row);
    CellKey cell_key =
        key.state_year() ? Key(key.a, kAll, key.year) : Undirected(key.a, key.b, key.year);
    auto found = cells_.find(cell_key);
    Cell cell = found == cells_.end() ? Cell{} : found->second;
    row->push_back(Count(cell.signed_count));
    row->push_back(Count(cell.in_force));
    for (int count : cell.by_category) row->push_back(Count(count));
  }

 private:
  struct Cell {
    int signed_count = 0;
    int in_force = 0;
    std::array<int, 6> by_category{};
  };
  const StateIndex& states_;
  YearRange years_;
  std::unordered_map<CellKey, Cell> cells_;
};

// ATOP: the obligations one state has towards the other in the year (a state-year: the
// number of states it has each obligation towards).
class AtopGroup : public ColumnGroup {
 public:
  AtopGroup(const PanelInputs& inputs, const StateIndex& states)
      : states_(states), years_(inputs.atop_years) {
    for (const AllianceYear& y : *inputs.atop) {
      auto one = states.Find(y.actor1_id);
      auto two = states.Find(y.actor2_id);
      if (!one || !two) continue;
      std::array<bool, 5> held = {y.defense, y.offense, y.neutrality, y.nonaggression,
                                  y.consultation};
      Cell& dyad = cells_[Key(*one, *two, y.year)];
      Cell& total = cells_[Key(*one, kAll, y.year)];
      for (size_t o = 0; o < held.size(); ++o) {
        dyad.counts[o] = dyad.counts[o] || held[o];
        total.counts[o] += held[o];
      }
    }
  }

  std::vector<PanelColumn> Columns(bool state_year) const override {
    std::string coverage = "years " + years_.ToString() +
                           " (ATOP 5.1), states with a COW code in the year; NA otherwise";
    std::vector<PanelColumn> columns;
    for (const std::string& obligation : AtopObligations()) {
      auto col = [&](std::string name, std::string def, std::string unit) {
        columns.push_back({std::move(name), std::move(def), std::move(unit), "atop-5.1", coverage});
      };
      if (state_year) {
        col("atop_" + obligation + "_partners",
            "states this state has an ATOP " + obligation + " obligation towards in the year",
            "count");
      } else {
        col("atop_" + obligation + "_12",
            "1 when state 1 has an ATOP " + obligation + " obligation towards state 2", "0/1");
      }
    }
    if (state_year) return columns;
    for (const std::string& obligation : AtopObligations()) {
      columns.push_back({"atop_" + obligation + "_21",
                         "1 when state 2 has an ATOP " + obligation + " obligation towards state 1",
                         "0/1", "atop-5.1", coverage});
    }
    return columns;
  }

  void Fill(const RowKey& key, std::vector<PanelCell>* row) const override {
    size_t n = AtopObligations().size() * (key.state_year() ? 1 : 2);
    if (!years_.Contains(key.year) || !CowCoded(states_, key.a, key.year) ||
        !CowCoded(states_, key.b, key.year))
      return AppendNa(n, row);
    Append(Key(key.a, key.b, key.year), row);
    if (!key.state_year()) Append(Key(key.b, key.a, key.year), row);
  }

 private:
  struct Cell {
    std::array<int, 5> counts{};
  };
  void Append(CellKey key, std::vector<PanelCell>* row) const {
    auto found = cells_.find(key);
    Cell cell = found == cells_.end() ? Cell{} : found->second;
    for (int count : cell.counts) row->push_back(Count(count));
  }
  const StateIndex& states_;
  YearRange years_;
  std::unordered_map<CellKey, Cell> cells_;
};

// GSDB: sanctions cases in force in the year (begin to end year) by one state on the
// other, and the measures they impose.
class GsdbGroup : public ColumnGroup {
 public:
  GsdbGroup(const PanelInputs& inputs, const StateIndex& states) : years_(inputs.gsdb_years) {
    for (const SanctionCase& c : *inputs.gsdb) {
      std::set<uint32_t> senders = Indexes(c.sender_ids, states);
      std::set<uint32_t> targets = Indexes(c.target_ids, states);
      for (int year = std::max(c.begin, years_.first); year <= std::min(c.end, years_.last);
           ++year) {
        for (uint32_t s : senders) {
          Add(Key(s, kAll, year), c);
          for (uint32_t t : targets) {
            if (s != t) Add(Key(s, t, year), c);
          }
        }
        for (uint32_t t : targets) Add(Key(kAll, t, year), c);
      }
    }
  }

  std::vector<PanelColumn> Columns(bool state_year) const override {
    std::string coverage = "years " + years_.ToString() +
                           " (GSDB V3: cases begun or in force in these years); NA outside";
    std::string measures =
        "the measures of those cases, '|'-separated in alphabetical order (GSDB's trade, arms, "
        "military, financial, travel, other); empty when there is none";
    auto col = [&](std::string name, std::string def, std::string unit) {
      return PanelColumn{std::move(name), std::move(def), std::move(unit), "gsdb-v3", coverage};
    };
    std::string cases = "GSDB sanctions cases in force in the year (begin to end year) ";
    if (state_year) {
      return {col("gsdb_sanctions_sent", cases + "with the state among the senders", "count"),
              col("gsdb_sanctions_received", cases + "with the state among the targets", "count"),
              col("gsdb_measures_received", measures, "list")};
    }
    return {col("gsdb_sanctions_12", cases + "by state 1 on state 2", "count"),
            col("gsdb_measures_12", measures, "list"),
            col("gsdb_sanctions_21", cases + "by state 2 on state 1", "count"),
            col("gsdb_measures_21", measures, "list")};
  }

  void Fill(const RowKey& key, std::vector<PanelCell>* row) const override {
    if (!years_.Contains(key.year)) return AppendNa(key.state_year() ? 3 : 4, row);
    if (key.state_year()) {
      row->push_back(Count(Find(Key(key.a, kAll, key.year)).cases));
      const Cell& received = Find(Key(kAll, key.a, key.year));
      row->push_back(Count(received.cases));
      row->push_back(Join(received.measures));
      return;
    }
    for (CellKey cell_key : {Key(key.a, key.b, key.year), Key(key.b, key.a, key.year)}) {
      const Cell& cell = Find(cell_key);
      row->push_back(Count(cell.cases));
      row->push_back(Join(cell.measures));
    }
  }

 private:
  struct Cell {
    int cases = 0;
    std::set<std::string> measures;
  };
  static std::set<uint32_t> Indexes(const std::vector<std::string>& ids, const StateIndex& states) {
    std::set<uint32_t> found;
    for (const std::string& id : ids) {
      if (auto idx = states.Find(id)) found.insert(*idx);
    }
    return found;
  }
  static std::string Join(const std::set<std::string>& parts) {
    return fmt::format("{}", fmt::join(parts, "|"));
  }
  void Add(CellKey key, const SanctionCase& c) {
    Cell& cell = cells_[key];
    ++cell.cases;
    cell.measures.insert(c.types.begin(), c.types.end());
  }
  const Cell& Find(CellKey key) const {
    static const Cell kEmpty;
    auto found = cells_.find(key);
    return found == cells_.end() ? kEmpty : found->second;
  }
  YearRange years_;
  std::unordered_map<CellKey, Cell> cells_;
};

// The curated record: agreements, ventures and embargoes of the states it records, over
// the years of its dated facts. Not a census: 0 is "none recorded".
class CuratedGroup : public ColumnGroup {
 public:
  CuratedGroup(const Dataset& data, const StateIndex& states, YearRange years)
      : panel_last_(years.last) {
    std::unordered_map<std::string, std::string> home;
    for (const Actor& actor : data.actors) home[actor.id] = actor.home_state;
    auto state_of = [&](const std::string& id) -> std::optional<uint32_t> {
      if (auto idx = states.Find(id)) return idx;
      auto found = home.find(id);
      if (found == home.end() || found->second.empty()) return std::nullopt;
      return states.Find(found->second);
    };
    auto states_of = [&](const std::vector<std::string>& ids) {
      std::set<uint32_t> found;
      for (const std::string& id : ids) {
        if (auto idx = state_of(id)) found.insert(*idx);
      }
      recorded_.insert(found.begin(), found.end());
      return found;
    };
    for (const Agreement& a : data.agreements) {
      std::set<uint32_t> parties = states_of(a.parties);
      Seen(a.date.year);
      ForPairs(parties, [&](uint32_t x, uint32_t y) {
        AddSpan(Undirected(x, y, 0), a.date.year, a.date.year, &Cell::signed_count);
        AddSpan(Undirected(x, y, 0), a.date.year, panel_last_, &Cell::to_date);
      });
      for (uint32_t x : parties) {
        AddSpan(Key(x, kAll, 0), a.date.year, a.date.year, &Cell::signed_count);
        AddSpan(Key(x, kAll, 0), a.date.year, panel_last_, &Cell::to_date);
      }
    }
    for (const Venture& v : data.ventures) {
      if (!v.founded) continue;
      std::set<uint32_t> partners = states_of(v.partners);
      int last = v.ended ? v.ended->year : panel_last_;
      Seen(v.founded->year);
      if (v.ended) Seen(v.ended->year);
      ForPairs(partners, [&](uint32_t x, uint32_t y) {
        AddSpan(Undirected(x, y, 0), v.founded->year, last, &Cell::ventures);
      });
      for (uint32_t x : partners) AddSpan(Key(x, kAll, 0), v.founded->year, last, &Cell::ventures);
    }
    for (const Embargo& e : data.embargoes) {
      if (!e.start) continue;
      std::set<uint32_t> imposers = states_of(e.imposers);
      std::set<uint32_t> target = states_of({e.target});
      int last = e.end ? e.end->year : panel_last_;
      Seen(e.start->year);
      if (e.end) Seen(e.end->year);
      for (uint32_t t : target) {
        AddSpan(Key(kAll, t, 0), e.start->year, last, &Cell::embargoes);
        for (uint32_t i : imposers) {
          if (i != t) AddSpan(Key(i, t, 0), e.start->year, last, &Cell::embargoes);
        }
      }
      for (uint32_t i : imposers) AddSpan(Key(i, kAll, 0), e.start->year, last, &Cell::embargoes);
    }
  }

  std::vector<PanelColumn> Columns(bool state_year) const override {
    std::string coverage =
        "years " + (span_ ? span_->ToString() : std::string("none")) +
        " (the first and last dated agreement, venture or embargo of the curated record), "
        "states the record names in one (firms and agencies count as their home state); NA "
        "otherwise. Not a census: 0 means none recorded";
    auto col = [&](std::string name, std::string def) {
      return PanelColumn{std::move(name), std::move(def), "count", "data/ (curated)", coverage};
    };
    std::string with = state_year ? "the state with any party" : "the two states";
    std::vector<PanelColumn> columns = {
        col("curated_agreements_signed",
            "curated agreements (agreements.csv) between " + with + " dated in the year"),
        col("curated_agreements_to_date",
            "curated agreements between " + with +
                " dated in the year or before (the record gives no end dates)"),
        col("curated_ventures", "curated ventures (ventures.csv) with " + with +
                                    " among the partners, from founding to end year")};
    if (state_year) {
      columns.push_back(col("curated_embargoes_imposed",
                            "curated embargoes (embargoes.csv) the state imposes, in force "
                            "(start to end year)"));
      columns.push_back(
          col("curated_embargoes_targeted", "curated embargoes on the state, in force"));
    } else {
      columns.push_back(
          col("curated_embargoes_12", "curated embargoes by state 1 on state 2, in force"));
      columns.push_back(
          col("curated_embargoes_21", "curated embargoes by state 2 on state 1, in force"));
    }
    return columns;
  }

  void Fill(const RowKey& key, std::vector<PanelCell>* row) const override {
    bool covered = span_ && span_->Contains(key.year) && recorded_.count(key.a) &&
                   (key.state_year() || recorded_.count(key.b));
    if (!covered) return AppendNa(5, row);
    const Cell& pair =
        Find(key.state_year() ? Key(key.a, kAll, key.year) : Undirected(key.a, key.b, key.year));
    row->push_back(Count(pair.signed_count));
    row->push_back(Count(pair.to_date));
    row->push_back(Count(pair.ventures));
    if (key.state_year()) {
      row->push_back(Count(Find(Key(key.a, kAll, key.year)).embargoes));
      row->push_back(Count(Find(Key(kAll, key.a, key.year)).embargoes));
    } else {
      row->push_back(Count(Find(Key(key.a, key.b, key.year)).embargoes));
      row->push_back(Count(Find(Key(key.b, key.a, key.year)).embargoes));
    }
  }

 private:
  struct Cell {
    int signed_count = 0;
    int to_date = 0;
    int ventures = 0;
    int embargoes = 0;
  };
  template <typename Fn>
  static void ForPairs(const std::set<uint32_t>& ids, Fn fn) {
    for (auto x = ids.begin(); x != ids.end(); ++x) {
      for (auto y = std::next(x); y != ids.end(); ++y) fn(*x, *y);
    }
  }
  // Adds 1 to `field` of the cells of `key` (its year bits replaced) from `first` to `last`.
  void AddSpan(CellKey key, int first, int last, int Cell::*field) {
    for (int year = first; year <= last; ++year) ++(cells_[key | (year & 0xFFFF)].*field);
  }
  void Seen(int year) {
    if (!span_) span_ = YearRange{year, year};
    span_->first = std::min(span_->first, year);
    span_->last = std::max(span_->last, year);
  }
  const Cell& Find(CellKey key) const {
    static const Cell kEmpty;
    auto found = cells_.find(key);
    return found == cells_.end() ? kEmpty : found->second;
  }
  int panel_last_;
  std::optional<YearRange> span_;
  std::set<uint32_t> recorded_;
  std::unordered_map<CellKey, Cell> cells_;
};

std::vector<PanelColumn> IdColumns(bool state_year) {
  auto side = [](const std::string& suffix, const std::string& which) {
    return std::vector<PanelColumn>{
        {"id" + suffix, "defcoop actor id of " + which + " (data/states.csv)", "id", "", "all"},
        {"name" + suffix, "English name of " + which, "text", "", "all"},
        {suffix.empty() ? "iso3" : "iso3_" + suffix,
         "ISO 3166 alpha-3 code of " + which +
             " (ISO 3166-3 for former states); NA when it has none",
         "code", "iso3166-1", "states with an ISO code"},
        {"cow" + suffix,
         "Correlates of War state code of " + which +
             " in the year (365: Soviet Union to 1991, Russia from 1991; 345: Yugoslavia, "
             "Serbia and Montenegro, Serbia; 260/255: West Germany/Germany); NA when it has none",
         "code", "cow-states-2016", "states with a COW code"}};
  };
  std::vector<PanelColumn> columns =
      side(state_year ? "" : "1", state_year ? "the state" : "state 1");
  if (!state_year) {
    auto two = side("2", "state 2");
    columns.insert(columns.end(), two.begin(), two.end());
  }
  columns.push_back({"year",
                     "calendar year; a state is listed in each year it existed for any "
                     "part of (docs/panels.md)",
                     "year", "", "all"});
  return columns;
}

}  // namespace

struct Panel::Data {
  PanelRequest request;
  std::vector<PanelState> states;
  std::unique_ptr<StateIndex> index;
  std::vector<std::unique_ptr<ColumnGroup>> groups;
  std::vector<PanelColumn> columns;
};

Panel::Panel(PanelRequest request, const PanelInputs& inputs) : data_(std::make_unique<Data>()) {
  data_->request = std::move(request);
  if (inputs.curated) data_->states = PanelStates(*inputs.curated);
  data_->index = std::make_unique<StateIndex>(data_->states);
  const StateIndex& index = *data_->index;
  YearRange years = data_->request.years;
  auto& groups = data_->groups;
  if (inputs.sipri) groups.push_back(std::make_unique<SipriGroup>(inputs, index, years));
  if (inputs.dcad) groups.push_back(std::make_unique<DcadGroup>(inputs, index));
  if (inputs.atop) groups.push_back(std::make_unique<AtopGroup>(inputs, index));
  if (inputs.gsdb) groups.push_back(std::make_unique<GsdbGroup>(inputs, index));
  if (inputs.curated && inputs.curated_record) {
    groups.push_back(std::make_unique<CuratedGroup>(*inputs.curated, index, years));
  }
  bool state_year = data_->request.unit == PanelUnit::kStateYear;
  data_->columns = IdColumns(state_year);
  for (const auto& group : groups) {
    auto more = group->Columns(state_year);
    data_->columns.insert(data_->columns.end(), more.begin(), more.end());
  }
}

Panel::~Panel() = default;

const std::vector<PanelColumn>& Panel::columns() const { return data_->columns; }

namespace {

void AppendIds(const PanelState& state, int year, std::vector<PanelCell>* row) {
  row->push_back(state.id);
  row->push_back(state.name);
  row->push_back(state.iso3.empty() ? PanelCell{} : PanelCell{state.iso3});
  auto cow = state.CowIn(year);
  row->push_back(cow ? PanelCell{std::to_string(*cow)} : PanelCell{});
}

}  // namespace

size_t Panel::ForEachRow(const PanelRowFn& fn) const {
  const PanelRequest& request = data_->request;
  const StateIndex& index = *data_->index;
  const ActorSet& side2 = request.partners.empty() ? request.states : request.partners;
  YearRange years = request.years;
  uint32_t n = static_cast<uint32_t>(index.size());
  // Whether each state is on side 1 (and side 2) in each year: asked once, not per pair.
  std::vector<std::vector<char>> on1(n, std::vector<char>(years.Length()));
  std::vector<std::vector<char>> on2 = on1;
  for (uint32_t idx = 0; idx < n; ++idx) {
    for (int year = years.first; year <= years.last; ++year) {
      if (!index[idx].ExistsIn(year)) continue;
      on1[idx][year - years.first] = PassesInYear(request.states, index[idx].id, year);
      on2[idx][year - years.first] = PassesInYear(side2, index[idx].id, year);
    }
  }
  std::vector<PanelCell> row;
  size_t rows = 0;
  auto emit = [&](RowKey key) {
    row.clear();
    AppendIds(index[key.a], key.year, &row);
    if (!key.state_year()) AppendIds(index[key.b], key.year, &row);
    row.push_back(std::to_string(key.year));
    for (const auto& group : data_->groups) group->Fill(key, &row);
    fn(row);
    ++rows;
  };
  if (request.unit == PanelUnit::kStateYear) {
    for (uint32_t a = 0; a < n; ++a) {
      for (int year = years.first; year <= years.last; ++year) {
        if (on1[a][year - years.first]) emit({a, kAll, year});
      }
    }
    return rows;
  }
  bool directed = request.unit == PanelUnit::kDirectedDyadYear;
  for (uint32_t a = 0; a < n; ++a) {
    for (uint32_t b = 0; b < n; ++b) {
      if (a == b) continue;
      for (int year = years.first; year <= years.last; ++year) {
        int y = year - years.first;
        bool forward = on1[a][y] && on2[b][y];
        bool reverse = on1[b][y] && on2[a][y];
        // A dyad's side 1 is from --states; when both orders qualify, the lower id.
        bool listed = directed ? (forward || reverse) : (forward && (!reverse || a < b));
        if (listed) emit({a, b, year});
      }
    }
  }
  return rows;
}

}  // namespace defcoop::analysis
