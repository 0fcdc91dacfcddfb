// YamlFile: rule-pack YAML with positioned, caret-marked error messages.
#include "rules/yaml_util.h"

#include "rules/yaml_parse.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace ogicheck::rules {
namespace {

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Byte offset of the `column`-th code point (0-based) of `line`.
size_t ByteOfColumn(const std::string& line, int column) {
  size_t i = 0;
  int cp = 0;
  while (i < line.size() && cp < column) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
    ++cp;
  }
  return i;
}

}  // namespace

YamlFile::YamlFile(const std::string& path) : path_(path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error_ = path + ": error: cannot read the file";
    return;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::istringstream ls(text);
  for (std::string l; std::getline(ls, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    lines_.push_back(l);
  }
  YamlSyntaxError e;
  if (!ParseYaml(text, &root_, &e)) error_ = ErrorAt(e.line, e.column, e.message);
}

std::string YamlFile::ErrorAt(int line, int column, const std::string& msg) const {
  std::string out =
      path_ + ":" + std::to_string(line + 1) + ":" + std::to_string(column + 1) + ": error: " + msg;
  if (line >= 0 && line < static_cast<int>(lines_.size())) {
    const std::string& l = lines_[line];
    out += "\n" + l + "\n";
    // The caret goes under the column; tabs are kept so that it lines up.
    size_t byte = ByteOfColumn(l, column);
    for (size_t i = 0, cp = 0; i < byte; ++i) {
      unsigned char c = l[i];
      if ((c & 0xC0) == 0x80) continue;
      out += c == '\t' ? '\t' : ' ';
      // Wide (CJK) characters take two terminal cells.
      if (c >= 0xE0) out += ' ';
      ++cp;
    }
    out += "^ near here";
  }
  return out;
}

std::string YamlFile::ErrorAt(const YAML::Node& node, const std::string& msg) const {
  YAML::Mark m = node.Mark();
  if (m.line < 0) return path_ + ": error: " + msg;
  // yaml-cpp counts columns in bytes; report code points.
  int column = m.column;
  if (m.line < static_cast<int>(lines_.size()))
    column = static_cast<int>(
        CodePoints(std::string_view(lines_[m.line])
                       .substr(0, std::min<size_t>(m.column, lines_[m.line].size()))));
  return ErrorAt(m.line, column, msg);
}

std::string YamlFile::ErrorInScalar(const YAML::Node& scalar, uint32_t offset,
                                    const std::string& msg) const {
  YAML::Mark m = scalar.Mark();
  std::string value = scalar.IsScalar() ? scalar.Scalar() : "";
  if (m.line < 0 || m.line >= static_cast<int>(lines_.size())) return ErrorAt(scalar, msg);
  // Find the line of the value that holds `offset` (block scalars start on the next line).
  std::string_view rest(value);
  size_t line_begin = 0;
  while (true) {
    size_t nl = rest.find('\n', line_begin);
    if (nl == std::string_view::npos || offset <= nl) break;
    line_begin = nl + 1;
  }
  std::string_view piece = rest.substr(line_begin, rest.find('\n', line_begin) - line_begin);
  if (piece.empty()) return ErrorAt(scalar, msg);
  for (int li = m.line; li < static_cast<int>(lines_.size()) && li < m.line + 200; ++li) {
    size_t at = lines_[li].find(piece);
    if (at == std::string::npos) continue;
    size_t byte = at + (offset - line_begin);
    int column = static_cast<int>(CodePoints(std::string_view(lines_[li]).substr(0, byte)));
    return ErrorAt(li, column, msg);
  }
  return ErrorAt(scalar, msg);
}

bool ScalarString(const YAML::Node& n, std::string* out) {
  if (!n || !n.IsScalar()) return false;
  *out = n.Scalar();
  return true;
}

bool ScalarNumber(const YAML::Node& n, double* out) {
  if (!n || !n.IsScalar()) return false;
  const std::string& s = n.Scalar();
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size()) return false;
  *out = v;
  return true;
}

bool StringList(const YAML::Node& n, std::vector<std::string>* out) {
  if (!n) return true;
  if (n.IsScalar()) {
    out->push_back(n.Scalar());
    return true;
  }
  if (!n.IsSequence()) return false;
  for (const auto& item : n) {
    if (!item.IsScalar()) return false;
    out->push_back(item.Scalar());
  }
  return true;
}

}  // namespace ogicheck::rules
