// A real `defcoop serve --port 0` in a child process for tests that need their own server
// (abuse, a store that changes underneath): starts it, learns its port from the first
// line it logs, reads its log, measures its memory, and stops it with SIGTERM. Also a
// raw-socket client for requests a well-behaved HTTP client would refuse to send.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace defcoop::server::testing {

class ServeProcess {
 public:
  // Runs `defcoop --db DB serve --port 0 --web WEB [OPTIONS...]` (WEB "" = API only).
  ServeProcess(const std::string& db, const std::string& web,
               const std::vector<std::string>& options = {});
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  bool started() const { return port_ > 0; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Whether the process is still running.
  bool Alive() const;
  // Resident memory (VmRSS) and threads of the process, from /proc.
  long RssKb() const;
  long Threads() const;
  // Reads log lines until one contains `text` (true) or the log ends (false).
  bool WaitForLogLine(const std::string& text);
  // SIGTERM, then the exit status (as waitpid gives it).
  int Stop();

 private:
  long StatusField(const std::string& name) const;

  pid_t pid_ = -1;
  int port_ = 0;
  FILE* log_ = nullptr;
};

struct RawResponse {
  int status = 0;  // 0: no status line came back (the server closed the connection)
  std::string headers;
  std::string body;
};

// Sends `request` bytes as they are to 127.0.0.1:port and reads the answer until the
// server closes the connection, Content-Length bytes of body arrived, or `timeout`.
RawResponse SendRaw(int port, const std::string& request,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10));

// A connected socket (-1 on failure); the caller closes it.
int Connect(int port);

}  // namespace defcoop::server::testing
