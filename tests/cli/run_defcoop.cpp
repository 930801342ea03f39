#include "run_defcoop.h"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace defcoop::testing {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

CommandResult RunDefcoop(const std::string& args, const std::string& db, const std::string& cwd) {
  static int counter = 0;
  std::string base =
      (std::filesystem::temp_directory_path() /
       ("defcoop-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
          .string();
  std::string command = "cd '" + cwd + "' && DEFCOOP_DB='" + db + "' '" + DEFCOOP_BIN + "' " +
                        args + " >'" + base + ".out' 2>'" + base + ".err'";
  int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadText(base + ".out");
  result.err = ReadText(base + ".err");
  std::filesystem::remove(base + ".out");
  std::filesystem::remove(base + ".err");
  return result;
}

}  // namespace defcoop::testing
