// GDELT rows read the simplest way, for tests to count against: split each line on its
// delimiter (double quotes honoured; these files hold no quoted newlines) and take the
// columns by the header's names, or by the codebook's positions in raw files (1.0 and
// 2.0 share positions up to AvgTone) and in the derived files (after a pandas index).
// Independent of the reader under test by construction: nothing here calls it.
#pragma once

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

namespace defcoop::testing {

struct RawGdeltRow {
  std::string day;  // SQLDATE as written, YYYYMMDD
  std::string actor1_country, actor2_country, event_code, root_code, is_root;
  long mentions = 0, sources = 0, articles = 0;
  double tone = 0;
  std::string url;
};

inline std::vector<std::string> SplitQuoted(const std::string& line, char delimiter) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == delimiter && !quoted) {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

// `header`: the file has a header row; `derived`: one of the derived dyad-day files.
inline std::vector<RawGdeltRow> ReadRawGdelt(const std::string& path, bool header, bool derived) {
  std::ifstream in(path);
  std::string line;
  char delimiter = header ? ',' : '\t';
  // SQLDATE, Actor1CountryCode, Actor2CountryCode, IsRootEvent, EventCode, NumMentions,
  // NumSources, NumArticles, AvgTone, EventRootCode: codebook positions.
  std::vector<int> at = {1, 7, 17, 25, 26, 31, 32, 33, 34, 28};
  int url = -1;  // the last field, when the row has SOURCEURL
  if (header) {
    std::getline(in, line);
    auto names = SplitQuoted(line, delimiter);
    if (derived) {
      for (int& position : at) ++position;
    } else {
      const char* wanted[] = {"SQLDATE",   "Actor1CountryCode", "Actor2CountryCode", "IsRootEvent",
                              "EventCode", "NumMentions",       "NumSources",        "NumArticles",
                              "AvgTone",   "EventRootCode"};
      for (size_t i = 0; i < at.size(); ++i)
        at[i] = static_cast<int>(std::find(names.begin(), names.end(), wanted[i]) - names.begin());
      url = static_cast<int>(std::find(names.begin(), names.end(), "SOURCEURL") - names.begin());
    }
  }
  std::vector<RawGdeltRow> rows;
  while (std::getline(in, line)) {
    auto f = SplitQuoted(line, delimiter);
    auto value = [&](int idx) { return f[idx] == "NA" ? std::string() : f[idx]; };
    RawGdeltRow row;
    row.day = value(at[0]);
    row.actor1_country = value(at[1]);
    row.actor2_country = value(at[2]);
    row.is_root = value(at[3]);
    row.event_code = value(at[4]);
    row.root_code = value(at[9]);
    row.mentions = std::stol(f[at[5]]);
    row.sources = std::stol(f[at[6]]);
    row.articles = std::stol(f[at[7]]);
    row.tone = std::stod(f[at[8]]);
    if (derived) {
      row.url = f[f.size() - 2];  // before the trailing Confidence
    } else if (url >= 0) {
      row.url = value(url);
    } else if (f.size() == 58 || f.size() == 61) {
      row.url = f.back();
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace defcoop::testing
