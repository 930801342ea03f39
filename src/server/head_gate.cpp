#include "head_gate.h"

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

#include "connection_stream.h"
#include "defcoop/server/server.h"

namespace defcoop::server {
namespace {

constexpr int kEventsPerWait = 256;
constexpr size_t kReadChunk = 4096;
// Reads per wake-up while lingering: a client that keeps sending does not keep the gate.
constexpr int kDiscardReads = 16;
// When the process is out of file descriptors and holds nothing it could close.
constexpr auto kPauseWhenOutOfFiles = std::chrono::milliseconds(10);

Status SystemError(const std::string& what) {
  return Status::Io("the server cannot " + what + ": " + std::strerror(errno));
}

const char* Reason(int status) {
  switch (status) {
    case 408:
      return "Request Timeout";
    case 414:
      return "URI Too Long";
    default:
      return "Request Header Fields Too Large";
  }
}

std::string Seconds(std::chrono::milliseconds duration) {
  auto millis = duration.count();
  if (millis % 1000 == 0) return std::to_string(millis / 1000) + " s";
  return std::to_string(millis) + " ms";
}

}  // namespace

bool HasWholeHead(const std::string& bytes, size_t from) {
  size_t start = from >= 2 ? from - 2 : 0;
  return bytes.find("\n\r\n", start) != std::string::npos ||
         bytes.find("\n\n", start) != std::string::npos;
}

HeadGate::HeadGate(int listen_fd, const GateLimits& limits, std::ostream* log)
    : listen_fd_(listen_fd), limits_(limits), log_(log) {}

HeadGate::~HeadGate() {
  for (auto& [fd, held] : held_) close(fd);
  for (Connection& connection : given_back_) close(connection.fd);
  if (epoll_fd_ >= 0) close(epoll_fd_);
  if (wake_fd_ >= 0) close(wake_fd_);
}

Status HeadGate::Open() {
  int flags = fcntl(listen_fd_, F_GETFL);
  if (flags < 0 || fcntl(listen_fd_, F_SETFL, flags | O_NONBLOCK) < 0)
    return SystemError("make its socket non-blocking");
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0) return SystemError("create an epoll instance");
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_fd_ < 0) return SystemError("create an eventfd");
  for (int fd : {listen_fd_, wake_fd_}) {
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = fd;
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &event) != 0) return SystemError("watch a socket");
  }
  return Status::Ok();
}

Status HeadGate::Run(const Handler& handler) {
  DEFCOOP_RETURN_IF_ERROR(Open());
  epoll_event events[kEventsPerWait];
  for (;;) {
    int count = epoll_wait(epoll_fd_, events, kEventsPerWait, MillisToNextDeadline());
    if (count < 0 && errno != EINTR) return SystemError("wait for connections");
    for (int idx = 0; idx < count; ++idx) {
      int fd = events[idx].data.fd;
      if (fd == listen_fd_) {
        AcceptAll(handler);
      } else if (fd == wake_fd_) {
        uint64_t ignored = 0;
        (void)!::read(wake_fd_, &ignored, sizeof ignored);
        {
          std::lock_guard<std::mutex> lock(given_back_mutex_);
          if (stopping_) return Status::Ok();
        }
        TakeGivenBack(handler);
      } else {
        // An fd closed earlier in this batch may have been reused; reading then finds
        // nothing to read, which is harmless.
        auto found = held_.find(fd);
        if (found == held_.end()) continue;
        found->second.lingering ? Discard(fd) : ReadHead(fd, handler);
      }
    }
    ExpireDue();
  }
}

void HeadGate::Stop() {
  {
    std::lock_guard<std::mutex> lock(given_back_mutex_);
    stopping_ = true;
  }
  Wake();
}

void HeadGate::GiveBack(Connection connection) {
  {
    std::lock_guard<std::mutex> lock(given_back_mutex_);
    given_back_.push_back(std::move(connection));
  }
  Wake();
}

void HeadGate::Wake() {
  uint64_t one = 1;
  if (wake_fd_ >= 0) (void)!::write(wake_fd_, &one, sizeof one);
}

int HeadGate::MillisToNextDeadline() const {
  if (deadlines_.empty()) return -1;
  auto left = deadlines_.begin()->first - Clock::now();
  // Rounded up: a wait that ends just before the deadline would only wait again.
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(left).count() + 1;
  return static_cast<int>(std::max<decltype(millis)>(millis, 0));
}

void HeadGate::AcceptAll(const Handler& handler) {
  for (;;) {
    int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) {
      Connection connection;
      connection.fd = fd;
      Admit(std::move(connection), limits_.head_deadline, handler);
      continue;
    }
    if (errno == EINTR || errno == ECONNABORTED) continue;
    if (errno != EMFILE && errno != ENFILE) return;  // EAGAIN: none waiting
    if (deadlines_.empty()) {
      std::this_thread::sleep_for(kPauseWhenOutOfFiles);
      return;
    }
    Drop(deadlines_.begin()->second);
  }
}

