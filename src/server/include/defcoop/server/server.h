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
#include <string_view>

#include "defcoop/core/status.h"

namespace defcoop::server {

// Seconds a new connection has to send its whole request head. A browser sends it in one
// write; this only bounds how long a client that never finishes it is held.
constexpr int kRequestHeadSeconds = 10;

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_dir;          // the built dashboard (web/dist); "" = API only
  std::ostream* log = nullptr;  // one line per request; nullptr = no log
  int head_seconds = kRequestHeadSeconds;
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
  // Which state of the store answered ("" = not said): sent as the X-Defcoop-Data-Version
  // header and logged with the request.
  std::string data_version;
};

using ApiHandler = std::function<ApiResponse(const ApiRequest&)>;

// Limits that keep one request from taking the server down.
constexpr size_t kMaxRequestLine = 4096;        // bytes of path + query
// Browsers send about 10-20 headers; cpp-httplib 0.11 bounds each header line but not
// their number, so this does.
constexpr size_t kMaxHeaders = 100;
constexpr size_t kMaxBody = 1024;               // GET requests carry no body
constexpr size_t kMaxResponseBytes = 32 << 20;  // a response larger than this is refused
// Slow clients (head_gate.h): a connection takes a worker thread only once its whole
// request head has arrived. A new connection has ServeOptions::head_seconds for its
// head, a kept-alive one kKeepAliveSeconds for the next; past that it gets a 408. A
// head may be kMaxRequestHead bytes (Node.js's http.maxHeaderSize default, 16 KiB). The
// pool keeps kMinWorkers threads (cpp-httplib's own default) and starts another whenever
// every thread is busy, up to kMaxWorkers; threads above the minimum end after
// kIdleWorkerSeconds without work.
constexpr size_t kMaxRequestHead = 16 << 10;
constexpr int kLingerSeconds = 2;  // discarding what a client still sends before a close
constexpr size_t kMinWorkers = 8;
constexpr size_t kMaxWorkers = 256;
constexpr int kIdleWorkerSeconds = 10;
constexpr int kReadTimeoutSeconds = 5;      // a request body, counted from its head
constexpr int kWriteTimeoutSeconds = 10;    // a client that does not read its answer
constexpr int kKeepAliveSeconds = 5;        // an idle kept-alive connection is closed
constexpr size_t kKeepAliveRequests = 100;  // requests per connection before it is closed

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or bytes past
// U+10FFFF). Paths and parameters that are not are refused with a 400.
bool IsValidUtf8(std::string_view text);

// Writes `line` (ending without "\n") to `log` whole, never interleaved with the request
// log of other threads; nothing when `log` is nullptr.
void LogLine(std::ostream* log, const std::string& line);

// The HTTP status for a failed Status: usage/invalid input 400, not found 404, else 500.
int HttpStatusFor(const Status& status);
// {"error": {"code": ..., "message": ...}}
std::string ErrorJson(int http_status, const std::string& message);

// Serves until SIGINT or SIGTERM. Errors: the address cannot be bound, the web folder
// is missing.
Status Serve(const ServeOptions& options, const ApiHandler& handler);

}  // namespace defcoop::server
