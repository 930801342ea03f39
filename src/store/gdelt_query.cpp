#include "defcoop/store/gdelt_query.h"

namespace defcoop::store {
namespace {

// Builds a WHERE clause and its parameters.
class Where {
 public:
  void Add(std::string condition) { conditions_.push_back(std::move(condition)); }
  std::string Param(SqlParam value) {
    params_.push_back(std::move(value));
    return "?";
  }
  std::string Text() const {
    std::string text;
    for (const std::string& condition : conditions_)
      text += (text.empty() ? " WHERE " : " AND ") + condition;
    return text;
  }
  std::vector<SqlParam> TakeParams() { return std::move(params_); }

 private:
  std::vector<std::string> conditions_;
  std::vector<SqlParam> params_;
};

// `column` is one of the actors of `set` on the event's day (members over their memberships).
std::string SideCondition(const ActorSet& set, const std::string& column, Where* where) {
  std::string text;
  for (const ActorSpan& span : set.spans()) {
    std::string term = column + " = " + where->Param(span.id);
    if (span.from) term += " AND day >= " + where->Param(span.from->Earliest().ToString());
    if (span.to) term += " AND day <= " + where->Param(span.to->Latest().ToString());
    text += (text.empty() ? "(" : " OR (") + term + ")";
  }
  return "(" + text + ")";
}

std::string PairCondition(const ActorSet& one, const ActorSet& other, Where* where) {
  std::string text;
  if (!one.empty()) text = SideCondition(one, "actor1_id", where);
  if (!other.empty())
    text += (text.empty() ? "" : " AND ") + SideCondition(other, "actor2_id", where);
  return "(" + text + ")";
}

// The selection both statements share; `sources_column` holds each event's NumSources.
Where Selection(const GdeltEventQuery& query, const std::string& sources_column) {
  Where where;
  if (!query.actors.empty() || !query.partners.empty()) {
    std::string pair = PairCondition(query.actors, query.partners, &where);
    if (!query.directed) pair += " OR " + PairCondition(query.partners, query.actors, &where);
    where.Add("(" + pair + ")");
  }
  if (!query.codes.empty()) {
    std::string codes;
    for (const std::string& code : query.codes)
      codes +=
          (codes.empty() ? "" : " OR ") + std::string("event_code LIKE ") + where.Param(code + "%");
    where.Add("(" + codes + ")");
  }
  if (query.from) where.Add("day >= " + where.Param(*query.from));
  if (query.to) where.Add("day <= " + where.Param(*query.to));
  if (query.min_sources > 0) where.Add(sources_column + " >= " + where.Param(query.min_sources));
  if (query.root_only) where.Add("is_root = 1");
  return where;
}

std::vector<std::string> KeyExpressions(GdeltGroup by) {
  switch (by) {
    case GdeltGroup::kDay:
      return {"day"};
    case GdeltGroup::kMonth:
      return {"substring(day, 1, 7)"};
    case GdeltGroup::kYear:
      return {"substring(day, 1, 4)"};
    case GdeltGroup::kDyad:
      return {"actor1_id", "actor2_id"};
    case GdeltGroup::kCode:
      return {"event_code"};
  }
  return {};
}

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

}  // namespace

std::vector<std::string> GdeltKeyNames(GdeltGroup by) {
  switch (by) {
    case GdeltGroup::kDay:
      return {"day"};
    case GdeltGroup::kMonth:
      return {"month"};
    case GdeltGroup::kYear:
      return {"year"};
    case GdeltGroup::kDyad:
      return {"actor1", "actor2"};
    case GdeltGroup::kCode:
      return {"code"};
  }
  return {};
}

SqlText GdeltAggregateSql(const GdeltEventQuery& query) {
  Where where = Selection(query, "event_sources");
  std::string keys = Joined(KeyExpressions(query.by));
  SqlText text;
  text.sql = "SELECT " + keys +
             ", sum(events), sum(mentions), sum(sources), sum(articles), sum(tone_sum),"
             " sum(goldstein_sum) FROM gdelt_dyad_day" +
             where.Text() + " GROUP BY " + keys + " ORDER BY " + keys;
  text.params = where.TakeParams();
  text.key_columns = KeyExpressions(query.by).size();
  return text;
}

SqlText GdeltFilesSql(const GdeltEventQuery& query) {
  Where where = Selection(query, "event_sources");
  SqlText text;
  text.sql = "SELECT file_id, sum(events), min(day), max(day) FROM gdelt_dyad_day" + where.Text() +
             " GROUP BY file_id ORDER BY file_id";
  text.params = where.TakeParams();
  text.key_columns = 1;
  return text;
}

SqlText GdeltExampleSql(const GdeltEventQuery& query) {
  Where where = Selection(query, "sources");
  where.Add("source_url <> ''");
  std::string keys = Joined(KeyExpressions(query.by));
  SqlText text;
  text.sql = "SELECT " + keys + ", source_url, articles FROM gdelt_event" + where.Text() +
             " ORDER BY " + keys + ", articles DESC, sources DESC, global_event_id";
  text.params = where.TakeParams();
  text.key_columns = KeyExpressions(query.by).size();
  return text;
}

}  // namespace defcoop::store
