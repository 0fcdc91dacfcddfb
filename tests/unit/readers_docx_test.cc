// DocxReader: the Hangzhou DOCX against its HTML, the blank 2021 template, numbering, and
// damaged or hostile containers.
#include <doctest/doctest.h>

#include "ingest/docx_numbering.h"
#include "ingest/reader.h"
#include "readers_test_util.h"
#include "test_paths.h"

using namespace ogicheck;
using namespace ogicheck::testing;

namespace {

const char kHtml[] = "corpus/peers/kirogovcompare__filingHtmlImport-hangzhou-style-fixture.html";
const char kDocx[] = "corpus/derived/hangzhou-style-fixture.docx";
const char kTemplate[] = "corpus/peers/govnianbao__政务公开年报模版.docx";

IngestedReport ReadOk(const Reader* reader, const std::string& bytes) {
  IngestResult r = RunReader(reader, bytes, "t");
  REQUIRE(r.errors.empty());
  REQUIRE(r.reports.size() == 1);
  return std::move(r.reports[0]);
}

Status ReadError(const std::string& bytes, const IngestOptions& options = {}) {
  IngestResult r = RunReader(DocxReader(), bytes, "bad.docx", options);
  REQUIRE(r.reports.empty());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == "bad.docx");
  return r.errors[0].status;
}

}  // namespace

TEST_CASE("DOCX: Hangzhou fixture gives the same table rows as the HTML it was made from") {
  IngestedReport html = ReadOk(HtmlReader(), ReadFileOrDie(SharedPath(kHtml)));
  IngestedReport docx = ReadOk(DocxReader(), ReadFileOrDie(SharedPath(kDocx)));
  CHECK(docx.reader == "docx");
  CHECK(docx.facts.title == "测试市2025年政府信息公开工作年度报告");  // docProps/core.xml
  const auto html_tables = TableBlocks(SplitLines(html.text.text()));
  const auto docx_tables = TableBlocks(SplitLines(docx.text.text()));
  REQUIRE(docx_tables.size() == 3);
  REQUIRE(html_tables.size() == 3);
  for (size_t t = 0; t < 3; ++t) {
    REQUIRE(docx_tables[t].size() == html_tables[t].size());
    for (size_t r = 0; r < html_tables[t].size(); ++r) {
      CAPTURE(t);
      CAPTURE(r);
      CHECK(docx_tables[t][r] == html_tables[t][r]);
    }
  }
  // Spot values so that a shared mistake in both readers still fails.
  CHECK(docx_tables[1][3] ==
        "一、本年新收政府信息公开申请数量\t\t\t13612\t252\t0\t45\t128\t32\t14069");
  CHECK(docx_tables[1][27] == "四、结转下年度继续办理\t\t\t783\t6\t0\t2\t25\t3\t819");
  // Paragraphs: the same lines outside the tables too.
  const auto lines = SplitLines(docx.text.text());
  CHECK(lines[0] ==
        "根据《中华人民共和国政府信息公开条例》规定编制本报告。本报告中所列数据统计期限为2025年1月1"
        "日至12月31日。");
  CHECK(FindLine(lines, "一、总体情况") == 1);
  CHECK(FindLine(lines, "(一)主动公开。发布规章与规范性文件若干。") == 3);
  // Element paths use WordprocessingML names.
  const std::string& text = docx.text.text();
  CHECK(docx.text.PosOf(static_cast<uint32_t>(text.find("13612"))).element ==
        "body/tbl[2]/tr[4]/tc[2]");
  CHECK(docx.text.PosOf(static_cast<uint32_t>(text.find("一、总体情况"))).element == "body/p[2]");
  // vMerge continuation cells are empty fields; the row still maps to its row.
  CHECK(docx.text.PosOf(static_cast<uint32_t>(text.find("\t\t3.其他"))).element ==
        "body/tbl[2]/tr[26]");
}

TEST_CASE(
    "DOCX: the blank 2021 template yields six headings and three tables of labels with empty "
    "cells") {
  IngestedReport rep = ReadOk(DocxReader(), ReadFileOrDie(SharedPath(kTemplate)));
  const auto lines = SplitLines(rep.text.text());
  const char* headings[] = {"一、总体情况",
                            "二、主动公开政府信息情况",
                            "三、收到和处理政府信息公开申请情况",
                            "四、政府信息公开行政复议、行政诉讼情况",
                            "五、存在的主要问题及改进情况",
                            "六、其他需要报告的事项"};
  int last = -1;
  for (const char* h : headings) {
    CAPTURE(h);
    const int at = FindLine(lines, h);
    CHECK(at > last);
    last = at;
  }
  CHECK(lines[0] == "政府信息公开工作年度报告格式模板");
  CHECK(rep.facts.title.empty());  // its core.xml has no dc:title
  const auto tables = TableBlocks(lines);
  REQUIRE(tables.size() == 3);
  REQUIRE(tables[0].size() == 14);
  CHECK(tables[0][0] == "第二十条第(一)项\t\t\t");
  CHECK(tables[0][1] == "信息内容\t本年制发件数\t本年废止件数\t现行有效件数");
  CHECK(tables[0][2] == "规章\t\t\t");  // the template's cells hold only U+3000: blank
  CHECK(tables[0][6] == "行政许可\t\t\t");
  CHECK(tables[0][13] == "行政事业性收费\t\t\t");
  REQUIRE(tables[1].size() == 28);
  CHECK(tables[1][1] == "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计");
  CHECK(tables[1][2] ==
        "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t");  // 商业|企业 paragraphs
  CHECK(tables[1][3] == "一、本年新收政府信息公开申请数量\t\t\t\t\t\t\t\t\t");
  CHECK(tables[1][7] == "\t(三)不予公开\t1.属于国家秘密\t\t\t\t\t\t\t");
  CHECK(tables[1][26] == "\t(七)总计\t\t\t\t\t\t\t\t");
  CHECK(tables[1][27] == "四、结转下年度继续办理\t\t\t\t\t\t\t\t\t");
  REQUIRE(tables[2].size() == 4);
  CHECK(tables[2][0] == "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t");
  CHECK(tables[2][3] == "\t\t\t\t\t\t\t\t\t\t\t\t\t\t");
}

