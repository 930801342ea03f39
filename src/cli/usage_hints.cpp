#include "usage_hints.h"

#include <algorithm>

#include "defcoop/names/fold.h"

namespace defcoop::cli {
namespace {

// The global options that take a value (DeclareGlobals in app.cpp).
const std::vector<std::string> kGlobalsWithValue = {"--db", "--format", "--lang", "--out",
                                                    "--width"};

bool IsGlobalWithValue(const std::string& arg) {
  return std::find(kGlobalsWithValue.begin(), kGlobalsWithValue.end(), arg) !=
         kGlobalsWithValue.end();
}

std::string DidYouMean(const std::optional<std::string>& nearest) {
  return nearest ? "; did you mean '" + *nearest + "'?" : "";
}

std::vector<const CLI::App*> Subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

// The long options `command` and the program accept, as "--name".
std::vector<std::string> LongOptions(const CLI::App& app, const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* owner : {&app, &command}) {
    for (const CLI::Option* option : owner->get_options()) {
      for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    }
  }
  return names;
}

}  // namespace

std::optional<std::string> NearestWord(const std::string& word,
                                       const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    size_t distance = names::EditDistance(word, candidate);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // A typo changes a few letters: more than a third of the word is another word.
  size_t allowed = std::max<size_t>(2, word.size() / 3);
  if (!best || best_distance > allowed) return std::nullopt;
  return best;
}

size_t CommandPosition(const std::vector<std::string>& args) {
  for (size_t idx = 1; idx < args.size(); ++idx) {
    const std::string& arg = args[idx];
    if (IsGlobalWithValue(arg)) {
      ++idx;  // its value
      continue;
    }
    if (!arg.empty() && arg[0] == '-') continue;  // --db=x, --help, an unknown global
    return idx;
  }
  return args.size();
}

// "unknown command 'x'" when `word` names none of `app`'s subcommands; `what` says which
// level ("command", "import source").
std::optional<std::string> UnknownSubcommand(const CLI::App& app, const std::string& word,
                                             const std::string& what) {
  std::vector<std::string> names;
  for (const CLI::App* command : Subcommands(app)) names.push_back(command->get_name());
  if (std::find(names.begin(), names.end(), word) != names.end()) return std::nullopt;
  return "unknown " + what + " '" + word + "'" + DidYouMean(NearestWord(word, names));
}

const CLI::App* FindSubcommand(const CLI::App& app, const std::string& name) {
  for (const CLI::App* command : Subcommands(app)) {
    if (command->get_name() == name) return command;
  }
  return nullptr;
}

std::optional<std::string> UnknownCommand(const CLI::App& app,
                                          const std::vector<std::string>& args) {
  size_t position = CommandPosition(args);
  if (position >= args.size()) return std::nullopt;
  if (auto unknown = UnknownSubcommand(app, args[position], "command")) return unknown;
  // A command with subcommands of its own (`import sipri`): its next word names one.
  const CLI::App* command = FindSubcommand(app, args[position]);
  if (Subcommands(*command).empty() || position + 1 >= args.size()) return std::nullopt;
  const std::string& next = args[position + 1];
  if (next.empty() || next[0] == '-') return std::nullopt;
  return UnknownSubcommand(*command, next, args[position] + " subcommand");
}

std::optional<std::string> UnknownOption(const CLI::App& app,
                                         const std::vector<std::string>& args) {
  size_t position = CommandPosition(args);
  if (position >= args.size()) return std::nullopt;
  const CLI::App* command = FindSubcommand(app, args[position]);
  if (!command) return std::nullopt;
  // `import sipri --rejcts`: the options are the nested command's.
  if (position + 1 < args.size()) {
    if (const CLI::App* nested = FindSubcommand(*command, args[position + 1])) {
      command = nested;
      ++position;
    }
  }
  std::vector<std::string> known = LongOptions(app, *command);
  for (size_t idx = position + 1; idx < args.size(); ++idx) {
    std::string option = args[idx].substr(0, args[idx].find('='));
    if (option.size() < 3 || option.rfind("--", 0) != 0) continue;
    if (std::find(known.begin(), known.end(), option) != known.end()) continue;
    return "unknown option '" + option + "' for " + args[position] +
           DidYouMean(NearestWord(option, known));
  }
  return std::nullopt;
}

}  // namespace defcoop::cli
