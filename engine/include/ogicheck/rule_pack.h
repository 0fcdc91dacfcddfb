// Rule packs: auditors' rules as YAML, loaded at run time and compiled once (see docs/rules.md).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ogicheck/findings.h"
#include "ogicheck/status.h"

namespace ogicheck {

namespace rules {
struct CompiledRuleSet;  // engine/rules/rule.h
}

struct PackInfo {
  std::string id;  // "ogi-2021"
  std::string version;
  std::string title;
  std::string path;                  // the pack.yaml it came from
  std::vector<std::string> formats;  // report formats it applies to
  std::vector<std::string> extends;  // ids of the packs it extends (outermost last)
};

struct RuleInfo {
  std::string id;
  std::string title;
  Severity severity = Severity::kInfo;
  std::string basis;
  std::string kind;  // check kind, e.g. "assert"
  std::string pack;  // id of the pack that defines it (after overlays)
  std::string file;
  int line = 0;
};

// The rules of one or more packs, compiled and ready to evaluate. Movable, not copyable.
class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  // Loads a pack: a pack.yaml file, a folder holding one, or a folder of pack folders (like the
  // shipped rules/). Packs named by `extends` are loaded from sibling folders; a pack that extends
  // one already loaded replaces it (a local overlay on the national pack). Errors name
  // file:line:column, show the offending line and put a caret under the column; nothing of a
  // pack with an error is kept.
  Status Load(const std::string& path);
  // Loads `paths` in order, as Load on each would (stopping at the first error), after parsing
  // their YAML files in parallel on up to `threads` threads including the calling one (0 = one
  // per processor). `alongside`, when given, runs once on one of those threads meanwhile (the
  // check command loads the report schemas there); it must not throw.
  Status LoadAll(const std::vector<std::string>& paths, int threads = 0,
                 const std::function<void()>& alongside = nullptr);

  const std::vector<PackInfo>& packs() const;
  std::vector<RuleInfo> rules() const;
  size_t size() const;

  const rules::CompiledRuleSet& compiled() const { return *impl_; }

 private:
  std::unique_ptr<rules::CompiledRuleSet> impl_;
};

// Self-description of a check kind, for the generated rule catalogue.
struct CheckKindInfo {
  std::string name;                                           // "assert"
  std::string summary;                                        // one line, English
  std::vector<std::pair<std::string, std::string>> fields;    // YAML field -> what it means
  std::vector<std::pair<std::string, std::string>> messages;  // message id -> default Chinese text
};

// Every check kind, in the order of the explicit registry (engine/rules/check_kinds.cc).
std::vector<CheckKindInfo> CheckKindCatalogue();

// The folder of the shipped packs: $OGICHECK_DATA_DIR/rules if set, else the source tree's.
std::string DefaultRulesDir();

}  // namespace ogicheck