TEST_CASE(
    "DOCX: list numbers from numbering.xml and styles, tabs, breaks, indentation, deletions") {
  IngestedReport rep =
      ReadOk(DocxReader(), ReadFileOrDie(SourcePath("tests/golden/readers/numbering.docx")));
  CHECK(rep.text.text() ==
        "一、总体情况\n"
        "1. 主动公开\n"
        "2. 依申请公开\n"
        "二、主动公开政府信息情况\n"
        "要点\n"          // a bullet: no label
        "十、新的一节\n"  // startOverride 10 on a chineseCounting list
        "(1)样式编号\n"   // the list comes from the paragraph style (via w:basedOn)
        "(2)样式编号二\n"
        "不编号\n"      // numId 0 on the paragraph switches the style's list off
        "规章\t3\n"     // w:tab in a run is a TAB; the tab-stop definition is not
        "第二行\n"      // w:br starts a line; a page break does not
        "缩进段落\n");  // U+3000 indentation trimmed, tracked deletion skipped
}

TEST_CASE("DOCX: damaged, hostile and foreign containers give one clear error each") {
  const std::string good = ReadFileOrDie(SharedPath(kDocx));
  SUBCASE("truncated") {
    Status s = ReadError(good.substr(0, good.size() / 2));
    CHECK(s.code() == ErrorCode::kFormat);
    CHECK(s.message().rfind("DOCX: not a valid zip container (damaged or truncated?)", 0) == 0);
  }
  SUBCASE("corrupt deflate data inside word/document.xml") {
    std::string bad = good;
    const size_t at = bad.find("word/document.xml");  // the local header comes first
    REQUIRE(at != std::string::npos);
    for (size_t i = at + 200; i < at + 260; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    Status s = ReadError(bad);
    CHECK(s.code() == ErrorCode::kFormat);
    CHECK(s.message().rfind("DOCX: word/document.xml is damaged", 0) == 0);
  }
  SUBCASE("zip bomb") {
    Status s = ReadError(ReadFileOrDie(SourcePath("tests/golden/readers/bomb.docx")));
    CHECK(s.code() == ErrorCode::kTooLarge);
    CHECK(s.message() ==
          "DOCX: word/document.xml has a compression ratio above 200:1 (40882 -> 41943153 bytes; "
          "zip bomb?)");
  }
  SUBCASE("billion laughs") {
    Status s = ReadError(ReadFileOrDie(SourcePath("tests/golden/readers/laughs.docx")));
    CHECK(s.code() == ErrorCode::kFormat);
    CHECK(s.message().rfind("DOCX: word/document.xml is not well-formed XML", 0) == 0);
  }
  SUBCASE("a DTD at all") {
    Status s = ReadError(ReadFileOrDie(SourcePath("tests/golden/readers/dtd.docx")));
    CHECK(s.code() == ErrorCode::kFormat);
    CHECK(s.message() ==
          "DOCX: word/document.xml declares a DTD or uses entities, which DOCX never does");
  }
  SUBCASE("a zip without a Word document") {
    Status s = ReadError(ReadFileOrDie(SourcePath("tests/golden/readers/not-word.docx")));
    CHECK(s.message() == "DOCX: no word/document.xml: not a Word document");
  }
  SUBCASE("an encrypted DOCX is an OLE compound file") {
    Status s = ReadError(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") + std::string(600, '\0'));
    CHECK(s.code() == ErrorCode::kUnsupported);
    CHECK(s.message().find("password-protected (encrypted) DOCX") != std::string::npos);
  }
  SUBCASE("not a zip at all") { CHECK(ReadError("一、总体情况").code() == ErrorCode::kFormat); }
  SUBCASE("empty and over the size limit") {
    CHECK(ReadError("").code() == ErrorCode::kEmpty);
    IngestOptions small;
    small.max_file_bytes = 1000;
    CHECK(ReadError(good, small).code() == ErrorCode::kTooLarge);
  }
}

TEST_CASE("DOCX: Accepts Word extensions only") {
  CHECK(DocxReader()->Accepts("docx", "PK\x03\x04"));
  CHECK_FALSE(DocxReader()->Accepts("zip", "PK\x03\x04"));
  CHECK_FALSE(DocxReader()->Accepts("doc", "\xD0\xCF\x11\xE0"));
}

TEST_CASE("DOCX: list number formats") {
  struct Case {
    int n;
    const char* format;
    const char* out;
  } cases[] = {
      {1, "decimal", "1"},
      {3, "decimalZero", "03"},
      {12, "decimalZero", "12"},
      {1, "chineseCounting", "一"},
      {10, "chineseCounting", "十"},
      {11, "chineseCountingThousand", "十一"},
      {20, "chineseCounting", "二十"},
      {105, "chineseCounting", "一百零五"},
      {110, "chineseCounting", "一百一十"},
      {2, "ideographTraditional", "乙"},
      {28, "lowerLetter", "bb"},
      {14, "upperRoman", "XIV"},
      {3, "decimalEnclosedCircle", "③"},
      {1, "bullet", ""},
      {1, "someFutureFormat", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.format);
    CAPTURE(c.n);
    CHECK(DocxNumbering::Format(c.n, c.format) == c.out);
  }
}
