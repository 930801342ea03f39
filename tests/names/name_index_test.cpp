// NameIndex on small inline tables: resolution order, ambiguity, candidates, groups.
#include "defcoop/names/name_index.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace defcoop::names {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Actor MakeActor(std::string id, ActorKind kind, std::string name) {
  Actor actor;
  actor.id = std::move(id);
  actor.kind = kind;
  actor.name = std::move(name);
  return actor;
}

ActorName MakeName(std::string actor, std::string lang, std::string name, std::string kind,
                   std::string source = "test") {
  ActorName row;
  row.actor_id = std::move(actor);
  row.lang = std::move(lang);
  row.name = std::move(name);
  row.kind = std::move(kind);
  row.sources.push_back(SourceRef{std::move(source), ""});
  return row;
}

ActorCode MakeCode(std::string actor, std::string scheme, std::string code) {
  ActorCode row;
  row.actor_id = std::move(actor);
  row.scheme = std::move(scheme);
  row.code = std::move(code);
  return row;
}

Membership MakeMembership(std::string actor, std::string role, std::string from,
                          std::string to = "") {
  Membership row;
  row.actor_id = std::move(actor);
  row.organization_id = "org:ots";
  row.role = std::move(role);
  row.from = *ParseDate(from);
  if (!to.empty()) row.to = *ParseDate(to);
  return row;
}

// The Organization of Turkic States as the test's own data: founded 2009 as the Turkic
// Council by AZE, KAZ, KGZ, TUR; UZB joined 2019; HUN observer 2018, TKM observer 2021.
std::vector<Membership> OtsMemberships() {
  return {MakeMembership("AZE", "member", "2009-10-03"),
          MakeMembership("KAZ", "member", "2009-10-03"),
          MakeMembership("KGZ", "member", "2009-10-03"),
          MakeMembership("TUR", "member", "2009-10-03"),
          MakeMembership("UZB", "member", "2019-10-15"),
          MakeMembership("HUN", "observer", "2018-09-03"),
          MakeMembership("TKM", "observer", "2021-11-12")};
}

NameIndex SmallIndex() {
  std::vector<Actor> actors = {
      MakeActor("TUR", ActorKind::kState, "Türkiye"),
      MakeActor("AZE", ActorKind::kState, "Azerbaijan"),
      MakeActor("KAZ", ActorKind::kState, "Kazakhstan"),
      MakeActor("KGZ", ActorKind::kState, "Kyrgyzstan"),
      MakeActor("UZB", ActorKind::kState, "Uzbekistan"),
      MakeActor("TKM", ActorKind::kState, "Turkmenistan"),
      MakeActor("HUN", ActorKind::kState, "Hungary"),
      MakeActor("GMB", ActorKind::kState, "Gambia"),
      MakeActor("DEU", ActorKind::kState, "Germany"),
      MakeActor("CZE", ActorKind::kState, "Czechia"),
      MakeActor("CSK", ActorKind::kHistoricalState, "Czechoslovakia"),
      MakeActor("ZAF", ActorKind::kState, "South Africa"),
      MakeActor("CHN", ActorKind::kState, "China"),
      MakeActor("COG", ActorKind::kState, "Republic of the Congo"),
      MakeActor("COD", ActorKind::kState, "Democratic Republic of the Congo"),
      MakeActor("org:ots", ActorKind::kOrganization, "Organization of Turkic States"),
      MakeActor("group:hezbollah", ActorKind::kArmedGroup, "Hezbollah"),
      MakeActor("org:nato", ActorKind::kOrganization, "North Atlantic Treaty Organization"),
  };
  std::vector<ActorName> names = {
      MakeName("TUR", "en", "Turkey", "alias"),
      MakeName("TUR", "kk", "Түркия", "short"),
      MakeName("TUR", "de", "Türkei", "short", "unicode-cldr"),
      MakeName("KAZ", "kk", "Қазақстан", "short"),
      MakeName("COG", "en", "Congo", "short"),
      MakeName("COD", "en", "Congo", "short"),
      MakeName("org:ots", "en", "OTS", "short"),
      MakeName("group:hezbollah", "en", "Hezbollah (Lebanon)*", "sipri"),
      MakeName("org:nato", "en", "NATO**", "sipri"),
  };
  std::vector<ActorCode> codes = {
      MakeCode("TUR", "iso2", "TR"),       MakeCode("TUR", "fips", "TU"),
      MakeCode("GMB", "iso2", "GM"),       MakeCode("DEU", "fips", "GM"),
      MakeCode("CSK", "cow_c", "CZE"),     MakeCode("ZAF", "iso3n", "710"),
      MakeCode("CHN", "cow_n", "710"),     MakeCode("KAZ", "cow_c", "KZK"),
      MakeCode("TUR", "sipri", "Turkiye"),
  };
  std::vector<Membership> memberships = OtsMemberships();
  Membership nato = MakeMembership("TUR", "member", "1952-02-18");
  nato.organization_id = "org:nato";
  memberships.push_back(nato);
  return NameIndex(std::move(actors), std::move(names), std::move(codes), memberships);
}

