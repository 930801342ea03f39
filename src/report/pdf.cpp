#include "defcoop/report/pdf.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace defcoop::report {
namespace {

namespace fs = std::filesystem;

// A private profile directory for one Chromium run, removed when it goes out of scope.
class TempProfile {
 public:
  TempProfile() {
    std::string pattern = (fs::temp_directory_path() / "defcoop-chromium-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempProfile() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  TempProfile(const TempProfile&) = delete;
  TempProfile& operator=(const TempProfile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string FileUrl(const std::string& path) { return "file://" + fs::absolute(path).string(); }

// Runs Chromium headless with `extra` arguments and the page; its output is discarded.
Status RunChromium(const std::vector<std::string>& extra, const std::string& html_path,
                   const std::string& output) {
  if (!ChromiumAvailable()) {
    return Status::NotFound(std::string("Chromium is not installed at ") + kChromiumPath +
                            "; install the Debian package `chromium` (scripts/install-deps does)");
  }
  TempProfile profile;
  if (profile.path().empty())
    return Status::Io("cannot create a temporary Chromium profile directory");
  std::vector<std::string> args{kChromiumPath,
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--hide-scrollbars",
                                "--user-data-dir=" + profile.path()};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(FileUrl(html_path));
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::error_code ignored;
  fs::remove(output, ignored);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, kChromiumPath, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return Status::Io(std::string("cannot start ") + kChromiumPath);
  int wait_status = 0;
  waitpid(pid, &wait_status, 0);
  if (!fs::exists(output) || fs::file_size(output, ignored) == 0) {
    return Status::Io("Chromium wrote no " + output + " (exit status " +
                      std::to_string(WEXITSTATUS(wait_status)) + ")");
  }
  return Status::Ok();
}

}  // namespace

bool ChromiumAvailable() { return ::access(kChromiumPath, X_OK) == 0; }

Status PrintPdf(const std::string& html_path, const std::string& pdf_path) {
  return RunChromium(
      {"--print-to-pdf=" + fs::absolute(pdf_path).string(), "--no-pdf-header-footer"}, html_path,
      pdf_path);
}

Status Screenshot(const std::string& html_path, const std::string& png_path, int width,
                  int height) {
  return RunChromium({"--screenshot=" + fs::absolute(png_path).string(),
                      "--window-size=" + std::to_string(width) + "," + std::to_string(height)},
                     html_path, png_path);
}

}  // namespace defcoop::report
