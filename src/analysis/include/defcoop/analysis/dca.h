// Defense cooperation agreements of the DCAD (Kinne 2020), selected by the states that
// signed them, the years they were signed and their categories, and counted by year,
// dyad or category. Pure functions over DefenseCooperationAgreement structs.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "defcoop/core/actor_set.h"
#include "defcoop/core/date.h"
#include "defcoop/core/model.h"

namespace defcoop::analysis {

// DCAD v1.0 covers bilateral agreements signed in these years.
inline constexpr YearRange kDcadYears{1980, 2010};

struct DcaFilter {
  ActorSet actors;      // one side is one of these (empty: any)
  ActorSet partners;    // and the other side one of these (empty: any)
  std::optional<YearRange> years;    // signed in these years
  std::set<std::string> categories;  // has one of these categories (empty: any)
};

// The agreements that pass `filter`, by signing date (ties by DCAid).
std::vector<DefenseCooperationAgreement> SelectDcas(
    const std::vector<DefenseCooperationAgreement>& agreements, const DcaFilter& filter);

enum class DcaGroup { kYear, kDyad, kCategory };

struct DcaCount {
  std::string key;  // "1996", "KAZ–TUR" (ids in order), "DIC"
  int agreements = 0;
};

// Agreements per key; an agreement with several categories counts once in each. Keys in
// order (years ascending, every year of `years` listed, 0 when none was signed; dyads
// and categories by count, then key).
std::vector<DcaCount> CountDcas(const std::vector<DefenseCooperationAgreement>& agreements,
                                DcaGroup by, std::optional<YearRange> years = std::nullopt);

// The dyad key of an agreement: its two actor ids (COW codes when unresolved) in order.
std::string DyadKey(const DefenseCooperationAgreement& agreement);

}  // namespace defcoop::analysis
