// Claim checks: every claim row of the curated data (a sentence of a source with a
// machine check: kind, parameters, expected value, tolerance) evaluated against the
// store's facts and SIPRI data, and reported as supported, contradicted (with the
// evidence and its source) or unverifiable (with what is missing). A figure the store
// holds only because the claim's own source reports it is not independent evidence: such
// a claim is unverifiable, with the figure shown beside the claimed one.
//
// Parameters are "key=value;key=value" (docs/data-format.md). Checks by kind:
//   date           table + id|ids (+ field): the fact's date against the expected date,
//                  at the expected date's precision, within a tolerance like "5y";
//   value, count, ratio, growth_rate
//                  indicator | from+to | numerator+denominator: indicator arithmetic;
//                  metric=defense_exports: direction of the SIPRI TIV change;
//                  table=agreements: a count of curated facts; designation: SIPRI units;
//                  periods: the number of PELT periods in the SIPRI export series;
//   rank           supplier + recipient + among: the recipient's rank by TIV;
//   supplier_rank  recipient + supplier + periods=A|B: the direction of its share;
//   shock_test     date + window + actors: the Poisson rate test of agreements.
#pragma once

#include <string>
#include <vector>

#include "defcoop/core/model.h"

namespace defcoop::analysis {

enum class ClaimStatus { kSupported, kContradicted, kUnverifiable };
std::string_view ToString(ClaimStatus status);

struct ClaimCheck {
  std::string id;
  std::string text;
  std::string kind;
  ClaimStatus status = ClaimStatus::kUnverifiable;
  std::string claimed;                      // the claim's expected value, as written
  std::string computed;                     // what the store gives, "" when nothing
  std::string evidence;                     // how it was computed, or what is missing
  std::vector<SourceRef> sources;           // the claim's own sources
  std::vector<SourceRef> evidence_sources;  // the sources of the evidence
};

// `transfers` may be empty (no SIPRI data imported): SIPRI checks are then unverifiable.
// `vintage` names the SIPRI vintage the transfers come from.
std::vector<ClaimCheck> CheckClaims(const Dataset& data, const std::vector<Transfer>& transfers,
                                    const std::string& vintage);

}  // namespace defcoop::analysis
