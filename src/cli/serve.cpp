// `defcoop serve [--host H] [--port P] [--web DIR] [--head-timeout S]`: the JSON API and the
// dashboard. Each endpoint runs the CLI command of the same meaning with --format json (or csv),
// sharing one Session, so the API answers exactly what the command line does. Query parameters are
// mapped to the command's options through a table; any other parameter is a 400, and no endpoint
// can reach a command or option that writes. Every endpoint also takes `format` (json, csv) and
// `lang` (en, tr, kk, ru). Answers are cached for as long as the store stays the same: before each
// request the server checks whether another process changed the store (an import, an init) and,
// when it did, starts a new Session and an empty cache. meta.data_version (and the
// X-Defcoop-Data-Version header, and the log) say which state of the store an answer comes from.
#include <iostream>
#include <memory>
#include <sstream>

#include "context.h"
#include "install_paths.h"
#include "defcoop/cli/app.h"
#include "defcoop/server/answer_cache.h"
#include "defcoop/server/server.h"
#include "sipri_data.h"
#include "store_watch.h"

namespace defcoop::cli {
namespace {

// A query parameter and the option it becomes ("" = the command's positional argument).
struct ApiParam {
  const char* name;
  const char* option;
};

struct Endpoint {
  const char* name;
  const char* command;
  std::vector<ApiParam> params;
};

const std::vector<Endpoint>& Endpoints() {
  static const std::vector<Endpoint> kEndpoints = {
      {"search", "resolve", {{"q", ""}}},
      {"show", "show", {{"name", ""}}},
      {"timeline",
       "timeline",
       {{"actor", "--actor"},
        {"with", "--with"},
        {"type", "--type"},
        {"from", "--from"},
        {"to", "--to"}}},
      {"tiv",
       "tiv",
       {{"supplier", "--supplier"},
        {"recipient", "--recipient"},
        {"years", "--years"},
        {"by", "--by"},
        {"moving_average", "--moving-average"},
        {"vintage", "--vintage"}}},
      {"suppliers", "suppliers", {{"country", ""}, {"years", "--years"}, {"vintage", "--vintage"}}},
      {"exports", "exports", {{"country", ""}, {"years", "--years"}, {"vintage", "--vintage"}}},
      {"periods",
       "periods",
       {{"series", ""},
        {"years", "--years"},
        {"penalty", "--penalty"},
        {"min_length", "--min-length"},
        {"compare", "--compare"},
        {"vintage", "--vintage"}}},
      {"shock",
       "shock",
       {{"date", "--date"},
        {"window", "--window"},
        {"actor", "--actor"},
        {"with", "--with"},
        {"type", "--type"},
        {"placebo", "--placebo"}}},
      {"shift",
       "shift",
       {{"country", ""},
        {"years", "--years"},
        {"window", "--window"},
        {"step", "--step"},
        {"vintage", "--vintage"}}},
      {"dca",
       "dca",
       {{"actor", "--actor"},
        {"with", "--with"},
        {"years", "--years"},
        {"category", "--category"},
        {"by", "--by"}}},
      {"events",
       "events",
       {{"actor", "--actor"},
        {"with", "--with"},
        {"codes", "--codes"},
        {"by", "--by"},
        {"from", "--from"},
        {"to", "--to"},
        {"min_sources", "--min-sources"},
        {"examples", "--examples"}}},
      {"alliances",
       "alliances",
       {{"actor", "--actor"},
        {"with", "--with"},
        {"years", "--years"},
        {"obligation", "--obligation"}}},
      {"sanctions",
       "sanctions",
       {{"target", "--target"},
        {"imposer", "--imposer"},
        {"years", "--years"},
        {"type", "--type"}}},
      {"embargoes", "embargoes", {{"target", "--target"}, {"vintage", "--vintage"}}},
      {"exposure",
       "exposure",
       {{"platform", "--platform"}, {"embargo", "--embargo"}, {"at", "--at"}}},
      {"network",
       "network",
       {{"years", "--years"},
        {"layers", "--layers"},
        {"top", "--top"},
        {"period", "--period"},
        {"vintage", "--vintage"}}},
      {"claims", "claims", {{"status", "--status"}, {"vintage", "--vintage"}}},
      {"vintages", "vintages", {}},
      {"diff",
       "diff",
       {{"from", "--from"},
        {"to", "--to"},
        {"recipient", "--recipient"},
        {"supplier", "--supplier"},
        {"years", "--years"},
        {"by", "--by"}}},
      {"sources", "sources", {}},
  };
  return kEndpoints;
}

const Endpoint* FindEndpoint(const std::string& name) {
  for (const Endpoint& endpoint : Endpoints()) {
    if (endpoint.name == name) return &endpoint;
  }
  return nullptr;
}

const ApiParam* FindParam(const Endpoint& endpoint, const std::string& name) {
  for (const ApiParam& param : endpoint.params) {
    if (param.name == name) return &param;
  }
  return nullptr;
}

// The command line an API request stands for; the values are never parsed as options
// ("--x=value" keeps a value that starts with '-' a value).
Result<std::vector<std::string>> CommandLine(const Endpoint& endpoint,
                                             const server::ApiRequest& request, bool* csv) {
  std::vector<std::string> args{"defcoop", "--format", "json", endpoint.command};
  std::vector<std::string> positionals;
  for (const auto& [key, value] : request.params) {
    if (key == "lang") {
      args.insert(args.begin() + 1, "--lang=" + value);  // a global option, before the command
      continue;
    }
    if (key == "format") {
      if (value != "csv" && value != "json") return Status::Usage("format must be json or csv");
      *csv = value == "csv";
      args[2] = value;
      continue;
    }
    const ApiParam* param = FindParam(endpoint, key);
    if (!param) return Status::Usage("unknown parameter '" + key + "' for " + endpoint.name);
    if (std::string(param->option).empty()) {
      positionals.push_back(value);
    } else {
      args.push_back(std::string(param->option) + "=" + value);
    }
  }
  if (!positionals.empty()) args.push_back("--");
  args.insert(args.end(), positionals.begin(), positionals.end());
  return args;
}

server::ApiResponse Answer(const std::shared_ptr<Session>& session, const std::string& db_path,
                           int64_t data_version, const server::ApiRequest& request) {
  std::string version = std::to_string(data_version);
  const Endpoint* endpoint = FindEndpoint(request.endpoint);
  if (!endpoint)
    return {Status::NotFound("no API endpoint '" + request.endpoint + "'"), "", "", version};
  bool csv = false;
  auto args = CommandLine(*endpoint, request, &csv);
  if (!args.ok()) return {args.status(), "", "", version};
  std::ostringstream out, err;
  nlohmann::ordered_json meta = {{"data_version", data_version}};
  Status status = RunCommand(*args, out, err, db_path, session, meta);
  if (!status.ok()) return {status, "", "", version};
  return {Status::Ok(), out.str(), csv ? "text/csv; charset=utf-8" : "application/json", version};
}

struct ServeCliOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web = ShippedWebDir();
  // Room for a few hundred typical answers (most are 1–50 KB; a whole network ~1 MB).
  int cache_mb = 64;
  int head_seconds = server::kRequestHeadSeconds;
};

// Loads the newest register and the curated data before the first request.
Status Warm(Session& session) {
  auto warm = session.Sipri("");
  if (!warm.ok() && warm.status().kind() != StatusKind::kNotFound) return warm.status();
  auto curated = session.Curated();
  return curated.ok() ? Status::Ok() : curated.status();
}

Status RunServe(Context& context, const ServeCliOptions& options) {
  auto session = std::make_shared<Session>(context.db_path);
  size_t cache_bytes = size_t(options.cache_mb) << 20;
  auto watch = std::make_shared<StoreWatch>(
      context.db_path, &context.err,
      [db_path = context.db_path, cache_bytes](std::shared_ptr<Session> next, int64_t version) {
        server::ApiHandler handler = [next, db_path, version](const server::ApiRequest& request) {
          return Answer(next, db_path, version, request);
        };
        return cache_bytes > 0 ? server::Cached(handler, cache_bytes) : handler;
      });
  // The store's state is taken before the data is loaded: a change in between is seen.
  DEFCOOP_RETURN_IF_ERROR(watch->Start(session));
  DEFCOOP_RETURN_IF_ERROR(Warm(*session));
  server::ServeOptions serve;
  serve.host = options.host;
  serve.port = options.port;
  serve.web_dir = options.web;
  serve.log = &context.err;
  serve.head_seconds = options.head_seconds;
  serve.on_listening = [&](int port) {
    context.err << "defcoop: serving " << context.db_path << " (data version 1) on http://"
                << options.host << ":" << port << "/ (Ctrl-C stops)\n";
  };
  server::ApiHandler handler = [watch](const server::ApiRequest& request) {
    return watch->Current()(request);
  };
  return server::Serve(serve, handler);
}

}  // namespace

void AddServe(CLI::App* command, Context* context) {
  auto options = std::make_shared<ServeCliOptions>();
  command->add_option("--host", options->host, "address to bind (default: loopback only)")
      ->capture_default_str();
  command->add_option("--port", options->port, "port (0: any free port)")->capture_default_str();
  command->add_option("--web", options->web, "the built dashboard folder ('' for the API only)")
      ->capture_default_str();
  command->add_option("--cache-mb", options->cache_mb, "MiB of cached answers (0: none)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  command
      ->add_option("--head-timeout", options->head_seconds,
                   "seconds a client has to send a whole request head; then 408")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  command->callback([context, options] { context->result = RunServe(*context, *options); });
}

}  // namespace defcoop::cli
