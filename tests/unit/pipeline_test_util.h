// Runs the real pipeline (IngestFile -> ParseDocument -> Evaluate with the shipped packs) on one
// file, for the tests of whole reports (pack2008_*_test.cc, examples_test.cc).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ogicheck/evaluate.h"
#include "ogicheck/ingest.h"
#include "ogicheck/parse.h"
#include "ogicheck/report_schema.h"
#include "ogicheck/rule_pack.h"
#include "test_paths.h"

namespace ogicheck::testing {

// The shipped schemas and packs, loaded once for the whole test run.
inline const SchemaSet& ShippedSchemaSet() {
  static const SchemaSet* schemas = [] {
    auto* s = new SchemaSet;
    Status st = s->LoadDirectory(SourcePath("schemas"));
    REQUIRE_MESSAGE(st.ok(), st.message());
    return s;
  }();
  return *schemas;
}

inline const RuleSet& ShippedRuleSet() {
  static const RuleSet* rules = [] {
    auto* r = new RuleSet;
    Status st = r->Load(SourcePath("rules"));
    REQUIRE_MESSAGE(st.ok(), st.message());
    return r;
  }();
  return *rules;
}

inline ReportFindings CheckWithShippedPacks(const std::string& path) {
  const SchemaSet& schemas = ShippedSchemaSet();
  const RuleSet& rules = ShippedRuleSet();
  ReadFileOrDie(path);  // a missing input is a failure
  IngestResult in = IngestFile(path);
  REQUIRE(in.errors.empty());
  REQUIRE(in.reports.size() == 1);
  Document doc = ParseDocument(std::move(in.reports[0]), schemas);
  EvaluateOptions opt;
  opt.schemas = &schemas;
  opt.show_passed = true;
  return Evaluate(doc, rules, opt);
}

inline std::vector<const Finding*> ByRule(const std::vector<Finding>& list,
                                          const std::string& rule) {
  std::vector<const Finding*> out;
  for (const Finding& f : list)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

// The numbers of a finding's evidence, in order.
inline std::vector<double> EvidenceValues(const Finding& f) {
  std::vector<double> out;
  for (const Evidence& e : f.evidence)
    if (e.value) out.push_back(*e.value);
  return out;
}

// The passed check of `rule` whose evidence values are exactly `values`.
inline bool PassedWith(const ReportFindings& r, const std::string& rule,
                       const std::vector<double>& values) {
  for (const Finding* f : ByRule(r.passed, rule))
    if (EvidenceValues(*f) == values) return true;
  return false;
}

}  // namespace ogicheck::testing
