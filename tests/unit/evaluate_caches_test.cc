// What the evaluate stage keeps per document or pack so that rules share work: the cell index,
// the whole-text pattern prefilter and the memoised facts. Each must give the answers of the
// plain computation it replaces.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "evaluate/cell_index.h"
#include "evaluate/pattern_prefilter.h"
#include "facts/document_facts.h"
#include "rules/pattern.h"
#include "rules/rule.h"

namespace ogicheck {
namespace {

TableCell MakeCell(const std::string& row, const std::string& col, double v) {
  TableCell c;
  c.row = row;
  c.col = col;
  c.value = v;
  c.raw = std::to_string(static_cast<int>(v));
  c.semantic = v == 0 ? CellSemantic::kZero : CellSemantic::kNumber;
  return c;
}

TEST_CASE("CellIndex finds what Table::Cell finds, the first of duplicate cells included") {
  Table t;
  t.id = "applications";
  for (const char* id : {"received", "results", "results.public"}) {
    TableRow r;
    r.id = id;
    t.rows.push_back(r);
  }
  t.columns = {"natural", "total"};
  t.cells = {MakeCell("received", "natural", 5), MakeCell("received", "total", 7),
             MakeCell("results.public", "total", 3), MakeCell("results.public", "total", 9)};
  eval::CellIndex index;
  for (const char* row : {"received", "results", "results.public", "absent"})
    for (const char* col : {"natural", "total", "absent"}) {
      CAPTURE(row);
      CAPTURE(col);
      CHECK(index.Find(t, row, col) == t.Cell(row, col));
    }
  REQUIRE(index.Find(t, "results.public", "total"));
  CHECK(*index.Find(t, "results.public", "total")->value == 3);
  CHECK(index.HasRow(t, "received"));
  CHECK_FALSE(index.HasRow(t, "results"));  // a group header without cells
  // A second table is indexed on its own.
  Table other = t;
  other.cells = {MakeCell("received", "total", 1)};
  CHECK(*index.Find(other, "received", "total")->value == 1);
  CHECK(*index.Find(t, "received", "total")->value == 7);
}

rules::Rule TextRule(rules::CheckKind kind, const std::string& pattern,
                     std::vector<std::string> within = {}) {
  rules::Rule r;
  r.kind = kind;
  rules::Pattern::SyntaxError error;
  r.pattern = rules::Pattern::Check(pattern, &error);
  REQUIRE_MESSAGE(r.pattern, error.message);
  r.within = std::move(within);
  return r;
}

TEST_CASE("PatternPrefilter tells which whole-text patterns match somewhere") {
  rules::Pack pack;
  pack.rules = {
      TextRule(rules::CheckKind::kProseNumber, R"(收到[^，。]{0,8}申请(\d+)件)"),
      TextRule(rules::CheckKind::kTextPattern, "无败诉|零败诉"),
      TextRule(rules::CheckKind::kTextPattern, "信息处理费", {"六"}),   // within: not covered
      TextRule(rules::CheckKind::kTopic, "主动公开"),                   // topic: not covered
  };
  const std::string text = "本年度共收到政府信息公开申请12件。六、其他：未收取信息处理费。";
  eval::PatternHits hits(pack, text);
  CHECK(hits.MayMatch(pack.rules[0].pattern.get()));
  CHECK_FALSE(hits.MayMatch(pack.rules[1].pattern.get()));
  CHECK(hits.MayMatch(pack.rules[2].pattern.get()));  // not covered: may match
  CHECK(hits.MayMatch(pack.rules[3].pattern.get()));
  const eval::PatternPrefilter& prefilter = eval::PrefilterOf(pack);
  CHECK(prefilter.IndexOf(pack.rules[0].pattern.get()) == 0);
  CHECK(prefilter.IndexOf(pack.rules[1].pattern.get()) == 1);
  CHECK(prefilter.IndexOf(pack.rules[2].pattern.get()) == -1);
  CHECK(prefilter.IndexOf(pack.rules[3].pattern.get()) == -1);
  // The same pack on another document.
  eval::PatternHits other(pack, "行政诉讼均无败诉。");
  CHECK_FALSE(other.MayMatch(pack.rules[0].pattern.get()));
  CHECK(other.MayMatch(pack.rules[1].pattern.get()));
}

TEST_CASE("DocumentFacts computes each fact once and as the plain functions do") {
  const std::string text =
      "本年度共受理申请20件，其中，予以公开12件、部分公开8件。不予公开0件，占总数的0%。\n"
      "1.第一项\n2.第二项\n4.第四项\n";
  facts::DocumentFacts f(text);
  const Span all{0, static_cast<uint32_t>(text.size())};
  const std::vector<facts::Sentence>& s1 = f.SentencesIn(all);
  CHECK(&s1 == &f.SentencesIn(all));
  const std::vector<facts::Sentence> plain = facts::Sentences(text, all.begin, all.end);
  REQUIRE(s1.size() == plain.size());
  for (size_t i = 0; i < plain.size(); ++i) {
    CHECK(s1[i].begin == plain[i].begin);
    CHECK(s1[i].tokens.size() == plain[i].tokens.size());
  }
  // A range past the end is clamped, and is the same range as the whole text.
  CHECK(&f.SentencesIn({0, 1u << 30}) == &s1);
  const auto breakdowns = facts::FindBreakdowns(text, s1);
  REQUIRE(breakdowns.size() == 1);
  CHECK(breakdowns[0].total.value == 20);
  CHECK(breakdowns[0].parts.size() == 2);
  const auto& defects = f.NumberingDefects();
  CHECK(&defects == &f.NumberingDefects());
  REQUIRE(defects.size() == 1);
  CHECK(defects[0].expected == 3);
  CHECK(f.StatRows().empty());
}

}  // namespace
}  // namespace ogicheck
