#include "defcoop/server/answer_cache.h"

#include <memory>
#include <utility>

namespace defcoop::server {

std::string AnswerCache::KeyOf(const ApiRequest& request) {
  // The params are ordered by name (a repeated name keeps its order): a canonical key.
  // '\0' cannot occur in a decoded URL parameter we accept, so it separates unambiguously.
  std::string key = request.endpoint;
  for (const auto& [name, value] : request.params) {
    key += '\0' + name + '\0' + value;
  }
  return key;
}

ApiResponse AnswerCache::Answer(const ApiRequest& request, const ApiHandler& handler) {
  std::string key = KeyOf(request);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = by_key_.find(key);
    if (found != by_key_.end()) {
      entries_.splice(entries_.begin(), entries_, found->second);
      return found->second->response;
    }
  }
  // Computed outside the lock: two first requests for one key may both compute it.
  ApiResponse response = handler(request);
  if (response.status.ok()) Insert(std::move(key), response);
  return response;
}

void AnswerCache::Insert(std::string key, const ApiResponse& response) {
  size_t size = key.size() + response.body.size();
  if (size > max_bytes_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (by_key_.count(key)) return;  // another request computed it meanwhile
  entries_.push_front({key, response});
  by_key_.emplace(std::move(key), entries_.begin());
  bytes_ += size;
  while (bytes_ > max_bytes_) {
    const Entry& oldest = entries_.back();
    bytes_ -= oldest.key.size() + oldest.response.body.size();
    by_key_.erase(oldest.key);
    entries_.pop_back();
  }
}

size_t AnswerCache::Entries() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

size_t AnswerCache::Bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

ApiHandler Cached(ApiHandler handler, size_t max_bytes) {
  auto cache = std::make_shared<AnswerCache>(max_bytes);
  return [cache, handler = std::move(handler)](const ApiRequest& request) {
    return cache->Answer(request, handler);
  };
}

}  // namespace defcoop::server
