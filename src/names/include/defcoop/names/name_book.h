// Actor names in the report's language. States get the curated name in that language
// when the data has one (the article's "Türkiye", "Түркия"), else CLDR's through ICU or
// Debian iso-codes' (the names module's GeneratedStateNames), else the English display
// name; other actors get a curated name in the language or their display name. Ids
// nobody knows (unresolved SIPRI spellings) are shown as they are.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "defcoop/core/model.h"

namespace defcoop::names {

class NameBook {
 public:
  NameBook(const Dataset& data, std::string_view lang);
  std::string Name(std::string_view id) const;

 private:
  void Offer(const std::string& id, const std::string& name, int rank);

  std::map<std::string, std::pair<int, std::string>, std::less<>> names_;  // id -> (rank, name)
};

}  // namespace defcoop::names
