#include "worker_pool.h"

#include <utility>

namespace defcoop::server {

WorkerPool::WorkerPool(size_t min_threads, size_t max_threads, std::chrono::milliseconds idle)
    : min_threads_(min_threads), max_threads_(max_threads), idle_(idle) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (size_t count = 0; count < min_threads_; ++count) StartThread();
}

WorkerPool::~WorkerPool() { shutdown(); }

void WorkerPool::enqueue(std::function<void()> job) {
  std::vector<std::thread> done;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back(std::move(job));
    if (jobs_.size() > idle_threads_ && threads_.size() < max_threads_) StartThread();
    done.swap(finished_);
  }
  ready_.notify_one();
  for (std::thread& thread : done) thread.join();
}

void WorkerPool::shutdown() {
  std::vector<std::thread> all;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    for (auto& [id, thread] : threads_) all.push_back(std::move(thread));
    threads_.clear();
    for (std::thread& thread : finished_) all.push_back(std::move(thread));
    finished_.clear();
  }
  ready_.notify_all();
  for (std::thread& thread : all) {
    if (thread.joinable()) thread.join();
  }
}

size_t WorkerPool::Threads() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return threads_.size();
}

void WorkerPool::StartThread() {
  // The new thread waits for mutex_ (held by the caller) before it looks at anything.
  std::thread thread([this] { Work(); });
  std::thread::id id = thread.get_id();
  threads_.emplace(id, std::move(thread));
}

bool WorkerPool::MayRetire() const { return threads_.size() > min_threads_; }

void WorkerPool::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ++idle_threads_;
    bool woken = ready_.wait_for(lock, idle_, [this] { return stopping_ || !jobs_.empty(); });
    --idle_threads_;
    if (!jobs_.empty()) {
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      job();
      job = nullptr;  // the connection's resources go before the lock is taken again
      lock.lock();
      continue;
    }
    if (stopping_ || (!woken && MayRetire())) break;
  }
  // A thread cannot join itself: it hands itself over to be joined by the next enqueue()
  // or by shutdown() (which may already have taken it: then it is not found here).
  auto self = threads_.find(std::this_thread::get_id());
  if (self == threads_.end()) return;
  finished_.push_back(std::move(self->second));
  threads_.erase(self);
}

}  // namespace defcoop::server
