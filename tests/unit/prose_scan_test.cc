// The prose_number patterns scanned together (evaluate/prose_scan.h) must give, for every
// pattern, exactly the matches its own loop gives: same starts, ends and number groups, in the
// same order, whatever the patterns' overlaps, empty matches, anchors or the ranges.
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "evaluate/prose_scan.h"
#include "rules/pattern.h"
#include "rules/rule.h"

namespace ogicheck {
namespace {

using eval::ProseHit;

std::string Union(const std::vector<std::string>& patterns) {
  std::string u;
  for (const std::string& p : patterns) u += (u.empty() ? "(?:" : "|(?:") + p + ")";
  return u;
}

// Compares ScanTogether with each pattern's ScanAlone; returns the number of matches compared.
size_t CheckSame(const std::vector<std::string>& texts, const std::string& text,
                 const std::vector<Span>& ranges) {
  std::vector<std::unique_ptr<RE2>> res;
  std::vector<const RE2*> ptrs;
  for (const std::string& t : texts) {
    res.push_back(std::make_unique<RE2>(t));
    REQUIRE(res.back()->ok());
    ptrs.push_back(res.back().get());
  }
  RE2 combined(Union(texts));
  REQUIRE(combined.ok());
  const auto together = eval::ScanTogether(combined, ptrs, text, ranges);
  REQUIRE(together.size() == texts.size());
  size_t compared = 0;
  for (size_t j = 0; j < texts.size(); ++j) {
    const auto alone = eval::ScanAlone(*ptrs[j], text, ranges);
    CAPTURE(texts[j]);
    REQUIRE(together[j].size() == alone.size());
    for (size_t k = 0; k < alone.size(); ++k) {
      CHECK(together[j][k].whole == alone[k].whole);
      CHECK(together[j][k].has_number == alone[k].has_number);
      if (alone[k].has_number) CHECK(together[j][k].number == alone[k].number);
    }
    compared += alone.size();
  }
  return compared;
}

// The shipped pack's patterns of one `within` group (rules/ogi-2021/prose.yaml, sections 一 三).
const std::vector<std::string> kShipped = {
    R"((?:收到|新收|受理|接收)[^，。；\d]{0,24}?申请(?:共计|共|合计)?\s*(\d[\d,]*)\s*件)",
    R"((?:办结|答复|办理完毕)(?:各类)?(?:政府信息公开|依申请公开)?(?:申请)?(?:共计|共|合计)?\s*(\d[\d,]*)\s*件)",
    R"((?:结转下一?年度?|转入下一?年度?)(?:继续办理)?(?:的申请)?(?:共)?\s*(\d[\d,]*)\s*件|\s*(\d[\d,]*)\s*件(?:申请)?(?:顺延|结转下一?年度?|转入下一?年度?))",
    R"(予以公开[^，。；\d]{0,6}\s*\d+\s*件[，,、]?(?:占|比例为|比例达)[^，。；\d]{0,10}?\s*(\d+(?:\.\d+)?)\s*%)",
};

TEST_CASE("ScanTogether equals the patterns alone on report prose") {
  const std::string text =
      "一、总体情况\n2023年，本机关共收到政府信息公开申请117件，其中当面申请3件。办结116件，"
      "结转下年度继续办理1件。予以公开45件，占38.8%。\n三、收到和处理政府信息公开申请情况\n"
      "全年新收申请 12 件；答复12件，2件申请顺延办理。收到申请件。受理申请1,234件。";
  const uint32_t n = static_cast<uint32_t>(text.size());
  CHECK(CheckSame(kShipped, text, {{0, n}}) == 8);
  // Ranges cut the text anywhere (even inside a character): each range is searched on its own.
  CHECK(CheckSame(kShipped, text, {{0, 40}, {41, 200}, {200, n}}) > 0);
}

TEST_CASE("ScanTogether equals the patterns alone on adversarial patterns and random text") {
  // Overlapping starts, empty matches, anchors that look at the range's edges, a greedy pattern
  // whose matches swallow the others' (it drives the idle-search fallback), alternative groups.
  const std::vector<std::vector<std::string>> sets = {
      kShipped,
      {R"(a*)", R"((\d+)件)", R"(件)"},
      {R"(^收到(\d+))", R"(\b(\d+)\b)", R"(申请$)"},
      {R"(收到.*件)", R"((\d)件)", R"(申请(\d*))"},
      {R"((\d+)件|件(\d+))", R"(\s+)", R"((?:收到)?(\d+))"},
  };
  const std::vector<std::string> alphabet = {"收到", "申请", "件", "1", "23", "，", "。", " ",
                                             "\n",   "a",    "b",  "办结", "结转下年度", "%", "占"};
  std::mt19937 rng(20261123);
  size_t compared = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int pieces = 1 + static_cast<int>(rng() % 120);
    for (int i = 0; i < pieces; ++i) text += alphabet[rng() % alphabet.size()];
    const auto n = static_cast<uint32_t>(text.size());
    std::vector<Span> ranges;
    uint32_t at = 0;
    while (at < n) {
      const uint32_t len = 1 + static_cast<uint32_t>(rng() % (n - at));
      ranges.push_back({at, at + len});
      at += len + static_cast<uint32_t>(rng() % 4);
    }
    compared += CheckSame(sets[round % sets.size()], text, ranges);
  }
  CHECK(compared > 1000);  // the texts do exercise the patterns
}

TEST_CASE("ProsePlan groups the prose_number rules of a pack by their sections") {
  auto rule = [](const std::string& id, const std::string& pattern,
                 std::vector<std::string> within) {
    rules::Rule r;
    r.id = id;
    r.kind = rules::CheckKind::kProseNumber;
    rules::Pattern::SyntaxError error;
    r.pattern = rules::Pattern::Check(pattern, &error);
    REQUIRE(r.pattern);
    r.within = std::move(within);
    return r;
  };
  std::vector<rules::Rule> rules = {
      rule("A", kShipped[0], {"一", "三"}), rule("B", kShipped[1], {"一", "三"}),
      rule("C", kShipped[0], {"一", "三"}),  // same text as A: same place in the group
      rule("D", R"(行政复议(\d+)件)", {"一", "四"}),  // alone in its sections
  };
  const eval::ProsePlan plan(rules);
  CHECK(plan.group_count() == 1);
  CHECK(plan.SlotOf(rules[0]).group == 0);
  CHECK(plan.SlotOf(rules[1]).group == 0);
  CHECK(plan.SlotOf(rules[0]).index == 0);
  CHECK(plan.SlotOf(rules[1]).index == 1);
  CHECK(plan.SlotOf(rules[2]).index == 0);
  CHECK(plan.SlotOf(rules[3]).group == -1);

  const std::string text = "收到申请12件，办结11件。";
  const std::vector<Span> all = {{0, static_cast<uint32_t>(text.size())}};
  const auto hits = plan.ScanGroup(0, text, all);
  REQUIRE(hits.size() == 2);
  REQUIRE(hits[0].size() == 1);
  CHECK(text.substr(hits[0][0].number.begin, hits[0][0].number.end - hits[0][0].number.begin) ==
        "12");
  REQUIRE(hits[1].size() == 1);
  CHECK(text.substr(hits[1][0].number.begin, hits[1][0].number.end - hits[1][0].number.begin) ==
        "11");
}

}  // namespace
}  // namespace ogicheck
