#include "defcoop/names/succession.h"

#include <algorithm>

namespace defcoop::names {

bool CowEra::Covers(const Date& day) const {
  Date first = day.Earliest();
  return (!from || !(first < from->Earliest())) && (!until || first < until->Earliest());
}

bool CowEra::OverlapsYear(int year) const {
  bool starts_by_year_end = !from || from->year <= year;
  bool ends_after_year_start = !until || until->Earliest() > Date{year, 1, 1};
  return starts_by_year_end && ends_after_year_start;
}

const std::vector<CowEra>& CowEras() {
  static const std::vector<CowEra> eras = {
      {255, "DEU", Date{1990, 10, 3}, std::nullopt},
      {260, "DEU", std::nullopt, Date{1990, 10, 3}},
      {345, "YUG", std::nullopt, Date{1992, 4, 27}},
      {345, "SRB", Date{1992, 4, 27}, Date{2003, 2, 4}},
      {345, "SCG", Date{2003, 2, 4}, Date{2006, 6, 6}},
      {345, "SRB", Date{2006, 6, 6}, std::nullopt},
      {365, "SUN", std::nullopt, Date{1991, 12, 26}},
      {365, "RUS", Date{1991, 12, 26}, std::nullopt},
  };
  return eras;
}

std::string ActorForCowEra(int code, const Date& at) {
  for (const CowEra& era : CowEras()) {
    if (era.cow == code && era.Covers(at)) return era.actor;
  }
  return "";
}

bool HasCowEras(std::string_view actor) {
  return std::any_of(CowEras().begin(), CowEras().end(),
                     [&](const CowEra& era) { return era.actor == actor; });
}

std::optional<int> CowCodeInYear(std::string_view actor, int year) {
  std::optional<int> code;
  std::optional<Date> latest_start;
  for (const CowEra& era : CowEras()) {
    if (era.actor != actor || !era.OverlapsYear(year)) continue;
    if (!code || (era.from && (!latest_start || *latest_start < *era.from))) {
      code = era.cow;
      latest_start = era.from;
    }
  }
  return code;
}

}  // namespace defcoop::names
