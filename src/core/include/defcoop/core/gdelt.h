// GDELT event data (the GDELT Project; CAMEO-coded news events) as defcoop keeps it: one
// event row as read, a Mentions row, and what an import of one file saves — the
// state-to-state events rolled up per day, directed dyad, event code and quad class
// (sums, so means combine across files), full rows for the defense-relevant codes, and
// the events of each day (all actors) for rates. Codes stay text ("042").
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "defcoop/core/model.h"

namespace defcoop {

// One event row of a GDELT 1.0 or 2.0 export (the fields defcoop uses).
struct GdeltEvent {
  int64_t global_event_id = 0;
  std::string day;                                       // SQLDATE as ISO 8601, "2020-11-13"
  std::string actor1_code, actor1_name, actor1_country;  // country: CAMEO code, "TUR"
  std::string actor2_code, actor2_name, actor2_country;
  bool is_root = false;
  std::string event_code, base_code, root_code;  // "0312", "031", "03"
  int quad_class = 0;                            // 1..4
  double goldstein = 0;
  int64_t mentions = 0, sources = 0, articles = 0;
  double tone = 0;
  std::string action_geo_country;  // FIPS 10-4, "TU"
  std::string action_geo_name;
  std::string date_added;  // as written: YYYYMMDD (1.0) or YYYYMMDDHHMMSS (2.0)
  std::string source_url;  // "" in 1.0 back-file rows
  int line = 0;
  // Resolved by the importer ("" when the code names no state).
  std::string actor1_id, actor2_id, action_geo_id;
};

// One row of the GDELT 2.0 Mentions table.
struct GdeltMention {
  int64_t global_event_id = 0;
  std::string event_time, mention_time;  // YYYYMMDDHHMMSS
  int mention_type = 0;
  std::string source_name, identifier;
  int confidence = 0;
  double doc_tone = 0;
  int line = 0;
};

// State-to-state events of one day, directed dyad, event code, quad class, root flag and
// number of sources per event (so --min-sources filters the rollup exactly). Sums, not
// means: mean tone = tone_sum / events over any union of rows.
struct GdeltDyadDay {
  std::string day, actor1_id, actor2_id, event_code, root_code;
  int quad_class = 0;
  bool is_root = false;
  int64_t event_sources = 0;  // NumSources of each event counted here
  int64_t events = 0, mentions = 0, sources = 0, articles = 0;
  double tone_sum = 0, goldstein_sum = 0;
};

// What importing one GDELT file saves.
struct GdeltFileImport {
  std::string path;
  std::string layout;  // "gdelt1", "gdelt2", "gdelt1-header", "gdelt2-header", ...
  int version = 0;     // 1 or 2
  std::string content_hash, bytes_hash;
  std::string code_list;  // the defense-relevant code list used: "FILE (N codes)"
  int records_read = 0;
  int imported = 0;
  int64_t state_events = 0;  // imported rows between two different states
  std::vector<InputProblem> problems;
  std::vector<GdeltDyadDay> dyad_days;
  std::vector<GdeltEvent> defense_events;  // full rows of the defense-relevant codes
  std::vector<GdeltMention> mentions;
  std::map<std::string, int64_t> events_per_day;  // every imported event, by SQLDATE
};

}  // namespace defcoop
