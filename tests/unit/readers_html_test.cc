// HtmlReader: the Hangzhou-style fixture, span expansion, charsets, chrome and limits.
#include <doctest/doctest.h>

#include "ingest/reader.h"
#include "readers_test_util.h"
#include "test_paths.h"

using namespace ogicheck;
using namespace ogicheck::testing;

namespace {

const char kFixture[] = "corpus/peers/kirogovcompare__filingHtmlImport-hangzhou-style-fixture.html";

IngestedReport ReadHtmlOk(std::string_view bytes) {
  IngestResult r = RunReader(HtmlReader(), bytes, "t.html");
  REQUIRE(r.errors.empty());
  REQUIRE(r.reports.size() == 1);
  return std::move(r.reports[0]);
}

}  // namespace

TEST_CASE("HTML: Hangzhou fixture table 3 rows come out as TAB lines with the expected values") {
  IngestResult r = RunReader(HtmlReader(), ReadFileOrDie(SharedPath(kFixture)), "hz.html");
  REQUIRE(r.errors.empty());
  REQUIRE(r.reports.size() == 1);
  const IngestedReport& rep = r.reports[0];
  CHECK(rep.reader == "html");
  CHECK(rep.encoding == "UTF-8");
  CHECK(rep.facts.title == "测试市2025年政府信息公开工作年度报告");
  const auto lines = SplitLines(rep.text.text());
  const auto tables = TableBlocks(lines);
  REQUIRE(tables.size() == 3);
  const auto& t3 = tables[1];
  REQUIRE(t3.size() == 3 + 2 + 22 + 1);
  // Header: the 3x3 corner cell covers its span; 申请人情况 spans 7.
  CHECK(t3[0] ==
        "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)"
        "\t\t\t申请人情况\t\t\t\t\t\t");
  CHECK(t3[1] == "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计");
  CHECK(t3[2] == "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t");
  // naturalPerson.newReceived 13612, total.newReceived 14069
  CHECK(t3[3] == "一、本年新收政府信息公开申请数量\t\t\t13612\t252\t0\t45\t128\t32\t14069");
  CHECK(t3[4] == "二、上年结转政府信息公开申请数量\t\t\t535\t6\t0\t1\t18\t0\t560");
  // granted: naturalPerson 5345, total 5548
  CHECK(t3[5] == "三、本年度办理结果\t(一)予以公开\t\t5345\t129\t0\t41\t19\t14\t5548");
  // denied.stateSecret: naturalPerson 13 (the rowspans of 三 and (三) leave empty fields)
  CHECK(t3[7] == "\t(三)不予公开\t1.属于国家秘密\t13\t0\t0\t0\t0\t0\t13");
  CHECK(t3[8] == "\t\t2.其他法律行政法规禁止公开\t30\t0\t0\t0\t0\t0\t30");
  // other.otherReasons: naturalPerson 941
  CHECK(t3[25] == "\t\t3.其他\t941\t17\t0\t1\t3\t3\t965");
  // totalProcessed 13810, carriedForward 819
  CHECK(t3[26] == "\t(七)总计\t\t13364\t252\t0\t44\t121\t29\t13810");
  CHECK(t3[27] == "四、结转下年度继续办理\t\t\t783\t6\t0\t2\t25\t3\t819");

  // Table 2 and table 4 values from the expected.json.
  const auto& t2 = tables[0];
  CHECK(t2[0] == "第二十条第(一)项\t\t\t");
  CHECK(t2[2] == "规章\t3\t5\t74");
  CHECK(t2[3] == "行政规范性文件\t564\t984\t4185");
  CHECK(t2[6] == "行政许可\t11398889\t\t");
  CHECK(t2[9] == "行政处罚\t6937489\t\t");
  CHECK(t2[10] == "行政强制\t166105\t\t");
  CHECK(t2[13] == "行政事业性收费\t316441\t\t");
  const auto& t4 = tables[2];
  REQUIRE(t4.size() == 4);
  CHECK(
      t4[1] ==
      "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t");
  CHECK(t4[3] == "376\t97\t196\t121\t790\t16\t1\t12\t27\t56\t74\t1\t30\t51\t156");

  // Paragraphs in reading order, one per line; a blank line before and after each table.
  const int h1 = FindLine(lines, "一、总体情况");
  const int h2 = FindLine(lines, "二、主动公开政府信息情况");
  const int h3 = FindLine(lines, "三、收到和处理政府信息公开申请情况");
  const int h6 = FindLine(lines, "六、其他需要报告的事项");
  CHECK(h1 == 1);
  CHECK(h2 == 5);
  CHECK(lines[h2 + 1] == "");
  CHECK(lines[h2 + 2] == t2[0]);
  CHECK(lines[h3 - 1] == "");
  CHECK(lines[h3 + 1] == "");
  CHECK(lines[h6 + 1] ==
        "依据《政府信息公开信息处理费管理办法》规定，2025年全市实际收取信息处理费共计400元。");

  // Element paths: the cell holding 13612 and a paragraph.
  const std::string& text = rep.text.text();
  const auto at = static_cast<uint32_t>(text.find("13612"));
  SourcePos pos = rep.text.PosOf(at);
  CHECK(pos.element == "body/div[1]/table[2]/tr[4]/td[2]");
  CHECK(pos.page == 0);
  CHECK(rep.text.PosOf(static_cast<uint32_t>(text.find("一、总体情况"))).element ==
        "body/div[1]/p[2]");
  // A row whose first field is empty (covered by a rowspan) still maps to its row.
  const auto row8 = static_cast<uint32_t>(text.find("\t\t2.其他法律行政法规禁止公开"));
  CHECK(rep.text.PosOf(row8).element == "body/div[1]/table[2]/tr[9]");
}

