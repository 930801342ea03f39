// The front door of `defcoop serve`: accepts connections and holds each one, on one thread
// and without a thread of its own, until its whole request head (request line and headers)
// has arrived; only then does a worker get it. cpp-httplib 0.11 reads a head on a worker
// thread with a timeout per read that every trickled byte resets, so 257 clients sending a
// header line every few seconds held every worker for as long as they liked. Here such a
// client costs a socket and the bytes it sent, and its whole head has a deadline: past it
// the client gets a 408 and is closed. A head over the size limit gets a 414 (no complete
// request line) or 431. Connections the server ends are closed lingering: it stops writing
// and discards what the client still sends for a short while, so that an unread request
// body does not make the kernel reset the connection before the client has read its answer.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <ostream>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "defcoop/core/status.h"

namespace defcoop::server {

// A connection between the gate and a worker.
struct Connection {
  int fd = -1;
  std::string bytes;    // read and not yet answered: a whole head, and whatever followed it
  size_t answered = 0;  // requests answered on it so far
  bool close = false;   // set by the worker: close it rather than wait for another request
};

struct GateLimits {
  std::chrono::milliseconds head_deadline;  // a new connection's whole request head
  std::chrono::milliseconds keep_alive;     // the next head on a kept-alive connection
  std::chrono::milliseconds linger;         // discarding input before a close
  size_t max_head_bytes;
  // Connections held at once (waiting or lingering). When a new one comes past this, the
  // held one nearest its deadline is closed: a normal client sends its head at once, so
  // it is never the one closed.
  size_t max_connections;
};

class HeadGate {
 public:
  using Handler = std::function<void(Connection)>;

  // `listen_fd` is a bound, listening socket; the gate makes it non-blocking and leaves
  // closing it to the caller. Refusals are logged to `log` (nullptr: not logged).
  HeadGate(int listen_fd, const GateLimits& limits, std::ostream* log);
  ~HeadGate();  // closes every connection still held or given back
  HeadGate(const HeadGate&) = delete;
  HeadGate& operator=(const HeadGate&) = delete;

  // Accepts connections until Stop(), giving each complete head to `handler` on this
  // thread (so `handler` must not block). Fails when epoll or eventfd cannot be set up.
  Status Run(const Handler& handler);
  // Makes Run() return; from any thread.
  void Stop();
  // A worker gives a connection back after answering it: to wait for its next request, or
  // (connection.close) to be closed. From any thread, also after Run() returned.
  void GiveBack(Connection connection);

 private:
  using Clock = std::chrono::steady_clock;
  struct Held {
    Connection connection;
    std::chrono::milliseconds allowed{};  // for its head, as the 408 says
    Clock::time_point deadline;
    bool lingering = false;
  };

  Status Open();
  int MillisToNextDeadline() const;
  void Wake();
  void AcceptAll(const Handler& handler);
  void TakeGivenBack(const Handler& handler);
  void Admit(Connection connection, std::chrono::milliseconds allowed, const Handler& handler);
  void Hold(Connection connection, std::chrono::milliseconds allowed);
  void Release(int fd, const Handler& handler);
  void ReadHead(int fd, const Handler& handler);
  void Discard(int fd);
  void Refuse(Held& held, int status, const std::string& message);
  void Linger(Held& held);
  void SetDeadline(Held& held, Clock::time_point deadline);
  void ExpireDue();
  void Drop(int fd);

  const int listen_fd_;
  const GateLimits limits_;
  std::ostream* const log_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::unordered_map<int, Held> held_;
  std::set<std::pair<Clock::time_point, int>> deadlines_;
  std::mutex given_back_mutex_;
  std::deque<Connection> given_back_;
  bool stopping_ = false;  // guarded by given_back_mutex_
};

// True when `bytes` hold a whole request head (up to and including its empty line);
// `from` is where to start looking (bytes before it were looked at already).
bool HasWholeHead(const std::string& bytes, size_t from = 0);

}  // namespace defcoop::server
