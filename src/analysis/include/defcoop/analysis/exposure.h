// Supply-chain exposure: what a platform depends on abroad, and what a set of states
// could stop by embargoing their components. Pure functions over the curated Dataset.
//
// Domestic value share of a platform = 1 − the value shares of its in-use components
// whose maker state differs from the platform's origin, counted over the components
// with a known share. Value shares are mostly estimates: the result says whether any
// share it used is one, and it is "unknown" (empty) when no in-use component has a
// share: a number is never invented.
//
// A set of embargoing states blocks the in-use components their states make. A
// substitute for a component is a component of the same part of the same platform made
// outside the set (its replacement included). A platform stops when a blocked component
// has no substitute in use.
//
// The record is curated, not a census: a platform can only be called "not stopped" when
// its record covers all its major subsystems (Platform::subsystems), i.e. each has a
// component in use whose maker state is known. Otherwise its verdict is unknown, naming
// the subsystems the record does not cover.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "defcoop/core/date.h"
#include "defcoop/core/model.h"

namespace defcoop::analysis {

struct DomesticShare {
  std::optional<double> share;  // 0..1; empty = unknown (no in-use component has a share)
  bool estimate = false;        // some share used is an estimate
  double foreign_share = 0;     // sum of the known shares of foreign-made components
  std::vector<std::string> estimated_share;      // in-use component ids whose share is an estimate
  std::vector<std::string> without_share;        // in-use component ids with no value share
  std::vector<std::string> unknown_maker_state;  // in-use component ids, maker state unknown
                                                 // (counted as domestic: an upper bound)
};

// Whether a component counts: in use at `at`, or now (no `to`) when `at` is empty.
bool InUse(const Component& component, const std::optional<Date>& at);

// The domestic value share of `platform` from its components in use at `at` (now when
// empty).
DomesticShare DomesticValueShare(const Platform& platform, const std::vector<Component>& components,
                                 const std::optional<Date>& at);

struct Substitute {
  Component component;
  bool in_use = false;
  bool is_replacement = false;  // the blocked component's `replaced_by`
};

// A component made in an embargoing state. Only in-use components are blocked; the
// others are listed because they show what was already substituted.
struct ExposedComponent {
  Component component;
  bool in_use = false;
  std::vector<Substitute> substitutes;  // replacement first, then by id
  bool stops_platform = false;          // in use and no substitute in use
};

// Which of a platform's major subsystems its record covers at a date.
struct SubsystemCoverage {
  std::vector<std::string> listed;   // the platform's subsystems; empty = not listed
  std::vector<std::string> covered;  // listed ones with a component in use, maker state known
  std::vector<std::string> unknown;  // listed ones without
  bool complete() const { return !listed.empty() && unknown.empty(); }
};

SubsystemCoverage CoverageOf(const Platform& platform, const std::vector<Component>& components,
                             const std::optional<Date>& at);

enum class Verdict { kStopped, kNotStopped, kUnknown };
const char* VerdictName(Verdict verdict);  // "stopped", "not_stopped", "unknown"

struct PlatformVerdict {
  std::string platform_id;
  Verdict verdict = Verdict::kUnknown;
  SubsystemCoverage coverage;
};

struct EmbargoExposure {
  std::set<std::string> states;
  std::vector<ExposedComponent> components;    // by platform, then component id
  std::vector<std::string> blocked;            // component ids
  std::vector<std::string> stopped_platforms;  // platform ids, sorted
  std::vector<PlatformVerdict> platforms;      // every platform in scope, by id
};

// What embargoes by `states` would do to the components of `platform_ids` (empty: all
// platforms) in use at `at` (now when empty). Platforms whose origin is in `states` are
// skipped: a state does not embargo its own platforms.
EmbargoExposure ExposureTo(const std::set<std::string>& states, const Dataset& data,
                           const std::set<std::string>& platform_ids,
                           const std::optional<Date>& at);

}  // namespace defcoop::analysis