TEST_CASE("HTML: rowspan and colspan expand to empty fields, never repeated text") {
  const char* html =
      "<table>"
      "<tr><td rowspan=2>A</td><td colspan=2>B</td><td rowspan=9>Z</td></tr>"
      "<tr><td>C</td><td>D</td></tr>"
      "<tr><th>E</th><td colspan=0>F</td><td> G\n</td></tr>"
      "</table><p>after</p>";
  IngestedReport rep = ReadHtmlOk(html);
  // rowspan=9 is clipped to the 3 rows the table has; colspan=0 counts as 1.
  CHECK(rep.text.text() == "A\tB\t\tZ\n\tC\tD\t\nE\tF\tG\t\n\nafter\n");
  CHECK(rep.text.PosOf(static_cast<uint32_t>(rep.text.text().find('E'))).element ==
        "body/table[1]/tr[3]/th[1]");
  CHECK(rep.text.PosOf(static_cast<uint32_t>(rep.text.text().find('F'))).element ==
        "body/table[1]/tr[3]/td[1]");
}

TEST_CASE("HTML: cell text joins lines, <br> and blocks; CJK hard wraps get no space") {
  IngestedReport rep = ReadHtmlOk(
      "<table><tr><td>商业<br>企业</td><td><p>a</p><p>b</p></td><td>法人 "
      "或\n其他</td></tr></table>");
  CHECK(rep.text.text() == "商业企业\ta b\t法人 或其他\n\n");
}

TEST_CASE("HTML: GBK page with a meta charset decodes") {
  // 政府信息公开 / 一、总体情况 in GBK bytes.
  const std::string gbk =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
      "</head><body><p>\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA</p>"
      "<p>\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6</p></body></html>";
  IngestedReport rep = ReadHtmlOk(gbk);
  CHECK(rep.encoding == "GB18030");
  CHECK(rep.text.text() == "政府信息公开\n一、总体情况\n");

  // <meta charset="gbk"> form, and the same bytes with no declaration at all (detected).
  IngestedReport meta = ReadHtmlOk("<meta charset='GBK'><p>\xB2\xE2\xCA\xD4</p>");
  CHECK(meta.encoding == "GB18030");
  CHECK(meta.text.text() == "测试\n");
  IngestedReport bare = ReadHtmlOk("<html><body><p>\xB2\xE2\xCA\xD4</p></body></html>");
  CHECK(bare.encoding == "GB18030");
  CHECK(bare.text.text() == "测试\n");
  // A page that claims UTF-8 but is GBK (a common publishing mistake).
  IngestedReport lying = ReadHtmlOk("<meta charset=\"utf-8\"><p>\xB2\xE2\xCA\xD4</p>");
  CHECK(lying.encoding == "GB18030");
  CHECK(lying.text.text() == "测试\n");
}

TEST_CASE("HTML: a BOM wins over the meta tag") {
  IngestedReport rep = ReadHtmlOk("\xEF\xBB\xBF<meta charset=gbk><p>测试</p>");
  CHECK(rep.encoding == "UTF-8");
  CHECK(rep.text.text() == "测试\n");
  // UTF-16LE with BOM: "<p>测试</p>"
  static const char kU16[] = "\xFF\xFE<\0p\0>\0\x4B\x6D\xD5\x8B<\0/\0p\0>\0";
  const std::string u16(kU16, sizeof(kU16) - 1);
  IngestedReport wide = ReadHtmlOk(u16);
  CHECK(wide.encoding == "UTF-16LE");
  CHECK(wide.text.text() == "测试\n");
}

