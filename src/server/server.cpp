#include "defcoop/server/server.h"

#include <httplib.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "connection_stream.h"
#include "head_gate.h"
#include "worker_pool.h"

namespace defcoop::server {
namespace {

std::string CodeFor(int http_status) {
  switch (http_status) {
    case 400:
      return "bad_request";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "too_large";
    case 431:
      return "headers_too_large";
    case 414:
      return "uri_too_long";
    default:
      return "internal";
  }
}

void SendError(httplib::Response& res, int http_status, const std::string& message) {
  res.status = http_status;
  res.set_content(ErrorJson(http_status, message), "application/json");
}

constexpr const char* kDataVersionHeader = "X-Defcoop-Data-Version";

ApiRequest ToApiRequest(const httplib::Request& req) {
  ApiRequest api;
  api.endpoint = req.matches.size() > 1 ? std::string(req.matches[1]) : "";
  for (const auto& [key, value] : req.params) api.params.emplace(key, value);
  return api;
}

// Bytes that are not UTF-8 would reach the commands (and their JSON writer); say which
// parameter holds them instead.
Status CheckUtf8(const httplib::Request& req) {
  if (!IsValidUtf8(req.path)) return Status::Usage("the path is not valid UTF-8");
  for (const auto& [key, value] : req.params) {
    if (!IsValidUtf8(key)) return Status::Usage("a parameter name is not valid UTF-8");
    if (!IsValidUtf8(value)) return Status::Usage("parameter '" + key + "' is not valid UTF-8");
  }
  return Status::Ok();
}

void HandleApi(const ApiHandler& handler, const httplib::Request& req, httplib::Response& res) {
  Status utf8 = CheckUtf8(req);
  if (!utf8.ok()) {
    SendError(res, 400, utf8.message());
    return;
  }
  ApiResponse answer = handler(ToApiRequest(req));
  if (!answer.data_version.empty()) res.set_header(kDataVersionHeader, answer.data_version);
  if (!answer.status.ok()) {
    SendError(res, HttpStatusFor(answer.status), answer.status.message());
    return;
  }
  if (answer.body.size() > kMaxResponseBytes) {
    SendError(res, 413, "the answer is too large; narrow the query (years, countries, --top)");
    return;
  }
  res.set_header("Cache-Control", "no-store");
  res.set_content(answer.body, answer.content_type);
}

// Request targets are logged as they came, but never as raw control bytes or broken
// UTF-8 that could forge log lines or upset a terminal; long ones are cut.
constexpr size_t kMaxLoggedTarget = 512;

std::string Printable(const std::string& text) {
  std::string shown;
  for (unsigned char c : text.substr(0, kMaxLoggedTarget)) {
    if (c < 0x20 || c >= 0x7f) {
      static const char kHex[] = "0123456789ABCDEF";
      shown += {'%', kHex[c >> 4], kHex[c & 15]};
    } else {
      shown += static_cast<char>(c);
    }
  }
  if (text.size() > kMaxLoggedTarget) shown += "...";
  return shown;
}

void LogRequest(std::ostream* log, const httplib::Request& req, const httplib::Response& res) {
  std::string target = req.target.empty() ? req.path : req.target;
  std::string line = req.remote_addr + " " + Printable(req.method) + " " + Printable(target) + " " +
                     std::to_string(res.status) + " " + std::to_string(res.body.size());
  std::string version = res.get_header_value(kDataVersionHeader);
  if (!version.empty()) line += " data_version=" + version;
  LogLine(log, line);
}

std::string DefaultMessage(int http_status) {
  switch (http_status) {
    case 400:
      return "the request is malformed";
    case 413:
      return "the request body is larger than " + std::to_string(kMaxBody) + " bytes";
    case 414:
      return "the request line is too long";
    case 431:
      return "the request headers are too large";
    default:
      return "the request was refused (HTTP " + std::to_string(http_status) + ")";
  }
}

// A body over kMaxBody, or one of unknown length (chunked), or a length that is no number.
bool HasLargeBody(const httplib::Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  if (!req.has_header("Content-Length")) return false;
  std::string text = req.get_header_value("Content-Length");
  char* end = nullptr;
  errno = 0;
  unsigned long long length = std::strtoull(text.c_str(), &end, 10);
  return errno != 0 || end == text.c_str() || *end != '\0' || length > kMaxBody;
}

bool IsReadMethod(const std::string& method) { return method == "GET" || method == "HEAD"; }

// Refusals cpp-httplib makes itself (a malformed request line, an unknown method, a body
// or URI over its limits, a missing static file) come without a body: give them the JSON
// error every other refusal has.
httplib::Server::HandlerResponse JsonError(const httplib::Request& req, httplib::Response& res) {
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  // Malformed: where a next request on the connection would start is unknown.
  if (res.status == 400) res.set_header("Connection", "close");
  if (res.status == 404 && !req.method.empty() && !IsReadMethod(req.method)) res.status = 405;
  std::string message = res.status == 405   ? "the API is read-only: only GET is answered"
                        : res.status == 404 ? "nothing at " + Printable(req.path)
                                            : DefaultMessage(res.status);
  SendError(res, res.status, message);
  return httplib::Server::HandlerResponse::Handled;
}

// SIGINT and SIGTERM are blocked in this thread and every thread it starts after this;
// one thread waits for them and stops the server: signal handlers may not call into it.
sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

std::thread StopOnSignal(sigset_t signals, std::function<void()> stop,
                         std::atomic<bool>* signalled) {
  return std::thread([stop = std::move(stop), signals, signalled] {
    int received = 0;
    sigwait(&signals, &received);
    signalled->store(true);
    stop();
  });
}

// cpp-httplib's Server without its accept loop: the head gate accepts, and a worker hands
// each complete request head to process_request(), which cpp-httplib keeps protected for
// subclasses that bring their own Stream (its SSLServer is one).
class ListeningServer : public httplib::Server {
 public:
  // cpp-httplib listens with a backlog of 5 (compiled into Debian's library): a burst of
  // connections overflows it, and the kernel drops the rest until they retry seconds
  // later. listen() again on the bound socket raises the backlog to the system's maximum.
  void RaiseBacklog() { ::listen(svr_sock_, SOMAXCONN); }
  int ListeningSocket() const { return svr_sock_; }
  void CloseListeningSocket() { ::close(svr_sock_.exchange(INVALID_SOCKET)); }

