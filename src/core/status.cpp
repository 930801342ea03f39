#include "defcoop/core/status.h"

#include <string>

namespace defcoop {

std::string Location::ToString() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  return out;
}

Status Status::InvalidInput(std::string message, Location where) {
  return Status(StatusKind::kInvalidInput, std::move(message), std::move(where));
}
Status Status::NotFound(std::string message) {
  return Status(StatusKind::kNotFound, std::move(message), {});
}
Status Status::Usage(std::string message) {
  return Status(StatusKind::kUsage, std::move(message), {});
}
Status Status::Io(std::string message) { return Status(StatusKind::kIo, std::move(message), {}); }
Status Status::Store(std::string message) {
  return Status(StatusKind::kStore, std::move(message), {});
}
Status Status::Internal(std::string message) {
  return Status(StatusKind::kInternal, std::move(message), {});
}

std::string Status::ToString() const {
  std::string place = where_.ToString();
  return place.empty() ? message_ : place + ": " + message_;
}

}  // namespace defcoop