std::string IdOf(const NameIndex& index, std::string_view text) {
  Result<Resolution> resolution = index.Resolve(text);
  return resolution.ok() ? resolution->id : "error: " + resolution.status().message();
}

TEST(NameIndex, ResolvesTurkishDottedCapitalI) {
  NameIndex index = SmallIndex();
  EXPECT_EQ(IdOf(index, "TÜRKİYE"), "TUR");
  EXPECT_EQ(IdOf(index, "türkiye"), "TUR");
  EXPECT_EQ(IdOf(index, "TURKIYE"), "TUR");
  EXPECT_EQ(IdOf(index, "Türkei"), "TUR");
  EXPECT_EQ(IdOf(index, "Түркия"), "TUR");
}

TEST(NameIndex, ResolvesIdsCaseInsensitively) {
  NameIndex index = SmallIndex();
  EXPECT_EQ(IdOf(index, "tur"), "TUR");
  EXPECT_EQ(IdOf(index, "ORG:OTS"), "org:ots");
}

TEST(NameIndex, PrefersIsoAlpha2OverFipsForTheSameLetters) {
  NameIndex index = SmallIndex();
  EXPECT_EQ(IdOf(index, "GM"), "GMB");
  EXPECT_EQ(IdOf(index, "fips:GM"), "DEU");
  EXPECT_EQ(IdOf(index, "TU"), "TUR");
}

TEST(NameIndex, PrefersIsoAlpha3IdOverCowLetters) {
  NameIndex index = SmallIndex();
  EXPECT_EQ(IdOf(index, "CZE"), "CZE");
  EXPECT_EQ(IdOf(index, "cow_c:CZE"), "CSK");
  EXPECT_EQ(IdOf(index, "kzk"), "KAZ");
}

TEST(NameIndex, PrefersIsoNumericOverCowNumericUnlessTheSchemeIsNamed) {
  NameIndex index = SmallIndex();
  EXPECT_EQ(IdOf(index, "710"), "ZAF");
  EXPECT_EQ(IdOf(index, "cow_n:710"), "CHN");
}

TEST(NameIndex, ReportsWhatMatched) {
  NameIndex index = SmallIndex();
  Result<Resolution> resolution = index.Resolve("TURKEY");
  ASSERT_TRUE(resolution.ok());
  EXPECT_EQ(resolution->matched, "alias 'Turkey' (en)");
  EXPECT_EQ(resolution->name, "Türkiye");
  EXPECT_EQ(resolution->kind, ActorKind::kState);
}

TEST(NameIndex, StripsSipriMarkersButRemembersThem) {
  NameIndex index = SmallIndex();
  Result<Resolution> resolution = index.Resolve("Hezbollah (Lebanon)*");
  ASSERT_TRUE(resolution.ok());
  EXPECT_EQ(resolution->id, "group:hezbollah");
  EXPECT_EQ(resolution->marker, "*");
  EXPECT_EQ(resolution->kind, ActorKind::kArmedGroup);
  EXPECT_EQ(IdOf(index, "Hezbollah (Lebanon)"), "group:hezbollah");
  Result<Resolution> org = index.Resolve("OTS**");
  ASSERT_TRUE(org.ok());
  EXPECT_EQ(org->marker, "**");
}

TEST(NameIndex, ListsClosestCandidatesForAnUnknownName) {
  NameIndex index = SmallIndex();
  Result<Resolution> resolution = index.Resolve("Kazakstn");
  ASSERT_FALSE(resolution.ok());
  EXPECT_EQ(resolution.status().kind(), StatusKind::kNotFound);
  EXPECT_THAT(resolution.status().message(),
              HasSubstr("unknown actor 'Kazakstn'; did you mean: Kazakhstan (KAZ)"));
}