  // Answers the one request in `stream`; false when the client went away or could not be
  // written to. `last`: the answer says the connection closes.
  bool AnswerOne(httplib::Stream& stream, bool last, bool& client_closes) {
    return process_request(stream, last, client_closes, nullptr);
  }
};

// Set while a worker answers, when the answer says "Connection: close" (a refusal that
// leaves a body unread, or a client that asked): the connection is then closed, not kept.
thread_local bool answer_closes_connection = false;

// Answers the request whose head the gate has read, then gives the connection back to it:
// to wait for the next request, or to be closed.
void Answer(ListeningServer& server, HeadGate& gate, Connection connection) {
  ConnectionStream stream(connection.fd, std::move(connection.bytes),
                          std::chrono::seconds(kReadTimeoutSeconds),
                          std::chrono::seconds(kWriteTimeoutSeconds));
  bool last = ++connection.answered >= kKeepAliveRequests;
  bool client_closes = false;
  answer_closes_connection = false;
  bool answered = server.AnswerOne(stream, last, client_closes);
  connection.bytes = stream.TakeUnread();
  connection.close = !answered || last || client_closes || answer_closes_connection;
  gate.GiveBack(std::move(connection));
}

// The soft limit on open files is raised to the hard one (as Go's runtime does): each held
// connection is a file. The gate holds what is left after the workers' sockets and a reserve
// for the store, the dashboard's files and the log.
size_t ConnectionsToHold() {
  constexpr size_t kReservedFiles = 64;
  constexpr size_t kFewest = 16;
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) != 0) return kFewest;
  if (files.rlim_cur < files.rlim_max) {
    rlimit raised = files;
    raised.rlim_cur = files.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) files = raised;
  }
  size_t usable = files.rlim_cur == RLIM_INFINITY ? 1 << 20 : size_t(files.rlim_cur);
  return std::max(kFewest, usable > kMaxWorkers + kReservedFiles
                               ? usable - kMaxWorkers - kReservedFiles
                               : size_t(0));
}

GateLimits LimitsFor(const ServeOptions& options) {
  GateLimits limits;
  limits.head_deadline = std::chrono::seconds(options.head_seconds);
  limits.keep_alive = std::chrono::seconds(kKeepAliveSeconds);
  limits.linger = std::chrono::seconds(kLingerSeconds);
  limits.max_head_bytes = kMaxRequestHead;
  limits.max_connections = ConnectionsToHold();
  return limits;
}

void ConfigureConnections(httplib::Server& server) {
  server.set_payload_max_length(kMaxBody);
  // Without TCP_NODELAY small answers wait ~40 ms for Nagle's algorithm and delayed ACKs
  // (set on the listening socket; accepted ones inherit it).
  server.set_tcp_nodelay(true);
  // Only for the Keep-Alive header of answers: the gate and the worker keep these.
  server.set_keep_alive_timeout(kKeepAliveSeconds);
  server.set_keep_alive_max_count(kKeepAliveRequests);
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.get_header_value("Connection") == "close") answer_closes_connection = true;
  });
}

