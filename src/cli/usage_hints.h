// Hints for mistyped command lines: the command a user meant by `suplliers`, the option
// they meant by `--year`. Used when CLI11 refuses a command line, so that the message names
// what was wrong and the nearest valid word instead of CLI11's generic text.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace defcoop::cli {

// The candidate nearest to `word` when it is close enough to be a typo of it.
std::optional<std::string> NearestWord(const std::string& word,
                                       const std::vector<std::string>& candidates);

// The position in `args` (args[0] is the program) of the subcommand word, skipping the
// global options and their values; args.size() when there is none.
size_t CommandPosition(const std::vector<std::string>& args);

// "unknown command 'suplliers'; did you mean 'suppliers'?" when the command word is no
// subcommand of `app`; nothing when it is one (or there is none).
std::optional<std::string> UnknownCommand(const CLI::App& app,
                                          const std::vector<std::string>& args);

// "unknown option '--year' for suppliers; did you mean '--years'?" for the first option
// after the command that the command does not have; nothing when all are known.
std::optional<std::string> UnknownOption(const CLI::App& app,
                                         const std::vector<std::string>& args);

}  // namespace defcoop::cli