TEST(NameIndex, ListsAtMostTheLimitOfCandidatesOnePerActor) {
  NameIndex index = SmallIndex();
  // "Congo" is one letter away and names two actors (each also by a longer name).
  std::vector<std::string> candidates = index.ClosestSpellings("Kongo", 5);
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_THAT(candidates[0] + candidates[1], HasSubstr("(COG"));
  EXPECT_THAT(candidates[0] + candidates[1], HasSubstr("(COD"));
  EXPECT_EQ(index.ClosestSpellings("Kongo", 1).size(), 1u);
}

// Regression: "Turkic Republics" misspelled suggested France and Czechia (by "French
// Republic", "Czech Republic"): a spelling far more distant than the closest is no typo.
TEST(NameIndex, SuggestsOnlySpellingsATypoAway) {
  NameIndex index = SmallIndex();
  std::vector<std::string> candidates = index.ClosestSpellings("Turkmenistn", 5);
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates.front(), "Turkmenistan (TKM)");
  // With nothing a typo away, the closest are still offered.
  EXPECT_FALSE(index.ClosestSpellings("Xyzzyqwv", 5).empty());
}

TEST(NameIndex, RejectsANameOfTwoActorsAndListsThem) {
  NameIndex index = SmallIndex();
  Result<Resolution> resolution = index.Resolve("Congo");
  ASSERT_FALSE(resolution.ok());
  EXPECT_EQ(resolution.status().kind(), StatusKind::kInvalidInput);
  EXPECT_THAT(resolution.status().message(), HasSubstr("ambiguous actor 'Congo'"));
  EXPECT_THAT(resolution.status().message(), HasSubstr("COG"));
  EXPECT_THAT(resolution.status().message(), HasSubstr("COD"));
}

TEST(NameIndex, RejectsAnEmptyName) {
  NameIndex index = SmallIndex();
  EXPECT_EQ(index.Resolve("  ").status().kind(), StatusKind::kInvalidInput);
  EXPECT_EQ(index.Resolve("**").status().kind(), StatusKind::kInvalidInput);
}

TEST(NameIndex, ResolvesOtsIn2022ToItsFiveMembersAndTwoObservers) {
  NameIndex index = SmallIndex();
  Result<GroupResolution> group = index.ResolveGroup("OTS@2022");
  ASSERT_TRUE(group.ok()) << group.status().message();
  EXPECT_EQ(group->group_id, "org:ots");
  EXPECT_EQ(group->at, "2022");
  EXPECT_THAT(group->members, ElementsAre("AZE", "KAZ", "KGZ", "TUR", "UZB"));
  EXPECT_THAT(group->observers, ElementsAre("HUN", "TKM"));
}

TEST(NameIndex, ResolvesOtsBeforeUzbekistanJoined) {
  NameIndex index = SmallIndex();
  Result<GroupResolution> group = index.ResolveGroup("Organization of Turkic States@2015-06");
  ASSERT_TRUE(group.ok());
  EXPECT_THAT(group->members, ElementsAre("AZE", "KAZ", "KGZ", "TUR"));
  EXPECT_TRUE(group->observers.empty());
}

TEST(NameIndex, ResolvesAGroupWithoutDateAtToday) {
  NameIndex index = SmallIndex();
  Result<GroupResolution> group = index.ResolveGroup("OTS", Date{2030, 1, 1});
  ASSERT_TRUE(group.ok());
  EXPECT_EQ(group->at, "");
  EXPECT_THAT(group->members, ElementsAre("AZE", "KAZ", "KGZ", "TUR", "UZB"));
  EXPECT_TRUE(index.ResolveGroup("OTS").ok());
}

TEST(NameIndex, RejectsAGroupDateThatIsNotADate) {
  NameIndex index = SmallIndex();
  Result<GroupResolution> group = index.ResolveGroup("OTS@2022-13");
  ASSERT_FALSE(group.ok());
  EXPECT_EQ(group.status().kind(), StatusKind::kInvalidInput);
  EXPECT_THAT(group.status().message(), HasSubstr("OTS@2022-13"));
}

TEST(NameIndex, RejectsAGroupThatHasNoMembers) {
  NameIndex index = SmallIndex();
  Result<GroupResolution> group = index.ResolveGroup("Türkiye@2022");
  ASSERT_FALSE(group.ok());
  EXPECT_EQ(group.status().kind(), StatusKind::kInvalidInput);
}

