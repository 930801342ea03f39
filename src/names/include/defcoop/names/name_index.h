// Resolution of any spelling of an actor, in any script, to one actor id.
//
// A NameIndex is built from the actors, names, codes and memberships the store holds
// (plain structs; this module never touches SQLite). Resolve() accepts ids ("TUR"),
// codes of every scheme (ISO alpha-2/3, COW, FIPS, CAMEO, SIPRI spellings) and names in
// any language or script ("Türkiye", "TURKEY", "Түркия", "Turkiye"). Matching compares
// match keys (see FoldForMatch in fold.h): exact key matches win; there is no silent fuzzy
// match. A name that resolves to nothing is a NotFound Status whose message lists the
// closest candidates. A name that matches several actors is an InvalidInput Status listing
// them.
//
// Resolution order (the first step that matches anything decides; if that step matches
// more than one actor the input is ambiguous):
//   1. an actor id, case-insensitive ("TUR", "tur", "org:ots"); state ids are ISO alpha-3;
//   2. "scheme:code" with an explicit scheme ("cow_n:710", "fips:GM"): that scheme only;
//   3. an ISO 3166-1 alpha-2 code ("TR");
//   4. a curated name (actor display names, names and SIPRI spellings from the data);
//   5. a generated name (CLDR via ICU, Debian iso-codes; see generated_names.h);
//   6. a code of the other schemes, in this order: iso3n, cow_c, cow_n, fips, cameo, then
//      any other scheme. So "GM" is Gambia (ISO alpha-2), not Germany (FIPS 10-4 GM);
//      "CZE" is Czechia (ISO alpha-3), not Czechoslovakia (COW CZE); "710" is South Africa
//      (ISO numeric), not China (COW 710): write "cow_n:710" for China.
// SIPRI's trailing markers ("Hezbollah (Lebanon)*", "NATO**") are stripped for matching
// and reported in Resolution::marker.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "defcoop/core/actor_set.h"
#include "defcoop/core/date.h"
#include "defcoop/core/model.h"
#include "defcoop/core/status.h"
#include "defcoop/names/fold.h"
#include "defcoop/names/generated_names.h"

namespace defcoop::names {

struct Resolution {
  std::string input;  // what the user wrote
  std::string id;     // actor id
  ActorKind kind = ActorKind::kState;
  std::string name;     // English display name
  std::string matched;  // the spelling or code that matched, with its scheme/lang
  std::string marker;   // SIPRI's trailing "*" (non-state actor) or "**" (organization)
};

// Members of a group at a date ("OTS@2022"): members and observers separately.
struct GroupResolution {
  std::string input;
  std::string group_id;
  std::string at;                      // the date asked for, "" = today
  std::vector<std::string> members;    // actor ids, sorted
  std::vector<std::string> observers;  // actor ids, sorted
};

// Code schemes in the order Resolve() tries them after ids, iso2 and names.
inline constexpr std::string_view kLaterCodeSchemes[] = {"iso3n", "cow_c", "cow_n", "fips",
                                                         "cameo"};

// Match keys folded before: spelling -> FoldForMatch(spelling).
using KnownFolds = std::unordered_map<std::string, std::string>;

class NameIndex {
 public:
  NameIndex() = default;
  // Codes of scheme "sipri" are spellings and are indexed as names. Names whose sources
  // are all "unicode-cldr" or "debian-iso-codes" are generated names (step 5 above).
  // `generate`, when given, makes more generated names (GeneratedStateNames): it runs
  // only when a lookup first reaches step 5. Name keys of step 4 are likewise folded on
  // the first lookup that needs them: an id or a code resolves without folding any name.
  // `known_folds`, when given, are match keys folded before (spelling -> key, saved in
  // the store by `defcoop init`): a spelling found there is not folded again, so a
  // lookup whose spellings are all known makes no ICU transliterator.
  NameIndex(const std::vector<Actor>& actors, const std::vector<ActorName>& names,
            const std::vector<ActorCode>& codes, const std::vector<Membership>& memberships,
            std::function<std::vector<ActorName>()> generate = nullptr,
            std::shared_ptr<const KnownFolds> known_folds = nullptr);

  // Every non-ASCII spelling of the index (curated and generated names, which this makes)
  // with its match key: what `defcoop init` saves as the known folds of later indexes.
  std::vector<std::pair<std::string, std::string>> NonAsciiFolds() const;

  // One actor for `text`. Errors: NotFound with up to 5 closest candidates ("unknown actor
  // 'Kazakstn'; did you mean: Kazakhstan (KAZ), ...?"); InvalidInput when the text is
  // empty or ambiguous (the message lists the actors it matched).
  Result<Resolution> Resolve(std::string_view text) const;

