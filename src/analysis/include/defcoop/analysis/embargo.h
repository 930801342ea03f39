// Embargoes and substitution: what an embargo hit and what replaced it, and what SIPRI
// says was delivered anyway. Pure functions over the curated Dataset and SIPRI transfers.
//
// An embargo hits a component when the component's maker state is among the embargo's
// imposers, the component's platform is the target's (its origin is the target state, or
// unknown), and the component was in use when the embargo started. Dates keep their
// precision: "in use at 2020-10-05" holds for a component used until "2020-10", because
// the two spans overlap. The replacement is the component's `replaced_by`; the delay
// from the embargo start to the replacement's `from` is counted at the coarser precision
// of the two dates (years, months or days) and says which.
//
// SIPRI records deliveries made under partial embargoes (listed items, components,
// programme exclusions), so deliveries from an imposer to the target during an embargo
// are listed and flagged, never dropped.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "defcoop/core/date.h"
#include "defcoop/core/model.h"

namespace defcoop::analysis {

// Whether the component was in use at some time within `date`'s span: its [from, to]
// overlaps the date (an empty `from` or `to` is unbounded).
bool InUseAt(const Component& component, const Date& date);

// Whether the component is in use now: it has no `to`.
bool InUseNow(const Component& component);

// The time from `from` to `to` at the coarser precision of the two dates.
struct Delay {
  int amount = 0;  // negative when `to` is before `from`
  DatePrecision precision = DatePrecision::kYear;

  std::string Unit() const;  // "years", "months" or "days"
  // "24 months (month precision)", "0 years (year precision: within the same year)".
  std::string ToString() const;
};
Delay DelayBetween(const Date& from, const Date& to);

// A component an embargo hit, with its replacement when the data names one.
struct EmbargoHit {
  Component component;
  std::optional<Component> replacement;  // empty: no replacement, or `replaced_by` unknown
  std::optional<Delay> delay;            // empty: no replacement or no replacement date
};

// SIPRI deliveries from one imposer to the target in one year of an embargo.
struct EmbargoDelivery {
  std::string supplier;   // the imposer
  std::string recipient;  // the target state
  int year = 0;
  double tiv = 0;                         // delivered SIPRI TIV, millions
  std::vector<std::string> designations;  // of the deals delivering that year, sorted
  bool approximate = false;               // rests on an old-format per-year split
};

struct EmbargoReport {
  Embargo embargo;
  std::string target_state;              // the target, or its home state for firms/agencies
  std::optional<Event> trigger;          // the trigger event, when the data has it
  std::optional<YearRange> sipri_years;  // years checked in SIPRI; empty: not checked
  std::vector<EmbargoHit> hits;
  std::vector<EmbargoDelivery> deliveries;
};

// The state an embargo targets: the target itself, or the home state of a targeted
// firm or agency ("org:ssb" -> "TUR"); the target id when neither is known.
std::string TargetState(const Embargo& embargo, const std::vector<Actor>& actors);

// The components `embargo` hit (see the file comment), in platform then component order.
// An embargo without a start hits nothing (there is no date to test use against).
std::vector<EmbargoHit> ComponentsHit(const Embargo& embargo, const std::string& target_state,
                                      const Dataset& data);

// The years of an embargo SIPRI should be checked for: start year to end year, or to
// `last_year` (the vintage's last delivery year) when it has not ended. Empty when the
// embargo has no start or starts after `last_year`.
std::optional<YearRange> EmbargoYears(const Embargo& embargo, int last_year);

// Deliveries from each imposer to `target_state` in `years`, one per imposer and year
// with deliveries, ordered by imposer then year.
std::vector<EmbargoDelivery> DeliveriesDuring(const Embargo& embargo,
                                              const std::string& target_state, YearRange years,
                                              const std::vector<Transfer>& transfers);

struct EmbargoQuery {
  std::set<std::string> targets;  // target states; empty = every embargo
  // The last delivery year of the SIPRI data; empty when there is none (then no
  // deliveries are checked).
  std::optional<int> sipri_last_year;
};

// A component hit by one or more embargoes, listed once: the embargoes that hit it (ids,
// in the reports' start order) and the hit as the earliest of them saw it (its delay runs
// from that embargo's start).
struct DistinctHit {
  EmbargoHit hit;
  std::vector<std::string> embargoes;
};
std::vector<DistinctHit> DistinctHits(const std::vector<EmbargoReport>& reports);

// An imposer's deliveries to a target in one year, listed once however many of its
// embargoes were in force that year (their ids, in the reports' order). Ordered by year,
// then supplier.
struct DistinctDelivery {
  EmbargoDelivery delivery;
  std::vector<std::string> embargoes;
};
std::vector<DistinctDelivery> DistinctDeliveries(const std::vector<EmbargoReport>& reports);

// Every embargo on `query.targets` (by target state), ordered by start (undated last),
// then id, with its hits and, when SIPRI data is given, its deliveries.
std::vector<EmbargoReport> AnalyzeEmbargoes(const Dataset& data,
                                            const std::vector<Transfer>& transfers,
                                            const EmbargoQuery& query);

}  // namespace defcoop::analysis
