// Loading rule packs: errors name file:line:column, show the line and a caret (ninja style);
// overlays extend a pack and override severity and parameters.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "ogicheck/evaluate.h"
#include "ogicheck/rule_pack.h"
#include "rules/fixture.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace ogicheck {
namespace {

// A scratch folder with one pack folder per call.
struct Scratch {
  fs::path root;
  Scratch() {
    root = fs::temp_directory_path() / ("ogicheck_rules_test_" + std::to_string(::getpid()));
    fs::create_directories(root);
  }
  ~Scratch() { fs::remove_all(root); }
  std::string Pack(const std::string& name, const std::string& pack_yaml,
                   const std::string& rules_yaml) {
    fs::create_directories(root / name);
    std::ofstream(root / name / "pack.yaml") << pack_yaml;
    if (!rules_yaml.empty()) std::ofstream(root / name / "rules.yaml") << rules_yaml;
    return (root / name).string();
  }
};

const char* kPackHead =
    "pack:\n  id: t\n  version: \"1\"\n  formats: [ogi-2021]\nparameters:\n  limit: 3\n";

std::string LoadError(const std::string& rules_yaml) {
  Scratch s;
  std::string dir = s.Pack("t", kPackHead, rules_yaml);
  RuleSet rules;
  Status st = rules.Load(dir);
  std::string msg = st.message();
  // Paths differ per run; compare from the file name on.
  size_t at = msg.find("rules.yaml");
  return at == std::string::npos ? msg : msg.substr(at);
}

const char* kRuleHead =
    "rules:\n"
    "  - id: T.ONE\n"
    "    title: t\n"
    "    severity: error\n"
    "    basis: b\n"
    "    message: m\n";

TEST_CASE("rules: expression errors point into the YAML with a caret") {
  CHECK(
      LoadError(std::string(kRuleHead) +
                "    check:\n"
                "      kind: assert\n"
                "      expr: applications[new_received][total] == summ(x)\n") ==
      "rules.yaml:9:50: error: unknown function 'summ' (known: sum, abs, min, max, count, exists)\n"
      "      expr: applications[new_received][total] == summ(x)\n"
      "                                                 ^ near here");
  CHECK(LoadError(std::string(kRuleHead) + "    check:\n"
                                           "      kind: assert\n"
                                           "      expr: \"a_cell > limit\"\n") ==
        "rules.yaml:9:14: error: unknown name 'a_cell' (not a parameter, a value of this rule or a "
        "meta fact)\n"
        "      expr: \"a_cell > limit\"\n"
        "             ^ near here");
  CHECK(LoadError(std::string(kRuleHead) + "    check:\n"
                                           "      kind: assert\n"
                                           "      expr: t[$row][total] > 0\n") ==
        "rules.yaml:9:13: error: '$row' needs 'for_each: {row: …}' on the rule\n"
        "      expr: t[$row][total] > 0\n"
        "            ^ near here");
}

TEST_CASE("rules: structural errors") {
  CHECK(LoadError(std::string(kRuleHead) + "    check:\n      kind: asert\n      expr: 1\n") ==
        "rules.yaml:8:13: error: unknown check kind 'asert' (known: sections, table, assert, "
        "cell_type, blank_cells, text_pattern, prose_number, deadline, deviation, table_format, "
        "prose_arith, stat_sum, document_kind, numbering, topic)\n"
        "      kind: asert\n"
        "            ^ near here");
  CHECK(LoadError(std::string(kRuleHead) + "    check:\n      kind: assert\n      exp: 1\n") ==
        "rules.yaml:9:7: error: unknown field 'exp' for check kind assert\n"
        "      exp: 1\n"
        "      ^ near here");
  CHECK(
      LoadError(
          std::string(kRuleHead) +
          "    check:\n      kind: text_pattern\n      pattern: '(a'\n      fire_when: found\n") ==
      "rules.yaml:9:17: error: invalid regular expression: missing ): (a\n"
      "      pattern: '(a'\n"
      "                ^ near here");
  CHECK(
      LoadError(
          "rules:\n  - id: T.ONE\n    title: t\n    severity: fatal\n    basis: b\n    message: m\n"
          "    check: {kind: assert, expr: '1'}\n") ==
      "rules.yaml:4:15: error: severity must be error, warning or info, not 'fatal'\n"
      "    severity: fatal\n"
      "              ^ near here");
  CHECK(LoadError(std::string(kRuleHead) + "    check: {kind: assert, expr: '1'}\n" +
                  "  - id: T.ONE\n    title: t\n    severity: error\n    basis: b\n    message: m\n"
                  "    check: {kind: assert, expr: '1'}\n") ==
        "rules.yaml:8:9: error: rule id 'T.ONE' is defined twice\n"
        "  - id: T.ONE\n"
        "        ^ near here");
  CHECK(LoadError(std::string(kRuleHead) +
                  "    check: {kind: assert, expr: '1'}\n    message2: x\n") ==
        "rules.yaml:8:5: error: unknown field 'message2' in a rule\n"
        "    message2: x\n"
        "    ^ near here");
  CHECK(LoadError(std::string(kRuleHead) + "    check: {kind: assert, expr: '1'}\n  bad: [\n") ==
        "rules.yaml:8:3: error: did not find expected '-' indicator while parsing a block "
        "collection\n"
        "  bad: [\n"
        "  ^ near here");
}

TEST_CASE("rules: a missing pack is a clear error") {
  RuleSet rules;
  Status s = rules.Load("/nonexistent/pack");
  CHECK(s.code() == ErrorCode::kRulePack);
  CHECK(s.message() == "/nonexistent/pack: error: no such rule pack file or folder");
}

TEST_CASE("rules: an overlay extends the national pack, overriding severity and parameters") {
  Scratch s;
  s.Pack("base",
         "pack:\n  id: base\n  version: \"1\"\n  formats: [ogi-2021]\nparameters:\n  limit: 3\n",
         "rules:\n"
         "  - id: B.LIMIT\n    title: t\n    severity: warning\n    basis: b\n"
         "    check: {kind: assert, expr: 'applications[new_received][total] <= limit'}\n"
         "    message: \"新收{applications[new_received][total]}件，超过{limit}件\"\n");
  std::string overlay =
      s.Pack("local",
             "pack:\n  id: local\n  version: \"2\"\n  extends: base\nparameters:\n  limit: 20\n"
             "overrides:\n  B.LIMIT: {severity: error}\n",
             "");
  RuleSet rules;
  REQUIRE(rules.Load((s.root / "base").string()).ok());
  Status st = rules.Load(overlay);
  REQUIRE_MESSAGE(st.ok(), st.message());
  // The overlay replaces the pack it extends.
  REQUIRE(rules.packs().size() == 1);
  CHECK(rules.packs()[0].id == "local");
  CHECK(rules.packs()[0].formats == std::vector<std::string>{"ogi-2021"});
  std::vector<RuleInfo> infos = rules.rules();
  REQUIRE(infos.size() == 1);
  CHECK(infos[0].severity == Severity::kError);
  CHECK(infos[0].pack == "local");

  Document doc;
  REQUIRE(
      rules::LoadFixtureDocument(testing::SourcePath("rules/ogi-2021/tests/base.yaml"), &doc).ok());
  CHECK(Evaluate(doc, rules).findings.empty());  // 12 <= 20 with the overlay's parameter
  RuleSet base_only;
  REQUIRE(base_only.Load((s.root / "base").string()).ok());
  ReportFindings r = Evaluate(doc, base_only);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].message == "新收12件，超过3件");
  CHECK(r.findings[0].severity == Severity::kWarning);
}

}  // namespace
}  // namespace ogicheck

