// How `defcoop serve` notices that the store under it changed. A running server keeps
// its Session (the store's data, loaded once) and a cache of answers; when another
// process imports a register or rebuilds the store with `init`, both are stale. Before
// each request StoreWatch compares the store file's identity (device and inode: `init`
// may put a new file in place) and SQLite's data_version on a connection it keeps open
// (it changes whenever another connection commits); when either moved, the next requests
// get a new Session and an empty cache under the next data version (1, 2, ...), and the
// server log says so. The check is one stat() and one PRAGMA: microseconds.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>

#include "defcoop/server/server.h"
#include "defcoop/store/store.h"

namespace defcoop::cli {

class Session;

class StoreWatch {
 public:
  // What answers the requests for one state of the store, given its Session and version.
  using MakeHandler =
      std::function<server::ApiHandler(std::shared_ptr<Session> session, int64_t version)>;

  StoreWatch(std::string db_path, std::ostream* log, MakeHandler make)
      : db_path_(std::move(db_path)), log_(log), make_(std::move(make)) {}

  // Serves `session` (already loaded) as data version 1. Error: the store cannot be read.
  Status Start(std::shared_ptr<Session> session);
  // The handler for the store as it is now (a new one when it changed since the last call).
  // When the store cannot be checked (it is being replaced), the last handler.
  server::ApiHandler Current();
  int64_t version() const;

 private:
  struct Fingerprint {
    uint64_t device = 0;
    uint64_t inode = 0;
    int64_t data_version = 0;
    bool operator==(const Fingerprint& other) const = default;
  };
  Result<Fingerprint> Read();  // with mutex_ held

  const std::string db_path_;
  std::ostream* log_;
  const MakeHandler make_;
  mutable std::mutex mutex_;
  std::unique_ptr<store::Store> kept_;  // opened read-only, never in a transaction
  uint64_t kept_device_ = 0;
  uint64_t kept_inode_ = 0;
  Fingerprint last_;
  int64_t version_ = 0;
  server::ApiHandler handler_;
};

}  // namespace defcoop::cli
