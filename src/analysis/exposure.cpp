#include "defcoop/analysis/exposure.h"

#include <algorithm>
#include <tuple>

#include "defcoop/analysis/embargo.h"

namespace defcoop::analysis {
namespace {

bool IsSubstituteFor(const Component& candidate, const Component& blocked,
                     const std::set<std::string>& states) {
  if (candidate.id == blocked.id || candidate.platform_id != blocked.platform_id) return false;
  if (states.count(candidate.maker_state) > 0) return false;
  return candidate.id == blocked.replaced_by || candidate.part == blocked.part;
}

std::vector<Substitute> SubstitutesFor(const Component& blocked,
                                       const std::set<std::string>& states,
                                       const std::vector<Component>& components,
                                       const std::optional<Date>& at) {
  std::vector<Substitute> substitutes;
  for (const Component& c : components) {
    if (!IsSubstituteFor(c, blocked, states)) continue;
    substitutes.push_back({c, InUse(c, at), c.id == blocked.replaced_by});
  }
  std::stable_sort(substitutes.begin(), substitutes.end(),
                   [](const Substitute& a, const Substitute& b) {
                     return std::tie(b.is_replacement, a.component.id) <
                            std::tie(a.is_replacement, b.component.id);
                   });
  return substitutes;
}

ExposedComponent Expose(const Component& component, const std::set<std::string>& states,
                        const std::vector<Component>& components, const std::optional<Date>& at) {
  ExposedComponent exposed{component, InUse(component, at),
                           SubstitutesFor(component, states, components, at), false};
  bool substitute_in_use = std::any_of(exposed.substitutes.begin(), exposed.substitutes.end(),
                                       [](const Substitute& s) { return s.in_use; });
  exposed.stops_platform = exposed.in_use && !substitute_in_use;
  return exposed;
}

// Platforms whose components count: those asked for, minus those of the embargoing states.
std::set<std::string> PlatformsInScope(const Dataset& data, const std::set<std::string>& states,
                                       const std::set<std::string>& platform_ids) {
  std::set<std::string> in_scope;
  for (const Platform& p : data.platforms) {
    if (!platform_ids.empty() && platform_ids.count(p.id) == 0) continue;
    if (states.count(p.origin) > 0) continue;
    in_scope.insert(p.id);
  }
  return in_scope;
}

PlatformVerdict VerdictFor(const Platform& platform, const std::set<std::string>& stopped,
                           const std::vector<Component>& components,
                           const std::optional<Date>& at) {
  PlatformVerdict result{platform.id, Verdict::kUnknown, CoverageOf(platform, components, at)};
  if (stopped.count(platform.id) > 0) result.verdict = Verdict::kStopped;
  else if (result.coverage.complete()) result.verdict = Verdict::kNotStopped;
  return result;
}

}  // namespace

SubsystemCoverage CoverageOf(const Platform& platform, const std::vector<Component>& components,
                             const std::optional<Date>& at) {
  SubsystemCoverage coverage;
  coverage.listed = platform.subsystems;
  for (const std::string& part : platform.subsystems) {
    bool known = std::any_of(components.begin(), components.end(), [&](const Component& c) {
      return c.platform_id == platform.id && c.part == part && !c.maker_state.empty() &&
             InUse(c, at);
    });
    (known ? coverage.covered : coverage.unknown).push_back(part);
  }
  return coverage;
}

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kStopped: return "stopped";
    case Verdict::kNotStopped: return "not_stopped";
    case Verdict::kUnknown: return "unknown";
  }
  return "unknown";
}

bool InUse(const Component& component, const std::optional<Date>& at) {
  return at ? InUseAt(component, *at) : InUseNow(component);
}

DomesticShare DomesticValueShare(const Platform& platform, const std::vector<Component>& components,
                                 const std::optional<Date>& at) {
  DomesticShare result;
  bool any_share = false;
  for (const Component& c : components) {
    if (c.platform_id != platform.id || !InUse(c, at)) continue;
    if (c.maker_state.empty()) result.unknown_maker_state.push_back(c.id);
    if (!c.value_share) {
      result.without_share.push_back(c.id);
      continue;
    }
    any_share = true;
    if (c.value_share_is_estimate) result.estimated_share.push_back(c.id);
    result.estimate = result.estimate || c.value_share_is_estimate;
    bool foreign = !c.maker_state.empty() && c.maker_state != platform.origin;
    if (foreign) result.foreign_share += *c.value_share;
  }
  if (any_share) result.share = 1.0 - result.foreign_share;
  return result;
}

EmbargoExposure ExposureTo(const std::set<std::string>& states, const Dataset& data,
                           const std::set<std::string>& platform_ids,
                           const std::optional<Date>& at) {
  EmbargoExposure exposure;
  exposure.states = states;
  std::set<std::string> in_scope = PlatformsInScope(data, states, platform_ids);
  std::set<std::string> stopped;
  for (const Component& c : data.components) {
    if (states.count(c.maker_state) == 0 || in_scope.count(c.platform_id) == 0) continue;
    exposure.components.push_back(Expose(c, states, data.components, at));
  }
  std::stable_sort(exposure.components.begin(), exposure.components.end(),
                   [](const ExposedComponent& a, const ExposedComponent& b) {
                     return std::tie(a.component.platform_id, a.component.id) <
                            std::tie(b.component.platform_id, b.component.id);
                   });
  for (const ExposedComponent& exposed : exposure.components) {
    if (exposed.in_use) exposure.blocked.push_back(exposed.component.id);
    if (exposed.stops_platform) stopped.insert(exposed.component.platform_id);
  }
  exposure.stopped_platforms.assign(stopped.begin(), stopped.end());
  for (const Platform& p : data.platforms) {
    if (in_scope.count(p.id) > 0) {
      exposure.platforms.push_back(VerdictFor(p, stopped, data.components, at));
    }
  }
  std::sort(exposure.platforms.begin(), exposure.platforms.end(),
            [](const PlatformVerdict& a, const PlatformVerdict& b) {
              return a.platform_id < b.platform_id;
            });
  return exposure;
}

}  // namespace defcoop::analysis