namespace ogicheck {
namespace {

TEST_CASE("rules: malformed shapes are errors, never crashes") {
  const char* bad[] = {
      "rules: 5\n",
      "rules:\n  - 5\n",
      "rules:\n  - id: X\n    title: t\n    severity: error\n    basis: b\n    message: m\n    "
      "check: 5\n",
      "rules:\n  - id: X\n    title: t\n    severity: error\n    basis: b\n    message: m\n"
      "    check: {kind: sections, sections: [5, {id: 一}]}\n",
      "rules:\n  - id: X\n    title: t\n    severity: error\n    basis: b\n    message: m\n"
      "    check: {kind: prose_number, pattern: 'a', expect: [1]}\n",
      "rules:\n  - id: X\n    title: t\n    severity: error\n    basis: b\n    message: '{'\n"
      "    check: {kind: assert, expr: '1'}\n",
      "rules:\n  - id: X\n    title: t\n    severity: error\n    basis: b\n    message: m\n"
      "    for_each: {table: t, row: [a], col: [b]}\n    check: {kind: assert, expr: '1'}\n",
      "rules:\n  - id: X\n    title: t\n    severity: error\n    basis: b\n    message: m\n"
      "    check: {kind: deadline, deadlines: {department: 0131}}\n",
  };
  for (const char* rules_yaml : bad) {
    INFO(std::string(rules_yaml));
    std::string err = LoadError(rules_yaml);
    CHECK(err.find("error:") != std::string::npos);
  }
}

}  // namespace
}  // namespace ogicheck
