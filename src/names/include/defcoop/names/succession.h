// Which state a COW code stands for at a date, where the code outlived the state: COW
// codes the Soviet Union and Russia as one state (365), Yugoslavia, Serbia and Montenegro
// and Serbia as another (345), and West Germany (260) became Germany (255) on 1990-10-03,
// which SIPRI and data/ keep as one actor (DEU). The dates are the historical states'
// ends in data/states.csv (iso3166-3, cow-states-2016). The one place these successions
// are written: importers resolve COW codes with it and panels give each state its code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "defcoop/core/date.h"

namespace defcoop::names {

// One actor holding one COW code over [from, until): an open end is unbounded.
struct CowEra {
  int cow = 0;
  std::string actor;
  std::optional<Date> from;
  std::optional<Date> until;  // exclusive: the successor's first day

  bool Covers(const Date& day) const;
  bool OverlapsYear(int year) const;  // any day of `year` is in the era
};

// Every era of the codes above, in code and date order.
const std::vector<CowEra>& CowEras();

// The actor holding COW code `code` on `at` (a year-only date counts as its first day),
// "" when `code` is not one of the codes above (the name index resolves the others).
std::string ActorForCowEra(int code, const Date& at);

// Whether `actor` holds one of the codes above (its years are then its eras' years).
bool HasCowEras(std::string_view actor);
// The COW code `actor` held in `year` by its eras (the later era when it changed that
// year), none when it has no era covering the year.
std::optional<int> CowCodeInYear(std::string_view actor, int year);

}  // namespace defcoop::names
