// Status: the result of a fallible operation, in the style of leveldb::Status.
// No exceptions cross the public API; callers test ok() and read message().
#pragma once

#include <string>
#include <utility>

namespace ogicheck {

enum class ErrorCode {
  kOk = 0,
  kNotFound,      // the path does not exist
  kIo,            // the file exists but could not be read
  kEmpty,         // the input has no content at all
  kEncoding,      // bytes are not text in any supported encoding
  kFormat,        // the container (JSON record, DOCX…) is malformed
  kTooLarge,      // the input exceeds a configured limit
  kUnsupported,   // no reader handles this kind of file
  kSchema,        // a report schema is invalid
  kRulePack,      // a rule pack is invalid
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(ErrorCode code, std::string message) {
    return Status(code, std::move(message));
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

}  // namespace ogicheck
