// IngestFile and IngestBytes: read a file within the size limit, pick a reader, and make sure
// that whatever goes wrong comes back as an IngestError rather than a crash.
#include "ogicheck/ingest.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/reader.h"
#include "ingest/reader_support.h"
#include "ingest/sniff.h"

namespace ogicheck {
namespace {

// Closes the descriptor when reading ends, whichever way.
struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};

IngestResult OneError(const std::string& path, ErrorCode code, std::string message) {
  IngestResult result;
  result.errors.push_back(IngestError{path, "", Status::Error(code, std::move(message))});
  return result;
}

std::string TooLargeMessage(const std::string& path, uintmax_t size, size_t limit, bool at_least) {
  return path + ": file too large (" + (at_least ? "more than " : "") + std::to_string(size) +
         " bytes; the limit is " + std::to_string(limit) + " bytes)";
}

// Reads at most limit + 1 bytes, so that a file growing under us or a device without a size
// (a pipe, /dev/zero) cannot make us read without end. A regular file of the size fstat gave
// takes two reads: its bytes and the end.
Status ReadAll(int fd, const std::string& path, uintmax_t size_hint, size_t limit, std::string* data) {
  const size_t cap = limit == SIZE_MAX ? limit : limit + 1;
  size_t have = 0;
  // One byte more than the size we were told about, so that the end shows in the same read.
  data->resize(static_cast<size_t>(std::min<uintmax_t>(size_hint + 1, cap)));
  while (have < cap) {
    if (have == data->size()) data->resize(std::min(cap, have + std::max<size_t>(have, 64 * 1024)));
    const ssize_t n = ::read(fd, data->data() + have, data->size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int read_errno = errno;
      return Status::Error(ErrorCode::kIo, path + ": cannot read: " + std::strerror(read_errno));
    }
    if (n == 0) break;
    have += static_cast<size_t>(n);
  }
  data->resize(have);
  return Status::Ok();
}

}  // namespace

// One open, one fstat and (for a regular file) two reads: over a batch of small reports the
// system calls were a measurable part of the time (docs/design.md, "Throughput").
IngestResult IngestFile(const std::string& path, const IngestOptions& options) {
  // O_NONBLOCK: opening a FIFO nobody writes to would otherwise wait for ever; it reads as empty.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return OneError(path, ErrorCode::kNotFound, "no such file: " + path);
    return OneError(path, ErrorCode::kIo, path + ": cannot open: " + std::strerror(err));
  }
  FdCloser closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    return OneError(path, ErrorCode::kIo, path + ": cannot access: " + std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) return OneError(path, ErrorCode::kIo, path + ": is a directory, not a file");
  uintmax_t size_hint = 64 * 1024;
  if (S_ISREG(st.st_mode)) {
    const auto size = static_cast<uintmax_t>(st.st_size);
    if (size > options.max_file_bytes) {
      return OneError(path, ErrorCode::kTooLarge,
                      TooLargeMessage(path, size, options.max_file_bytes, false));
    }
    size_hint = size;
  } else {
    // A pipe with a writer (`check <(curl …)`) is then read as it comes, not polled.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  }
  std::string data;
  const Status read = ReadAll(fd, path, size_hint, options.max_file_bytes, &data);
  if (!read.ok()) return OneError(path, read.code(), read.message());
  if (data.size() > options.max_file_bytes) {
    return OneError(path, ErrorCode::kTooLarge,
                    TooLargeMessage(path, options.max_file_bytes, options.max_file_bytes, true));
  }
  return IngestBytes(data, path, options);
}

void PrefetchFile(const std::string& path) {
  // Regular files only: opening and closing a named pipe would release its writer early, and
  // the data it then sent would be lost before IngestFile reads it.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return;
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
  ::close(fd);
}

IngestResult IngestBytes(std::string_view bytes, const std::string& name,
                         const IngestOptions& options) {
  if (bytes.size() > options.max_file_bytes) {
    return OneError(name, ErrorCode::kTooLarge,
                    TooLargeMessage(name, bytes.size(), options.max_file_bytes, false));
  }
  if (bytes.empty()) return OneError(name, ErrorCode::kEmpty, name + ": empty file");
  const std::string extension = ingest::LowerExtension(name);
  const std::string_view head = bytes.substr(0, ingest::kHeadBytes);
  IngestResult result;
  for (const Reader* reader : AllReaders()) {
    if (!reader->Accepts(extension, head)) continue;
    try {
      reader->Read(bytes, name, options, &result);
    } catch (const std::bad_alloc&) {
      ingest::AddError(&result, name, "", ErrorCode::kTooLarge, "out of memory while reading");
    } catch (const std::exception& e) {
      ingest::AddError(&result, name, "", ErrorCode::kFormat,
                       std::string(reader->name()) + " reader failed: " + e.what());
    }
    return result;
  }
  std::string message = "no reader for ";
  message += extension.empty() ? "files without an extension" : "." + extension + " files";
  if (!ingest::IsContainerExtension(extension)) message += " (and the content is not text)";
  ingest::AddError(&result, name, "", ErrorCode::kUnsupported, message);
  return result;
}

}  // namespace ogicheck
