#include "actor_colour.h"

#include <map>
#include <vector>

#include <nlohmann/json.hpp>

#include "actor_colours_table.h"  // generated from web/src/actor-colours.json

namespace defcoop::report {
namespace {

struct ColourTable {
  std::vector<std::string> palette;
  std::map<std::string, std::string, std::less<>> fixed;
  std::string other;
};

const ColourTable& Table() {
  static const ColourTable table = [] {
    nlohmann::json json = nlohmann::json::parse(kActorColoursJson);
    return ColourTable{json.at("palette").get<std::vector<std::string>>(),
                       json.at("fixed").get<std::map<std::string, std::string, std::less<>>>(),
                       json.at("other").get<std::string>()};
  }();
  return table;
}

}  // namespace

std::uint32_t Fnv1a32(std::string_view bytes) {
  constexpr std::uint32_t kOffsetBasis = 0x811c9dc5u;
  constexpr std::uint32_t kPrime = 0x01000193u;
  std::uint32_t hash = kOffsetBasis;
  for (char byte : bytes) {
    hash ^= static_cast<unsigned char>(byte);
    hash *= kPrime;
  }
  return hash;
}

std::string ActorColour(std::string_view actor_id) {
  const ColourTable& table = Table();
  if (auto fixed = table.fixed.find(actor_id); fixed != table.fixed.end()) return fixed->second;
  return table.palette[Fnv1a32(actor_id) % table.palette.size()];
}

std::string OtherColour() { return Table().other; }

}  // namespace defcoop::report
