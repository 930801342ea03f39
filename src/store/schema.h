// The store's schema as an ordered list of migrations. Migration N takes a store at
// schema version N-1 to version N; a new store runs them all. Never edit a released
// migration: add a new one.
#pragma once

#include <sqlite3.h>

#include <string_view>
#include <vector>

#include "defcoop/core/status.h"

namespace defcoop::store {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
  // Fills what `sql` created from the store's data, in the same transaction (SQL alone
  // cannot: it would not sum in register order); null when there is nothing to fill.
  Status (*fill)(sqlite3* db) = nullptr;
};

// Version 9's fill: every SIPRI file's supplier-year totals (sipri_store.cpp).
Status FillSupplierYearTotals(sqlite3* db);

const std::vector<Migration>& Migrations();

// The first schema with the store_state table (and its build-complete marker).
constexpr int kFirstVersionWithState = 6;

// SQLite application_id marking a file as a defcoop store ("dfcp").
constexpr int kApplicationId = 0x64666370;

}  // namespace defcoop::store
