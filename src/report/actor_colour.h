// One colour per actor on every chart, the brief's and the dashboard's alike: the table
// web/src/actor-colours.json (compiled in) gives the most frequent actors a fixed colour;
// any other id takes the palette's entry at the FNV-1a 32-bit hash of its UTF-8 bytes
// modulo the palette's length. web/src/actor-colour.js does the same; both are tested
// against tests/report/actor_colours_expected.csv.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace defcoop::report {

std::uint32_t Fnv1a32(std::string_view bytes);

// "#RRGGBB" of an actor id ("RUS", "firm:aselsan").
std::string ActorColour(std::string_view actor_id);

// The colour of the rest summed ("others").
std::string OtherColour();

}  // namespace defcoop::report