TEST(NameIndex, FindsActorsByExactId) {
  NameIndex index = SmallIndex();
  ASSERT_NE(index.FindActor("KAZ"), nullptr);
  EXPECT_EQ(index.FindActor("KAZ")->name, "Kazakhstan");
  EXPECT_EQ(index.FindActor("kaz"), nullptr);
}

TEST(NameIndex, PrefersCuratedNamesOverGeneratedOnes) {
  // "Congo" as a generated name of one actor does not compete with a curated one.
  std::vector<Actor> actors = {MakeActor("COG", ActorKind::kState, "Congo"),
                               MakeActor("COD", ActorKind::kState, "DR Congo")};
  std::vector<ActorName> names = {MakeName("COD", "en", "Congo", "short", "unicode-cldr")};
  NameIndex index(actors, names, {}, {});
  EXPECT_EQ(IdOf(index, "Congo"), "COG");
}

// ---- ResolveActors: which actors an argument counts, and when -------------------------

std::vector<std::string> IdsCountedIn(const ActorSet& set, int year) {
  std::vector<std::string> ids;
  for (const std::string& id : set.Ids()) {
    if (set.ContainsInYear(id, year)) ids.push_back(id);
  }
  return ids;
}

TEST(ResolveActors, CountsAGroupsMembersAtTheDateOfEachFact) {
  auto ots = SmallIndex().ResolveActors("OTS");
  ASSERT_TRUE(ots.ok()) << ots.status().message();
  EXPECT_THAT(IdsCountedIn(*ots, 2005), ElementsAre());  // before the organisation existed
  EXPECT_THAT(IdsCountedIn(*ots, 2010), ElementsAre("AZE", "KAZ", "KGZ", "TUR"));
  EXPECT_THAT(IdsCountedIn(*ots, 2019), ElementsAre("AZE", "KAZ", "KGZ", "TUR", "UZB"));
  EXPECT_FALSE(ots->ContainsOn("UZB", *ParseDate("2019-10-14")));
  EXPECT_TRUE(ots->ContainsOn("UZB", *ParseDate("2019-10-15")));
}

TEST(ResolveActors, CountsObserversOnlyWhenAsked) {
  auto members = SmallIndex().ResolveActors("OTS");
  auto with_observers = SmallIndex().ResolveActors("OTS+observers");
  ASSERT_TRUE(members.ok() && with_observers.ok());
  EXPECT_FALSE(members->ContainsEver("TKM"));
  EXPECT_TRUE(with_observers->ContainsInYear("TKM", 2022));
  EXPECT_FALSE(with_observers->ContainsInYear("TKM", 2020));  // observer from 2021
}

TEST(ResolveActors, FixesTheMembershipAtAGivenDate) {
  auto ots = SmallIndex().ResolveActors("OTS@2010");
  ASSERT_TRUE(ots.ok());
  EXPECT_THAT(IdsCountedIn(*ots, 2022), ElementsAre("AZE", "KAZ", "KGZ", "TUR"));
  EXPECT_THAT(IdsCountedIn(*ots, 1995), ElementsAre("AZE", "KAZ", "KGZ", "TUR"));
}

TEST(ResolveActors, TakesAnOrganisationSipriListsAsItself) {
  for (const char* input : {"NATO**", "NATO", "org:nato"}) {
    auto nato = SmallIndex().ResolveActors(input);
    ASSERT_TRUE(nato.ok()) << input;
    EXPECT_EQ(nato->Ids(), (std::set<std::string>{"org:nato"})) << input;
  }
}

TEST(ResolveActors, ExpandsAnyOrganisationWhenItsMembersAreAsked) {
  auto members = SmallIndex().ResolveActors("members:NATO");
  ASSERT_TRUE(members.ok()) << members.status().message();
  EXPECT_THAT(IdsCountedIn(*members, 1960), ElementsAre("TUR"));
  EXPECT_THAT(IdsCountedIn(*members, 1950), ElementsAre());  // Türkiye joined in 1952
  auto at = SmallIndex().ResolveActors("NATO@1960");
  ASSERT_TRUE(at.ok());
  EXPECT_THAT(IdsCountedIn(*at, 1950), ElementsAre("TUR"));
}

TEST(ResolveActors, RejectsTheMembersOfAnActorWithoutMembers) {
  auto members = SmallIndex().ResolveActors("members:Azerbaijan");
  ASSERT_FALSE(members.ok());
  EXPECT_THAT(members.status().message(), HasSubstr("no members"));
}

