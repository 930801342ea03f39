// Fuzzes what the server does with a query string: cpp-httplib splits and decodes it
// into parameters (as for every /api/v1 request), and the server answers a bad one with
// ErrorJson. Invariants: no more parameters than '&'-separated parts; every error body
// is valid JSON that carries its code and a message, whatever bytes the key held.
#include <httplib.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "defcoop/server/server.h"
#include "fuzz_check.h"

namespace {

using defcoop::fuzz::Check;

void CheckErrorJson(const std::string& message) {
  std::string body = defcoop::server::ErrorJson(400, message);
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  Check(!parsed.is_discarded(), "an error body is JSON", body);
  Check(parsed["error"]["code"].is_string() && parsed["error"]["message"].is_string(),
        "an error body has a code and a message", body);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string query(defcoop::fuzz::AsText(data, size));
  httplib::Params params;
  httplib::detail::parse_query_text(query, params);
  size_t parts = std::count(query.begin(), query.end(), '&') + 1;
  Check(params.size() <= parts, "no more parameters than parts");
  defcoop::server::ApiRequest request;
  for (const auto& [key, value] : params) {
    request.params.emplace(key, value);
    CheckErrorJson("unknown parameter '" + key + "'");
    CheckErrorJson(value);
  }
  Check(request.params.size() == params.size(), "every parameter reaches the handler");
  return 0;
}
