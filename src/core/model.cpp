#include "defcoop/core/model.h"

#include <array>
#include <utility>

namespace defcoop {
namespace {

constexpr std::array<std::pair<ActorKind, std::string_view>, 7> kActorKindNames = {{
    {ActorKind::kState, "state"},
    {ActorKind::kHistoricalState, "historical_state"},
    {ActorKind::kOrganization, "organization"},
    {ActorKind::kRegion, "region"},
    {ActorKind::kFirm, "firm"},
    {ActorKind::kArmedGroup, "armed_group"},
    {ActorKind::kUnknown, "unknown"},
}};

}  // namespace

std::string_view ToString(SipriFormat format) {
  switch (format) {
    case SipriFormat::kOldRegister:
      return "old_register";
    case SipriFormat::kNewRegister:
      return "new_register";
    case SipriFormat::kImporterTable:
      return "importer_table";
    case SipriFormat::kExporterTable:
      return "exporter_table";
    case SipriFormat::kRegionalTable:
      return "regional_table";
  }
  return "unknown";
}

std::string_view ToString(ActorKind kind) {
  for (const auto& [value, name] : kActorKindNames) {
    if (value == kind) return name;
  }
  return "unknown";
}

std::optional<ActorKind> ParseActorKind(std::string_view text) {
  for (const auto& [value, name] : kActorKindNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace defcoop
