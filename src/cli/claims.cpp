// `defcoop claims [--status S] [--vintage V]`: every claim of the curated data checked
// against the store (and the newest SIPRI register, when one is imported).
#include "defcoop/analysis/claims.h"

#include <fmt/format.h>

#include <map>
#include <memory>

#include "context.h"
#include "defcoop/analysis/tiv.h"
#include "messages.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

struct ClaimsOptions {
  std::string status;
  std::string vintage;
};

Status RunClaims(Context& context, const ClaimsOptions& options) {
  auto loaded = LoadSipriDataIfAny(context, options.vintage);
  if (!loaded.ok()) return loaded.status();
  const SipriData& data = **loaded;
  const std::string& vintage = data.vintage;
  Output output;
  output.columns = {"id", "status", "claimed", "computed", "text", "evidence", "sources"};
  std::map<std::string, int> counts{{"supported", 0}, {"contradicted", 0}, {"unverifiable", 0}};
  for (const analysis::ClaimCheck& check :
       analysis::CheckClaims(data.curated, data.transfers, vintage)) {
    std::string status(analysis::ToString(check.status));
    ++counts[status];
    if (!options.status.empty() && options.status != status) continue;
    output.rows.push_back({{"id", check.id},
                           {"status", status},
                           {"claimed", check.claimed},
                           {"computed", check.computed},
                           {"text", check.text},
                           {"evidence", check.evidence},
                           {"sources", SourcesJson(check.sources)},
                           {"kind", check.kind},
                           {"evidence_sources", SourcesJson(check.evidence_sources)}});
  }
  for (const auto& [status, count] : counts) output.meta[status] = count;
  output.meta["vintage"] = vintage;
  if (!vintage.empty()) output.meta["credit"] = std::string(analysis::kSipriCredit);
  const std::string& lang = context.lang;
  std::string counted =
      report::Msg("cli_claims_counts", lang,
                  {std::to_string(counts["supported"]), std::to_string(counts["contradicted"]),
                   std::to_string(counts["unverifiable"])});
  output.notes.push_back(vintage.empty()
                             ? counted + " (" + report::Msg("cli_no_sipri", lang) + ")"
                             : counted + "; " + report::Msg("cli_sipri_vintage", lang, {vintage}));
  output.word_columns = {"status"};
  AddCuratedCoverage(data.curated,
                     {analysis::CuratedKind::kClaims, analysis::CuratedKind::kIndicators,
                      analysis::CuratedKind::kAgreements, analysis::CuratedKind::kEvents,
                      analysis::CuratedKind::kPlatforms, analysis::CuratedKind::kComponents},
                     context.lang, &output);
  return context.Emit(output);
}

}  // namespace

void AddClaims(CLI::App* command, Context* context) {
  auto options = std::make_shared<ClaimsOptions>();
  command->add_option("--status", options->status, "only claims with this status")
      ->check(CLI::IsMember({"supported", "contradicted", "unverifiable"}));
  command->add_option("--vintage", options->vintage, "SIPRI vintage (default: newest)");
  command->callback([context, options] { context->result = RunClaims(*context, *options); });
}

}  // namespace defcoop::cli
