// Rule fixtures: hand-written report documents in YAML (meta, sections with text, tables as
// grids) and test cases that edit them and say which findings a rule must give. They let every
// rule be tested beside its pack without the parser (see docs/rules.md, "Testing a rule").
#pragma once

#include <string>
#include <vector>

#include "ogicheck/document.h"
#include "ogicheck/rule_pack.h"
#include "ogicheck/status.h"

namespace ogicheck::rules {

// Builds a Document from a fixture YAML node's text. The document text is synthesised (title,
// headings, section text, tables one row per line) so that spans and lines are real.
Status LoadFixtureDocument(const std::string& path, Document* doc);

struct FixtureCaseResult {
  std::string file;  // the .test.yaml
  std::string rule;
  std::string name;  // case name
  bool ok = false;
  std::string detail;  // what differed
};

// Runs every tests/*.test.yaml of the pack folder `pack_dir` against `rules`.
// Also reports (as failed results) rules of the pack without any test case.
Status RunPackFixtures(const std::string& pack_dir, const RuleSet& rules,
                       std::vector<FixtureCaseResult>* results);

}  // namespace ogicheck::rules
