// Sanctions cases of the Global Sanctions Data Base (GSDB V3): selected by target,
// sender, years and kind of measure, and matched against the curated embargoes, so that
// each embargo of the knowledge base shows whether an independent dataset records it.
// Pure functions over SanctionCase structs.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "defcoop/core/date.h"
#include "defcoop/core/model.h"

namespace defcoop::analysis {

struct SanctionFilter {
  std::set<std::string> targets;   // a target is one of these actor ids (empty: any)
  std::set<std::string> senders;   // a sender is one of these (empty: any)
  std::optional<YearRange> years;  // in force in at least one of these years
  std::set<std::string> types;     // has one of these measures (empty: any)
};

// The cases that pass `filter`, by begin year (ties by case id).
std::vector<SanctionCase> SelectSanctions(const std::vector<SanctionCase>& cases,
                                          const SanctionFilter& filter);

// The GSDB cases that record `embargo`: its target (or `target_state`, the state of a
// targeted firm or agency, when given) among the case's targets, one of its imposers
// among the senders, and the years overlapping (an embargo with no end runs to the last
// year GSDB covers). The kind of measure is not required to match: GSDB may code an arms
// embargo as "military"; the caller shows the case's measures.
std::vector<SanctionCase> CasesRecording(const Embargo& embargo,
                                         const std::vector<SanctionCase>& cases,
                                         const std::string& target_state = "");

}  // namespace defcoop::analysis
