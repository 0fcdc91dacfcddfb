// ZipArchive: read-only access to a zip archive held in memory (the DOCX container), with the
// limits that keep a zip bomb from exhausting memory: each entry's declared size, its
// compression ratio and the total inflated so far are checked before and while inflating.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ogicheck/status.h"

namespace ogicheck {

struct ZipLimits {
  uint64_t max_entry_bytes = 64u << 20;  // one inflated entry
  uint64_t max_total_bytes = 64u << 20;  // all entries read from one archive
  uint64_t max_ratio = 200;              // inflated / compressed, checked above ratio_floor
  uint64_t ratio_floor = 1u << 20;       // small entries may compress as well as they like
};

class ZipArchive {
 public:
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Opens the archive in `bytes`, which must outlive the ZipArchive. kFormat when it is not a
  // zip (or a damaged one).
  static Status Open(std::string_view bytes, const ZipLimits& limits,
                     std::unique_ptr<ZipArchive>* out);

  bool Has(const std::string& name) const;

  // Inflates entry `name` into *out. kNotFound when absent, kTooLarge when a limit is passed,
  // kFormat when the data is damaged (bad CRC, bad deflate stream) or encrypted.
  Status Read(const std::string& name, std::string* out);

 private:
  struct Impl;
  explicit ZipArchive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ogicheck
