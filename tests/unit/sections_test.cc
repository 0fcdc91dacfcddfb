// Section tree tests: numbering styles and ranks, titles, spans, gaps kept as printed, the
// restart-run and table-region rules, run-together (flattened) pages.
#include "parse/sections.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/assemble.h"
#include "parse/paragraphs.h"

namespace ogicheck::parse {
namespace {

Document Parse(const std::string& utf8, std::vector<Span> regions = {}) {
  IngestedReport r;
  r.text = SourceText::FromUtf8(utf8);
  TableExtraction t;
  t.regions = std::move(regions);
  return AssembleDocument(std::move(r), FormatChoice{}, std::move(t), nullptr);
}

// "一、A[(一)B,(二)C]二、D" style dump of the tree: numbering and title.
std::string Tree(const std::vector<Section>& sections) {
  std::string out;
  for (const Section& s : sections) {
    out += s.numbering + s.title;
    if (!s.children.empty()) out += "[" + Tree(s.children) + "]";
    out += ";";
  }
  return out;
}

TEST_CASE("sections: each numbering style has its fixed rank") {
  Document d = Parse(
      "一、总体情况\n(一)主动公开\n1.网站建设\n(1)栏目\n一是规范栏目。二是加强管理。\n"
      "2.新媒体\n(二)依申请公开\n二、存在的问题\n");
  CHECK(Tree(d.sections) ==
        "一、总体情况[(一)主动公开[1.网站建设[(1)栏目[一是规范栏目;二是加强管理;];];2.新媒体;];"
        "(二)依申请公开;];二、存在的问题;");
  REQUIRE(d.sections.size() == 2);
  const Section& s = d.sections[0];
  CHECK(s.style == NumberingStyle::kChineseComma);
  CHECK(s.number == 1);
  CHECK(s.level == 1);
  CHECK(s.children[0].style == NumberingStyle::kChineseParen);
  CHECK(s.children[0].level == 2);
  CHECK(s.children[0].children[0].style == NumberingStyle::kArabicDot);
  CHECK(s.children[0].children[0].children[0].style == NumberingStyle::kArabicParen);
  const Section& shi = s.children[0].children[0].children[0].children[1];
  CHECK(shi.style == NumberingStyle::kOrdinalShi);
  CHECK(shi.number == 2);
  CHECK(shi.level == 5);
}

TEST_CASE("sections: heading and body spans are byte spans of the normalised text") {
  const std::string text = "前言。\n一、总体情况\n正文一。\n二、存在的问题\n正文二。";
  Document d = Parse(text);
  REQUIRE(d.sections.size() == 2);
  const size_t h1 = text.find("一、");
  const size_t h2 = text.find("二、存在");
  CHECK(d.sections[0].heading_span ==
        Span{uint32_t(h1), uint32_t(h1 + std::string("一、总体情况").size())});
  CHECK(d.sections[0].body_span ==
        Span{uint32_t(h1 + std::string("一、总体情况").size()), uint32_t(h2)});
  CHECK(d.sections[1].body_span.end == text.size());
  CHECK(d.text().Slice(d.sections[1].heading_span) == "二、存在的问题");
  // Paragraphs: 0 前言 (before any heading), 1 heading, 2 正文一, 3 heading, 4 正文二.
  CHECK(d.sections[0].paragraphs == std::vector<uint32_t>{1, 2});
  CHECK(d.sections[1].paragraphs == std::vector<uint32_t>{3, 4});
}

TEST_CASE("sections: what the report printed is kept, gaps and repeats included") {
  Document d = Parse("一、甲\n1.a\n2.b\n3.c\n4.d\n6.f\n二、乙\n二、乙again\n四、丁\n");
  CHECK(Tree(d.sections) == "一、甲[1.a;2.b;3.c;4.d;6.f;];二、乙;二、乙again;四、丁;");
  // Seed 000 section 六 numbers its list 1, 2, 3, 4, 6; item 1 reads "1.2017年共召开…".
  Document s = Parse(
      "六、开展政策解读情况\n1.2017年共召开新闻发布会116场。\n2.播出340期。\n3.发布文件。\n4."
      "开展活动。\n"
      "6.发挥导向作用。\n");
  REQUIRE(s.sections.size() == 1);
  std::vector<int> numbers;
  for (const Section& c : s.sections[0].children) numbers.push_back(c.number);
  CHECK(numbers == std::vector<int>{1, 2, 3, 4, 6});
  CHECK(s.sections[0].children[0].title == "2017年共召开新闻发布会116场");
}

TEST_CASE("sections: a (三) that lost its opening bracket at a paragraph start is kept as (三)") {
  // 2016_hebei-gxt prints "三）信息公开制度机制建设情况".
  Document d =
      Parse("二、公开政府信息情况\n(一)主动公开\n(二)依申请公开\n三)信息公开制度机制建设情况\n");
  REQUIRE(d.sections.size() == 1);
  REQUIRE(d.sections[0].children.size() == 3);
  const Section& s = d.sections[0].children[2];
  CHECK(s.style == NumberingStyle::kChineseParen);
  CHECK(s.number == 3);
  CHECK(s.numbering == "三)");
  CHECK(s.title == "信息公开制度机制建设情况");
  // Mid-sentence "三)" is not repaired.
  Document p = Parse("一、甲\n共有二)三)种情况。\n");
  CHECK(Tree(p.sections) == "一、甲;");
}

TEST_CASE("sections: 一是 counts only at a paragraph start or after 。/；/：") {
  Document d = Parse(
      "一、甲\n主要做法：一是公开，二是解读。三是回应；四是培训。实现统一是目标。\n五是总结\n");
  REQUIRE(d.sections.size() == 1);
  // "二是" after ，and "统一是" are prose.
  CHECK(Tree(d.sections) == "一、甲[一是公开，二是解读;三是回应;四是培训;五是总结;];");
}

TEST_CASE("sections: in wrapped PDF text a title cut by the line end goes on into the next line") {
  // 2024_hongzequ_2021.txt: lines wrapped at 28 characters.
  const std::string line =
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七。";  // 28 characters
  std::string text;
  for (int i = 0; i < 6; ++i) text += line + "\n";
  text += "一、总体情况\n";
  text +=
      "降低行政复议、行政诉讼发生率和纠错率。三是继续加强业务指\n导培训，实行跟班学习制度，不断提高"
      "\n";
  Document d = Parse(text);
  REQUIRE(d.sections.size() == 1);
  REQUIRE(d.sections[0].children.size() == 1);
  CHECK(d.sections[0].children[0].title == "继续加强业务指导培训");
  CHECK(d.text().Slice(d.sections[0].children[0].heading_span) == "三是继续加强业务指\n导培训");
  // A numbering split over two lines (2023_hongzequ_2021.txt: "…以下工作：一\n是扎实推进…").
  Document s = Parse(text +
                     "有待加强等。针对存在问题，将切实抓好以下工作：一\n"
                     "是扎实推进依申请公开工作，全面梳理和优化工作流程、健全工\n作机制。\n");
  REQUIRE(s.sections[0].children.size() == 2);
  CHECK(s.sections[0].children[1].numbering == "一是");
  CHECK(s.sections[0].children[1].number == 1);
  CHECK(s.sections[0].children[1].title == "扎实推进依申请公开工作");
  // A short heading line is a heading of its own, not wrapped.
  CHECK(d.sections[0].title == "总体情况");
}

TEST_CASE("sections: flattened pages put headings mid-paragraph and back to back") {
  // Hebei rst pages are one line: headings after a full stop or colon, empty sections chained.
  Document d = Parse(
      "现将主要工作报告如下：一、总体情况(一)"
      "主动公开情况。二、主动公开政府信息情况三、收到和处理政府"
      "信息公开申请情况四、政府信息公开行政复议、行政诉讼情况五、存在的主要问题及改进情况2019年，"
      "我厅政府信息和政务公开工作取得了一定的成绩，但仍有需要改进提高的地方。");
  CHECK(
      Tree(d.sections) ==
      "一、总体情况[(一)主动公开情况;];二、主动公开政府信息情况;三、收到和处理政府信息公开申请情况;"
      "四、政府信息公开行政复议、行政诉讼情况;五、存在的主要问题及改进情况;");
  // The one-line page is split where each heading starts, so every section has its paragraphs.
  for (const Section& s : d.sections) {
    REQUIRE_FALSE(s.paragraphs.empty());
    CHECK(d.paragraphs[s.paragraphs.front()].span.begin == s.heading_span.begin);
  }
  CHECK(d.text().Slice(d.paragraphs[0].span) == "现将主要工作报告如下：");
}

TEST_CASE("sections: long run-on titles are cut at the first comma, the cap, then a year") {
  Document d = Parse(
      "。一、总体情况2021年，河北省科学技术厅坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻"
      "。"
      "二、落实制度要求加强政务公开工作领导落实加强政务公开各项要求，完善制度建设，明确责任主体，扎"
      "实推进工作。"
      "三、依法实施政府信息依申请公开在省政府网站、厅门户网站建立人社机关政府信息依申请公开窗口，实"
      "现双受理。");
  REQUIRE(d.sections.size() == 3);
  CHECK(d.sections[0].title == "总体情况");
  CHECK(d.sections[1].title == "落实制度要求加强政务公开工作领导落实加强政务公开各项要求");
  CHECK(d.sections[2].title ==
        "依法实施政府信息依申请公开在省政府网站、厅门户网站建立人社机关政府信息依申请公开");
  // A heading that is its own paragraph keeps its commas (seed 003).
  Document e = Parse("一、推进决策实施公开，促进政策落实落地\t\t\n");
  REQUIRE(e.sections.size() == 1);
  CHECK(e.sections[0].title == "推进决策实施公开，促进政策落实落地");
}

TEST_CASE("sections: known section titles end a run-on title") {
  std::vector<Paragraph> paras = SplitParagraphs(
      "五、存在的主要问题及改进情况虽然我厅在政府信息公开工作中取得了一定成效，但仍有不足。", {});
  auto h = FindHeadings(
      "五、存在的主要问题及改进情况虽然我厅在政府信息公开工作中取得了一定成效，但仍有不足。", paras,
      {"存在的主要问题及改进情况"});
  REQUIRE(h.size() == 1);
  CHECK(h[0].title == "存在的主要问题及改进情况");
}

TEST_CASE("sections: citations and decimals are not numbering") {
  Document d =
      Parse("一、主动公开政府信息情况第二十条第(一)项信息内容\n1.5万元用于培训。\n2019.公开\n");
  CHECK(Tree(d.sections) == "一、主动公开政府信息情况第二十条第(一)项信息内容;");
}

TEST_CASE("sections: top-level numbering that restarts inside a section is a table, not sections") {
  // Yingkou 2020 (seed 002): table 三's rows 一、…四、 at line starts, then the real 四、.
  Document d = Parse(
      "一、总体情况\n二、主动公开\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请"
      "数量\n5\n"
      "二、上年结转政府信息公开申请数量\n0\n三、本年度办理结果\n(一)"
      "予以公开\n5\n四、结转下年度继续办理\n0\n"
      "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n");
  CHECK(d.sections.size() == 5);
  CHECK(d.sections[3].numbering == "四、");
  CHECK(d.sections[3].title == "政府信息公开行政复议、行政诉讼情况");
  CHECK(d.sections[4].title == "存在的主要问题及改进情况");
}

TEST_CASE(
    "sections: table regions hold no headings; a heading right after a region starts afresh") {
  const std::string text =
      "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量22二、上年结转政府信息公"
      "开申请数量"
      "四、结转下年度继续办理四、政府信息公开行政复议、行政诉讼情况2019年未发生。";
  const size_t rb = text.find("一、本年新收");
  const size_t re = text.find("四、政府信息公开行政复议");
  Document d = Parse(text, {Span{uint32_t(rb), uint32_t(re)}});
  REQUIRE(d.sections.size() == 2);
  CHECK(d.sections[1].numbering == "四、");
  CHECK(d.sections[1].title == "政府信息公开行政复议、行政诉讼情况2019年未发生");
  CHECK(d.sections[1].heading_span.begin == re);
  // The table paragraph is marked and belongs to section 三.
  bool table_para = false;
  for (uint32_t p : d.sections[0].paragraphs) table_para = table_para || d.paragraphs[p].in_table;
  CHECK(table_para);
}

TEST_CASE("sections: out-of-range or overlapping table regions are clamped, not trusted") {
  Document d = Parse("一、甲\n正文。\n二、乙\n", {Span{5, 1000000}, Span{3, 9}, Span{900, 2}});
  CHECK(d.sections.empty());  // the regions cover every heading
  for (const Paragraph& p : d.paragraphs) CHECK(p.span.end <= d.text().text().size());
  Document e = Parse("一、甲\n正文。\n二、乙\n", {Span{10, 7}});  // reversed and mid-character
  REQUIRE(e.sections.size() == 2);
  CHECK(e.sections[0].title == "甲");
}

TEST_CASE("sections: empty and heading-free texts give no sections") {
  CHECK(Parse("").sections.empty());
  CHECK(Parse("\n\n\u3000\u3000\n").sections.empty());
  CHECK(Parse("三、\n").sections.empty());  // a numbering without a title (a split table label)
}

}  // namespace
}  // namespace ogicheck::parse

