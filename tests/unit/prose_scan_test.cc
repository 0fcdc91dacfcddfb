// The prose_number patterns scanned together (evaluate/prose_scan.h) must give, for every
// pattern, exactly the matches its own loop gives: same starts, ends and number groups, in the
// same order, whatever the patterns' overlaps, empty matches, anchors or the ranges.
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "evaluate/kinds.h"
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

rules::Rule ProseRule(const std::string& id, const std::string& pattern,
                      std::vector<std::string> within) {
  rules::Rule r;
  r.id = id;
  r.kind = rules::CheckKind::kProseNumber;
  rules::Pattern::SyntaxError error;
  r.pattern = rules::Pattern::Check(pattern, &error);
  REQUIRE(r.pattern);
  r.within = std::move(within);
  return r;
}

TEST_CASE("ProsePlan groups the prose_number patterns of a pack by the sections they read") {
  const std::vector<rules::Rule> rules = {
      ProseRule("A", kShipped[0], {"一", "三"}), ProseRule("B", kShipped[1], {"一", "三"}),
      ProseRule("C", kShipped[0], {"一", "三"}),  // same text as A: same place in its groups
      ProseRule("D", R"(行政复议(\d+)件)", {"一", "四"}),
  };
  const eval::ProsePlan plan(rules);
  REQUIRE(plan.group_count() == 3);
  const int one = plan.GroupOf("一"), three = plan.GroupOf("三"), four = plan.GroupOf("四");
  CHECK(plan.GroupOf("五") == -1);
  CHECK(plan.IndexOf(one, rules[0].pattern.get()) == 0);
  CHECK(plan.IndexOf(one, rules[1].pattern.get()) == 1);
  CHECK(plan.IndexOf(one, rules[2].pattern.get()) == 0);
  CHECK(plan.IndexOf(one, rules[3].pattern.get()) == 2);
  CHECK(plan.IndexOf(three, rules[3].pattern.get()) == -1);
  CHECK(plan.IndexOf(four, rules[3].pattern.get()) == 0);

  const std::string text = "收到申请12件，办结11件。行政复议2件。";
  const std::vector<Span> all = {{0, static_cast<uint32_t>(text.size())}};
  const auto hits = plan.ScanGroup(one, text, all);
  REQUIRE(hits.size() == 3);
  auto number = [&](const ProseHit& h) {
    return text.substr(h.number.begin, h.number.end - h.number.begin);
  };
  REQUIRE(hits[0].size() == 1);
  CHECK(number(hits[0][0]) == "12");
  REQUIRE(hits[1].size() == 1);
  CHECK(number(hits[1][0]) == "11");
  REQUIRE(hits[2].size() == 1);
  CHECK(number(hits[2][0]) == "2");
}

TEST_CASE("ProseMatches gives each rule the matches of its own sections, tables cut out") {
  // 一 holds a table (its label and cell are not a statement); 三 and 四 hold prose only.
  const std::string text =
      "一、总体情况\n本年收到申请12件。\n收到申请99件\n办结10件。\n"
      "三、办理情况\n收到申请7件，办结6件。\n四、复议\n收到申请5件。\n";
  Document doc;
  doc.source.text = SourceText::FromUtf8(text);
  auto at = [&](std::string_view s) { return static_cast<uint32_t>(text.find(s)); };
  auto section = [&](int number, std::string_view heading, std::string_view next) {
    Section s;
    s.style = NumberingStyle::kChineseComma;
    s.number = number;
    s.level = 1;
    s.heading_span = {at(heading), at(heading) + static_cast<uint32_t>(heading.size())};
    s.body_span = {s.heading_span.end, next.empty() ? static_cast<uint32_t>(text.size()) : at(next)};
    return s;
  };
  doc.sections = {section(1, "一、总体情况", "三、"), section(3, "三、办理情况", "四、"),
                  section(4, "四、复议", "")};
  Table table;
  table.span = {at("收到申请99件"), at("办结10件")};
  doc.tables.push_back(table);

  rules::Pack pack;
  pack.rules = {ProseRule("A", kShipped[0], {"一", "三"}), ProseRule("B", kShipped[1], {"一", "三"}),
                ProseRule("D", kShipped[0], {"四"})};
  eval::ProseMatches matches(pack, doc);
  for (const rules::Rule& r : pack.rules) {
    std::vector<Span> ranges;
    for (const std::string& id : r.within) {
      Span s;
      REQUIRE(eval::SectionRange(doc, id, &s));
      ranges.push_back(s);
    }
    ranges = eval::WithoutTables(doc, ranges);
    const auto got = matches.For(r, ranges);
    const auto alone = eval::ScanAlone(r.pattern->re(), text, ranges);
    CAPTURE(r.id);
    REQUIRE(got.size() == alone.size());
    for (size_t k = 0; k < got.size(); ++k) CHECK(got[k].whole == alone[k].whole);
  }
  // The table's 99 is nobody's match; A finds 12 (一) and 7 (三), D finds 5 (四).
  auto numbers = [&](const rules::Rule& r, std::vector<Span> ranges) {
    std::string out;
    for (const ProseHit& h : matches.For(r, ranges))
      out += text.substr(h.number.begin, h.number.end - h.number.begin) + " ";
    return out;
  };
  Span one, three, four;
  eval::SectionRange(doc, "一", &one);
  eval::SectionRange(doc, "三", &three);
  eval::SectionRange(doc, "四", &four);
  CHECK(numbers(pack.rules[0], eval::WithoutTables(doc, {one, three})) == "12 7 ");
  CHECK(numbers(pack.rules[2], eval::WithoutTables(doc, {four})) == "5 ");
  // Ranges that are not the rule's sections (no caller passes such) are scanned as given.
  CHECK(numbers(pack.rules[0], {four}) == "5 ");
}

}  // namespace
}  // namespace ogicheck
