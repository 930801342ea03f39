// Runs the real defcoop executable in a shell, as a user would, and captures its exit
// code, stdout and stderr (tests compare them exactly, as ninja's output_test does).
#pragma once

#include <string>

namespace defcoop::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `defcoop ARGS` in directory `cwd` with DEFCOOP_DB=`db`. ARGS is shell text.
CommandResult RunDefcoop(const std::string& args, const std::string& db,
                         const std::string& cwd = ".");

std::string ReadText(const std::string& path);

}  // namespace defcoop::testing
