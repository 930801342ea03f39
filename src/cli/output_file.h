// Files a command writes besides stdout (--rejects, --out, --pdf, --graphml, --gexf,
// --edges): one guard that refuses an output path naming the store, one of its SQLite
// side files (-journal, -wal, -shm) or an input of the same command, before anything is
// opened or truncated; and a writer whose failures (a full disk, a closed pipe, a
// read-only folder) are errors that name the file and the reason, never a silent exit 0.
#pragma once

#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "defcoop/core/status.h"

namespace defcoop::cli {

// A usage error when `path` (given with `option`, e.g. "--rejects") is the same file as
// the store at `db_path`, its -journal/-wal/-shm, or one of `inputs`: the same device and
// inode when both exist (so symlinks and hard links are seen through), else the same
// canonical path. Ok for "".
Status CheckOutputPath(const std::string& option, const std::string& path,
                       const std::string& db_path, const std::vector<std::string>& inputs);

// A stream buffer that passes everything to `target` and remembers the system's reason
// (errno) for the first write that failed: by the time a stream's state is checked,
// errno has long been overwritten.
class ErrnoStreambuf : public std::streambuf {
 public:
  explicit ErrnoStreambuf(std::streambuf* target) : target_(target) {}
  int error() const { return error_; }  // 0 = every write went through

 protected:
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  void Failed();
  std::streambuf* target_;
  int error_ = 0;
};

// Flushes `out` and says whether every write reached it; `what` names it in the error
// ("the output", "/tmp/rejects.csv"), with the reason when `out` writes through an
// ErrnoStreambuf.
Status CheckWritten(std::ostream& out, const std::string& what);

// A file opened for writing (truncated). Close() must be called: it flushes, closes and
// reports any write that failed on the way.
class OutputFile {
 public:
  // Errors (kIo): the file cannot be created, with the system's reason.
  static Result<std::unique_ptr<OutputFile>> Open(const std::string& path);

  std::ostream& stream() { return tracked_; }
  const std::string& path() const { return path_; }
  Status Close();

 private:
  explicit OutputFile(std::string path)
      : path_(std::move(path)), errors_(file_.rdbuf()), tracked_(&errors_) {}

  std::string path_;
  std::ofstream file_;
  ErrnoStreambuf errors_;
  std::ostream tracked_;
};

}  // namespace defcoop::cli
