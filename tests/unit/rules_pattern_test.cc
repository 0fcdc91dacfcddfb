// rules::Pattern: a rule's regex has its syntax checked when the pack loads (errors keep their
// file:line:column), its RE2 program is compiled on first use (once, from any thread) and then
// matches exactly as an eagerly compiled RE2; a program RE2 cannot compile makes the rule
// not_evaluated at check time and is an error of `rules lint`.
#include <doctest/doctest.h>
#include <re2/re2.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "ogicheck/evaluate.h"
#include "ogicheck/rule_pack.h"
#include "rules/fixture.h"
#include "rules/pattern.h"
#include "rules/rule.h"
#include "command_run.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace ogicheck {
namespace {

using rules::Pattern;

RE2::Options EagerOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

// Parses but is over RE2's default memory limit: compiling it fails ("pattern too large").
const char* kTooLarge = "\\pL{1000}";

// A pack folder with one text_pattern rule whose pattern is `pattern` (YAML single-quoted).
struct OnePatternPack {
  fs::path dir;
  explicit OnePatternPack(const std::string& pattern) {
    dir = fs::temp_directory_path() / ("ogicheck_pattern_test_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "pack.yaml") << "pack:\n  id: p\n  version: \"1\"\n  formats: [ogi-2021]\n";
    std::ofstream(dir / "rules.yaml") << "rules:\n"
                                         "  - id: P.BIG\n"
                                         "    title: t\n"
                                         "    severity: error\n"
                                         "    basis: b\n"
                                         "    message: m\n"
                                         "    check:\n"
                                         "      kind: text_pattern\n"
                                         "      pattern: '"
                                      << pattern << "'\n      fire_when: found\n";
  }
  ~OnePatternPack() { fs::remove_all(dir); }
};

TEST_CASE("pattern: syntax errors are found at load with RE2's own message and fragment") {
  struct Case {
    const char* text;
    const char* message;
    uint32_t offset;
  };
  const Case cases[] = {
      {"(a", "missing ): (a", 0},
      {"收到(\\d+件", "missing ): 收到(\\d+件", 0},
      {"收到\\d+件{1001}", "invalid repetition size: {1001}", 12},
      {"a{1001}", "invalid repetition size: {1001}", 1},
      {"x**", "bad repetition operator: **", 1},
      {"\\p{Nope}", "invalid character class range: \\p{Nope}", 0},
      {"[z-a]", "invalid character class range: z-a", 1},
      {"a)", "unexpected ): a)", 0},
      {"(?<=a)b", "invalid perl operator: (?<", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Pattern::SyntaxError err;
    CHECK(Pattern::Check(c.text, &err) == nullptr);
    CHECK(err.message == c.message);
    CHECK(err.offset == c.offset);
    // The same as a full compile says.
    RE2 eager(c.text, EagerOptions());
    CHECK_FALSE(eager.ok());
    CHECK(err.message == eager.error());
  }
}

TEST_CASE("pattern: a syntax error in a pack names file:line:column with a caret") {
  OnePatternPack pack("收到\\d+件{1001}");
  RuleSet rules;
  Status st = rules.Load(pack.dir.string());
  REQUIRE_FALSE(st.ok());
  std::string msg = st.message();
  msg = msg.substr(msg.find("rules.yaml"));
  CHECK(msg ==
        "rules.yaml:9:23: error: invalid regular expression: invalid repetition size: {1001}\n"
        "      pattern: '收到\\d+件{1001}'\n"
        "                         ^ near here");
}

TEST_CASE("pattern: a valid pattern is not compiled until first used, then once") {
  // A text no other test uses: Check must not find an already compiled Pattern in the cache.
  std::shared_ptr<const Pattern> p =
      Pattern::Check("lazy-(一|二)-\\p{Han}{0,3}-only-here", nullptr);
  REQUIRE(p);
  CHECK_FALSE(p->compiled());
  CHECK(p->capturing_groups() == 1);  // counted without compiling
  CHECK_FALSE(p->compiled());
  // Identical texts share the object (and so the program).
  CHECK(Pattern::Check("lazy-(一|二)-\\p{Han}{0,3}-only-here", nullptr).get() == p.get());
  CHECK(RE2::PartialMatch("xx lazy-二-中文-only-here", p->re()));
  CHECK(p->compiled());
  const RE2* first = &p->re();
  CHECK(&p->re() == first);
  CHECK(p->compile_error().empty());
}

TEST_CASE("pattern: capturing groups counted from the text equal RE2's count") {
  const char* cases[] = {
      "",
      "a",
      "(a)",
      "(?:a)(b)",
      "(?i)(a)",
      "(?i:a)(b)",
      "(?P<n>a)(b)",
      "\\(a\\)",
      "[(]",
      "[]()]",
      "[^]()](x)",
      "[[:alpha:](](y)",
      "\\Q(a)\\E(b)",
      "\\Q(a)",
      "((a)(b))",
      "[\\]()](c)",
      "收到(\\d+)件",
      "(?s).(?U)(a*)",
      "a\\\\(b)",
  };
  for (const char* text : cases) {
    CAPTURE(text);
    std::shared_ptr<const Pattern> p = Pattern::Check(text, nullptr);
    REQUIRE(p);
    RE2 eager(text, EagerOptions());
    REQUIRE(eager.ok());
    CHECK(p->capturing_groups() == eager.NumberOfCapturingGroups());
  }
  // Every pattern of the shipped packs.
  RuleSet shipped;
  REQUIRE(shipped.Load(testing::SourcePath("rules")).ok());
  int patterns = 0;
  for (const rules::Pack& pack : shipped.compiled().packs)
    for (const rules::Rule& r : pack.rules)
      for (const Pattern* p : {r.pattern.get(), r.exclude.get(), r.ambiguous.get()}) {
        if (!p) continue;
        CAPTURE(p->text());
        ++patterns;
        CHECK(p->capturing_groups() == RE2(p->text(), EagerOptions()).NumberOfCapturingGroups());
      }
  CHECK(patterns == 58);
}

TEST_CASE("pattern: every shipped pattern matches real reports as an eager RE2 does") {
  const std::string texts[] = {
      testing::ReadFileOrDie(testing::SharedPath("corpus/real/2023_hongzequ_2021.txt")),
      testing::ReadFileOrDie(testing::SharedPath("seeds/000_9909074d9dbf99ca.txt")),
  };
  RuleSet shipped;
  REQUIRE(shipped.Load(testing::SourcePath("rules")).ok());
  int matches = 0, compared = 0;
  for (const rules::Pack& pack : shipped.compiled().packs)
    for (const rules::Rule& r : pack.rules)
      for (const Pattern* p : {r.pattern.get(), r.exclude.get(), r.ambiguous.get()}) {
        if (!p) continue;
        CAPTURE(p->text());
        RE2 eager(p->text(), EagerOptions());
        REQUIRE(eager.ok());
        REQUIRE(p->Compile());
        for (const std::string& text : texts) {
          re2::StringPiece lazy_hit, eager_hit;
          bool lazy = p->re().Match(text, 0, text.size(), RE2::UNANCHORED, &lazy_hit, 1);
          bool want = eager.Match(text, 0, text.size(), RE2::UNANCHORED, &eager_hit, 1);
          CHECK(lazy == want);
          CHECK(lazy_hit.data() == eager_hit.data());
          CHECK(lazy_hit.size() == eager_hit.size());
          matches += lazy;
          ++compared;
        }
      }
  CHECK(compared == 2 * 58);
  CHECK(matches > 10);  // the comparison is not only of misses
}

TEST_CASE("pattern: concurrent first use compiles once and matches in every thread") {
  std::shared_ptr<const Pattern> p =
      Pattern::Check("(?:关于|有关)\\p{Han}{0,14}(收费|费用)-concurrent", nullptr);
  REQUIRE(p);
  REQUIRE_FALSE(p->compiled());
  constexpr int kThreads = 8;
  const RE2* seen[kThreads] = {};
  bool matched[kThreads] = {};
  std::string captured[kThreads];
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      seen[i] = &p->re();
      matched[i] = RE2::PartialMatch("一、关于政府信息公开收费-concurrent", p->re(), &captured[i]);
    });
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) {
    CHECK(seen[i] == seen[0]);
    CHECK(matched[i]);
    CHECK(captured[i] == "收费");
  }
}