void RefuseWrites(httplib::Server& server) {
  auto refuse = [](const httplib::Request&, httplib::Response& res) {
    SendError(res, 405, "the API is read-only: only GET is answered");
  };
  server.Post(R"(/.*)", refuse);
  server.Put(R"(/.*)", refuse);
  server.Patch(R"(/.*)", refuse);
  server.Delete(R"(/.*)", refuse);
  server.Options(R"(/.*)", refuse);
}

void Configure(httplib::Server& server, const ServeOptions& options, const ApiHandler& handler) {
  ConfigureConnections(server);
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.target.size() > kMaxRequestLine) {
      SendError(res, 414,
                "the request line is longer than " + std::to_string(kMaxRequestLine) + " bytes");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.headers.size() > kMaxHeaders) {
      SendError(res, 431, "more than " + std::to_string(kMaxHeaders) + " request headers");
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    // Refused before it is read, whatever the method (cpp-httplib reads no body for GET
    // and would leave it on the connection).
    if (HasLargeBody(req)) {
      SendError(res, 413, DefaultMessage(413));
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.Get(R"(/api/v1/([a-z_]+))",
             [&handler](const httplib::Request& req, httplib::Response& res) {
               HandleApi(handler, req, res);
             });
  server.Get(R"(/api/v1/?.*)", [](const httplib::Request& req, httplib::Response& res) {
    SendError(res, 404, "no API endpoint " + req.path);
  });
  RefuseWrites(server);
  server.set_error_handler(httplib::Server::HandlerWithResponse(JsonError));
  server.set_logger([log = options.log](const httplib::Request& req, const httplib::Response& res) {
    LogRequest(log, req, res);
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                  std::exception_ptr) { SendError(res, 500, "internal error"); });
}

}  // namespace

int HttpStatusFor(const Status& status) {
  switch (status.kind()) {
    case StatusKind::kUsage:
    case StatusKind::kInvalidInput:
      return 400;
    case StatusKind::kNotFound:
      return 404;
    default:
      return 500;
  }
}

std::string ErrorJson(int http_status, const std::string& message) {
  nlohmann::json error = {{"error", {{"code", CodeFor(http_status)}, {"message", message}}}};
  // A message may quote what the client sent: bytes that are not UTF-8 become U+FFFD.
  return error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool IsValidUtf8(std::string_view text) {
  size_t idx = 0;
  while (idx < text.size()) {
    auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
    unsigned char lead = byte(idx);
    size_t length = lead < 0x80           ? 1
                    : (lead >> 5) == 0x6  ? 2
                    : (lead >> 4) == 0xE  ? 3
                    : (lead >> 3) == 0x1E ? 4
                                          : 0;
    if (length == 0 || idx + length > text.size()) return false;
    uint32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t next = 1; next < length; ++next) {
      if ((byte(idx + next) & 0xC0) != 0x80) return false;
      code = (code << 6) | (byte(idx + next) & 0x3F);
    }
    static constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    bool surrogate = code >= 0xD800 && code <= 0xDFFF;
    if (code < kSmallest[length] || code > 0x10FFFF || surrogate) return false;
    idx += length;
  }
  return true;
}

void LogLine(std::ostream* log, const std::string& line) {
  if (!log) return;
  // Worker threads log concurrently: one whole line at a time.
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  *log << line << "\n" << std::flush;
}

Status Serve(const ServeOptions& options, const ApiHandler& handler) {
  ListeningServer server;
  if (!options.web_dir.empty()) {
    if (!std::filesystem::is_directory(options.web_dir)) {
      return Status::Io("no dashboard at " + options.web_dir +
                        " (build it: make web), or pass --web ''");
    }
    server.set_mount_point("/", options.web_dir);
  }
  Configure(server, options, handler);
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0)
    return Status::Io("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                      ": another program uses the port, or the address is not this machine's; "
                      "choose another with --port N (--port 0 takes any free port) or --host");
  server.RaiseBacklog();
  sigset_t stop_signals = BlockStopSignals();
  // Every thread starts after the signals are blocked. The workers end (below) before the
  // gate goes: until then they give connections back to it.
  WorkerPool workers(kMinWorkers, kMaxWorkers, std::chrono::seconds(kIdleWorkerSeconds));
  HeadGate gate(server.ListeningSocket(), LimitsFor(options), options.log);
  std::atomic<bool> signalled{false};
  std::thread stopper = StopOnSignal(
      stop_signals, [&gate] { gate.Stop(); }, &signalled);
  if (options.on_listening) options.on_listening(port);
  Status served = gate.Run([&](Connection connection) {
    workers.enqueue([&server, &gate, connection = std::move(connection)]() mutable {
      Answer(server, gate, std::move(connection));
    });
  });
  if (!signalled.load()) pthread_kill(stopper.native_handle(), SIGTERM);  // wake the waiter
  stopper.join();
  server.CloseListeningSocket();
  workers.shutdown();  // the requests being answered are answered
  return served;
}

}  // namespace defcoop::server
