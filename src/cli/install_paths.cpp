#include "install_paths.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace defcoop::cli {
namespace {

namespace fs = std::filesystem;

// Parents of the executable's folder that may hold share/defcoop: <prefix>/bin and
// <build>/tools sit one level down, test binaries in <build>/tests/<module> two.
constexpr int kLevelsUp = 3;

fs::path ExecutableDir() {
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : exe.parent_path();
}

// $variable if set, else the first share/defcoop/<name> above the executable; when none
// exists, where an installed defcoop would have it (so the error names a real place).
std::string ShippedDir(const char* variable, const char* name) {
  const char* env = std::getenv(variable);
  if (env && *env) return env;
  fs::path dir = ExecutableDir();
  fs::path expected = dir.parent_path() / "share" / "defcoop" / name;
  for (int level = 0; level < kLevelsUp && dir.has_parent_path(); ++level) {
    dir = dir.parent_path();
    fs::path candidate = dir / "share" / "defcoop" / name;
    std::error_code error;
    // The build tree's share/defcoop links are shown as what they link to.
    if (fs::is_directory(candidate, error)) return fs::canonical(candidate, error).string();
  }
  return expected.string();
}

}  // namespace

std::string ShippedDataDir() { return ShippedDir("DEFCOOP_DATA", "data"); }

std::string ShippedWebDir() { return ShippedDir("DEFCOOP_WEB", "web"); }

}  // namespace defcoop::cli
