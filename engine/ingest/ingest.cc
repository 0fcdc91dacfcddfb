// IngestFile and IngestBytes: read a file within the size limit, pick a reader, and make sure
// that whatever goes wrong comes back as an IngestError rather than a crash.
#include "ogicheck/ingest.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

#include "ingest/reader.h"
#include "ingest/reader_support.h"
#include "ingest/sniff.h"

namespace ogicheck {
namespace {

namespace fs = std::filesystem;

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
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
// (a pipe, /dev/zero) cannot make us read without end.
Status ReadAll(std::FILE* file, const std::string& path, uintmax_t size_hint, size_t limit,
               std::string* data) {
  const size_t cap = limit == SIZE_MAX ? limit : limit + 1;
  data->resize(static_cast<size_t>(std::min<uintmax_t>(size_hint, cap)));
  errno = 0;
  size_t have = std::fread(data->data(), 1, data->size(), file);
  int read_errno = errno;
  if (have == data->size()) {
    // Anything beyond the size we were told about.
    char chunk[64 * 1024];
    while (have < cap) {
      const size_t n = std::fread(chunk, 1, std::min(sizeof chunk, cap - have), file);
      if (n == 0) {
        read_errno = errno;
        break;
      }
      data->append(chunk, n);
      have += n;
    }
  }
  data->resize(have);
  if (std::ferror(file)) {
    return Status::Error(ErrorCode::kIo, path + ": cannot read: " +
                                             std::strerror(read_errno != 0 ? read_errno : EIO));
  }
  return Status::Ok();
}

}  // namespace

IngestResult IngestFile(const std::string& path, const IngestOptions& options) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) {
    return OneError(path, ErrorCode::kNotFound, "no such file: " + path);
  }
  if (ec) return OneError(path, ErrorCode::kIo, path + ": cannot access: " + ec.message());
  if (status.type() == fs::file_type::directory) {
    return OneError(path, ErrorCode::kIo, path + ": is a directory, not a file");
  }
  uintmax_t size_hint = 64 * 1024;
  if (status.type() == fs::file_type::regular) {
    const uintmax_t size = fs::file_size(path, ec);
    if (ec) return OneError(path, ErrorCode::kIo, path + ": cannot access: " + ec.message());
    if (size > options.max_file_bytes) {
      return OneError(path, ErrorCode::kTooLarge,
                      TooLargeMessage(path, size, options.max_file_bytes, false));
    }
    size_hint = size;
  }

  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    const int err = errno;
    if (err == ENOENT) return OneError(path, ErrorCode::kNotFound, "no such file: " + path);
    return OneError(path, ErrorCode::kIo, path + ": cannot open: " + std::strerror(err));
  }
  std::string data;
  const Status read = ReadAll(file.get(), path, size_hint, options.max_file_bytes, &data);
  if (!read.ok()) return OneError(path, read.code(), read.message());
  if (data.size() > options.max_file_bytes) {
    return OneError(path, ErrorCode::kTooLarge,
                    TooLargeMessage(path, options.max_file_bytes, options.max_file_bytes, true));
  }
  file.reset();
  return IngestBytes(data, path, options);
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
