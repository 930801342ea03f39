// `defcoop exposure --platform NAME` and `defcoop exposure --embargo DEU,CAN,USA`
// [--platform NAME] [--at DATE]: a platform's components and its domestic value share (an
// estimate when any share used is; "unknown" when no component has a share) and which of
// its major subsystems the record covers, or which components a set of embargoing states
// would block, what substitutes exist, and per platform whether it would stop, would not
// (only when the record covers all its major subsystems) or is unknown (naming the
// subsystems the record does not cover).
#include "defcoop/analysis/exposure.h"

#include <memory>
#include <set>

#include "sipri_data.h"

namespace defcoop::cli {
namespace {

struct ExposureOptions {
  std::string platform;
  std::vector<std::string> embargo;
  std::string at;
};

struct ExposureInputs {
  SharedData shared;  // keeps `data` and `index` alive
  const Dataset& data;
  const names::NameIndex& index;
  std::optional<Date> at;  // which components were in use; empty = now
};

std::string DateText(const std::optional<Date>& date) { return date ? date->ToString() : ""; }

Result<const Platform*> FindPlatform(const Dataset& data, const std::string& text) {
  std::string key = names::FoldForMatch(text);
  for (const Platform& p : data.platforms) {
    if (p.id == text || names::FoldForMatch(p.name) == key) return &p;
    for (const std::string& alias : p.aliases) {
      if (names::FoldForMatch(alias) == key) return &p;
    }
  }
  std::string known;
  for (const Platform& p : data.platforms) known += (known.empty() ? "" : ", ") + p.name;
  return Status::NotFound("unknown platform '" + text + "' (platforms: " + known + ")");
}

const Platform* PlatformById(const Dataset& data, const std::string& id) {
  for (const Platform& p : data.platforms) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

std::string PlatformName(const Dataset& data, const std::string& id) {
  const Platform* platform = PlatformById(data, id);
  return platform ? platform->name : id;
}

class SourceList {
 public:
  nlohmann::ordered_json Use(const std::vector<SourceRef>& sources) {
    for (const SourceRef& ref : sources) ids_.insert(ref.source_id);
    return SourcesJson(sources);
  }
  std::vector<std::string> ids() const { return {ids_.begin(), ids_.end()}; }

 private:
  std::set<std::string> ids_;
};

nlohmann::ordered_json ComponentRow(const Dataset& data, const Component& c, bool in_use,
                                    SourceList* sources) {
  nlohmann::ordered_json share = nullptr;
  nlohmann::ordered_json is_estimate = nullptr;
  if (c.value_share) {
    share = *c.value_share;
    is_estimate = c.value_share_is_estimate;
  }
  return {{"platform", c.platform_id},
          {"platform_name", PlatformName(data, c.platform_id)},
          {"component", c.id},
          {"part", c.part},
          {"name", c.name},
          {"maker", c.maker},
          {"maker_state", c.maker_state},
          {"in_use", in_use},
          {"value_share", share},
          {"value_share_is_estimate", is_estimate},
          {"from", DateText(c.from)},
          {"to", DateText(c.to)},
          {"replaced_by", c.replaced_by},
          {"sources", sources->Use(c.sources)}};
}

void AddDomesticShareMeta(const Platform& platform, const analysis::DomesticShare& share,
                          Output* output) {
  output->meta["platform"] = platform.id;
  output->meta["platform_name"] = platform.name;
  output->meta["origin"] = platform.origin;
  if (share.share) {
    output->meta["domestic_value_share"] = *share.share;
    output->meta["domestic_value_share_is_estimate"] = share.estimate;
    output->meta["foreign_value_share"] = share.foreign_share;
  } else {
    output->meta["domestic_value_share"] = "unknown";
    output->meta["domestic_value_share_is_estimate"] = nullptr;
  }
  output->meta["components_with_estimated_share"] = share.estimated_share;
  output->meta["components_without_share"] = share.without_share;
  output->meta["components_unknown_maker_state"] = share.unknown_maker_state;
  std::string text =
      share.share ? "Domestic value share of " + platform.name + ": " + CellText(*share.share, "") +
                        (share.estimate ? " (an estimate: it uses estimated component shares)" : "")
                  : "Domestic value share of " + platform.name +
                        ": unknown (no component in use has a value share)";
  output->notes.push_back(text);
  if (!share.without_share.empty()) {
    std::string listed;
    for (const std::string& id : share.without_share) listed += (listed.empty() ? "" : ", ") + id;
    output->notes.push_back("Components in use without a value share (not counted): " + listed);
  }
  if (!share.unknown_maker_state.empty()) {
    output->notes.push_back(
        "Some components have no maker state and count as domestic: the share is an upper bound.");
  }
}

std::string Listed(const std::vector<std::string>& items) {
  return items.empty() ? std::string("none") : CellText(nlohmann::ordered_json(items), ", ");
}

// Which of the platform's major subsystems its record covers (analysis::CoverageOf).
void AddSubsystemCoverage(const analysis::SubsystemCoverage& coverage, Output* output) {
  output->meta["subsystems"] = coverage.listed;
  output->meta["covered_subsystems"] = coverage.covered;
  output->meta["unknown_subsystems"] = coverage.unknown;
  output->notes.push_back(
      coverage.listed.empty()
          ? std::string("Major subsystems not listed: the record's coverage is unknown.")
          : "Major subsystems: " + Listed(coverage.listed) + "; the record covers " +
                Listed(coverage.covered) + "; unknown: " + Listed(coverage.unknown) + ".");
}

void RunPlatform(const ExposureInputs& inputs, const Platform& platform, Output* output,
                 SourceList* sources) {
  output->columns = {"component", "part",   "name",        "maker_state",
                     "domestic",  "in_use", "value_share", "value_share_is_estimate",
                     "from",      "to",     "replaced_by", "sources"};
  for (const Component& c : inputs.data.components) {
    if (c.platform_id != platform.id) continue;
    nlohmann::ordered_json row =
        ComponentRow(inputs.data, c, analysis::InUse(c, inputs.at), sources);
    row["domestic"] = c.maker_state.empty()
                          ? nlohmann::ordered_json(nullptr)
                          : nlohmann::ordered_json(c.maker_state == platform.origin);
    output->rows.push_back(std::move(row));
  }
  sources->Use(platform.sources);
  AddDomesticShareMeta(
      platform, analysis::DomesticValueShare(platform, inputs.data.components, inputs.at), output);
  AddSubsystemCoverage(analysis::CoverageOf(platform, inputs.data.components, inputs.at), output);
}

std::string SubstituteText(const analysis::Substitute& s) {
  std::string text = s.component.name + " [" + s.component.maker_state;
  if (s.is_replacement) text += "; replacement";
  text += s.in_use ? "; in use" : "; not in use";
  return text + "]";
}

// Why a platform that is not stopped is not called "not stopped".
std::string UnknownText(const Dataset& data, const analysis::PlatformVerdict& v) {
  std::string name = PlatformName(data, v.platform_id);
  if (v.coverage.listed.empty()) return name + " (major subsystems not listed)";
  return name + " (unknown: " + Listed(v.coverage.unknown) + ")";
}

// meta.platforms (one verdict per platform in scope) and the summary note: a platform is
// "not stopped" only when its record covers all its major subsystems.
void AddVerdicts(const Dataset& data, const analysis::EmbargoExposure& exposure,
                 Output* output) {
  nlohmann::ordered_json verdicts = nlohmann::ordered_json::array();
  std::vector<std::string> stopped;
  std::vector<std::string> not_stopped;
  std::vector<std::string> unknown;
  for (const analysis::PlatformVerdict& v : exposure.platforms) {
    verdicts.push_back({{"platform", v.platform_id},
                        {"platform_name", PlatformName(data, v.platform_id)},
                        {"verdict", analysis::VerdictName(v.verdict)},
                        {"subsystems", v.coverage.listed},
                        {"covered_subsystems", v.coverage.covered},
                        {"unknown_subsystems", v.coverage.unknown}});
    if (v.verdict == analysis::Verdict::kStopped) stopped.push_back(PlatformName(data, v.platform_id));
    if (v.verdict == analysis::Verdict::kNotStopped) {
      not_stopped.push_back(PlatformName(data, v.platform_id));
    }
    if (v.verdict == analysis::Verdict::kUnknown) unknown.push_back(UnknownText(data, v));
  }
  output->meta["platforms"] = verdicts;
  output->meta["not_stopped_platforms_with_full_coverage"] = not_stopped;
  output->notes.push_back(
      "Blocked components (in use, made in " +
      CellText(nlohmann::ordered_json(exposure.states), ", ") +
      "): " + std::to_string(exposure.blocked.size()) +
      "; platforms stopped: " + Listed(stopped) +
      "; not stopped (the record covers all their major subsystems): " + Listed(not_stopped) +
      "; unknown, the record not covering their major subsystems: " +
      std::to_string(unknown.size()) + " of " + std::to_string(exposure.platforms.size()) + ".");
  if (!unknown.empty()) output->notes.push_back("Unknown: " + Listed(unknown) + ".");
}

void RunEmbargo(const ExposureInputs& inputs, const std::set<std::string>& states,
                const std::set<std::string>& platform_ids, Output* output, SourceList* sources) {
  analysis::EmbargoExposure exposure =
      analysis::ExposureTo(states, inputs.data, platform_ids, inputs.at);
  output->columns = {"platform_name", "component",   "name",           "maker_state", "in_use",
                     "blocked",       "substitutes", "stops_platform", "sources"};
  for (const analysis::ExposedComponent& exposed : exposure.components) {
    nlohmann::ordered_json row =
        ComponentRow(inputs.data, exposed.component, exposed.in_use, sources);
    std::vector<std::string> texts;
    std::vector<std::string> ids;
    for (const analysis::Substitute& s : exposed.substitutes) {
      texts.push_back(SubstituteText(s));
      ids.push_back(s.component.id);
      sources->Use(s.component.sources);
    }
    row["blocked"] = exposed.in_use;
    row["substitutes"] = texts;
    row["substitute_ids"] = ids;
    row["stops_platform"] = exposed.stops_platform;
    output->rows.push_back(std::move(row));
  }
  output->meta["states"] = states;
  output->meta["blocked"] = exposure.blocked;
  output->meta["stopped_platforms"] = exposure.stopped_platforms;
  AddVerdicts(inputs.data, exposure, output);
  output->notes.push_back(
      "Components no longer in use are listed with their substitutes: they show what was "
      "already replaced. A substitute is a component of the same part of the same platform "
      "made outside the embargoing states.");
}

Result<ExposureInputs> LoadInputs(const Context& context, const ExposureOptions& options) {
  auto loaded = LoadCuratedData(context);
  if (!loaded.ok()) return loaded.status();
  ExposureInputs inputs{*loaded, (*loaded)->curated, (*loaded)->index, std::nullopt};
  if (!options.at.empty()) {
    auto at = ParseDate(options.at);
    if (!at.ok()) return Status::Usage("--at: " + at.status().message());
    inputs.at = *at;
  }
  return inputs;
}

Status RunExposure(Context& context, const ExposureOptions& options) {
  if (options.platform.empty() && options.embargo.empty()) {
    return Status::Usage(
        "exposure needs --platform NAME or --embargo STATES (e.g. --embargo DEU,CAN,USA)");
  }
  auto inputs = LoadInputs(context, options);
  if (!inputs.ok()) return inputs.status();
  const Platform* platform = nullptr;
  if (!options.platform.empty()) {
    auto found = FindPlatform(inputs->data, options.platform);
    if (!found.ok()) return found.status();
    platform = *found;
  }
  Output output;
  SourceList sources;
  if (options.embargo.empty()) {
    RunPlatform(*inputs, *platform, &output, &sources);
  } else {
    auto states = ResolveCountries(inputs->index, options.embargo);
    if (!states.ok()) return states.status();
    std::set<std::string> platform_ids;
    if (platform) platform_ids.insert(platform->id);
    RunEmbargo(*inputs, *states, platform_ids, &output, &sources);
    if (platform) {
      sources.Use(platform->sources);
      AddDomesticShareMeta(
          *platform, analysis::DomesticValueShare(*platform, inputs->data.components, inputs->at),
          &output);
    }
    output.meta["embargo"] = options.embargo;
  }
  output.meta["at"] = inputs->at ? inputs->at->ToString() : "now";
  AddCuratedCoverage(inputs->data,
                     {analysis::CuratedKind::kPlatforms, analysis::CuratedKind::kComponents},
                     context.lang, &output);
  output.meta["sources"] = sources.ids();
  return context.Emit(output);
}

}  // namespace

void AddExposure(CLI::App* command, Context* context) {
  auto options = std::make_shared<ExposureOptions>();
  command->add_option("--platform", options->platform, "a platform (name, alias or id)");
  command
      ->add_option("--embargo", options->embargo,
                   "embargoing states, comma-separated, any spelling (DEU,CAN,USA)")
      ->delimiter(',');
  command->add_option("--at", options->at, "components in use at this date (default: now)");
  command->callback([context, options] { context->result = RunExposure(*context, *options); });
}

}  // namespace defcoop::cli
