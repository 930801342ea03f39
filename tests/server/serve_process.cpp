#include "serve_process.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <regex>

namespace defcoop::server::testing {

ServeProcess::ServeProcess(const std::string& db, const std::string& web,
                           const std::vector<std::string>& options) {
  std::vector<std::string> args = {DEFCOOP_BIN, "--db", db, "serve", "--port", "0", "--web", web};
  args.insert(args.end(), options.begin(), options.end());
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int err_pipe[2];
  if (pipe(err_pipe) != 0) return;
  pid_ = fork();
  if (pid_ == 0) {
    dup2(err_pipe[1], STDERR_FILENO);
    close(err_pipe[0]);
    execv(DEFCOOP_BIN, argv.data());
    _exit(127);
  }
  close(err_pipe[1]);
  log_ = fdopen(err_pipe[0], "r");
  char line[1024];
  if (!fgets(line, sizeof line, log_)) return;
  std::smatch match;
  std::string text(line);
  if (std::regex_search(text, match, std::regex(R"(http://127\.0\.0\.1:(\d+)/)")))
    port_ = std::stoi(match[1]);
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) Stop();
  if (log_) fclose(log_);
}

bool ServeProcess::Alive() const {
  if (pid_ <= 0) return false;
  int status = 0;
  return waitpid(pid_, &status, WNOHANG) == 0;
}

long ServeProcess::StatusField(const std::string& name) const {
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string key;
  while (status >> key) {
    if (key == name + ":") {
      long value = 0;
      status >> value;
      return value;
    }
    std::string rest;
    std::getline(status, rest);
  }
  return -1;
}

long ServeProcess::RssKb() const { return StatusField("VmRSS"); }

long ServeProcess::Threads() const { return StatusField("Threads"); }

bool ServeProcess::WaitForLogLine(const std::string& text) {
  char line[4096];
  while (fgets(line, sizeof line, log_)) {
    if (std::string(line).find(text) != std::string::npos) return true;
  }
  return false;
}

int ServeProcess::Stop() {
  int status = -1;
  if (pid_ <= 0) return status;
  kill(pid_, SIGTERM);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

namespace {

void SetReceiveTimeout(int fd, std::chrono::milliseconds timeout) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

// Sends what it can: a server that stopped reading (a refused 100 MB body) is not an error.
void SendAll(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t count = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (count <= 0) return;
    sent += static_cast<size_t>(count);
  }
}

bool Complete(const std::string& text) {
  size_t head_end = text.find("\r\n\r\n");
  if (head_end == std::string::npos) return false;
  std::smatch match;
  std::string head = text.substr(0, head_end);
  if (!std::regex_search(head, match, std::regex(R"(Content-Length: (\d+))", std::regex::icase)))
    return false;
  return text.size() >= head_end + 4 + std::stoul(match[1]);
}

RawResponse Parse(const std::string& text) {
  RawResponse response;
  std::smatch match;
  if (std::regex_search(text, match, std::regex(R"(^HTTP/1\.[01] (\d{3}))")))
    response.status = std::stoi(match[1]);
  size_t head_end = text.find("\r\n\r\n");
  if (head_end == std::string::npos) return response;
  response.headers = text.substr(0, head_end);
  response.body = text.substr(head_end + 4);
  return response;
}

}  // namespace

RawResponse SendRaw(int port, const std::string& request, std::chrono::milliseconds timeout) {
  int fd = Connect(port);
  if (fd < 0) return {};
  SetReceiveTimeout(fd, timeout);
  SendAll(fd, request);
  std::string text;
  char buffer[65536];
  while (!Complete(text)) {
    ssize_t count = recv(fd, buffer, sizeof buffer, 0);
    if (count <= 0) break;
    text.append(buffer, static_cast<size_t>(count));
  }
  close(fd);
  return Parse(text);
}

}  // namespace defcoop::server::testing
