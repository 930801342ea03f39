#include "defcoop/analysis/claims.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "defcoop/analysis/periods.h"
#include "defcoop/analysis/shock.h"
#include "defcoop/analysis/shock_timeline.h"
#include "defcoop/analysis/timeline.h"
#include "defcoop/analysis/tiv.h"

namespace defcoop::analysis {
namespace {

// The conventional significance level for the shock test's one-sided p-value.
constexpr double kSignificance = 0.05;
using Params = std::map<std::string, std::string>;

Params ParseParams(const std::string& text) {
  Params params;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(';', start);
    std::string item =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    size_t equals = item.find('=');
    if (equals != std::string::npos) params[item.substr(0, equals)] = item.substr(equals + 1);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return params;
}

std::vector<std::string> SplitBar(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find('|', start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

std::optional<double> ParseNumber(const std::string& text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "5%" -> relative 0.05; "0.5" -> absolute 0.5; "" -> exact.
struct Tolerance {
  double amount = 0;
  bool relative = false;
  bool Accepts(double computed, double expected) const {
    double allowed = relative ? std::fabs(expected) * amount : amount;
    return std::fabs(computed - expected) <= allowed + 1e-9 * std::max(1.0, std::fabs(expected));
  }
};

Tolerance ParseTolerance(const std::string& text) {
  if (!text.empty() && text.back() == '%') {
    return {ParseNumber(text.substr(0, text.size() - 1)).value_or(0) / 100, true};
  }
  return {ParseNumber(text).value_or(0), false};
}

std::string Number(double value) {
  if (std::fabs(value) >= 1e6 && std::floor(value) == value) return fmt::format("{:.0f}", value);
  return fmt::format("{:.4g}", value);
}

ClaimCheck Unverifiable(ClaimCheck check, std::string why) {
  check.status = ClaimStatus::kUnverifiable;
  check.evidence = std::move(why);
  return check;
}

ClaimCheck Decide(ClaimCheck check, bool holds, std::string computed, std::string evidence,
                  std::vector<SourceRef> evidence_sources) {
  check.status = holds ? ClaimStatus::kSupported : ClaimStatus::kContradicted;
  check.computed = std::move(computed);
  check.evidence = std::move(evidence);
  check.evidence_sources = std::move(evidence_sources);
  return check;
}

// True when every source of the evidence is also a source of the claim: the store then
// holds the figure only because the claim's own source reports it.
bool OnlyFromClaimSources(const std::vector<SourceRef>& evidence,
                          const std::vector<SourceRef>& claim) {
  std::set<std::string> claim_ids;
  for (const SourceRef& ref : claim) claim_ids.insert(ref.source_id);
  return std::all_of(evidence.begin(), evidence.end(),
                     [&](const SourceRef& ref) { return claim_ids.count(ref.source_id) > 0; });
}

// ---- dates of facts ---------------------------------------------------------------

struct DatedFact {
  std::optional<Date> date;
  std::vector<SourceRef> sources;
  bool found = false;
};

template <typename T, typename Field>
DatedFact FindDate(const std::vector<T>& facts, const std::string& id, Field field) {
  for (const T& fact : facts) {
    if (fact.id == id) return {field(fact), fact.sources, true};
  }
  return {};
}

DatedFact FactDate(const Dataset& data, const std::string& table, const std::string& id,
                   const std::string& field) {
  if (table == "events") {
    return FindDate(data.events, id, [&](const Event& e) -> std::optional<Date> {
      return field == "end_date" ? e.end_date : std::optional<Date>(e.date);
    });
  }
  if (table == "agreements") {
    return FindDate(data.agreements, id,
                    [](const Agreement& a) { return std::optional<Date>(a.date); });
  }
  if (table == "embargoes") {
    return FindDate(data.embargoes, id,
                    [&](const Embargo& e) { return field == "end" ? e.end : e.start; });
  }
  if (table == "actors") {
    return FindDate(data.actors, id,
                    [&](const Actor& a) { return field == "dissolved" ? a.dissolved : a.founded; });
  }
  if (table == "ventures") {
    return FindDate(data.ventures, id,
                    [&](const Venture& v) { return field == "ended" ? v.ended : v.founded; });
  }
  if (table == "platforms") {
    return FindDate(data.platforms, id, [](const Platform& p) { return p.first_delivered; });
  }
  return {};
}

// Whether `fact` says the same as `expected` at the coarser of the two precisions,
// or within `years` when a tolerance in years is given.
bool SameDate(const Date& fact, const Date& expected, std::optional<int> years) {
  if (years) return std::abs(fact.year - expected.year) <= *years;
  if (fact.year != expected.year) return false;
  if (expected.month == 0 || fact.month == 0) return true;
  if (fact.month != expected.month) return false;
  return expected.day == 0 || fact.day == 0 || fact.day == expected.day;
}

std::optional<int> YearTolerance(const std::string& text) {
  if (text.size() < 2 || text.back() != 'y') return std::nullopt;
  auto years = ParseNumber(text.substr(0, text.size() - 1));
  return years ? std::optional<int>(static_cast<int>(*years)) : std::nullopt;
}

ClaimCheck CheckDate(const Dataset& data, const Params& params, ClaimCheck check,
                     const std::string& tolerance) {
  auto expected = ParseDate(check.claimed);
  if (!expected.ok())
    return Unverifiable(check, "the claimed value '" + check.claimed + "' is not a date");
  auto table = params.find("table");
  auto ids = params.count("ids")  ? SplitBar(params.at("ids"))
             : params.count("id") ? std::vector<std::string>{params.at("id")}
                                  : std::vector<std::string>{};
  if (table == params.end() || ids.empty())
    return Unverifiable(check, "no fact named to check the date against");
  std::string field = params.count("field") ? params.at("field") : "date";
  bool holds = true;
  std::string computed;
  std::vector<SourceRef> sources;
  for (const std::string& id : ids) {
    DatedFact fact = FactDate(data, table->second, id, field);
    if (!fact.found)
      return Unverifiable(check, "no " + table->second + " row '" + id + "' in the store");
    if (!fact.date) return Unverifiable(check, id + " has no " + field + " in the store");
    holds = holds && SameDate(*fact.date, *expected, YearTolerance(tolerance));
    computed +=
        (computed.empty() ? "" : ", ") + (ids.size() > 1 ? id + " " : "") + fact.date->ToString();
    sources.insert(sources.end(), fact.sources.begin(), fact.sources.end());
  }
  std::string evidence = "the store dates " +
                         (ids.size() > 1 ? std::string("these facts ") : ids[0] + " ") + computed +
                         (tolerance.empty() ? "" : " (tolerance " + tolerance + ")");
  if (OnlyFromClaimSources(sources, check.sources)) {
    check.computed = computed;
    check.evidence_sources = sources;
    return Unverifiable(check,
                        evidence + " only from the claim's own sources; no independent record");
  }
  return Decide(check, holds, computed, evidence, sources);
}

// ---- indicators ---------------------------------------------------------------------

const Indicator* FindIndicator(const Dataset& data, const std::string& id) {
  for (const Indicator& indicator : data.indicators) {
    if (indicator.id == id) return &indicator;
  }
  return nullptr;
}

// Compares computed values with the claimed ones ("56|2700" for two values).
ClaimCheck CompareValues(ClaimCheck check, const std::vector<double>& computed,
                         const std::vector<SourceRef>& sources, const Params& params,
                         const std::string& tolerance_text, const std::string& what) {
  std::vector<std::string> claimed = SplitBar(check.claimed);
  if (claimed.size() != computed.size())
    return Unverifiable(check, "the claimed value does not match the check's shape");
  Tolerance tolerance = ParseTolerance(tolerance_text);
  bool lower_bound = params.count("bound") && params.at("bound") == "lower";
  bool holds = true;
  std::string shown;
  for (size_t idx = 0; idx < computed.size(); ++idx) {
    auto expected = ParseNumber(claimed[idx]);
    if (!expected)
      return Unverifiable(check, "the claimed value '" + claimed[idx] + "' is not a number");
    bool ok = lower_bound
                  ? computed[idx] >= *expected * (1 - (tolerance.relative ? tolerance.amount : 0))
                  : tolerance.Accepts(computed[idx], *expected);
    holds = holds && ok;
    shown += (shown.empty() ? "" : "|") + Number(computed[idx]);
  }
  if (OnlyFromClaimSources(sources, check.sources)) {
    check.computed = shown;
    check.evidence_sources = sources;
    return Unverifiable(check, "the store has " + what + " " + shown +
                                   " only from the claim's own sources; no independent figure");
  }
  return Decide(check, holds, shown, what + " " + shown, sources);
}

ClaimCheck CheckIndicators(const Dataset& data, const Params& params, ClaimCheck check,
                           const std::string& tolerance) {
  std::vector<std::string> ids;
  if (params.count("indicator")) ids = {params.at("indicator")};
  if (params.count("from") && params.count("to")) ids = {params.at("from"), params.at("to")};
  bool ratio = params.count("numerator") && params.count("denominator");
  if (ratio) ids = {params.at("numerator"), params.at("denominator")};
  std::vector<double> values;
  std::vector<SourceRef> sources;
  for (const std::string& id : ids) {
    const Indicator* indicator = FindIndicator(data, id);
    if (!indicator) return Unverifiable(check, "no indicator '" + id + "' in the store");
    // Each value needs its own independent source: a claim of "56 then 2,700" is not
    // supported by an independent 56 beside a 2,700 known only from the claim's source.
    if (OnlyFromClaimSources(indicator->sources, check.sources)) {
      check.evidence_sources = indicator->sources;
      return Unverifiable(check, "the store has indicator " + id + " (" +
                                     Number(indicator->value) +
                                     ") only from the claim's own sources; no independent figure");
    }
    values.push_back(indicator->value);
    sources.insert(sources.end(), indicator->sources.begin(), indicator->sources.end());
  }
  if (ratio) {
    if (values[1] == 0) return Unverifiable(check, "the denominator indicator is 0");
    values = {values[0] / values[1]};
  }
  std::string what = ratio             ? "the ratio of indicators"
                     : ids.size() == 1 ? "indicator " + ids[0]
                                       : "indicators";
  return CompareValues(check, values, sources, params, tolerance, what);
}

// ---- SIPRI ------------------------------------------------------------------------

std::vector<SourceRef> SipriSources(const std::string& vintage) {
  return {{"sipri-atdb", "vintage " + vintage}};
}

std::optional<YearRange> Years(const Params& params, const std::string& key) {
  if (!params.count(key)) return std::nullopt;
  auto range = ParseYearRange(params.at(key));
  return range.ok() ? std::optional<YearRange>(*range) : std::nullopt;
}

// Growth of a state's SIPRI exports in a period against the window just before it:
// TIV measures deliveries of major arms, not sales value, so only the direction is checked.
ClaimCheck CheckExportGrowth(const std::vector<Transfer>& transfers, const std::string& vintage,
                             const Params& params, ClaimCheck check) {
  auto years = Years(params, "period");
  if (!years || !params.count("actor"))
    return Unverifiable(check, "no period or actor for the export growth");
  std::set<std::string> supplier{params.at("actor")};
  double now = RecipientShares(transfers, supplier, *years).total;
  YearRange before = params.count("base_period") && Years(params, "base_period")
                         ? *Years(params, "base_period")
                         : PreviousWindow(*years);
  double then = RecipientShares(transfers, supplier, before).total;
  if (then <= 0)
    return Unverifiable(check, "no SIPRI deliveries in " + before.ToString() + " to compare with");
  double growth = now / then - 1;
  auto claimed_number = ParseNumber(check.claimed);
  bool claims_increase = check.claimed == "increase" || (claimed_number && *claimed_number > 0);
  std::string computed = fmt::format("{:+.1f}% (SIPRI TIV {} vs {}: {:.0f} vs {:.0f})",
                                     growth * 100, years->ToString(), before.ToString(), now, then);
  return Decide(check, (growth > 0) == claims_increase, computed,
                "SIPRI TIV measures deliveries of major arms, not sales value: only the direction "
                "of the change is compared",
                SipriSources(vintage));
}

// A designation reduced to lower-case letters and digits: SIPRI writes "Bayraktar TB-2" in
// new-format registers and "Bayraktar TB2" in old ones.
std::string DesignationKey(std::string_view designation) {
  std::string key;
  for (char c : designation) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80) key += static_cast<char>(std::tolower(byte));
  }
  return key;
}

// The keys a claimed designation stands for: the platform's name and aliases when a
// curated platform carries it, else the designation alone.
std::set<std::string> DesignationKeys(const Dataset& data, const std::string& designation) {
  std::string wanted = DesignationKey(designation);
  for (const Platform& platform : data.platforms) {
    std::set<std::string> keys{DesignationKey(platform.name)};
    for (const std::string& alias : platform.aliases) keys.insert(DesignationKey(alias));
    if (keys.count(wanted)) return keys;
  }
  return {wanted};
}

ClaimCheck CheckUnits(const Dataset& data, const std::vector<Transfer>& transfers,
                      const std::string& vintage, const Params& params, ClaimCheck check,
                      const std::string& tolerance_text) {
  std::string designation = params.at("designation");
  std::set<std::string> keys = DesignationKeys(data, designation);
  double units = 0;
  for (const Transfer& t : transfers) {
    if (t.supplier_id != params.at("supplier") || t.recipient_id != params.at("recipient"))
      continue;
    if (!keys.count(DesignationKey(t.designation))) continue;
    for (const Delivery& d : t.deliveries) units += d.number;
  }
  auto expected = ParseNumber(check.claimed);
  if (!expected) return Unverifiable(check, "the claimed count is not a number");
  std::string computed = Number(units) + " delivered";
  if (units == 0) {
    return Unverifiable(check, "SIPRI (vintage " + vintage + ") records no delivery of " +
                                   designation + " from " + params.at("supplier") + " to " +
                                   params.at("recipient"));
  }
  Tolerance tolerance = ParseTolerance(tolerance_text);
  bool lower_bound = params.count("bound") && params.at("bound") == "lower";
  bool holds = lower_bound ? units >= *expected || tolerance.Accepts(units, *expected)
                           : tolerance.Accepts(units, *expected);
  return Decide(check, holds, computed,
                "units of " + designation + " (and the platform's other designations) delivered "
                "in the SIPRI register",
                SipriSources(vintage));
}

// Only the years the register covers: outside them a value is unknown, not 0.
std::vector<YearValue> ExportSeries(const std::vector<Transfer>& transfers,
                                    const std::string& supplier, YearRange years) {
  years = CoveredYears(years, DeliveryYears(transfers));
  std::vector<YearValue> series;
  for (int year = years.first; year <= years.last; ++year) series.push_back({year, 0});
  for (const TivRow& row :
       AggregateTiv(transfers, TivFilter{{supplier}, {}, years}, {TivGroup::kYear})) {
    series[row.year - years.first].value = row.tiv;
  }
  return series;
}

ClaimCheck CheckPeriodCount(const std::vector<Transfer>& transfers, const std::string& vintage,
                            const Params& params, ClaimCheck check) {
  std::vector<std::string> given = SplitBar(params.at("periods"));
  auto first = ParseYearRange(given.front());
  auto last = ParseYearRange(given.back());
  if (!first.ok() || !last.ok()) return Unverifiable(check, "the periods are not year ranges");
  std::string actor = params.count("actor") ? params.at("actor") : "TUR";
  auto periods =
      DetectPeriods(ExportSeries(transfers, actor, {first->first, last->last}), PeltOptions{});
  if (!periods.ok()) return Unverifiable(check, periods.status().message());
  std::string computed;
  for (const Period& p : *periods) {
    computed += (computed.empty() ? "" : ", ") + std::to_string(p.start_year) + "-" +
                std::to_string(p.end_year);
  }
  auto expected = ParseNumber(check.claimed);
  return Decide(
      check, expected && periods->size() == static_cast<size_t>(*expected),
      std::to_string(periods->size()) + " periods: " + computed,
      "PELT (BIC penalty, minimum 3 years) on " + actor + "'s SIPRI TIV exports, log scale",
      SipriSources(vintage));
}

// The recipient's rank among `among` by TIV from the supplier; equal TIV, equal rank.
// The tolerance is in ranks ("1": rank 1 or 2 for a claimed 1).
ClaimCheck CheckRecipientRank(const std::vector<Transfer>& transfers, const std::string& vintage,
                              const Params& params, ClaimCheck check,
                              const std::string& tolerance_text) {
  auto years = Years(params, "years");
  auto expected = ParseNumber(check.claimed);
  if (!years || !expected) return Unverifiable(check, "no years or no numeric rank to check");
  std::vector<std::string> among = SplitBar(params.at("among"));
  ShareTable table = RecipientShares(transfers, {params.at("supplier")}, *years);
  std::vector<Share> ranked;
  for (const Share& share : table.rows) {
    if (std::find(among.begin(), among.end(), share.actor) != among.end()) ranked.push_back(share);
  }
  auto own = std::find_if(ranked.begin(), ranked.end(),
                          [&](const Share& share) { return share.actor == params.at("recipient"); });
  if (own == ranked.end())
    return Unverifiable(check, "SIPRI records no deliveries to " + params.at("recipient") + " in " +
                                   years->ToString());
  int rank = 1 + static_cast<int>(std::count_if(ranked.begin(), ranked.end(), [&](const Share& s) {
               return s.tiv > own->tiv && !SameTiv(s.tiv, own->tiv);
             }));
  std::string order;
  for (const Share& share : ranked)
    order += (order.empty() ? "" : " > ") + share.actor + " " + Number(share.tiv);
  return Decide(check, ParseTolerance(tolerance_text).Accepts(rank, *expected),
                "rank " + std::to_string(rank) + " (" + order + ")",
                "recipients of " + params.at("supplier") + " by TIV delivered in " +
                    years->ToString() +
                    (tolerance_text.empty() ? "" : " (tolerance " + tolerance_text + " rank)"),
                SipriSources(vintage));
}

ClaimCheck CheckShareDirection(const std::vector<Transfer>& transfers, const std::string& vintage,
                               const Params& params, ClaimCheck check) {
  std::vector<std::string> periods = SplitBar(params.at("periods"));
  auto first = ParseYearRange(periods.front());
  auto last = ParseYearRange(periods.back());
  if (periods.size() != 2 || !first.ok() || !last.ok())
    return Unverifiable(check, "needs two periods A|B");
  auto share_of = [&](YearRange years) {
    ShareTable table = SupplierShares(transfers, {params.at("recipient")}, years);
    for (const Share& share : table.rows) {
      if (share.actor == params.at("supplier")) return share.share;
    }
    return 0.0;
  };
  double before = share_of(*first), after = share_of(*last);
  bool claims_increase = check.claimed == "increase";
  std::string computed = fmt::format("{} share of {}'s imports {:.1f}% in {} -> {:.1f}% in {}",
                                     params.at("supplier"), params.at("recipient"), before * 100,
                                     first->ToString(), after * 100, last->ToString());
  return Decide(check, claims_increase ? after > before : after < before, computed,
                "supplier shares of delivered TIV", SipriSources(vintage));
}

// ---- curated counts and the shock test --------------------------------------------

ClaimCheck CheckAgreementCount(const Dataset& data, const Params& params, ClaimCheck check) {
  std::vector<std::string> parties = SplitBar(params.at("parties"));
  int count = 0;
  std::vector<SourceRef> sources;
  for (const Agreement& a : data.agreements) {
    bool all_parties = std::all_of(parties.begin(), parties.end(), [&](const std::string& p) {
      return std::find(a.parties.begin(), a.parties.end(), p) != a.parties.end();
    });
    if (!all_parties || (params.count("date") && a.date.ToString() != params.at("date"))) continue;
    ++count;
    sources.insert(sources.end(), a.sources.begin(), a.sources.end());
  }
  auto expected = ParseNumber(check.claimed);
  if (!expected) return Unverifiable(check, "the claimed count is not a number");
  check.computed = std::to_string(count);
  if (count < *expected) {
    return Unverifiable(check, "the store holds " + std::to_string(count) +
                                   " such agreement(s); the others are not recorded");
  }
  return Decide(check, true, std::to_string(count), "agreements in the store", sources);
}

ClaimCheck CheckShock(const Dataset& data, const Params& params, ClaimCheck check) {
  auto date = ParseDate(params.count("date") ? params.at("date") : "");
  if (!date.ok()) return Unverifiable(check, "no shock date");
  std::vector<std::string> actors = SplitBar(params.count("actors") ? params.at("actors") : "");
  TimelineFilter filter;
  filter.actors = {actors.front()};
  filter.partners = std::set<std::string>(actors.begin() + 1, actors.end());
  filter.types = {params.count("type") ? params.at("type") : "agreement"};
  ShockOptions options;
  std::string window = params.count("window") ? params.at("window") : "12m";
  options.window_length =
      static_cast<int>(ParseNumber(window.substr(0, window.size() - 1)).value_or(12));
  options.window_unit = window.back() == 'd' ? WindowUnit::kDays : WindowUnit::kMonths;
  auto run = TestShockOnTimeline(data, filter, *date, options);
  if (!run.ok()) return Unverifiable(check, run.status().message());
  std::vector<SourceRef> sources;
  for (const TimelineEntry& entry : run->entries)
    sources.insert(sources.end(), entry.sources.begin(), entry.sources.end());
  const ShockTest* test = &run->test;
  std::string computed =
      fmt::format("{} after vs {} before; p = {:.4f} (one-sided {:.4f})", test->after, test->before,
                  test->test.p_two_sided, test->test.p_greater);
  if (test->placebo_rank)
    computed += fmt::format("; placebo rank {} of {} ({}..{})", *test->placebo_rank,
                            test->placebo.size() + 1, test->span_from.ToString(),
                            test->span_to.ToString());
  check.computed = computed;
  check.evidence_sources = sources;
  if (test->underpowered) {
    return Unverifiable(check, fmt::format("underpowered: fewer than {} agreements in the two "
                                           "windows, so no split could be significant at 5%",
                                           kMinEventsForTest));
  }
  if (test->placebo_underpowered) {
    return Unverifiable(
        check, fmt::format("underpowered: {} of the {} placebo dates have no agreement in either "
                           "window, so the record is too sparse to tell a shock from where its "
                           "entries begin",
                           test->placebo_empty, test->placebo.size()));
  }
  if (test->after <= test->before)
    return Decide(check, false, computed, "no more agreements after the date", sources);
  if (test->test.p_greater >= kSignificance) {
    return Unverifiable(
        check,
        "more agreements after the date, but not significant at 5% (exact Poisson rate test)");
  }
  return Decide(check, true, computed, "exact conditional test of equal Poisson rates", sources);
}

ClaimCheck CheckOne(const Dataset& data, const std::vector<Transfer>& transfers,
                    const std::string& vintage, const Claim& claim) {
  ClaimCheck check{
      claim.id, claim.text,    claim.kind, ClaimStatus::kUnverifiable, claim.expected, "",
      "",       claim.sources, {}};
  Params params = ParseParams(claim.params);
  auto has = [&](const char* key) { return params.count(key) > 0; };
  bool needs_sipri =
      has("designation") || has("periods") || has("among") || claim.kind == "supplier_rank" ||
      (has("metric") && params.at("metric") == "defense_exports" && !has("indicator"));
  if (needs_sipri && transfers.empty())
    return Unverifiable(check, "needs SIPRI data: import a register");
  if (claim.kind == "date") return CheckDate(data, params, check, claim.tolerance);
  if (claim.kind == "shock_test") return CheckShock(data, params, check);
  if (claim.kind == "supplier_rank" && has("recipient") && has("supplier") && has("periods")) {
    return CheckShareDirection(transfers, vintage, params, check);
  }
  if (claim.kind == "rank" && has("supplier") && has("recipient") && has("among")) {
    return CheckRecipientRank(transfers, vintage, params, check, claim.tolerance);
  }
  if (has("indicator") || (has("from") && has("to")) || (has("numerator") && has("denominator"))) {
    return CheckIndicators(data, params, check, claim.tolerance);
  }
  if (has("metric") && params.at("metric") == "defense_exports")
    return CheckExportGrowth(transfers, vintage, params, check);
  if (has("designation") && has("supplier") && has("recipient"))
    return CheckUnits(data, transfers, vintage, params, check, claim.tolerance);
  if (has("periods")) return CheckPeriodCount(transfers, vintage, params, check);
  if (has("table") && params.at("table") == "agreements" && has("parties"))
    return CheckAgreementCount(data, params, check);
  return Unverifiable(check, "no automatic check for these parameters (" + claim.params + ")");
}

}  // namespace

std::string_view ToString(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::kSupported:
      return "supported";
    case ClaimStatus::kContradicted:
      return "contradicted";
    case ClaimStatus::kUnverifiable:
      return "unverifiable";
  }
  return "unverifiable";
}

std::vector<ClaimCheck> CheckClaims(const Dataset& data, const std::vector<Transfer>& transfers,
                                    const std::string& vintage) {
  std::vector<ClaimCheck> checks;
  for (const Claim& claim : data.claims)
    checks.push_back(CheckOne(data, transfers, vintage, claim));
  return checks;
}

}  // namespace defcoop::analysis
