// Reader for GDELT event data (the GDELT Project). The layout is detected per file:
//   gdelt1          raw 1.0 export: tab-separated, no header, 57 fields (back-file rows,
//                   before April 2013) or 58 (daily files, SOURCEURL last);
//   gdelt2          raw 2.0 export: 61 tab-separated fields (ADM2 codes, DATEADDED to the second);
//   mentions        raw 2.0 Mentions table: 16 tab-separated fields;
//   gdelt1-header,  rows exported with a header row (BigQuery, R, pandas): comma- or
//   gdelt2-header,  tab-separated, RFC 4180 quoting, `NA` for empty; columns are found by
//   mentions-header their official names (case and underscores ignored), extra columns ignored;
//   gdelt2-derived  a pandas index column, the 61 2.0 fields under renamed (partly
//                   mislabelled) headers, then `Confidence`: read by position.
// Zip archives as GDELT publishes them (one CSV inside) are read as the CSV they hold.
// Every line after a header is either handed to the sink or listed as a problem with
// file:line and reason; codes stay text ("042"). A base or root code written without its
// leading zero ("4", as pandas writes numbers) is restored from EventCode and the row
// listed as repaired. Actor ids are left empty: the caller
// resolves CAMEO country codes (and FIPS geo codes) with its name index.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "defcoop/core/gdelt.h"
#include "defcoop/core/status.h"

namespace defcoop::ingest {

enum class GdeltTable { kEvents, kMentions };

// What reading one file found (the rows themselves went to the sink).
struct GdeltRead {
  std::string path;
  std::string layout;  // see above
  int version = 0;     // 1 or 2 (Mentions: 2)
  GdeltTable table = GdeltTable::kEvents;
  std::string content_hash;  // ingest::DataHash of the bytes: imported once
  std::string bytes_hash;
  int64_t bytes = 0;
  int records_read = 0;
  int imported = 0;
  std::vector<InputProblem> problems;
};

struct GdeltSink {
  std::function<void(GdeltEvent&&)> event;
  std::function<void(GdeltMention&&)> mention;
};

// Parses `bytes` (named `path` in problems) and hands every valid row to `sink`.
// Errors (nothing was read): an archive (ReadGdeltFile unzips; gzip is refused), or a
// first line that is no GDELT layout.
Result<GdeltRead> ParseGdelt(std::string_view bytes, const std::string& path,
                             const GdeltSink& sink);
// Reads the file at `path` (a zip archive: the CSV inside it), parses it and sets the
// hashes (content_hash: of the CSV). Errors: Io; InvalidInput for a damaged zip archive;
// or as ParseGdelt.
Result<GdeltRead> ReadGdeltFile(const std::string& path, const GdeltSink& sink);

// The defense-relevant CAMEO event codes (data/gdelt_defense_codes.csv: cameo_code,
// label, project_tag, sources), whose full rows an import keeps.
struct CameoCodeList {
  std::string path;
  std::set<std::string, std::less<>> codes;
};
// Errors: Io; InvalidInput with file:line for a malformed code, a duplicate, a missing
// column or a row without sources.
Result<CameoCodeList> ReadCameoCodeList(const std::string& path);

// Resolves a CAMEO country code (actors) or FIPS 10-4 code (geography) to a state's
// actor id, "" when it names none.
using GdeltResolveFn = std::function<std::string(std::string_view code)>;

// Reads `path` and rolls it up as the store keeps it (core/gdelt.h): state-to-state
// events per day, directed dyad, code, quad class, root flag and sources; full rows of
// `defense` codes between states; every Mentions row; events per day.
Result<GdeltFileImport> ImportGdeltFile(const std::string& path, const CameoCodeList& defense,
                                        const GdeltResolveFn& actor_country,
                                        const GdeltResolveFn& geo_country);

}  // namespace defcoop::ingest
