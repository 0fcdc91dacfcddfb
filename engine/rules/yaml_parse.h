// ParseYaml: YAML text -> yaml-cpp nodes, parsed with libyaml. yaml-cpp's own parser took ~1,400
// instructions per byte (a regex match per character): parsing the shipped packs and schemas
// (80 KB) was two thirds of a single-report check. libyaml parses the same text some 20 times
// faster; the loaders keep yaml-cpp's node API and its marks (line, byte column), which this
// sets exactly as yaml-cpp's own builder does. Internal to the engine.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

namespace ogicheck::rules {

struct YamlSyntaxError {
  int line = 0;         // 0-based
  int column = 0;       // 0-based, in code points
  int byte_column = 0;  // 0-based, in bytes (as yaml-cpp's marks count)
  std::string message;  // libyaml's description, e.g. "did not find expected key"
};

// Parses the first document of `text` into *root (a null node for an empty text). On a syntax
// error returns false and fills *error. Never throws.
bool ParseYaml(const std::string& text, YAML::Node* root, YamlSyntaxError* error);

}  // namespace ogicheck::rules
