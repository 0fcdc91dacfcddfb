// Paths the tests read: the source tree (schemas, rules, examples, goldens) and ../shared (corpus).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace ogicheck::testing {

inline std::string SourcePath(const std::string& rel) { return std::string(OGICHECK_SOURCE_DIR) + "/" + rel; }
inline std::string SharedPath(const std::string& rel) { return std::string(OGICHECK_SHARED_DIR) + "/" + rel; }

// Reads a whole file; a missing file is a test failure, never a skip.
inline std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("test input missing: " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace ogicheck::testing
