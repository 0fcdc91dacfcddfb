// The shipped packs load, and every rule's fixture cases (rules/<pack>/tests/) pass.
#include <doctest/doctest.h>

#include "ogicheck/rule_pack.h"
#include "rules/fixture.h"
#include "test_paths.h"

namespace ogicheck {
namespace {

using testing::SourcePath;

void RunPack(const std::string& pack) {
  RuleSet rules;
  Status s = rules.Load(SourcePath("rules/" + pack));
  REQUIRE_MESSAGE(s.ok(), s.message());
  std::vector<rules::FixtureCaseResult> results;
  Status r = rules::RunPackFixtures(SourcePath("rules/" + pack), rules, &results);
  REQUIRE_MESSAGE(r.ok(), r.message());
  CHECK(results.size() >= rules.size() * 2);  // every rule fires once and stays silent once
  for (const auto& res : results) {
    INFO(res.file, " [", res.rule, "] ", res.name);
    CHECK_MESSAGE(res.ok, res.detail);
  }
}

TEST_CASE("rule fixtures: ogi-2021") { RunPack("ogi-2021"); }
TEST_CASE("rule fixtures: ogi-2019") { RunPack("ogi-2019"); }
TEST_CASE("rule fixtures: ogi-2008") { RunPack("ogi-2008"); }

TEST_CASE("shipped rules folder loads the three packs") {
  RuleSet rules;
  Status s = rules.Load(SourcePath("rules"));
  REQUIRE_MESSAGE(s.ok(), s.message());
  REQUIRE(rules.packs().size() == 3);
  CHECK(rules.packs()[0].id == "ogi-2008");
  CHECK(rules.packs()[1].id == "ogi-2019");
  CHECK(rules.packs()[2].id == "ogi-2021");
}

}  // namespace
}  // namespace ogicheck
