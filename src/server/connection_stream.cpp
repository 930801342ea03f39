#include "connection_stream.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace defcoop::server {
namespace {

using Clock = std::chrono::steady_clock;

// Waits until `fd` has `events` or `timeout` passes; false on timeout or error.
bool WaitFor(int fd, short events, std::chrono::milliseconds timeout) {
  pollfd entry{fd, events, 0};
  int millis = static_cast<int>(std::max<std::chrono::milliseconds::rep>(timeout.count(), 0));
  int ready = 0;
  do {
    ready = poll(&entry, 1, millis);
  } while (ready < 0 && errno == EINTR);
  return ready > 0;
}

void AddressOf(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, service,
                  sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
    ip.clear();
    port = 0;
    return;
  }
  ip = host;
  port = std::atoi(service);
}

}  // namespace

ConnectionStream::ConnectionStream(int fd, std::string bytes,
                                   std::chrono::milliseconds read_timeout,
                                   std::chrono::milliseconds write_timeout)
    : fd_(fd),
      bytes_(std::move(bytes)),
      read_deadline_(Clock::now() + read_timeout),
      write_timeout_(write_timeout) {}

bool ConnectionStream::is_readable() const {
  if (consumed_ < bytes_.size()) return true;
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(read_deadline_ - Clock::now());
  return WaitFor(fd_, POLLIN, left);
}

bool ConnectionStream::is_writable() const { return WaitFor(fd_, POLLOUT, write_timeout_); }

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (consumed_ < bytes_.size()) {
    size_t count = std::min(size, bytes_.size() - consumed_);
    std::memcpy(ptr, bytes_.data() + consumed_, count);
    consumed_ += count;
    return static_cast<ssize_t>(count);
  }
  if (!is_readable()) return -1;
  return recv(fd_, ptr, size, 0);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  ssize_t sent = send(fd_, ptr, size, MSG_NOSIGNAL);
  // Room can go between poll and send; cpp-httplib writes the rest on its next call.
  if (sent < 0 && (errno == EAGAIN || errno == EINTR)) return 0;
  return sent;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  PeerAddress(fd_, ip, port);
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) length = 0;
  AddressOf(address, length, ip, port);
}

std::string ConnectionStream::TakeUnread() {
  std::string unread = bytes_.substr(consumed_);
  bytes_.clear();
  consumed_ = 0;
  return unread;
}

void PeerAddress(int fd, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) length = 0;
  AddressOf(address, length, ip, port);
}

}  // namespace defcoop::server
