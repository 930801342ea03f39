// What an import keeps of a GDELT file (see core/gdelt.h), and the defense-relevant code
// list that decides which full rows it keeps.
#include <map>
#include <tuple>

#include "defcoop/csv/reader.h"
#include "defcoop/ingest/gdelt.h"
#include "table_file.h"

namespace defcoop::ingest {
namespace {

constexpr std::string_view kCodeListHeader = "cameo_code,label,project_tag,sources";

struct CodeRow {
  std::string code;
};

Result<CodeRow> CodeRowOf(const csv::Record& record, std::string* /*repair*/) {
  const std::vector<std::string>& f = record.fields;
  if (f.size() != 4)
    return Status::InvalidInput("expected 4 fields, found " + std::to_string(f.size()));
  std::string code(csv::Trim(f[0]));
  bool digits = !code.empty() && code.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || code.size() < 2 || code.size() > 4)
    return Status::InvalidInput("cameo_code '" + code + "' is not a CAMEO code of 2 to 4 digits");
  if (csv::Trim(f[3]).empty()) return Status::InvalidInput("sources is empty");
  return CodeRow{code};
}

// The rollup key of core/gdelt.h's GdeltDyadDay.
using DyadDayKey =
    std::tuple<std::string, std::string, std::string, std::string, int, bool, int64_t>;

class Rollup {
 public:
  Rollup(const CameoCodeList& defense, const GdeltResolveFn& actor_country,
         const GdeltResolveFn& geo_country, GdeltFileImport* out)
      : defense_(defense), actor_country_(actor_country), geo_country_(geo_country), out_(out) {}

  void AddEvent(GdeltEvent&& e) {
    ++out_->events_per_day[e.day];
    e.actor1_id = e.actor1_country.empty() ? "" : actor_country_(e.actor1_country);
    e.actor2_id = e.actor2_country.empty() ? "" : actor_country_(e.actor2_country);
    if (e.actor1_id.empty() || e.actor2_id.empty() || e.actor1_id == e.actor2_id) return;
    ++out_->state_events;
    GdeltDyadDay& row = dyad_days_[DyadDayKey{e.day, e.actor1_id, e.actor2_id, e.event_code,
                                              e.quad_class, e.is_root, e.sources}];
    row.events += 1;
    row.mentions += e.mentions;
    row.sources += e.sources;
    row.articles += e.articles;
    row.tone_sum += e.tone;
    row.goldstein_sum += e.goldstein;
    if (!defense_.codes.count(e.event_code)) return;
    e.action_geo_id = e.action_geo_country.empty() ? "" : geo_country_(e.action_geo_country);
    out_->defense_events.push_back(std::move(e));
  }

  void Finish() {
    for (auto& [key, row] : dyad_days_) {
      std::tie(row.day, row.actor1_id, row.actor2_id, row.event_code, row.quad_class, row.is_root,
               row.event_sources) = key;
      row.root_code = row.event_code.substr(0, 2);
      out_->dyad_days.push_back(std::move(row));
    }
  }

 private:
  const CameoCodeList& defense_;
  const GdeltResolveFn& actor_country_;
  const GdeltResolveFn& geo_country_;
  GdeltFileImport* out_;
  std::map<DyadDayKey, GdeltDyadDay> dyad_days_;
};

}  // namespace

Result<CameoCodeList> ReadCameoCodeList(const std::string& path) {
  Result<std::string> bytes = csv::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  auto rows = table_internal::ReadTable<CodeRow>(
      *bytes, path, kCodeListHeader,
      "not a CAMEO code list (its header must be \"" + std::string(kCodeListHeader) + "\")",
      CodeRowOf, [](const CodeRow& row) { return row.code; }, "cameo_code");
  if (!rows.ok()) return rows.status();
  if (!rows->problems.empty()) {
    const InputProblem& first = rows->problems.front();
    return Status::InvalidInput(first.reason, first.where);
  }
  CameoCodeList list;
  list.path = path;
  for (CodeRow& row : rows->items) list.codes.insert(std::move(row.code));
  return list;
}

Result<GdeltFileImport> ImportGdeltFile(const std::string& path, const CameoCodeList& defense,
                                        const GdeltResolveFn& actor_country,
                                        const GdeltResolveFn& geo_country) {
  GdeltFileImport out;
  Rollup rollup(defense, actor_country, geo_country, &out);
  GdeltSink sink;
  sink.event = [&](GdeltEvent&& e) { rollup.AddEvent(std::move(e)); };
  sink.mention = [&](GdeltMention&& m) { out.mentions.push_back(std::move(m)); };
  auto read = ReadGdeltFile(path, sink);
  if (!read.ok()) return read.status();
  rollup.Finish();
  out.path = path;
  out.layout = read->layout;
  out.version = read->version;
  out.content_hash = read->content_hash;
  out.bytes_hash = read->bytes_hash;
  out.code_list = defense.path + " (" + std::to_string(defense.codes.size()) + " codes)";
  out.records_read = read->records_read;
  out.imported = read->imported;
  out.problems = std::move(read->problems);
  return out;
}

}  // namespace defcoop::ingest