TEST_CASE("pattern: a program over RE2's memory limit loads, then makes its rule not_evaluated") {
  std::shared_ptr<const Pattern> p = Pattern::Check(kTooLarge, nullptr);
  REQUIRE(p);  // the syntax is valid
  CHECK_FALSE(p->Compile());
  CHECK(p->compile_error() == "pattern too large - compile failed");
  CHECK_FALSE(p->Compile());  // the same answer again, not a second attempt

  OnePatternPack pack(kTooLarge);
  RuleSet rules;
  Status st = rules.Load(pack.dir.string());
  REQUIRE_MESSAGE(st.ok(), st.message());
  REQUIRE(rules.compiled().packs.size() == 1);
  CHECK(rules::UnusablePattern(rules.compiled().packs[0].rules.at(0)) ==
        "pattern: pattern too large - compile failed");
  Document doc;
  REQUIRE(
      rules::LoadFixtureDocument(testing::SourcePath("rules/ogi-2021/tests/base.yaml"), &doc).ok());
  ReportFindings r = Evaluate(doc, rules);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == "P.BIG");
  CHECK(r.findings[0].outcome == Outcome::kNotEvaluated);
  CHECK(r.findings[0].message ==
        "规则的正则表达式无法编译（pattern: pattern too large - compile failed），规则未能评估");
}

// `rules lint` compiles every pattern, so authors see the limit before any report is checked.
TEST_CASE("pattern: rules lint reports a program over RE2's memory limit and exits 2") {
  OnePatternPack pack(kTooLarge);
  std::string cmd = std::string(OGICHECK_BINARY) + " rules lint " + pack.dir.string() + " 2>&1";
  const testing::CommandResult run = testing::RunCommand(cmd);
  const std::string& out = run.out;
  CHECK(run.code == 2);
  CHECK(out == (pack.dir / "rules.yaml").string() +
                   ":2: error: rule 'P.BIG': regular expression cannot be compiled: pattern: "
                   "pattern too large - compile failed\n");
}

}  // namespace
}  // namespace ogicheck
