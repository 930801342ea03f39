// The store's schema as an ordered list of migrations. Migration N takes a store at
// schema version N-1 to version N; a new store runs them all. Never edit a released
// migration: add a new one.
#pragma once

#include <string_view>
#include <vector>

namespace defcoop::store {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

const std::vector<Migration>& Migrations();

// The first schema with the store_state table (and its build-complete marker).
constexpr int kFirstVersionWithState = 6;

// SQLite application_id marking a file as a defcoop store ("dfcp").
constexpr int kApplicationId = 0x64666370;

}  // namespace defcoop::store
