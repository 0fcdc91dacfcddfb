// Loads report schemas (schemas/ogi-*.yaml) as yaml-cpp nodes (parsed with libyaml,
// rules/yaml_parse.h). Every error names file:line:column
// (1-based) of the offending node, in the style of a compiler message. Structure beyond what this
// loader needs (e.g. the fixed id contract) is checked by tests/schemas/validate.py against
// schemas/report-schema.schema.json.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <string>
#include <vector>

#include "ogicheck/report_schema.h"
#include "rules/yaml_parse.h"

namespace ogicheck {
namespace {

// Collects the first error; later checks become no-ops so a loader function stays linear.
class Loader {
 public:
  explicit Loader(std::string path) : path_(std::move(path)) {}

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

  void Fail(const YAML::Node& node, const std::string& message) {
    if (failed()) return;
    const YAML::Mark mark = node.Mark();
    error_ = path_ + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) +
             ": " + message;
  }

  // Unknown keys are errors: a misspelt "varients" must not silently drop the variants.
  void CheckKeys(const YAML::Node& map, const std::set<std::string>& allowed,
                 const std::string& what) {
    if (!map.IsMap()) return Fail(map, what + " must be a mapping");
    for (const auto& kv : map) {
      const std::string key = kv.first.Scalar();
      if (!allowed.count(key)) return Fail(kv.first, "unknown key '" + key + "' in " + what);
    }
  }

  std::string String(const YAML::Node& map, const char* key, bool required) {
    const YAML::Node node = map[key];
    if (!node) {
      if (required) Fail(map, std::string("missing required key '") + key + "'");
      return "";
    }
    if (!node.IsScalar()) {
      Fail(node, std::string("'") + key + "' must be a string");
      return "";
    }
    return node.Scalar();
  }

  int Int(const YAML::Node& map, const char* key) {
    const std::string s = String(map, key, true);
    if (failed()) return 0;
    int value = 0;
    for (char c : s) {
      if (c < '0' || c > '9' || value > 100000) {
        Fail(map[key], std::string("'") + key + "' must be a non-negative integer");
        return 0;
      }
      value = value * 10 + (c - '0');
    }
    if (s.empty()) Fail(map[key], std::string("'") + key + "' must be a non-negative integer");
    return value;
  }

  bool Bool(const YAML::Node& map, const char* key) {
    const std::string s = String(map, key, false);
    if (s.empty() || s == "false") return false;
    if (s == "true") return true;
    Fail(map[key], std::string("'") + key + "' must be true or false");
    return false;
  }

