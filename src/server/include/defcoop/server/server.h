// The HTTP side of `defcoop serve`: a cpp-httplib server bound to loopback unless told
// otherwise, serving the dashboard's static files and a versioned JSON API whose answers
// come from a handler the caller supplies (the CLI runs its own commands there, so the
// server never computes anything itself). It only answers GET (and HEAD); it bounds the
// request line and body; every error is JSON {"error": {"code", "message"}} with a
// fitting status; one log line per request; SIGINT/SIGTERM stop it gracefully.
#pragma once

#include <functional>
#include <map>
#include <ostream>
#include <string>

#include "defcoop/core/status.h"

namespace defcoop::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_dir;          // the built dashboard (web/dist); "" = API only
  std::ostream* log = nullptr;  // one line per request; nullptr = no log
  // Called once the socket is bound (tests use it to learn the port when port = 0).
  std::function<void(int port)> on_listening;
};

// An API request: `/api/v1/<endpoint>?k=v&k=v` (a key may repeat).
struct ApiRequest {
  std::string endpoint;
  std::multimap<std::string, std::string> params;
};

struct ApiResponse {
  Status status;     // not ok: turned into the JSON error and its HTTP status
  std::string body;  // JSON, or CSV when content_type says so
  std::string content_type = "application/json";
};

using ApiHandler = std::function<ApiResponse(const ApiRequest&)>;

// Limits that keep one request from taking the server down.
constexpr size_t kMaxRequestLine = 4096;        // bytes of path + query
constexpr size_t kMaxBody = 1024;               // GET requests carry no body
constexpr size_t kMaxResponseBytes = 32 << 20;  // a response larger than this is refused

// The HTTP status for a failed Status: usage/invalid input 400, not found 404, else 500.
int HttpStatusFor(const Status& status);
// {"error": {"code": ..., "message": ...}}
std::string ErrorJson(int http_status, const std::string& message);

// Serves until SIGINT or SIGTERM. Errors: the address cannot be bound, the web folder
// is missing.
Status Serve(const ServeOptions& options, const ApiHandler& handler);

}  // namespace defcoop::server
