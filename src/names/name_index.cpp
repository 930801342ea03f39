#include "defcoop/names/name_index.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <utility>

namespace defcoop::names {
namespace {

// How many candidates a NotFound message lists.
constexpr size_t kCandidateCount = 5;
// Longest input (folded key, in bytes) for which spellings are suggested. The longest
// actor names are ~60 characters; a longer input is no typo of one, and comparing a
// 100,000-character name with every known spelling took minutes.
constexpr size_t kMaxSuggestionKey = 200;

constexpr char kCldrSource[] = "unicode-cldr";
constexpr char kIsoCodesSource[] = "debian-iso-codes";

std::string Upper(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return result;
}

std::string_view TrimSpaces(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// Splits SIPRI's trailing "*" / "**" off `text`: {core, marker}.
std::pair<std::string_view, std::string_view> SplitMarker(std::string_view text) {
  std::string_view trimmed = TrimSpaces(text);
  size_t end = trimmed.find_last_not_of('*');
  if (end == std::string_view::npos) return {std::string_view{}, trimmed};
  return {TrimSpaces(trimmed.substr(0, end + 1)), trimmed.substr(end + 1)};
}

bool IsGenerated(const ActorName& name) {
  if (name.sources.empty()) return false;
  return std::all_of(name.sources.begin(), name.sources.end(), [](const SourceRef& source) {
    return source.source_id == kCldrSource || source.source_id == kIsoCodesSource;
  });
}

std::string DescribeName(const ActorName& name) {
  std::string kind = name.kind.empty() ? "name" : name.kind;
  std::string described = kind + " '" + name.name + "'";
  if (!name.lang.empty()) described += " (" + name.lang + ")";
  return described;
}

Date Today() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  std::chrono::year_month_day ymd{now};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// True when the membership's period overlaps the span `at` stands for.
bool Covers(const Membership& membership, const Date& at) {
  if (membership.from && membership.from->Earliest() > at.Latest()) return false;
  if (membership.to && membership.to->Latest() < at.Earliest()) return false;
  return true;
}

void SortUnique(std::vector<std::string>* ids) {
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
}

bool IsKnownScheme(std::string_view scheme) {
  if (scheme == "iso2" || scheme == "iso3") return true;
  return std::find(std::begin(kLaterCodeSchemes), std::end(kLaterCodeSchemes), scheme) !=
         std::end(kLaterCodeSchemes);
}

}  // namespace

NameIndex::NameIndex(const std::vector<Actor>& actors, const std::vector<ActorName>& names,
                     const std::vector<ActorCode>& codes,
                     const std::vector<Membership>& memberships,
                     std::function<std::vector<ActorName>()> generate,
                     std::shared_ptr<const KnownFolds> known_folds)
    : memberships_(memberships), known_folds_(std::move(known_folds)) {
  for (const Actor& actor : actors) AddActor(actor);
  for (const ActorName& name : names) AddName(name);
  for (const ActorCode& code : codes) AddCode(code);
  generated_names_->generate = std::move(generate);
}

const NameIndex::KeyMap& NameIndex::Keys(Tier& tier) const {
  std::call_once(tier.once, [this, &tier] {
    for (Spelling& spelling : tier.spellings)
      AddNameKey(&tier, spelling.actor_id, spelling.text, std::move(spelling.matched));
    tier.spellings.clear();
    if (!tier.generate) return;
    for (const ActorName& name : tier.generate())
      AddNameKey(&tier, name.actor_id, name.name, DescribeName(name));
  });
  return tier.keys;
}

std::string NameIndex::Fold(std::string_view text) const {
  if (known_folds_ && !IsAscii(text)) {
    auto known = known_folds_->find(std::string(text));
    if (known != known_folds_->end()) return known->second;
  }
  return FoldForMatch(text);
}

std::vector<std::pair<std::string, std::string>> NameIndex::NonAsciiFolds() const {
  std::vector<std::pair<std::string, std::string>> folds;
  for (Tier* tier : {curated_names_.get(), generated_names_.get()}) {
    Keys(*tier);
    folds.insert(folds.end(), tier->non_ascii.begin(), tier->non_ascii.end());
  }
  return folds;
}

void NameIndex::AddActor(const Actor& actor) {
  actors_[actor.id] = actor;
  ids_.emplace(Upper(actor.id), Entry{actor.id, actor.id, "id " + actor.id});
  curated_names_->spellings.push_back({actor.id, actor.name, "name '" + actor.name + "'"});
}

void NameIndex::AddName(const ActorName& name) {
  if (name.kind == "sipri") sipri_listed_.insert(name.actor_id);
  Tier& tier = IsGenerated(name) ? *generated_names_ : *curated_names_;
  tier.spellings.push_back({name.actor_id, name.name, DescribeName(name)});
}

void NameIndex::AddCode(const ActorCode& code) {
  if (code.scheme == "sipri") {
    sipri_listed_.insert(code.actor_id);
    curated_names_->spellings.push_back(
        {code.actor_id, code.code, "sipri '" + code.code + "'"});
    return;
  }
  std::string scheme = code.scheme == "iso3" ? "iso3" : code.scheme;
  codes_[scheme].emplace(Upper(code.code),
                         Entry{code.actor_id, code.code, scheme + " " + code.code});
}

void NameIndex::AddNameKey(Tier* tier, const std::string& actor_id, const std::string& spelling,
                           std::string matched) const {
  std::string key = Fold(spelling);
  if (!IsAscii(spelling)) tier->non_ascii.emplace_back(spelling, key);
  if (key.empty()) return;
  KeyMap* map = &tier->keys;
  auto [first, last] = map->equal_range(key);
  for (auto it = first; it != last; ++it) {
    if (it->second.id == actor_id) return;  // one entry per (key, actor) is enough
  }
  map->emplace(std::move(key), Entry{actor_id, spelling, std::move(matched)});
}

std::vector<const NameIndex::Entry*> NameIndex::Lookup(const KeyMap& map,
                                                       std::string_view key) const {
  std::vector<const Entry*> found;
  std::set<std::string_view> ids;
  auto [first, last] = map.equal_range(key);
  for (auto it = first; it != last; ++it) {
    if (ids.insert(it->second.id).second) found.push_back(&it->second);
  }
  return found;
}

Result<Resolution> NameIndex::Resolve(std::string_view text) const {
  auto [core, marker] = SplitMarker(text);
  if (core.empty()) return Status::InvalidInput("empty actor name '" + std::string(text) + "'");
  return ResolveCore(text, core, marker);
}

Result<Resolution> NameIndex::ResolveCore(std::string_view input, std::string_view core,
                                          std::string_view marker) const {
  std::string upper = Upper(core);
  if (auto found = Lookup(ids_, upper); !found.empty()) return Decide(input, marker, found);
  if (core.find(':') != std::string_view::npos && IsKnownScheme(core.substr(0, core.find(':')))) {
    return ResolveExplicitScheme(input, core);
  }
  auto iso2 = codes_.find("iso2");
  if (iso2 != codes_.end()) {
    if (auto found = Lookup(iso2->second, upper); !found.empty()) {
      return Decide(input, marker, found);
    }
  }
  std::string key = Fold(core);
  if (auto found = Lookup(curated_names(), key); !found.empty()) return Decide(input, marker, found);
  if (auto found = Lookup(generated_names(), key); !found.empty()) {
    return Decide(input, marker, found);
  }
  for (std::string_view scheme : kLaterCodeSchemes) {
    auto codes = codes_.find(scheme);
    if (codes == codes_.end()) continue;
    if (auto found = Lookup(codes->second, upper); !found.empty()) {
      return Decide(input, marker, found);
    }
  }
  for (const auto& [scheme, codes] : codes_) {
    if (scheme == "iso2" || IsKnownScheme(scheme)) continue;
    if (auto found = Lookup(codes, upper); !found.empty()) return Decide(input, marker, found);
  }
  return NotFoundError(input);
}

Result<Resolution> NameIndex::ResolveExplicitScheme(std::string_view input,
                                                    std::string_view core) const {
  size_t colon = core.find(':');
  std::string scheme(core.substr(0, colon));
  std::string code = Upper(TrimSpaces(core.substr(colon + 1)));
  std::vector<const Entry*> found;
  if (scheme == "iso3") {
    found = Lookup(ids_, code);
  } else if (auto codes = codes_.find(scheme); codes != codes_.end()) {
    found = Lookup(codes->second, code);
  }
  if (found.empty()) {
    return Status::NotFound("unknown " + scheme + " code '" + std::string(core.substr(colon + 1)) +
                            "' in '" + std::string(input) + "'");
  }
  return Decide(input, "", found);
}

Result<Resolution> NameIndex::Decide(std::string_view input, std::string_view marker,
                                     const std::vector<const Entry*>& found) const {
  if (found.size() > 1) {
    std::string listed;
    for (const Entry* entry : found) {
      const Actor* actor = FindActor(entry->id);
      if (!listed.empty()) listed += ", ";
      listed +=
          entry->id + " (" + (actor ? actor->name : entry->shown) + ", by " + entry->matched + ")";
    }
    return Status::InvalidInput("ambiguous actor '" + std::string(input) + "' matches " + listed +
                                "; write an id instead");
  }
  const Entry& entry = *found.front();
  Resolution resolution;
  resolution.input = std::string(input);
  resolution.id = entry.id;
  resolution.matched = entry.matched;
  resolution.marker = std::string(marker);
  if (const Actor* actor = FindActor(entry.id)) {
    resolution.kind = actor->kind;
    resolution.name = actor->name;
  } else {
    resolution.kind = ActorKind::kUnknown;
    resolution.name = entry.shown;
  }
  return resolution;
}

Status NameIndex::NotFoundError(std::string_view input) const {
  std::vector<std::string> candidates = ClosestSpellings(input, kCandidateCount);
  std::string message = "unknown actor '" + std::string(input) + "'";
  if (candidates.empty()) return Status::NotFound(message);
  message += "; did you mean: ";
  for (size_t index = 0; index < candidates.size(); ++index) {
    if (index > 0) message += ", ";
    message += candidates[index];
  }
  return Status::NotFound(message + "?");
}

std::vector<std::string> NameIndex::ClosestSpellings(std::string_view text, size_t limit) const {
  std::string_view name = SplitMarker(text).first;
  if (name.size() > kMaxSuggestionKey * 4) return {};  // UTF-8: at most 4 bytes a character
  std::string key = Fold(name);
  if (key.size() > kMaxSuggestionKey) return {};
  // actor id -> (distance, spelling), the closest spelling of each actor.
  std::map<std::string, std::pair<size_t, std::string>, std::less<>> best;
  for (const KeyMap* map : {&curated_names(), &generated_names()}) {
    for (const auto& [candidate_key, entry] : *map) {
      auto known = best.find(entry.id);
      // The distance is at least the difference in length: skip what cannot be closer.
      size_t length_gap = key.size() > candidate_key.size() ? key.size() - candidate_key.size()
                                                            : candidate_key.size() - key.size();
      if (known != best.end() && length_gap >= known->second.first) continue;
      size_t distance = EditDistance(key, candidate_key);
      auto [it, inserted] = best.try_emplace(entry.id, distance, entry.shown);
      if (!inserted && distance < it->second.first) it->second = {distance, entry.shown};
    }
  }
  std::vector<std::tuple<size_t, std::string, std::string>> ranked;
  for (const auto& [id, scored] : best) ranked.emplace_back(scored.first, scored.second, id);
  std::sort(ranked.begin(), ranked.end());
  // A typo changes a few letters: a spelling further off than a third of the input is
  // another name ("Turkic Republicz" is not "French Republic"), unless nothing is closer.
  size_t allowed = std::max<size_t>(2, key.size() / 3);
  if (!ranked.empty()) allowed = std::max(allowed, std::get<0>(ranked.front()));
  std::vector<std::string> result;
  for (const auto& [distance, spelling, id] : ranked) {
    if (result.size() >= limit || distance > allowed) break;
    const Actor* actor = FindActor(id);
    std::string shown = (actor ? actor->name : spelling) + " (" + id;
    if (actor && actor->name != spelling) shown += ", as '" + spelling + "'";
    result.push_back(shown + ")");
  }
  return result;
}

const Actor* NameIndex::FindActor(std::string_view id) const {
  auto found = actors_.find(id);
  return found == actors_.end() ? nullptr : &found->second;
}

Result<GroupResolution> NameIndex::ResolveGroup(std::string_view text) const {
  return ResolveGroup(text, Today());
}

Result<GroupResolution> NameIndex::ResolveGroup(std::string_view text, const Date& today) const {
  size_t at_sign = text.rfind('@');
  std::string_view name = text.substr(0, at_sign);
  Result<Resolution> group = Resolve(name);
  if (!group.ok()) return group.status();
  if (at_sign == std::string_view::npos) return MembersAt(text, *group, today, "");
  std::string_view date_text = TrimSpaces(text.substr(at_sign + 1));
  Result<Date> at = ParseDate(date_text);
  if (!at.ok()) {
    return Status::InvalidInput("bad date in '" + std::string(text) +
                                "': " + at.status().message());
  }
  return MembersAt(text, *group, *at, std::string(date_text));
}

Result<GroupResolution> NameIndex::MembersAt(std::string_view input, const Resolution& group,
                                             const Date& at, std::string at_text) const {
  GroupResolution result;
  result.input = std::string(input);
  result.group_id = group.id;
  result.at = std::move(at_text);
  bool has_memberships = false;
  for (const Membership& membership : memberships_) {
    if (membership.organization_id != group.id) continue;
    has_memberships = true;
    if (!Covers(membership, at)) continue;
    auto* list = membership.role == "observer" ? &result.observers : &result.members;
    list->push_back(membership.actor_id);
  }
  if (!has_memberships) {
    return Status::InvalidInput("'" + std::string(input) + "' resolves to " + group.id + " (" +
                                group.name + "), which has no members in the data");
  }
  SortUnique(&result.members);
  SortUnique(&result.observers);
  return result;
}

namespace {

constexpr std::string_view kMembersPrefix = "members:";
constexpr std::string_view kObserversSuffix = "+observers";

// "members:OTS@2022+observers" taken apart.
struct GroupSyntax {
  std::string_view name;
  std::string_view date;  // "" when none
  bool members = false;   // "members:" or "@DATE" asked for the members
  bool observers = false;
};

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
}

GroupSyntax ParseGroupSyntax(std::string_view text) {
  GroupSyntax syntax;
  if (StartsWithNoCase(text, kMembersPrefix)) {
    syntax.members = true;
    text.remove_prefix(kMembersPrefix.size());
  }
  if (text.size() > kObserversSuffix.size() &&
      text.substr(text.size() - kObserversSuffix.size()) == kObserversSuffix) {
    syntax.observers = true;
    text.remove_suffix(kObserversSuffix.size());
  }
  size_t at_sign = text.rfind('@');
  if (at_sign != std::string_view::npos) {
    syntax.date = TrimSpaces(text.substr(at_sign + 1));
    syntax.members = true;
    text = text.substr(0, at_sign);
  }
  syntax.name = TrimSpaces(text);
  return syntax;
}

}  // namespace

Result<ActorSet> NameIndex::ResolveActors(std::string_view text) const {
  GroupSyntax syntax = ParseGroupSyntax(text);
  Result<Resolution> actor = Resolve(syntax.name);
  if (!actor.ok()) return actor.status();
  bool has_members = std::any_of(memberships_.begin(), memberships_.end(),
                                 [&](const Membership& m) { return m.organization_id == actor->id; });
  bool as_itself = actor->marker == "**" || IsSipriListed(actor->id);
  ActorSet set;
  if (!syntax.members && (!has_members || as_itself)) {
    set.Add({actor->id, std::nullopt, std::nullopt, ""});
    return set;
  }
  if (!has_members) {
    return Status::InvalidInput("'" + std::string(text) + "' asks for the members of " + actor->id +
                                " (" + actor->name + "), which has no members in the data");
  }
  std::optional<Date> at;
  if (!syntax.date.empty()) {
    Result<Date> parsed = ParseDate(syntax.date);
    if (!parsed.ok()) {
      return Status::InvalidInput("bad date in '" + std::string(text) +
                                  "': " + parsed.status().message());
    }
    at = *parsed;
  }
  for (const Membership& membership : memberships_) {
    if (membership.organization_id != actor->id) continue;
    if (membership.role == "observer" && !syntax.observers) continue;
    if (at && !Covers(membership, *at)) continue;
    if (at) {
      set.Add({membership.actor_id, std::nullopt, std::nullopt, actor->id});
    } else {
      set.Add({membership.actor_id, membership.from, membership.to, actor->id});
    }
  }
  return set;
}

}  // namespace defcoop::names
