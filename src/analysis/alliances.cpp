#include "defcoop/analysis/alliances.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace defcoop::analysis {
namespace {

std::string Side(const std::string& id, int cow) {
  return id.empty() ? "cow:" + std::to_string(cow) : id;
}

}  // namespace

std::vector<AllianceSpan> AllianceSpans(const std::vector<AllianceYear>& years,
                                        const AllianceFilter& filter) {
  // (actor1, actor2, obligation) -> the years it held, ascending.
  std::map<std::tuple<std::string, std::string, std::string>, std::set<int>> held;
  for (const AllianceYear& y : years) {
    std::string one = Side(y.actor1_id, y.cow1), two = Side(y.actor2_id, y.cow2);
    // Groups count their members in the year of the obligation.
    bool matches = (PassesInYear(filter.actors, one, y.year) &&
                    PassesInYear(filter.partners, two, y.year)) ||
                   (PassesInYear(filter.actors, two, y.year) &&
                    PassesInYear(filter.partners, one, y.year));
    if (!matches || (filter.years && !filter.years->Contains(y.year))) continue;
    const std::pair<const char*, bool> obligations[] = {{"defense", y.defense},
                                                        {"offense", y.offense},
                                                        {"neutrality", y.neutrality},
                                                        {"nonaggression", y.nonaggression},
                                                        {"consultation", y.consultation}};
    for (const auto& [name, holds] : obligations) {
      if (holds) held[{one, two, name}].insert(y.year);
    }
  }
  std::vector<AllianceSpan> spans;
  for (const auto& [key, set] : held) {
    const auto& [one, two, obligation] = key;
    for (int year : set) {
      bool continues = !spans.empty() && spans.back().actor1 == one && spans.back().actor2 == two &&
                       spans.back().obligation == obligation && spans.back().years.last == year - 1;
      if (continues) {
        spans.back().years.last = year;
      } else {
        spans.push_back({one, two, obligation, {year, year}});
      }
    }
  }
  return spans;
}

}  // namespace defcoop::analysis
