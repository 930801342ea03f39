// `defcoop sources`: every source of the curated data (CSL-JSON), with the facts citing it.
#include <map>
#include <memory>

#include "context.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

// The first author or the publishing body, as CSL-JSON gives it.
std::string FirstAuthor(const nlohmann::json& item) {
  if (!item.contains("author") || item["author"].empty()) return item.value("publisher", "");
  const nlohmann::json& author = item["author"][0];
  if (author.contains("literal")) return author["literal"].get<std::string>();
  return author.value("family", "") +
         (author.contains("given") ? ", " + author.value("given", "") : "");
}

std::string Issued(const nlohmann::json& item) {
  if (!item.contains("issued") || !item["issued"].contains("date-parts")) return "";
  const nlohmann::json& parts = item["issued"]["date-parts"][0];
  return parts.empty() ? "" : std::to_string(parts[0].get<int>());
}

std::map<std::string, int> CitationCounts(const Dataset& data) {
  std::map<std::string, int> counts;
  auto count = [&](const std::vector<SourceRef>& refs) {
    for (const SourceRef& ref : refs) ++counts[ref.source_id];
  };
  for (const Actor& a : data.actors) count(a.sources);
  for (const Event& e : data.events) count(e.sources);
  for (const Agreement& a : data.agreements) count(a.sources);
  for (const Embargo& e : data.embargoes) count(e.sources);
  for (const Indicator& i : data.indicators) count(i.sources);
  for (const Claim& c : data.claims) count(c.sources);
  for (const Platform& p : data.platforms) count(p.sources);
  for (const Component& c : data.components) count(c.sources);
  for (const Venture& v : data.ventures) count(v.sources);
  return counts;
}

Status RunSources(Context& context) {
  auto loaded = LoadCuratedData(context);
  if (!loaded.ok()) return loaded.status();
  const Dataset& data = (*loaded)->curated;
  std::map<std::string, int> cited = CitationCounts(data);
  Output output;
  output.columns = {"id", "author", "issued", "title", "type", "cited_by"};
  for (const Source& source : data.sources) {
    nlohmann::json item = nlohmann::json::parse(source.csl_json, nullptr, false);
    if (item.is_discarded()) item = nlohmann::json::object();
    output.rows.push_back({{"id", source.id},
                           {"author", FirstAuthor(item)},
                           {"issued", Issued(item)},
                           {"title", source.title},
                           {"type", source.type},
                           {"cited_by", cited[source.id]},
                           {"url", item.value("URL", "")}});
  }
  output.meta["sources"] = data.sources.size();
  return context.Emit(output);
}

}  // namespace

void AddSources(CLI::App* command, Context* context) {
  command->callback([context] { context->result = RunSources(*context); });
}

}  // namespace defcoop::cli
