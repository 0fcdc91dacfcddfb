// Shared helpers of the libFuzzer targets: the shipped schemas and packs (loaded once), and a
// private temporary folder for targets whose entry point reads files.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "ogicheck/report_schema.h"
#include "ogicheck/rule_pack.h"

namespace ogicheck::fuzz {

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The shipped report schemas, loaded once per process; aborts if they do not load (a broken
// checkout, not a finding of the fuzzer).
inline const SchemaSet& ShippedSchemas() {
  static const SchemaSet* schemas = [] {
    auto* s = new SchemaSet;
    if (!s->LoadDirectory(DefaultSchemaDir()).ok()) std::abort();
    return s;
  }();
  return *schemas;
}

inline const RuleSet& ShippedRules() {
  static const RuleSet* rules = [] {
    auto* r = new RuleSet;
    if (!r->Load(DefaultRulesDir()).ok()) std::abort();
    return r;
  }();
  return *rules;
}

// A folder of this process's own under the temporary directory, created once.
inline const std::filesystem::path& ScratchDir() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() /
             ("ogicheck-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

inline void WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace ogicheck::fuzz
