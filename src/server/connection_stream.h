// cpp-httplib's view of one request on a connection the head gate admitted: it reads the
// bytes the gate already read (a whole request head, perhaps more), then the socket. A read
// past those bytes (a request body) waits at most `read_timeout` from the stream's creation
// in all, however the client trickles; a write waits at most `write_timeout` for room. The
// socket stays open and non-blocking; the stream does not own it.
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>

namespace defcoop::server {

class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(int fd, std::string bytes, std::chrono::milliseconds read_timeout,
                   std::chrono::milliseconds write_timeout);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return fd_; }

  // What was read and not consumed: the start of a pipelined next request.
  std::string TakeUnread();

 private:
  const int fd_;
  std::string bytes_;
  size_t consumed_ = 0;
  const std::chrono::steady_clock::time_point read_deadline_;
  const std::chrono::milliseconds write_timeout_;
};

// The numeric address and port of the socket's peer ("" and 0 when it has none).
void PeerAddress(int fd, std::string& ip, int& port);

}  // namespace defcoop::server
