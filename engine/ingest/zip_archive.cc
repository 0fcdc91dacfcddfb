// ZipArchive over libzip (see zip_archive.h).
#include "ingest/zip_archive.h"

#include <zip.h>

#include <algorithm>

namespace ogicheck {

struct ZipArchive::Impl {
  zip_t* zip = nullptr;
  ZipLimits limits;
  uint64_t total = 0;
};

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ZipArchive::~ZipArchive() {
  if (impl_ && impl_->zip != nullptr) zip_discard(impl_->zip);
}

Status ZipArchive::Open(std::string_view bytes, const ZipLimits& limits,
                        std::unique_ptr<ZipArchive>* out) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Error(ErrorCode::kFormat, "cannot read the zip container: " + message);
  }
  // ZIP_CHECKCONS: a damaged or truncated central directory is an error, not a guess.
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (zip == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    return Status::Error(ErrorCode::kFormat,
                         "not a valid zip container (damaged or truncated?): " + message);
  }
  zip_error_fini(&error);
  auto impl = std::make_unique<Impl>();
  impl->zip = zip;
  impl->limits = limits;
  out->reset(new ZipArchive(std::move(impl)));
  return Status::Ok();
}

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(impl_->zip, name.c_str(), 0) >= 0;
}

Status ZipArchive::Read(const std::string& name, std::string* out) {
  out->clear();
  const zip_int64_t index = zip_name_locate(impl_->zip, name.c_str(), 0);
  if (index < 0) return Status::Error(ErrorCode::kNotFound, name + " is missing");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(impl_->zip, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
    return Status::Error(ErrorCode::kFormat, name + ": cannot read its zip entry");
  }
  const ZipLimits& lim = impl_->limits;
  if (st.size > lim.max_entry_bytes || impl_->total + st.size > lim.max_total_bytes) {
    return Status::Error(ErrorCode::kTooLarge, name + " inflates to " + std::to_string(st.size) +
                                                   " bytes, more than the limit (zip bomb?)");
  }
  if (st.size > lim.ratio_floor && st.size / std::max<uint64_t>(st.comp_size, 1) > lim.max_ratio) {
    return Status::Error(ErrorCode::kTooLarge, name + " has a compression ratio above " +
                                                   std::to_string(lim.max_ratio) + ":1 (" +
                                                   std::to_string(st.comp_size) + " -> " +
                                                   std::to_string(st.size) + " bytes; zip bomb?)");
  }
  zip_file_t* file = zip_fopen_index(impl_->zip, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    zip_error_t* error = zip_get_error(impl_->zip);
    const bool encrypted = zip_error_code_zip(error) == ZIP_ER_NOPASSWD;
    std::string message = zip_error_strerror(error);
    return Status::Error(ErrorCode::kFormat,
                         encrypted ? name + " is encrypted (password-protected)"
                                   : name + ": cannot open its zip entry: " + message);
  }
  // Never trust the declared size alone: stop once more than it was inflated.
  out->resize(static_cast<size_t>(st.size));
  uint64_t got = 0;
  char probe;
  Status status;
  while (got < st.size) {
    const zip_int64_t n = zip_fread(file, out->data() + got, st.size - got);
    if (n < 0) {
      status = Status::Error(ErrorCode::kFormat,
                             name + " is damaged: " + zip_error_strerror(zip_file_get_error(file)));
      break;
    }
    if (n == 0) break;
    got += static_cast<uint64_t>(n);
  }
  if (status.ok() && (got != st.size || zip_fread(file, &probe, 1) != 0)) {
    status = Status::Error(ErrorCode::kFormat, name + " is damaged: its size does not match");
  }
  zip_fclose(file);
  if (!status.ok()) {
    out->clear();
    return status;
  }
  impl_->total += got;
  return Status::Ok();
}

}  // namespace ogicheck