  std::vector<std::string> Strings(const YAML::Node& map, const char* key) {
    std::vector<std::string> out;
    const YAML::Node node = map[key];
    if (!node) return out;
    if (!node.IsSequence()) {
      Fail(node, std::string("'") + key + "' must be a list of strings");
      return out;
    }
    for (const YAML::Node& item : node) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        Fail(item, std::string("items of '") + key + "' must be non-empty strings");
        return out;
      }
      out.push_back(item.Scalar());
    }
    return out;
  }

  YAML::Node List(const YAML::Node& map, const char* key, bool required) {
    const YAML::Node node = map[key];
    if (!node) {
      if (required) Fail(map, std::string("missing required key '") + key + "'");
      return YAML::Node();
    }
    if (!node.IsSequence()) Fail(node, std::string("'") + key + "' must be a list");
    return node;
  }

  SchemaColumn Column(const YAML::Node& n) {
    SchemaColumn c;
    CheckKeys(n, {"id", "label", "variants", "type", "unit", "optional"}, "column");
    c.id = String(n, "id", true);
    c.label = String(n, "label", true);
    c.variants = Strings(n, "variants");
    c.type = String(n, "type", true);
    if (!failed() && c.type != "count" && c.type != "signed_count" && c.type != "amount")
      Fail(n["type"], "column type must be count, signed_count or amount, not '" + c.type + "'");
    c.unit = String(n, "unit", false);
    c.optional = Bool(n, "optional");
    return c;
  }

  SchemaRow Row(const YAML::Node& n) {
    SchemaRow r;
    CheckKeys(n,
              {"id", "label", "variants", "group", "group_header", "optional", "cells_deviation"},
              "row");
    r.id = String(n, "id", true);
    r.label = String(n, "label", true);
    r.variants = Strings(n, "variants");
    r.group = String(n, "group", false);
    r.is_group_header = Bool(n, "group_header");
    r.optional = Bool(n, "optional");
    r.cells_deviation = String(n, "cells_deviation", false);
    return r;
  }

  SchemaTable Table(const YAML::Node& n) {
    SchemaTable t;
    CheckKeys(n,
              {"id", "section", "title", "title_variants", "layout", "row_sum", "columns", "rows"},
              "table");
    t.id = String(n, "id", true);
    t.section = String(n, "section", true);
    t.title = String(n, "title", true);
    t.title_variants = Strings(n, "title_variants");
    const std::string layout = String(n, "layout", false);
    if (!layout.empty()) t.layout = layout;
    if (!failed() && t.layout != "rows" && t.layout != "blocks")
      Fail(n["layout"], "layout must be rows or blocks, not '" + t.layout + "'");
    if (const YAML::Node sum = n["row_sum"]) {
      CheckKeys(sum, {"total", "parts"}, "row_sum");
      t.sum_total = String(sum, "total", true);
      t.sum_parts = Strings(sum, "parts");
    }
    std::set<std::string> col_ids, row_ids, headers;
    for (const YAML::Node& c : List(n, "columns", true)) {
      if (failed()) break;
      t.columns.push_back(Column(c));
      if (!failed() && !col_ids.insert(t.columns.back().id).second)
        Fail(c["id"], "duplicate column id '" + t.columns.back().id + "'");
    }
    for (const YAML::Node& r : List(n, "rows", true)) {
      if (failed()) break;
      t.rows.push_back(Row(r));
      const SchemaRow& row = t.rows.back();
      if (!failed() && !row_ids.insert(row.id).second)
        Fail(r["id"], "duplicate row id '" + row.id + "'");
      if (!failed() && !row.group.empty() && !headers.count(row.group))
        Fail(r["group"], "group '" + row.group + "' is not a group header listed before this row");
      if (row.is_group_header) headers.insert(row.id);
    }
    if (!failed() && t.columns.empty()) Fail(n, "table '" + t.id + "' has no columns");
    if (!failed() && t.rows.empty()) Fail(n, "table '" + t.id + "' has no rows");
    if (!failed() && !t.sum_total.empty()) {
      for (const std::string& c : t.sum_parts)
        if (!col_ids.count(c)) Fail(n["row_sum"], "row_sum names unknown column '" + c + "'");
      if (!col_ids.count(t.sum_total))
        Fail(n["row_sum"], "row_sum names unknown column '" + t.sum_total + "'");
    }
    return t;
  }

  ReportSchema Schema(const YAML::Node& root) {
    ReportSchema s;
    CheckKeys(
        root,
        {"id", "name", "basis", "first_year", "last_year", "detection_keys", "sections", "tables"},
        "report schema");
    s.id = String(root, "id", true);
    s.name = String(root, "name", true);
    s.basis = String(root, "basis", true);
    s.first_year = Int(root, "first_year");
    s.last_year = Int(root, "last_year");
    if (!failed() && s.last_year != 0 && s.last_year < s.first_year)
      Fail(root["last_year"], "last_year is before first_year");
    s.detection_keys = Strings(root, "detection_keys");
    for (const YAML::Node& n : List(root, "sections", true)) {
      if (failed()) break;
      CheckKeys(n, {"id", "title", "variants"}, "section");
      SchemaSection sec;
      sec.id = String(n, "id", true);
      sec.title = String(n, "title", true);
      sec.variants = Strings(n, "variants");
      s.sections.push_back(std::move(sec));
    }
    std::set<std::string> table_ids;
    for (const YAML::Node& n : List(root, "tables", true)) {
      if (failed()) break;
      s.tables.push_back(Table(n));
      if (!failed() && !table_ids.insert(s.tables.back().id).second)
        Fail(n["id"], "duplicate table id '" + s.tables.back().id + "'");
    }
    return s;
  }

 private:
  std::string path_;
  std::string error_;
};

}  // namespace

Status SchemaSet::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kNotFound, path + ": cannot open report schema");
  std::ostringstream text;
  text << in.rdbuf();
  YAML::Node root;
  rules::YamlSyntaxError e;
  if (!rules::ParseYaml(text.str(), &root, &e)) {
    return Status::Error(ErrorCode::kSchema, path + ":" + std::to_string(e.line + 1) + ":" +
                                                 std::to_string(e.byte_column + 1) + ": " +
                                                 e.message);
  }
  Loader loader(path);
  ReportSchema schema;
  try {
    schema = loader.Schema(root);
  } catch (const YAML::Exception& e) {  // defensive: yaml-cpp throws on odd node conversions
    return Status::Error(ErrorCode::kSchema, path + ": " + e.what());
  }
  if (loader.failed()) return Status::Error(ErrorCode::kSchema, loader.error());
  for (const ReportSchema& s : schemas_)
    if (s.id == schema.id)
      return Status::Error(ErrorCode::kSchema,
                           path + ": schema id '" + schema.id + "' loaded twice");
  schemas_.push_back(std::move(schema));
  static std::atomic<uint64_t> loads{0};
  serial_ = ++loads;
  return Status::Ok();
}

Status SchemaSet::LoadDirectory(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return Status::Error(ErrorCode::kNotFound, dir + ": not a schema directory");
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() > 5 && name.ends_with(".yaml"))
      files.push_back(entry.path().string());
  }
  if (ec) return Status::Error(ErrorCode::kIo, dir + ": " + ec.message());
  std::sort(files.begin(), files.end());  // deterministic order, independent of the file system
  if (files.empty()) return Status::Error(ErrorCode::kSchema, dir + ": no *.yaml report schemas");
  for (const std::string& f : files) {
    Status s = LoadFile(f);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace ogicheck
