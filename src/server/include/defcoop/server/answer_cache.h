// Memoized API answers. While `defcoop serve` runs, the store's data is loaded once and
// never changes, so an answer depends only on the request: the second request for a
// claims table or a network (tens to hundreds of milliseconds to compute) is a lookup.
// Bounded by the bytes of the cached bodies; the least recently used answer goes first.
// Failed answers are not kept.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

#include "defcoop/server/server.h"

namespace defcoop::server {

class AnswerCache {
 public:
  explicit AnswerCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The cached answer to `request`, or handler(request) (kept when it succeeded).
  ApiResponse Answer(const ApiRequest& request, const ApiHandler& handler);

  size_t Entries() const;
  size_t Bytes() const;

 private:
  struct Entry {
    std::string key;
    ApiResponse response;
  };
  static std::string KeyOf(const ApiRequest& request);
  void Insert(std::string key, const ApiResponse& response);

  size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  size_t bytes_ = 0;
};

// `handler` with its successful answers cached in a cache of `max_bytes`.
ApiHandler Cached(ApiHandler handler, size_t max_bytes);

}  // namespace defcoop::server