TEST(ResolveActors, TakesAStateAsItselfAtEveryDate) {
  auto aze = SmallIndex().ResolveActors("Azerbaijan");
  ASSERT_TRUE(aze.ok());
  EXPECT_TRUE(aze->ContainsInYear("AZE", 1950));
  EXPECT_TRUE(aze->ContainsInYear("AZE", 2030));
}

}  // namespace
}  // namespace defcoop::names

namespace defcoop::names {
namespace {

// Generated names are made only when a lookup first reaches them (step 5), once, and an
// index copied before that shares what the first lookup makes.
TEST(NameIndexLazyNames, GeneratesNamesOnlyWhenALookupNeedsThem) {
  int generated = 0;
  NameIndex index({MakeActor("KAZ", ActorKind::kState, "Kazakhstan")},
                  {MakeName("KAZ", "en", "Republic of Kazakhstan", "official")},
                  {MakeCode("KAZ", "iso2", "KZ")}, {}, [&generated] {
                    ++generated;
                    return std::vector<ActorName>{
                        MakeName("KAZ", "kk", "Қазақстан", "short", "unicode-cldr")};
                  });
  NameIndex copy = index;
  ASSERT_TRUE(index.Resolve("KAZ").ok());
  ASSERT_TRUE(index.Resolve("KZ").ok());
  ASSERT_TRUE(index.Resolve("Republic of Kazakhstan").ok());
  EXPECT_EQ(generated, 0);
  auto cyrillic = copy.Resolve("Қазақстан");
  ASSERT_TRUE(cyrillic.ok()) << cyrillic.status().message();
  EXPECT_EQ(cyrillic->id, "KAZ");
  EXPECT_THAT(cyrillic->matched, HasSubstr("Қазақстан"));
  EXPECT_TRUE(index.Resolve("Qazaqstan").ok());
  EXPECT_EQ(generated, 1);
}

// The index's non-ASCII spellings, curated and generated, each with FoldForMatch's key:
// what `defcoop init` saves for later indexes.
TEST(NameIndexKnownFolds, NonAsciiFoldsAreFoldForMatchOfEveryNonAsciiSpelling) {
  NameIndex index(
      {MakeActor("TUR", ActorKind::kState, "Türkiye")},
      {MakeName("TUR", "ru", "Турция", "short"), MakeName("TUR", "en", "Turkey", "short")},
      {MakeCode("TUR", "sipri", "Türkiye")}, {}, [] {
        return std::vector<ActorName>{MakeName("TUR", "kk", "Түркия", "short", "unicode-cldr")};
      });
  auto folds = index.NonAsciiFolds();
  std::vector<std::string> spellings;
  for (const auto& [spelling, key] : folds) {
    EXPECT_EQ(key, FoldForMatch(spelling)) << spelling;
    spellings.push_back(spelling);
  }
  std::sort(spellings.begin(), spellings.end());
  spellings.erase(std::unique(spellings.begin(), spellings.end()), spellings.end());
  EXPECT_THAT(spellings, ElementsAre("Türkiye", "Турция", "Түркия"));
}

// An index given known folds takes their keys instead of folding, for its spellings and
// for the text looked up: a known key that FoldForMatch would never give proves it.
TEST(NameIndexKnownFolds, KnownFoldsAreUsedInsteadOfFolding) {
  auto known =
      std::make_shared<KnownFolds>(KnownFolds{{"Турция", "known key"}, {"Türkiye", "turkiye"}});
  NameIndex index({MakeActor("TUR", ActorKind::kState, "Türkiye")},
                  {MakeName("TUR", "ru", "Турция", "short")}, {}, {}, nullptr, known);
  auto by_key = index.Resolve("Known Key");
  ASSERT_TRUE(by_key.ok()) << by_key.status().message();
  EXPECT_EQ(by_key->id, "TUR");
  EXPECT_THAT(by_key->matched, HasSubstr("Турция"));
  EXPECT_TRUE(index.Resolve("Турция").ok());       // the input's key is the known one too
  EXPECT_FALSE(index.Resolve("turtsiya").ok());    // FoldForMatch's key was never made
  EXPECT_EQ(index.Resolve("TÜRKİYE")->id, "TUR");  // not known: folded as ever
}

}  // namespace
}  // namespace defcoop::names