void HeadGate::TakeGivenBack(const Handler& handler) {
  std::deque<Connection> given;
  {
    std::lock_guard<std::mutex> lock(given_back_mutex_);
    given.swap(given_back_);
  }
  for (Connection& connection : given) {
    if (!connection.close) {
      Admit(std::move(connection), limits_.keep_alive, handler);
      continue;
    }
    int fd = connection.fd;
    Hold(std::move(connection), limits_.linger);
    auto found = held_.find(fd);
    if (found != held_.end()) Linger(found->second);
  }
}

void HeadGate::Admit(Connection connection, std::chrono::milliseconds allowed,
                     const Handler& handler) {
  if (HasWholeHead(connection.bytes)) {
    handler(std::move(connection));  // a pipelined request came with the last one
    return;
  }
  Hold(std::move(connection), allowed);
}

void HeadGate::Hold(Connection connection, std::chrono::milliseconds allowed) {
  if (held_.size() >= limits_.max_connections && !deadlines_.empty())
    Drop(deadlines_.begin()->second);
  int fd = connection.fd;
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.fd = fd;
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &event) != 0) {
    close(fd);
    return;
  }
  Held& held = held_[fd];
  held.connection = std::move(connection);
  held.allowed = allowed;
  held.deadline = Clock::now() + allowed;
  deadlines_.emplace(held.deadline, fd);
}

void HeadGate::Release(int fd, const Handler& handler) {
  auto found = held_.find(fd);
  Connection connection = std::move(found->second.connection);
  deadlines_.erase({found->second.deadline, fd});
  held_.erase(found);
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  handler(std::move(connection));
}

void HeadGate::ReadHead(int fd, const Handler& handler) {
  Held& held = held_.at(fd);
  std::string& bytes = held.connection.bytes;
  char buffer[kReadChunk];
  for (;;) {
    size_t room = limits_.max_head_bytes - bytes.size();
    ssize_t count = recv(fd, buffer, std::min(room, sizeof buffer), 0);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (count <= 0) {  // the client went away, or the connection broke
      Drop(fd);
      return;
    }
    size_t looked_at = bytes.size();
    bytes.append(buffer, static_cast<size_t>(count));
    if (HasWholeHead(bytes, looked_at)) {
      Release(fd, handler);
      return;
    }
    if (bytes.size() >= limits_.max_head_bytes) {
      std::string limit = std::to_string(limits_.max_head_bytes) + " bytes";
      bool has_line = bytes.find('\n') != std::string::npos;
      Refuse(held, has_line ? 431 : 414,
             has_line ? "the request headers are longer than " + limit
                      : "the request line is longer than " + limit);
      return;
    }
  }
}

void HeadGate::Discard(int fd) {
  char buffer[kReadChunk];
  for (int reads = 0; reads < kDiscardReads; ++reads) {
    ssize_t count = recv(fd, buffer, sizeof buffer, 0);
    if (count > 0 || (count < 0 && errno == EINTR)) continue;
    if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    Drop(fd);  // the client closed its side: the close is complete
    return;
  }
}

void HeadGate::Refuse(Held& held, int status, const std::string& message) {
  std::string body = ErrorJson(status, message);
  std::string response =
      "HTTP/1.1 " + std::to_string(status) + " " + Reason(status) +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\nConnection: close\r\n\r\n" + body;
  // A few hundred bytes into an empty send buffer: one try, never a wait.
  send(held.connection.fd, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  std::string ip;
  int port = 0;
  PeerAddress(held.connection.fd, ip, port);
  LogLine(log_, ip + " - - " + std::to_string(status) + " " + std::to_string(body.size()) + " (" +
                    message + ")");
  Linger(held);
}

void HeadGate::Linger(Held& held) {
  shutdown(held.connection.fd, SHUT_WR);
  held.lingering = true;
  held.connection.bytes = std::string();
  SetDeadline(held, Clock::now() + limits_.linger);
}

void HeadGate::SetDeadline(Held& held, Clock::time_point deadline) {
  deadlines_.erase({held.deadline, held.connection.fd});
  held.deadline = deadline;
  deadlines_.emplace(deadline, held.connection.fd);
}

void HeadGate::ExpireDue() {
  auto now = Clock::now();
  while (!deadlines_.empty() && deadlines_.begin()->first <= now) {
    Held& held = held_.at(deadlines_.begin()->second);
    if (held.lingering || held.connection.bytes.empty()) {
      Drop(held.connection.fd);  // done lingering, or an idle connection
      continue;
    }
    Refuse(held, 408,
           "the request head (request line and headers) did not arrive within " +
               Seconds(held.allowed));
  }
}

void HeadGate::Drop(int fd) {
  auto found = held_.find(fd);
  if (found == held_.end()) return;
  deadlines_.erase({found->second.deadline, fd});
  held_.erase(found);
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  close(fd);
}

}  // namespace defcoop::server