  // `text` is an organization name with an optional "@DATE" ("OTS@2022", "OTS"); the
  // members and observers whose membership covers that date (today when none is given).
  // A membership covers a date when its [from, to] period overlaps the date's span
  // ("2022" spans the whole year); an open end is unbounded. Errors as Resolve(), plus
  // InvalidInput for a malformed date or when the actor has no memberships.
  Result<GroupResolution> ResolveGroup(std::string_view text) const;
  // As above, with "today" given (for a date-less `text`); for tests and reproducible runs.
  Result<GroupResolution> ResolveGroup(std::string_view text, const Date& today) const;

  // The actors `text` stands for, each with the dates it counts (see actor_set.h):
  //   "AZE", "NATO**", "NATO"   the actor itself at every date. An organisation that SIPRI
  //                             lists as a supplier or recipient (it has a SIPRI spelling)
  //                             is that organisation, never its members;
  //   "OTS", "Central Asia"     a group SIPRI does not list: its members over their
  //                             memberships (so at the date of each fact or delivery);
  //   "members:NATO"            the members over their memberships, for any group;
  //   "OTS@2022"                the members at that date, counted at every date;
  //   "...+observers"           observers count too (otherwise they never do).
  // Errors as Resolve(), plus InvalidInput for a malformed date or "members:" of an actor
  // without members in the data.
  Result<ActorSet> ResolveActors(std::string_view text) const;
  // Whether SIPRI lists the actor itself as a supplier or recipient.
  bool IsSipriListed(std::string_view id) const { return sipri_listed_.count(id) > 0; }

  // Up to `limit` known spellings whose match keys are closest to `text`'s (edit
  // distance), at most one per actor, as "Spelling (ID)", closest first.
  std::vector<std::string> ClosestSpellings(std::string_view text, size_t limit) const;

  // The actor with this exact id, or nullptr.
  const Actor* FindActor(std::string_view id) const;

  size_t actor_count() const { return actors_.size(); }

 private:
  // One way to reach an actor: its id and how the match is described.
  struct Entry {
    std::string id;
    std::string shown;    // the spelling or code as written in the data
    std::string matched;  // "iso2 TR", "name 'Türkiye' (tr)", ...
  };
  using KeyMap = std::multimap<std::string, Entry, std::less<>>;

  // A spelling waiting to be folded into a KeyMap.
  struct Spelling {
    std::string actor_id;
    std::string text;
    std::string matched;
  };
  // Name keys folded on first use (shared by copies of the index: they never change).
  struct Tier {
    std::once_flag once;
    std::vector<Spelling> spellings;
    std::function<std::vector<ActorName>()> generate;
    KeyMap keys;
    std::vector<std::pair<std::string, std::string>> non_ascii;  // spelling, key
  };

  void AddActor(const Actor& actor);
  void AddName(const ActorName& name);
  void AddCode(const ActorCode& code);
  // The match key of `text`: the known fold when there is one.
  std::string Fold(std::string_view text) const;
  void AddNameKey(Tier* tier, const std::string& actor_id, const std::string& spelling,
                  std::string matched) const;
  const KeyMap& Keys(Tier& tier) const;
  const KeyMap& curated_names() const { return Keys(*curated_names_); }
  const KeyMap& generated_names() const { return Keys(*generated_names_); }

  Result<Resolution> ResolveCore(std::string_view input, std::string_view core,
                                 std::string_view marker) const;
  Result<Resolution> ResolveExplicitScheme(std::string_view input, std::string_view core) const;
  // Distinct ids among the entries of `map` under `key`, in the order found.
  std::vector<const Entry*> Lookup(const KeyMap& map, std::string_view key) const;
  Result<Resolution> Decide(std::string_view input, std::string_view marker,
                            const std::vector<const Entry*>& found) const;
  Status NotFoundError(std::string_view input) const;
  Result<GroupResolution> MembersAt(std::string_view input, const Resolution& group, const Date& at,
                                    std::string at_text) const;

  std::map<std::string, Actor, std::less<>> actors_;
  KeyMap ids_;                                        // upper-cased id -> actor
  std::shared_ptr<Tier> curated_names_ = std::make_shared<Tier>();    // match key -> actor
  std::shared_ptr<Tier> generated_names_ = std::make_shared<Tier>();  // match key -> actor
  std::map<std::string, KeyMap, std::less<>> codes_;  // scheme -> upper-cased code -> actor
  std::vector<Membership> memberships_;
  std::set<std::string, std::less<>> sipri_listed_;  // ids with a SIPRI spelling
  std::shared_ptr<const KnownFolds> known_folds_;
};

}  // namespace defcoop::names
