#include "output_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace defcoop::cli {
namespace {

namespace fs = std::filesystem;

// SQLite keeps a store's uncommitted or not yet checkpointed pages in these files beside
// it; overwriting one corrupts the store as surely as overwriting the store.
constexpr const char* kStoreSideFiles[] = {"", "-journal", "-wal", "-shm"};

bool SameFile(const std::string& a, const std::string& b) {
  struct stat stat_a {};
  struct stat stat_b {};
  if (::stat(a.c_str(), &stat_a) == 0 && ::stat(b.c_str(), &stat_b) == 0) {
    return stat_a.st_dev == stat_b.st_dev && stat_a.st_ino == stat_b.st_ino;
  }
  std::error_code error_a, error_b;
  fs::path canonical_a = fs::weakly_canonical(a, error_a);
  fs::path canonical_b = fs::weakly_canonical(b, error_b);
  return !error_a && !error_b && canonical_a == canonical_b;
}

std::string Reason() { return errno ? std::strerror(errno) : "write failed"; }

}  // namespace

Status CheckOutputPath(const std::string& option, const std::string& path,
                       const std::string& db_path, const std::vector<std::string>& inputs) {
  if (path.empty()) return Status::Ok();
  for (const char* suffix : kStoreSideFiles) {
    if (!db_path.empty() && SameFile(path, db_path + suffix)) {
      return Status::Usage(option + " " + path + " is the store " + db_path + suffix +
                           ": writing there would destroy it; choose another file");
    }
  }
  for (const std::string& input : inputs) {
    if (SameFile(path, input)) {
      return Status::Usage(option + " " + path + " is the input " + input +
                           ": writing there would destroy it; choose another file");
    }
  }
  return Status::Ok();
}

std::streamsize ErrnoStreambuf::xsputn(const char* text, std::streamsize count) {
  errno = 0;
  std::streamsize written = target_->sputn(text, count);
  if (written < count) Failed();
  return written;
}

ErrnoStreambuf::int_type ErrnoStreambuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  errno = 0;
  int_type result = target_->sputc(traits_type::to_char_type(c));
  if (traits_type::eq_int_type(result, traits_type::eof())) Failed();
  return result;
}

int ErrnoStreambuf::sync() {
  errno = 0;
  int result = target_->pubsync();
  if (result != 0) Failed();
  return result;
}

void ErrnoStreambuf::Failed() {
  if (error_ == 0) error_ = errno ? errno : EIO;
}

Status CheckWritten(std::ostream& out, const std::string& what) {
  errno = 0;
  out.flush();
  if (out) return Status::Ok();
  auto* tracked = dynamic_cast<ErrnoStreambuf*>(out.rdbuf());
  int error = tracked && tracked->error() ? tracked->error() : errno;
  return Status::Io("cannot write " + what + ": " +
                    (error ? std::strerror(error) : "write failed"));
}

Result<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& path) {
  std::unique_ptr<OutputFile> file(new OutputFile(path));
  errno = 0;
  file->file_.open(path, std::ios::binary | std::ios::trunc);
  if (!file->file_) return Status::Io("cannot write " + path + ": " + Reason());
  return file;
}

Status OutputFile::Close() {
  Status written = CheckWritten(tracked_, path_);
  errno = 0;
  file_.close();
  if (!written.ok()) return written;
  if (!file_) return Status::Io("cannot write " + path_ + ": " + Reason());
  return Status::Ok();
}

}  // namespace defcoop::cli
