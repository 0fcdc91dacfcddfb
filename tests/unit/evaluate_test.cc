// Evaluation on hand-built documents: exact findings, evidence, locations and fingerprints.
#include "ogicheck/evaluate.h"

#include <doctest/doctest.h>

#include "ogicheck/rule_pack.h"
#include "rules/fixture.h"
#include "rules/fixture_internal.h"
#include "rules/yaml_util.h"
#include "test_paths.h"

namespace ogicheck {
namespace {

using testing::SourcePath;

rules::FixtureSpec BaseSpec(const std::string& pack) {
  rules::YamlFile f(SourcePath("rules/" + pack + "/tests/base.yaml"));
  REQUIRE_MESSAGE(f.ok(), f.error());
  rules::FixtureSpec spec;
  REQUIRE(rules::FixtureToSpec(f.root()["document"], f, &spec).ok());
  return spec;
}

void SetCell(rules::FixtureSpec* spec, const std::string& table, const std::string& row,
             const std::string& col, const std::string& value) {
  for (auto& t : spec->tables) {
    if (t.id != table) continue;
    size_t ci = std::find(t.columns.begin(), t.columns.end(), col) - t.columns.begin();
    for (auto& r : t.rows)
      if (r.id == row) r.cells.at(ci) = value;
  }
}

const RuleSet& Packs() {
  static RuleSet* rules = [] {
    auto* r = new RuleSet;
    Status s = r->Load(SourcePath("rules"));
    if (!s.ok()) FAIL(s.message());
    return r;
  }();
  return *rules;
}

std::vector<const Finding*> Of(const ReportFindings& r, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const Finding& f : r.findings)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

TEST_CASE("evaluate: the clean fixture reports give no findings") {
  for (const char* pack : {"ogi-2019", "ogi-2021"}) {
    ReportFindings r = Evaluate(rules::SpecToDocument(BaseSpec(pack), "base.yaml"), Packs());
    INFO(pack);
    for (const Finding& f : r.findings) INFO(f.rule, ": ", f.message);
    CHECK(r.findings.empty());
  }
}

TEST_CASE("evaluate: Hongze 2023 review totals — exact finding, evidence and location") {
  rules::FixtureSpec spec = BaseSpec("ogi-2021");
  SetCell(&spec, "review_litigation", "review", "upheld", "10");
  SetCell(&spec, "review_litigation", "review", "corrected", "1");
  SetCell(&spec, "review_litigation", "review", "pending", "0");
  SetCell(&spec, "review_litigation", "review", "total", "0");
  Document doc = rules::SpecToDocument(spec, "hz.yaml");
  ReportFindings r = Evaluate(doc, Packs());
  auto fs = Of(r, "OGI21.REV.BLOCK_TOTAL");
  REQUIRE(fs.size() == 1);
  const Finding& f = *fs[0];
  CHECK(f.outcome == Outcome::kFail);
  CHECK(f.severity == Severity::kError);
  CHECK(f.message == "表四“行政复议”：结果维持10+结果纠正1+其他结果0+尚未审结0=11，但总计为0");
  CHECK(f.location.table == "review_litigation");
  CHECK(f.location.row == "review");
  CHECK(f.location.col == "total");
  CHECK(f.location.section == "四");
  // The fixture text puts the 行政复议 row on line 45 ("行政复议\t10\t1\t0\t0\t0"); the 总计
  // cell is the character at column 15 (checked by hand against the synthesised text).
  CHECK(f.location.line == 45);
  CHECK(f.location.column == 15);
  REQUIRE(f.evidence.size() == 5);
  CHECK(f.evidence[0].ref == "review_litigation.review.total");
  CHECK(f.evidence[0].label == "行政复议·总计");
  CHECK(*f.evidence[0].value == 0);
  CHECK(f.evidence[0].line == 45);
  CHECK(f.evidence[1].ref == "review_litigation.review.upheld");
  CHECK(*f.evidence[1].value == 10);
  CHECK(f.fingerprint.size() == 16);
}

TEST_CASE("evaluate: fingerprints survive line moves and change with the values") {
  rules::FixtureSpec spec = BaseSpec("ogi-2021");
  SetCell(&spec, "applications", "new_received", "total", "13");
  auto fingerprint = [](const rules::FixtureSpec& s) {
    ReportFindings r = Evaluate(rules::SpecToDocument(s, "x"), Packs());
    std::vector<std::string> out;
    for (const Finding& f : r.findings)
      out.push_back(f.rule + ":" + f.fingerprint + ":" + std::to_string(f.location.line));
    return out;
  };
  std::vector<std::string> a = fingerprint(spec);
  // BALANCE (total column), ROW_TOTAL (new_received) and TXT.RECEIVED (the prose says 12).
  REQUIRE(a.size() == 3);
  CHECK(fingerprint(spec) == a);  // re-run
  rules::FixtureSpec moved = spec;
  moved.sections[0].text = "新增一段文字。\n又一段文字。\n" + moved.sections[0].text;
  std::vector<std::string> b = fingerprint(moved);
  REQUIRE(b.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(a[i].substr(0, a[i].rfind(':')) == b[i].substr(0, b[i].rfind(':')));  // same fingerprint
    CHECK(a[i] != b[i]);                                                        // the line did move
  }
  rules::FixtureSpec changed = spec;
  SetCell(&changed, "applications", "new_received", "total", "14");
  std::vector<std::string> c = fingerprint(changed);
  REQUIRE(c.size() == 3);
  CHECK(a[0].substr(0, a[0].rfind(':')) != c[0].substr(0, c[0].rfind(':')));
}

TEST_CASE("evaluate: blank cells count as 0, show as blank, and are reported once (info)") {
  rules::FixtureSpec spec = BaseSpec("ogi-2021");
  SetCell(&spec, "applications", "withheld.state_secret", "research", "");
  SetCell(&spec, "applications", "carried_over", "natural_person", "");  // 1 -> blank: unbalanced
  ReportFindings r = Evaluate(rules::SpecToDocument(spec, "x"), Packs());
  auto balance = Of(r, "OGI21.APP.BALANCE");
  REQUIRE(balance.size() == 1);
  CHECK(balance[0]->location.col == "natural_person");
  const Evidence* blank = nullptr;
  for (const Evidence& e : balance[0]->evidence)
    if (e.ref == "applications.carried_over.natural_person") blank = &e;
  REQUIRE(blank);
  CHECK(!blank->value.has_value());
  CHECK(blank->raw == "");
  auto blanks = Of(r, "OGI21.CELL.BLANK");
  REQUIRE(blanks.size() == 1);
  CHECK(blanks[0]->severity == Severity::kInfo);
  CHECK(blanks[0]->evidence.size() == 2);
}

TEST_CASE("evaluate: a report without table 三 gives one not_evaluated, not a cascade") {
  rules::FixtureSpec spec = BaseSpec("ogi-2021");
  std::erase_if(spec.tables, [](const rules::FixtureTable& t) { return t.id == "applications"; });
  ReportFindings r = Evaluate(rules::SpecToDocument(spec, "x"), Packs());
  int not_evaluated = 0, errors = 0;
  for (const Finding& f : r.findings) {
    if (f.outcome == Outcome::kNotEvaluated) {
      ++not_evaluated;
      CHECK(f.message ==
            "缺少表三（收到和处理政府信息公开申请情况），以下10条规则未能评估：OGI21.APP.BALANCE、"
            "OGI21.APP.ROW_TOTAL、OGI21.APP.LEGAL_PERSON_SUBTOTAL、OGI21.APP.RESULTS_TOTAL、"
            "OGI21.TXT.RECEIVED、OGI21.TXT.CLOSED、"
            "OGI21.TXT.CARRIED_FORWARD、OGI21.TXT.PERCENT_DISCLOSED、OGI21.TXT.PERCENT_PARTLY、"
            "OGI21.TXT.NO_APPLICATIONS_CLAIM");
    } else if (f.severity == Severity::kError) {
      ++errors;
      CHECK(f.rule == "OGI21.FMT.APPLICATIONS");
    }
  }
  CHECK(not_evaluated == 1);
  CHECK(errors == 1);
  CHECK(r.Counts().not_evaluated == 1);
}

TEST_CASE("evaluate: printed-precision tolerance (38685.5 万元 is ±0.05)") {
  RuleSet rules;
  // A pack testing the tolerance on the fee amount against parameters.
  // (Written as a fixture pack under tests/golden so that it is loaded like any pack.)
  Status s = rules.Load(SourcePath("tests/golden/rules/tolerance"));
  REQUIRE_MESSAGE(s.ok(), s.message());
  rules::FixtureSpec spec = BaseSpec("ogi-2021");
  auto run = [&](const std::string& amount) {
    SetCell(&spec, "art20_8", "fees", "amount", amount);
    return Evaluate(rules::SpecToDocument(spec, "x"), rules).findings.size();
  };
  CHECK(run("38685.5") == 0);  // the parameter 38685.54 is within ±0.05
  CHECK(run("38685.6") == 1);  // ±0.05 but 0.06 away

  CHECK(run("38685.52") == 1);  // printed to 0.01: ±0.005, and 0.02 away
  CHECK(run("38686") == 0);     // printed as a whole number: ±0.5, and 0.46 away
}

}  // namespace
}  // namespace ogicheck