namespace ogicheck::parse {
namespace {

ReportSchema MiniSchema() {
  ReportSchema s;
  s.id = "ogi-test";
  s.sections = {{"三", "收到和处理政府信息公开申请情况", {}},
                {"四", "政府信息公开行政复议、行政诉讼情况", {}}};
  SchemaTable t;
  t.id = "applications";
  t.title = "收到和处理政府信息公开申请情况";
  SchemaRow r1;
  r1.id = "new_received";
  r1.label = "一、本年新收政府信息公开申请数量";
  SchemaRow r2;
  r2.id = "carried_forward";
  r2.label = "四、结转下年度继续办理";
  t.rows = {r1, r2};
  s.tables = {t};
  return s;
}

Document ParseWithSchema(const std::string& utf8, std::vector<Span> regions) {
  static const ReportSchema schema = MiniSchema();
  IngestedReport r;
  r.text = SourceText::FromUtf8(utf8);
  TableExtraction t;
  t.regions = std::move(regions);
  return AssembleDocument(std::move(r), FormatChoice{}, std::move(t), &schema);
}

TEST_CASE("sections: a table region that starts at the section's own caption leaves the heading") {
  // The extractor starts the applications region at its caption, which is the section title.
  const std::string text =
      "二、主动公开\n公开信息0.168万元三、收到和处理政府信息公开申请情况(本列数据的勾稽关系为)\n"
      "一、本年新收政府信息公开申请数量5\n四、结转下年度继续办理0\n四、政府信息公开行政复议、行政诉"
      "讼情况\n";
  const uint32_t rb = text.find("收到和处理");
  const uint32_t re = text.find("\n四、政府");
  Document d = ParseWithSchema(text, {Span{rb, re}});
  REQUIRE(d.sections.size() == 3);
  CHECK(d.sections[1].numbering == "三、");
  CHECK(d.sections[1].title == "收到和处理政府信息公开申请情况");
  CHECK(d.text().Slice(d.sections[1].heading_span) == "三、收到和处理政府信息公开申请情况");
  CHECK(d.sections[2].title == "政府信息公开行政复议、行政诉讼情况");
  // "万元" before the heading stays prose, in its own paragraph.
  bool unit_para = false;
  for (const Paragraph& p : d.paragraphs)
    unit_para = unit_para || d.text().Slice(p.span) == "公开信息0.168万元";
  CHECK(unit_para);
}

TEST_CASE("sections: schema row labels are never headings, even where no table was found") {
  Document d = ParseWithSchema(
      "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n四、结转下年度继续办理"
      "\n"
      "四、政府信息公开行政复议、行政诉讼情况\n",
      {});
  REQUIRE(d.sections.size() == 2);
  CHECK(d.sections[1].title == "政府信息公开行政复议、行政诉讼情况");
  // A heading that merely starts with a row label is a heading.
  Document e = ParseWithSchema("一、本年新收政府信息公开申请数量同比增长情况\n二、乙\n", {});
  CHECK(e.sections.size() == 2);
}

}  // namespace
}  // namespace ogicheck::parse
