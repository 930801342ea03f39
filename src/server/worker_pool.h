// The server's connection threads: a cpp-httplib TaskQueue that grows when every thread
// is busy and shrinks back when the load is gone. cpp-httplib's own ThreadPool has a fixed
// size (8 threads here), and a connection holds its thread while the client keeps it open,
// so eight clients that trickle a header line every few seconds stopped the whole server.
// Here each such client holds one thread of up to `max_threads`; only past that do new
// connections wait in the queue.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace defcoop::server {

class WorkerPool : public httplib::TaskQueue {
 public:
  // Starts `min_threads`; threads above that end after `idle` without work.
  WorkerPool(size_t min_threads, size_t max_threads, std::chrono::milliseconds idle);
  ~WorkerPool() override;
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void enqueue(std::function<void()> job) override;
  // Runs the queued jobs to the end, then joins every thread.
  void shutdown() override;

  size_t Threads() const;

 private:
  void StartThread();  // with mutex_ held
  void Work();
  bool MayRetire() const;  // with mutex_ held

  const size_t min_threads_;
  const size_t max_threads_;
  const std::chrono::milliseconds idle_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::map<std::thread::id, std::thread> threads_;
  std::vector<std::thread> finished_;
  size_t idle_threads_ = 0;
  bool stopping_ = false;
};

}  // namespace defcoop::server
