// What the SIPRI analysis commands share: choosing the vintage (newest register unless
// --vintage says otherwise), loading its transfers, turning country arguments (any
// spelling, or a group such as OTS) into actor ids, and the meta every SIPRI output
// carries: vintage, credit line, source and the approximation note.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "context.h"
#include "defcoop/analysis/tiv.h"

namespace defcoop::cli {

struct SipriData {
  std::string vintage;
  std::vector<Transfer> transfers;
  YearRange span;  // first and last delivery year in the data
  Dataset curated;
  names::NameIndex index;
};

// Loads the register of `vintage` ("" = newest). Errors: no SIPRI data imported, or an
// unknown vintage (the message lists the ones there are).
Result<SipriData> LoadSipriData(const Context& context, const std::string& vintage);

// Actor ids for country arguments; each may be a group ("OTS", "OTS@2022").
Result<std::set<std::string>> ResolveCountries(const names::NameIndex& index,
                                               const std::vector<std::string>& inputs);

// --years A-B, or the data's whole span when empty.
Result<YearRange> YearsOrSpan(const std::string& text, const SipriData& data);

// meta.vintage, meta.credit, meta.sources, meta.approximate (+ meta.note when it is).
void AddSipriMeta(const SipriData& data, bool approximate, Output* output);

// The English name of an actor id, or the id itself.
std::string DisplayName(const SipriData& data, const std::string& id);

}  // namespace defcoop::cli
