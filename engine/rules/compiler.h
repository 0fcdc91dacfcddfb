// RuleCompiler: turns one rule's YAML into a compiled Rule (common fields here, kind-specific
// fields in check_kinds.cc). Internal to engine/rules/.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "rules/rule.h"
#include "rules/yaml_util.h"

namespace ogicheck::rules {

class RuleCompiler {
 public:
  RuleCompiler(const YamlFile& file, const std::map<std::string, double>& parameters)
      : file_(file), parameters_(parameters) {}

  // Compiles one rule node. On failure returns false and sets error().
  bool Compile(const YAML::Node& node, Rule* rule);
  const std::string& error() const { return error_; }

  // Helpers for kind loaders; each returns false after setting the error.
  bool Fail(const YAML::Node& at, const std::string& msg);
  bool Expression(const YAML::Node& parent, const char* field, bool required,
                  std::shared_ptr<Expr>* out);
  // A regular expression: its syntax is checked now, its program compiled on first use.
  bool Regex(const YAML::Node& parent, const char* field, bool required,
             std::shared_ptr<const Pattern>* out);
  bool Strings(const YAML::Node& parent, const char* field, bool required,
               std::vector<std::string>* out);
  bool String(const YAML::Node& parent, const char* field, bool required, std::string* out);

  // Meta facts expressions may name (meta.report_year, …).
  static const std::set<std::string>& MetaNames();

 private:
  bool CheckNames(const Expr& e, const YAML::Node& scalar, bool in_message);
  bool CompileMessage(const YAML::Node& node, Rule* rule);
  bool CompileCommon(const YAML::Node& node, Rule* rule);

  const YamlFile& file_;
  const std::map<std::string, double>& parameters_;
  const Rule* rule_ = nullptr;  // the rule being compiled
  std::string error_;
};

// The loader of each kind's fields (check_kinds.cc).
bool CompileCheck(const YAML::Node& check, RuleCompiler* c, Rule* rule);

}  // namespace ogicheck::rules
