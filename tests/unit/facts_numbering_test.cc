// engine/facts: numbered-list defects (gaps, restarts) and the appended statistics table.
#include <doctest/doctest.h>

#include "facts/numbering_runs.h"
#include "facts/stat_table.h"

namespace ogicheck::facts {
namespace {

TEST_CASE("facts: a gap 1,2,3,4,6 under a top-level heading") {
  std::string s = "六、开展政策解读情况\n1.a。\n2.b。\n3.c。\n4.d。\n6.e。\n七、舆情\n1.x。\n";
  auto d = FindNumberingDefects(s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].kind == NumberingDefectKind::kGap);
  CHECK(d[0].previous == "4.");
  CHECK(d[0].marker == "6.");
  CHECK(d[0].expected == 5);
  CHECK(d[0].heading == "六、开展政策解读情况");
  CHECK(s.substr(d[0].span.begin, d[0].span.end - d[0].span.begin) == "6.");
}

TEST_CASE("facts: a restart without a heading; a restart after a label paragraph is fine") {
  auto d = FindNumberingDefects("（三）调结构\n1.a。\n2.b。\n1.c。\n2.d。\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].kind == NumberingDefectKind::kRestart);
  CHECK(d[0].heading == "（三）调结构");
  CHECK(FindNumberingDefects("存在问题：\n1.a。\n2.b。\n整改措施：\n1.c。\n2.d。\n").empty());
  // Crawled pages keep paragraphs apart with ideographic spaces only.
  auto crawled = FindNumberingDefects("　　（一）甲。　　（三）丙。");
  REQUIRE(crawled.size() == 1);
  CHECK(crawled[0].marker == "（三）");
}

TEST_CASE("facts: statistics table rows with groups; the same labels under 复议 and 诉讼") {
  std::string s =
      "统计指标\n单位\n统计数\n三、依申请公开情况\n（一）收到申请数\n件\n1\n1.当面申请数\n件\n0\n2."
      "信函申请数\n件\n1\n"
      "（二）申请办结数\n件\n1\n四、行政复议数量\n件\n1\n（一）维持具体行政行为数\n件\n1\n（二）被"
      "依法纠错数\n件\n0\n"
      "五、行政诉讼数量\n件\n5\n（一）维护具体行政行为或者驳回原告诉讼请求数\n件\n5\n（二）被依法纠"
      "错数\n件\n2\n";
  auto rows = FindStatRows(s);
  REQUIRE(rows.size() == 10);
  CHECK(rows[0].label == "（一）收到申请数");
  CHECK(rows[0].group == "三、依申请公开情况");
  const StatRow* review = FindStatRow(rows, "行政复议", "被依法纠错数");
  const StatRow* lit = FindStatRow(rows, "行政诉讼", "被依法纠错数");
  REQUIRE(review);
  REQUIRE(lit);
  CHECK(review->value == 0);
  CHECK(lit->value == 2);
  CHECK(FindStatRow(rows, "行政诉讼", "维持具体行政行为|维护具体行政行为")->value == 5);
  CHECK(FindStatRow(rows, "", "不存在的行") == nullptr);
  CHECK(FindStatRows("（一）收到申请数\n件\n1\n").empty());  // fewer than 8 rows: not the table
}

}  // namespace
}  // namespace ogicheck::facts
