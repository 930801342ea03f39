#include "defcoop/names/name_book.h"

#include "defcoop/names/generated_names.h"

namespace defcoop::names {
namespace {

// Lower ranks win.
constexpr int kCuratedShort = 0;
constexpr int kCuratedOfficial = 1;
constexpr int kEnglishDisplay = 2;  // Actor::name, the curated English name
constexpr int kGeneratedShort = 3;
constexpr int kGeneratedOther = 4;
constexpr int kDisplayFallback = 5;

bool Current(const ActorName& name) { return !name.valid_to.has_value(); }

}  // namespace

void NameBook::Offer(const std::string& id, const std::string& name, int rank) {
  if (name.empty()) return;
  auto found = names_.find(id);
  if (found == names_.end() || rank < found->second.first) names_[id] = {rank, name};
}

NameBook::NameBook(const Dataset& data, std::string_view lang) {
  bool english = lang == "en";
  for (const Actor& actor : data.actors)
    Offer(actor.id, actor.name, english ? kEnglishDisplay : kDisplayFallback);
  for (const ActorName& name : data.actor_names) {
    if (name.lang != lang || !Current(name)) continue;
    if (name.kind == "short") Offer(name.actor_id, name.name, kCuratedShort);
    if (name.kind == "official") Offer(name.actor_id, name.name, kCuratedOfficial);
  }
  if (english) return;
  for (const ActorName& name : GeneratedStateNames(data.actor_codes, {std::string(lang)})) {
    Offer(name.actor_id, name.name, name.kind == "short" ? kGeneratedShort : kGeneratedOther);
  }
}

std::string NameBook::Name(std::string_view id) const {
  auto found = names_.find(id);
  return found == names_.end() ? std::string(id) : found->second.second;
}

}  // namespace defcoop::names
