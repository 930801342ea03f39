// The data model of DESIGN.md as plain structs. Ingest produces them, the store
// saves and loads them, analysis computes on them; none of these types knows about
// files or SQL. Ids are strings: ISO alpha-3 for states ("TUR"), "SUN" for the
// Soviet Union, "org:ots", "firm:aselsan", "group:...", "unknown".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "defcoop/core/date.h"

namespace defcoop {

// A fact's reference to a source in sources.json, with an optional locator
// ("section 'Conclusion'", "p. 7").
struct SourceRef {
  std::string source_id;
  std::string locator;
  bool operator==(const SourceRef&) const = default;
};

// kRegion: a geographic grouping of states as a source defines it (SIPRI's "Central Asia").
enum class ActorKind {
  kState,
  kHistoricalState,
  kOrganization,
  kRegion,
  kFirm,
  kArmedGroup,
  kUnknown
};
std::string_view ToString(ActorKind kind);
std::optional<ActorKind> ParseActorKind(std::string_view text);

struct Actor {
  std::string id;
  ActorKind kind = ActorKind::kState;
  std::string name;        // English display name
  std::string home_state;  // firms: the state they are based in
  std::optional<Date> founded;
  std::optional<Date> dissolved;
  std::string note;
  std::vector<SourceRef> sources;
};

struct ActorName {
  std::string actor_id;
  std::string lang;    // BCP 47 language ("en", "tr", "kk", ...), "" when any
  std::string script;  // ISO 15924 ("Latn", "Cyrl"), "" when obvious
  std::string name;
  std::string kind;  // official, short, alias, historical, sipri
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;
  std::vector<SourceRef> sources;
};

struct ActorCode {
  std::string actor_id;
  std::string scheme;  // iso2, iso3, iso3n, cow_n, cow_c, fips, cameo, sipri
  std::string code;
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;
  std::vector<SourceRef> sources;
};

struct Membership {
  std::string actor_id;
  std::string organization_id;
  std::string role;  // member, observer
  std::optional<Date> from;
  std::optional<Date> to;
  std::string note;
  std::vector<SourceRef> sources;
};

struct Platform {
  std::string id;  // "platform:tb2"
  std::string name;
  std::vector<std::string> aliases;
  std::string category;  // SIPRI armament category (Aircraft, Armoured vehicles, ...)
  std::string domain;    // air, land, sea, multi
  std::vector<std::string> developers;  // actor ids
  std::string origin;                   // state id
  std::optional<Date> first_delivered;
  // The platform's major subsystems (parts from kSubsystemParts: engine, transmission,
  // eo_ir, ...). A subsystem with no component in use is unknown; empty = not listed, so
  // no subsystem is known to be covered.
  std::vector<std::string> subsystems;
  std::string note;
  std::vector<SourceRef> sources;
};

// The parts a component may be and a platform's `subsystems` may list.
inline const std::vector<std::string>& SubsystemParts() {
  static const std::vector<std::string> kParts = {
      "engine",  "transmission", "eo_ir",      "radar",         "avionics", "datalink",
      "sonar",   "fire_control", "combat_system", "weapons",     "seeker",   "launcher"};
  return kParts;
}

struct Component {
  std::string id;
  std::string platform_id;
  std::string part;  // engine, transmission, camera, ...
  std::string name;
  std::string maker;                  // actor id
  std::string maker_state;            // state id
  std::optional<double> value_share;  // share of the platform's value, 0..1
  bool value_share_is_estimate = true;
  std::optional<Date> from;
  std::optional<Date> to;
  std::string replaced_by;  // component id
  std::string note;
  std::vector<SourceRef> sources;
};

struct Agreement {
  std::string id;
  Date date;
  std::vector<std::string> parties;  // actor ids
  std::string type;                  // framework, military_cooperation, military_technical, ...
  std::string title;
  std::string status;  // signed, ratified, in_force, suspended, ended
  std::string note;
  std::vector<SourceRef> sources;
};

struct Venture {
  std::string id;
  std::string name;
  std::string actor_id;  // the venture as an actor, when it has one ("firm:kazaselsan")
  std::string type;      // joint_venture, licence
  std::vector<std::string> partners;
  std::vector<double> shares;  // parallel to partners; empty when unknown
  std::optional<Date> founded;
  std::optional<Date> ended;
  std::string products;
  std::string note;
  std::vector<SourceRef> sources;
};

struct Embargo {
  std::string id;
  std::vector<std::string> imposers;
  std::string target;
  std::string scope;  // all_arms, listed_items, components, financial
  std::string legal_basis;
  std::string trigger;  // event id
  std::optional<Date> start;
  std::optional<Date> end;
  std::string status;  // in_force, lifted, partial
  std::string title;
  std::string note;
  std::vector<SourceRef> sources;
};

struct Event {
  std::string id;
  Date date;
  std::optional<Date> end_date;
  std::string type;  // war, operation, visit, statement, acquisition, delivery, decision, ...
  std::vector<std::string> actors;
  std::string title;
  std::string note;
  std::vector<SourceRef> sources;
};

struct Indicator {
  std::string id;
  std::string actor_id;
  std::string metric;  // defense_exports, domestic_production_share, ...
  std::string period;  // "2022", "2018-2022"
  double value = 0;
  std::string unit;  // usd, percent, count, ...
  bool estimate = false;
  std::string note;
  std::vector<SourceRef> sources;
};

struct Claim {
  std::string id;
  std::string text;     // the sentence as the source says it
  std::string section;  // where in the source
  std::string kind;     // value, growth_rate, ratio, rank, date, count, shock_test, supplier_rank
  std::string params;   // check parameters, "key=value;key=value"
  std::string expected;
  std::string tolerance;
  std::string note;
  std::vector<SourceRef> sources;
};

// A CSL-JSON item, kept whole as JSON text plus the fields defcoop needs often.
struct Source {
  std::string id;
  std::string type;
  std::string title;
  std::string csl_json;
};

// ---- SIPRI arms-transfer data -------------------------------------------------

// One delivery year of a deal. Old-format registers list delivery years without a
// per-year split: the delivered number and TIV are then spread evenly over the listed
// years and the row is marked approximate.
struct Delivery {
  int year = 0;
  double number = 0;
  double tiv = 0;  // SIPRI TIV (millions) of the weapons delivered that year
  bool year_is_estimate = false;
  bool number_is_estimate = false;
  bool approximate = false;
};

// A SIPRI deal (one register record). Supplier and recipient keep SIPRI's spelling and
// the resolved actor id ("" until resolved).
struct Transfer {
  std::string deal_id;  // "SIPRI AT Database ID" in new-format registers, else ""
  std::string supplier_name;
  std::string recipient_name;
  std::string supplier_id;
  std::string recipient_id;
  std::string designation;
  std::string description;
  std::string category;  // SIPRI armament category (new format only)
  std::optional<int> order_year;
  bool order_year_is_estimate = false;
  std::optional<double> number_ordered;
  bool number_ordered_is_estimate = false;
  std::optional<double> number_delivered;
  bool number_delivered_is_estimate = false;
  std::string status;                   // new, second_hand, second_hand_modernized
  std::optional<double> tiv_unit;       // TIV per unit (deal unit, after the status factor)
  std::optional<double> tiv_unit_new;   // SIPRI estimate for a new unit (new format)
  std::optional<double> tiv_order;      // TIV for the total order (old format)
  std::optional<double> tiv_delivered;  // TIV of delivered weapons
  bool local_production = false;
  std::string comments;
  std::vector<Delivery> deliveries;
  int source_line = 0;  // first line of the record in its file
};

// A cell of a SIPRI TIV table: delivered TIV from the table's actor in a year.
// `under_half` marks SIPRI's "0" (more than zero, under 0.5 million TIV).
struct TivCell {
  std::string actor_name;  // SIPRI spelling, first column of the table
  std::string actor_id;
  std::string counterpart_name;  // regional tables: the supplier; else ""
  std::string counterpart_id;
  int year = 0;
  double tiv = 0;
  bool under_half = false;
  int source_line = 0;
};

enum class SipriFormat {
  kOldRegister,
  kNewRegister,
  kImporterTable,
  kExporterTable,
  kRegionalTable
};
std::string_view ToString(SipriFormat format);

// An input record that was not imported, or was imported after a repair.
struct InputProblem {
  Location where;
  std::string reason;
  bool repaired = false;  // true: imported after a repair (e.g. joined split lines)
};

// What one SIPRI file holds.
struct SipriFile {
  std::string path;
  SipriFormat format = SipriFormat::kOldRegister;
  std::string vintage;       // "Data generated" date, ISO 8601 (YYYY-MM-DD)
  std::string title;         // the preamble's description of the query
  std::string content_hash;  // identifies the file's data (ingest::DataHash): imported once
  std::string bytes_hash;    // identifies its bytes, as defcoop did before store schema v6
  int records_read = 0;
  std::vector<Transfer> transfers;  // registers
  std::vector<TivCell> cells;       // tables
  std::vector<InputProblem> problems;
};

// A bilateral defense cooperation agreement of the Defense Cooperation Agreement
// Dataset (DCAD, Kinne 2020): one row of its main file.
struct DefenseCooperationAgreement {
  std::string dcad_id;  // DCAid, e.g. "DCADv1.0-0001"
  int cow1 = 0;         // COW state codes and abbreviations as the file gives them
  int cow2 = 0;
  std::string cow_name1;
  std::string cow_name2;
  std::string actor1_id;  // resolved actor ids ("" until resolved)
  std::string actor2_id;
  Date signed_on;                       // at the precision DCAD gives (year, month or day)
  std::optional<Date> in_force;         // entry into force, when DCAD records it
  std::string type;                     // general or sector
  std::vector<std::string> categories;  // DCA, DIC, TREX, PROCUREMENT, COMMISSION, RESEARCH
  std::optional<bool> terminated;       // empty: DCAD codes it as missing or not applicable
  std::optional<int> end_year_estimate;
  std::string source_type;  // treaty or factiva
  std::string source;
  int source_line = 0;
};

// What one DCAD file holds.
struct DcadFile {
  std::string path;
  std::string content_hash;  // identifies the file's data (ingest::DataHash): imported once
  std::string bytes_hash;    // identifies its bytes, as defcoop did before store schema v6
  int records_read = 0;
  std::vector<DefenseCooperationAgreement> agreements;
  std::vector<InputProblem> problems;
};

// A sanctions case of the Global Sanctions Data Base (GSDB V3, case level): who
// sanctioned whom, from when to when, with which kinds of measures.
struct SanctionCase {
  int case_id = 0;
  std::vector<std::string> targets;     // sanctioned_state, split at commas, as written
  std::vector<std::string> senders;     // sanctioning_state, split at commas, as written
  std::vector<std::string> target_ids;  // resolved actor ids, parallel to targets ("" if not)
  std::vector<std::string> sender_ids;  // resolved actor ids, parallel to senders ("" if not)
  int begin = 0;                        // year
  int end = 0;                          // year; GSDB V3 writes 2022 for cases still running
  bool ongoing = false;                 // every outcome in `success` is "ongoing"
  std::vector<std::string> types;       // of trade, arms, military, financial, travel, other
  std::string trade_detail;             // descr_trade as written (exp_compl, imp_part, ...)
  std::vector<std::string> objectives;  // objective, split at commas
  std::vector<std::string> outcomes;    // success, split at commas (aligned with objectives)
  int source_line = 0;
};

// What one GSDB file holds.
struct GsdbFile {
  std::string path;
  std::string content_hash;  // identifies the file's data (ingest::DataHash): imported once
  std::string bytes_hash;    // identifies its bytes, as defcoop did before store schema v6
  int records_read = 0;
  std::vector<SanctionCase> cases;
  std::vector<InputProblem> problems;
};

// One directed dyad-year of the ATOP alliance data (version 5.1): the obligations
// state 1 has towards state 2 in that year under a formal alliance.
struct AllianceYear {
  int cow1 = 0;  // COW state codes as the file gives them
  int cow2 = 0;
  std::string actor1_id;  // resolved actor ids ("" until resolved)
  std::string actor2_id;
  int year = 0;
  bool defense = false;        // to defend the ally if attacked
  bool offense = false;        // to join the ally's offensive
  bool neutrality = false;     // to stay neutral if the ally is at war
  bool nonaggression = false;  // not to attack the ally
  bool consultation = false;   // to consult in a crisis
  int source_line = 0;
};

// What one ATOP directed dyad-year file holds.
struct AtopFile {
  std::string path;
  std::string content_hash;  // identifies the file's data (ingest::DataHash): imported once
  std::string bytes_hash;    // identifies its bytes, as defcoop did before store schema v6
  int records_read = 0;
  std::vector<AllianceYear> years;
  std::vector<InputProblem> problems;
};

// Everything the curated data folder holds.
struct Dataset {
  std::vector<Source> sources;
  std::vector<Actor> actors;
  std::vector<ActorName> actor_names;
  std::vector<ActorCode> actor_codes;
  std::vector<Membership> memberships;
  std::vector<Platform> platforms;
  std::vector<Component> components;
  std::vector<Agreement> agreements;
  std::vector<Venture> ventures;
  std::vector<Embargo> embargoes;
  std::vector<Event> events;
  std::vector<Indicator> indicators;
  std::vector<Claim> claims;
};

}  // namespace defcoop
