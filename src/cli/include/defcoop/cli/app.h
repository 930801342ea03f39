// The defcoop command line: parses arguments, runs one subcommand, prints its result,
// and turns every failure into one clear line on stderr and an exit code
// (0 ok, 1 data or runtime error, 2 usage error). Never lets an exception escape.
#pragma once

#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "defcoop/core/status.h"

namespace defcoop::cli {

// The store's data shared across commands (sipri_data.h); opaque here.
class Session;

int Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

// Runs one command line (args[0] is the program name) against the store at `db_path`,
// reading through `session` (shared with other calls); returns why it failed instead of
// printing it. `extra_meta` is added to the JSON meta it prints. `defcoop serve` answers
// every API request with it.
Status RunCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                  const std::string& db_path, std::shared_ptr<Session> session,
                  const nlohmann::ordered_json& extra_meta = nlohmann::ordered_json::object());

}  // namespace defcoop::cli
