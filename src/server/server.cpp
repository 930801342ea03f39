#include "defcoop/server/server.h"

#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

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

ApiRequest ToApiRequest(const httplib::Request& req) {
  ApiRequest api;
  api.endpoint = req.matches.size() > 1 ? std::string(req.matches[1]) : "";
  for (const auto& [key, value] : req.params) api.params.emplace(key, value);
  return api;
}

void HandleApi(const ApiHandler& handler, const httplib::Request& req, httplib::Response& res) {
  ApiResponse answer = handler(ToApiRequest(req));
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

void LogRequest(std::ostream* log, const httplib::Request& req, const httplib::Response& res) {
  if (!log) return;
  std::string target = req.target.empty() ? req.path : req.target;
  std::string line = req.remote_addr + " " + req.method + " " + target + " " +
                     std::to_string(res.status) + " " + std::to_string(res.body.size()) + "\n";
  // Worker threads log concurrently: one whole line at a time.
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  *log << line << std::flush;
}

// Blocks SIGINT and SIGTERM in every thread, then waits for one on its own thread and
// stops the server: signal handlers may not call into the server safely.
std::thread StopOnSignal(httplib::Server& server, std::atomic<bool>* signalled) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return std::thread([&server, signals, signalled] {
    int received = 0;
    sigwait(&signals, &received);
    signalled->store(true);
    server.stop();
  });
}

void Configure(httplib::Server& server, const ServeOptions& options, const ApiHandler& handler) {
  server.set_payload_max_length(kMaxBody);
  // Without TCP_NODELAY small answers wait ~40 ms for Nagle's algorithm and delayed ACKs.
  server.set_tcp_nodelay(true);
  server.set_read_timeout(std::chrono::seconds(5));
  server.set_write_timeout(std::chrono::seconds(10));
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.target.size() > kMaxRequestLine) {
      SendError(res, 414,
                "the request line is longer than " + std::to_string(kMaxRequestLine) + " bytes");
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
  for (const char* path : {R"(/.*)"}) {
    server.Post(path, [](const httplib::Request&, httplib::Response& res) {
      SendError(res, 405, "the API is read-only: only GET is answered");
    });
    server.Put(path, [](const httplib::Request&, httplib::Response& res) {
      SendError(res, 405, "the API is read-only: only GET is answered");
    });
    server.Delete(path, [](const httplib::Request&, httplib::Response& res) {
      SendError(res, 405, "the API is read-only: only GET is answered");
    });
  }
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
  // A message may quote a request's bytes, which need not be UTF-8 (fuzz/query.cpp).
  return error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status Serve(const ServeOptions& options, const ApiHandler& handler) {
  httplib::Server server;
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
    return Status::Io("cannot listen on " + options.host + ":" + std::to_string(options.port));
  std::atomic<bool> signalled{false};
  std::thread stopper = StopOnSignal(server, &signalled);
  if (options.on_listening) options.on_listening(port);
  bool listened = server.listen_after_bind();
  if (!signalled.load()) pthread_kill(stopper.native_handle(), SIGTERM);  // wake the waiter
  stopper.join();
  return listened ? Status::Ok() : Status::Io("the server stopped with an error");
}

}  // namespace defcoop::server
