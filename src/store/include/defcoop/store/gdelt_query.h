// The `events` question over GDELT, and the SQL that answers it: one aggregation over the
// rollup table (gdelt_dyad_day), and one selection of example source URLs from the full
// rows (gdelt_event). The SQL uses only what SQLite and ClickHouse share (sum, substring,
// LIKE, AND/OR of comparisons, GROUP BY, ORDER BY, `?` parameters bound as text or
// integers), so another engine holding tables of the same shape can run the same text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "defcoop/core/actor_set.h"

namespace defcoop::store {

enum class GdeltGroup { kDay, kMonth, kYear, kDyad, kCode };

struct GdeltEventQuery {
  ActorSet actors;                      // one side; any actor when empty
  ActorSet partners;                    // the other side; any actor when empty
  bool directed = false;                // only `actors` as Actor1 (the actor doing the action)
  std::vector<std::string> codes;       // CAMEO codes; "05" takes its root, "057" its base code
  std::optional<std::string> from, to;  // ISO days, inclusive
  int64_t min_sources = 0;              // per event (NumSources)
  bool root_only = false;               // IsRootEvent = 1
  GdeltGroup by = GdeltGroup::kDay;
};

using SqlParam = std::variant<std::string, int64_t>;

struct SqlText {
  std::string sql;
  std::vector<SqlParam> params;  // for the `?`s in order
  size_t key_columns = 0;        // the first columns are the group key
};

// The aggregation: key columns, then events, mentions, sources, articles, tone_sum,
// goldstein_sum (sums over the rollup), ordered by the key.
SqlText GdeltAggregateSql(const GdeltEventQuery& query);

// The full rows of the same selection that have a URL: key columns, source_url, articles,
// ordered by key, then articles and sources (most reported first), then event id.
SqlText GdeltExampleSql(const GdeltEventQuery& query);

// The files the selection rests on: file_id, sum(events), min(day), max(day), by file_id.
SqlText GdeltFilesSql(const GdeltEventQuery& query);

// The key columns of a grouping, as named in output ("day", or "actor1", "actor2").
std::vector<std::string> GdeltKeyNames(GdeltGroup by);

}  // namespace defcoop::store