TEST_CASE("HTML: scripts, styles, navigation and footers are not report text") {
  IngestedReport rep = ReadHtmlOk(
      "<html><head><style>p{}</style></head><body>"
      "<div class=\"top-nav\"><a href=/>首页</a><a>政务公开</a></div>"
      "<nav>导航</nav><div id=\"breadcrumb\">当前位置：首页 &gt; 年报</div>"
      "<div class=\"article-content\"><h1>某县2023年政府信息公开工作年度报告</h1>"
      "<p>一、总体情况</p><script>var x = 1;</script><p>正文&nbsp;内容</p></div>"
      "<div class=\"footer\">版权所有 某县人民政府</div>"
      "<footer>联系我们</footer><div style=\"DISPLAY: none\">隐藏</div><p hidden>也隐藏</p>"
      "</body></html>");
  CHECK(rep.text.text() == "某县2023年政府信息公开工作年度报告\n一、总体情况\n正文 内容\n");
}

TEST_CASE("HTML: a class named like chrome that holds the report table is kept") {
  IngestedReport rep = ReadHtmlOk(
      "<div "
      "class=\"main-menu-content\"><p>标题</p><table><tr><td>a</td><td>1</td></tr></table></div>");
  CHECK(rep.text.text() == "标题\n\na\t1\n\n");
}

TEST_CASE("HTML: a layout table holding the report is read as blocks, its inner table as a grid") {
  IngestedReport rep = ReadHtmlOk(
      "<table><tr><td><p>一、总体情况</p><table><tr><td>规章</td><td>3</td></tr></table>"
      "<p>二、其他</p></td></tr></table>");
  CHECK(rep.text.text() == "一、总体情况\n\n规章\t3\n\n二、其他\n");
}

TEST_CASE("HTML: limits and bad input give a clear per-file error, no crash") {
  SUBCASE("over max_file_bytes") {
    IngestOptions small;
    small.max_file_bytes = 10;
    IngestResult r = RunReader(HtmlReader(), "<p>01234567890</p>", "big.html", small);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.reports.empty());
    CHECK(r.errors[0].path == "big.html");
    CHECK(r.errors[0].status.code() == ErrorCode::kTooLarge);
    CHECK(r.errors[0].status.message() == "HTML: file is 18 bytes, more than the limit of 10");
  }
  SUBCASE("empty") {
    IngestResult r = RunReader(HtmlReader(), "", "e.html");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].status.code() == ErrorCode::kEmpty);
  }
  SUBCASE("a table wider than the column limit") {
    std::string html = "<table><tr>";
    for (int i = 0; i < 5; ++i) html += "<td colspan=999>x</td>";
    html += "</tr></table>";
    IngestResult r = RunReader(HtmlReader(), html, "wide.html");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].status.code() == ErrorCode::kTooLarge);
    CHECK(r.errors[0].status.message() == "HTML: body/table[1]: table wider than 1000 columns");
  }
  SUBCASE("deep nesting is read flat below the limit and refused above it") {
    std::string html;
    for (int i = 0; i < 1900; ++i) html += "<div><span>";
    html += "深";
    IngestedReport rep = ReadHtmlOk(html);  // past the walker's recursion depth: flat text
    CHECK(rep.text.text() == "深\n");
    std::string deeper;
    for (int i = 0; i < 300000; ++i) deeper += "<font>";
    IngestResult r = RunReader(HtmlReader(), deeper, "deep.html");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].status.message() ==
          "HTML: elements nest more than 4000 deep: a broken or hostile page");
    // Stray end tags and scripts in between cannot hide the nesting.
    std::string sneaky;
    for (int i = 0; i < 5000; ++i) sneaky += "<div></b><script>x</script></span>";
    IngestResult r2 = RunReader(HtmlReader(), sneaky, "sneaky.html");
    REQUIRE(r2.errors.size() == 1);
    CHECK(r2.errors[0].status.code() == ErrorCode::kFormat);
  }
  SUBCASE("unclosed paragraphs and list items do not count as nesting") {
    std::string html = "<script>if (a<b) { x = '<div>'; }</script><!-- <div><div> -->";
    for (int i = 0; i < 6000; ++i) html += "<p>段<li>项<br><img src=x>";
    IngestedReport rep = ReadHtmlOk(html);
    CHECK(SplitLines(rep.text.text()).size() == 12000);
  }
  SUBCASE("binary garbage") {
    std::string junk;
    for (int i = 0; i < 256; ++i) junk += static_cast<char>(0x80 + (i * 37) % 0x7F);
    IngestResult r = RunReader(HtmlReader(), "<html>" + junk, "junk.html");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].status.code() == ErrorCode::kEncoding);
  }
}

TEST_CASE("HTML: Accepts html extensions and markup heads only") {
  CHECK(HtmlReader()->Accepts("html", ""));
  CHECK(HtmlReader()->Accepts("htm", ""));
  CHECK(HtmlReader()->Accepts("", "\xEF\xBB\xBF  <!DOCTYPE HTML><html>"));
  CHECK(HtmlReader()->Accepts("txt", "<html lang=zh>"));
  CHECK_FALSE(HtmlReader()->Accepts("txt", "一、总体情况"));
  CHECK_FALSE(HtmlReader()->Accepts("pdf", "%PDF-1.7"));
}
