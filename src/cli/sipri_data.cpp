#include "sipri_data.h"

#include <algorithm>

namespace defcoop::cli {

Result<SipriData> LoadSipriData(const Context& context, const std::string& vintage) {
  auto store = context.OpenStore(store::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  SipriData data;
  data.vintage = vintage.empty() ? (*store)->NewestVintage() : vintage;
  if (data.vintage.empty()) {
    return Status::NotFound("no SIPRI register in the store; import one with `defcoop import sipri FILE`");
  }
  std::vector<std::string> known;
  for (const store::Vintage& v : (*store)->Vintages()) {
    if (v.transfers > 0) known.push_back(v.vintage);
  }
  if (std::find(known.begin(), known.end(), data.vintage) == known.end()) {
    std::string listed;
    for (const std::string& v : known) listed += (listed.empty() ? "" : ", ") + v;
    return Status::Usage("no SIPRI register of vintage '" + data.vintage + "' (registers: " + listed + ")");
  }
  auto transfers = (*store)->LoadTransfers(data.vintage);
  if (!transfers.ok()) return transfers.status();
  data.transfers = std::move(*transfers);
  data.span = {9999, 0};
  for (const Transfer& t : data.transfers) {
    for (const Delivery& d : t.deliveries) {
      data.span.first = std::min(data.span.first, d.year);
      data.span.last = std::max(data.span.last, d.year);
    }
  }
  auto curated = (*store)->LoadCurated();
  if (!curated.ok()) return curated.status();
  data.curated = std::move(*curated);
  data.index = BuildNameIndex(data.curated);
  return data;
}

Result<std::set<std::string>> ResolveCountries(const names::NameIndex& index,
                                               const std::vector<std::string>& inputs) {
  std::set<std::string> ids;
  for (const std::string& input : inputs) {
    auto states = index.ResolveToStates(input);
    if (!states.ok()) return states.status();
    ids.insert(states->begin(), states->end());
  }
  return ids;
}

Result<YearRange> YearsOrSpan(const std::string& text, const SipriData& data) {
  if (text.empty()) return data.span;
  return ParseYearRange(text);
}

void AddSipriMeta(const SipriData& data, bool approximate, Output* output) {
  output->meta["vintage"] = data.vintage;
  output->meta["credit"] = std::string(analysis::kSipriCredit);
  output->meta["sources"] = {"sipri-atdb"};
  output->meta["approximate"] = approximate;
  output->notes.push_back("Source: " + std::string(analysis::kSipriCredit) + ", vintage " +
                          data.vintage + ". TIV: SIPRI trend-indicator values, millions.");
  if (approximate) {
    std::string note =
        "Rows marked approximate rest on an old-format register whose deliveries were spread "
        "evenly over the listed delivery years (SIPRI gives no per-year split there).";
    output->meta["note"] = note;
    output->notes.push_back("Note: " + note);
  }
}

std::string DisplayName(const SipriData& data, const std::string& id) {
  const Actor* actor = data.index.FindActor(id);
  return actor ? actor->name : id;
}

}  // namespace defcoop::cli
