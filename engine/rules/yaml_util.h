// Helpers for reading rule-pack YAML with errors that name file:line:column, show the line and
// put a caret under the column (ninja style). Internal: yaml-cpp types never leave engine/rules/.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace ogicheck::rules {

class YamlFile {
 public:
  // Reads and parses `path`; on failure error() is set (with position for syntax errors).
  explicit YamlFile(const std::string& path);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  const YAML::Node& root() const { return root_; }
  const std::string& path() const { return path_; }

  // "file:L:C: error: msg\n  <line>\n  <caret>". line and column are 0-based here.
  std::string ErrorAt(int line, int column, const std::string& msg) const;
  std::string ErrorAt(const YAML::Node& node, const std::string& msg) const;
  // An error inside a scalar expression at byte `offset` of the scalar's value.
  std::string ErrorInScalar(const YAML::Node& scalar, uint32_t offset,
                            const std::string& msg) const;

 private:
  std::string path_;
  std::vector<std::string> lines_;
  YAML::Node root_;
  std::string error_;
};

// Scalar conversions that never throw.
bool ScalarString(const YAML::Node& n, std::string* out);
bool ScalarNumber(const YAML::Node& n, double* out);
// A scalar or a sequence of scalars.
bool StringList(const YAML::Node& n, std::vector<std::string>* out);

}  // namespace ogicheck::rules
