#include "store_watch.h"

#include <sys/stat.h>

#include "sipri_data.h"

namespace defcoop::cli {
namespace {

Result<struct stat> StatFile(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return Status::Io("cannot stat the store " + path);
  return info;
}

}  // namespace

Status StoreWatch::Start(std::shared_ptr<Session> session) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto fingerprint = Read();
  if (!fingerprint.ok()) return fingerprint.status();
  last_ = *fingerprint;
  version_ = 1;
  handler_ = make_(std::move(session), version_);
  return Status::Ok();
}

server::ApiHandler StoreWatch::Current() {
  std::lock_guard<std::mutex> lock(mutex_);
  auto fingerprint = Read();
  if (!fingerprint.ok() || *fingerprint == last_) return handler_;
  last_ = *fingerprint;
  ++version_;
  handler_ = make_(std::make_shared<Session>(db_path_), version_);
  server::LogLine(log_, "defcoop: the store " + db_path_ + " changed: now serving data version " +
                            std::to_string(version_) + " (cached answers dropped)");
  return handler_;
}

int64_t StoreWatch::version() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return version_;
}

Result<StoreWatch::Fingerprint> StoreWatch::Read() {
  auto info = StatFile(db_path_);
  if (!info.ok()) return info.status();
  Fingerprint fingerprint{static_cast<uint64_t>(info->st_dev), static_cast<uint64_t>(info->st_ino),
                          0};
  if (!kept_ || kept_device_ != fingerprint.device || kept_inode_ != fingerprint.inode) {
    // A new file took the store's place (or the first call): watch the new one.
    kept_.reset();
    auto opened = store::Store::Open(db_path_, store::OpenMode::kReadOnly);
    if (!opened.ok()) return opened.status();
    kept_ = std::move(*opened);
    kept_device_ = fingerprint.device;
    kept_inode_ = fingerprint.inode;
  }
  auto data_version = kept_->DataVersion();
  if (!data_version.ok()) return data_version.status();
  fingerprint.data_version = *data_version;
  return fingerprint;
}

}  // namespace defcoop::cli
