// Status and Result<T>: how defcoop reports expected failures (bad input, missing
// files, unknown names) as values instead of exceptions. A Status carries a kind,
// a message and, for input errors, the place it happened (file:line:column), so
// the CLI can print one clear line per problem.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace defcoop {

enum class StatusKind {
  kOk,
  kInvalidInput,  // bad data in a file the user gave us
  kNotFound,      // a name, id or file that does not exist
  kUsage,         // a bad command line
  kIo,            // a file that cannot be read or written
  kStore,         // the store is missing, corrupt, or from another version
  kInternal,      // a defcoop bug
};

// Where in an input a problem is; line and column are 1-based, 0 = unknown.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;

  std::string ToString() const;  // "file:line:column", omitting unknown parts
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message, Location where = {});
  static Status NotFound(std::string message);
  static Status Usage(std::string message);
  static Status Io(std::string message);
  static Status Store(std::string message);
  static Status Internal(std::string message);

  bool ok() const { return kind_ == StatusKind::kOk; }
  StatusKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  const Location& where() const { return where_; }

  // "file:line:col: message" when the place is known, else just the message.
  std::string ToString() const;

 private:
  Status(StatusKind kind, std::string message, Location where)
      : kind_(kind), message_(std::move(message)), where_(std::move(where)) {}

  StatusKind kind_ = StatusKind::kOk;
  std::string message_;
  Location where_;
};

// A value or the Status saying why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace defcoop

// Returns early from the enclosing function when `expr` yields a failed Status.
#define DEFCOOP_RETURN_IF_ERROR(expr)              \
  do {                                             \
    ::defcoop::Status status_macro_ = (expr);      \
    if (!status_macro_.ok()) return status_macro_; \
  } while (false)
