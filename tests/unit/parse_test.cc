// ParseDocument tests: paragraphs, format choice, whole-document behaviour on real inputs, and
// robustness (empty, garbage, huge inputs never crash or hang).
#include "ogicheck/parse.h"

#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>

#include "parse/paragraphs.h"
#include "test_paths.h"

namespace ogicheck {
namespace {

using testing::ReadFileOrDie;
using testing::SharedPath;

IngestedReport Report(const std::string& utf8) {
  IngestedReport r;
  r.path = "test.txt";
  r.text = SourceText::FromUtf8(utf8);
  return r;
}

std::vector<std::string> ParagraphTexts(const Document& d) {
  std::vector<std::string> out;
  for (const Paragraph& p : d.paragraphs) out.emplace_back(d.text().Slice(p.span));
  return out;
}

TEST_CASE("parse: paragraphs split on line breaks and on runs of ideographic spaces") {
  SchemaSet none;
  // Hebei pages: one line, "　　" before each paragraph, a single "　" between some.
  Document d =
      ParseDocument(Report("\u3000\u3000第一段。\u3000\u3000第二段。\u3000三段\n 四段 \n\n"), none);
  CHECK(ParagraphTexts(d) == std::vector<std::string>{"第一段。", "第二段。", "三段", "四段"});
  CHECK(d.paragraphs[0].span.begin == 6);
  CHECK_FALSE(d.paragraphs[0].in_table);
}

TEST_CASE("parse: paragraphs are cut at table regions and marked in_table") {
  const std::string text = "前文二、主动公开第二十条数据12345后文";
  const uint32_t b = text.find("第二十条"), e = text.find("后文");
  auto paras = parse::SplitParagraphs(text, {Span{b, e}});
  REQUIRE(paras.size() == 3);
  CHECK(paras[0].span == Span{0, b});
  CHECK(paras[1].span == Span{b, e});
  CHECK(paras[1].in_table);
  CHECK(paras[2].span == Span{e, uint32_t(text.size())});
}

TEST_CASE("parse: without schemas the format stays empty and nothing fails") {
  SchemaSet none;
  Document d = ParseDocument(
      Report("营口市2020年度政府信息公开工作报告\n一、总体情况\n共公开12条。\n"), none);
  CHECK(d.format == "");
  CHECK(d.table_format == "");
  CHECK(d.tables.empty());
  CHECK(d.meta.report_year == 2020);
  REQUIRE(d.numbers.size() == 1);
  CHECK(d.numbers[0].value == 12);
  CHECK(d.numbers[0].unit == "条");
}

TEST_CASE("parse: the format follows the report year, --report-format overrides it") {
  SchemaSet schemas;
  REQUIRE(schemas.LoadDirectory(DefaultSchemaDir()).ok());
  Document d =
      ParseDocument(Report(ReadFileOrDie(SharedPath("seeds/002_8b61771959860ad5.txt"))), schemas);
  CHECK(d.format == "ogi-2019");
  CHECK(d.format_reason.rfind("report year 2020", 0) == 0);
  ParseOptions forced;
  forced.report_format = "ogi-2021";
  Document f = ParseDocument(Report(ReadFileOrDie(SharedPath("seeds/000_9909074d9dbf99ca.txt"))),
                             schemas, forced);
  CHECK(f.format == "ogi-2021");
  CHECK(f.format_reason == "set by --report-format");
  Document plan =
      ParseDocument(Report(ReadFileOrDie(SharedPath("seeds/003_9d5918fb5c505e81.txt"))), schemas);
  CHECK(plan.meta.kind == DocumentKind::kOther);
  CHECK(plan.format == "");
}

TEST_CASE("parse: without prose numbers (check) the rest of the document is the same") {
  SchemaSet schemas;
  REQUIRE(schemas.LoadDirectory(DefaultSchemaDir()).ok());
  const std::string text = ReadFileOrDie(SharedPath("seeds/004_f92f5a134582c4f9.txt"));
  ParseOptions lean;
  lean.prose_numbers = false;
  const Document full = ParseDocument(Report(text), schemas);
  const Document without = ParseDocument(Report(text), schemas, lean);
  CHECK(full.numbers.size() > 10);
  CHECK(without.numbers.empty());
  CHECK(without.format == full.format);
  CHECK(without.paragraphs.size() == full.paragraphs.size());
  REQUIRE(without.sections.size() == full.sections.size());
  for (size_t i = 0; i < full.sections.size(); ++i)
    CHECK(without.sections[i].body_span == full.sections[i].body_span);
  CHECK(without.tables.size() == full.tables.size());
  CHECK(without.meta.report_year == full.meta.report_year);
}

TEST_CASE("parse: seed 000 prose numbers, sections and spans") {
  SchemaSet none;
  Document d =
      ParseDocument(Report(ReadFileOrDie(SharedPath("seeds/000_9909074d9dbf99ca.txt"))), none);
  REQUIRE(d.sections.size() == 10);
  // 三、 has (一)…(四); (三) holds 1.–5. then a second 1.–5. list the report printed without a
  // heading of its own: kept as printed.
  const Section& s3 = d.sections[2];
  REQUIRE(s3.children.size() == 4);
  CHECK(s3.children[2].title == "以政务公开助力调结构");
  CHECK(s3.children[2].children.size() == 10);
  CHECK(s3.children[2].children[5].number == 1);
  // 六、 numbers its list 1, 2, 3, 4, 6 (no 5): kept as printed for a rule to flag.
  std::vector<int> six;
  for (const Section& c : d.sections[5].children) six.push_back(c.number);
  CHECK(six == std::vector<int>{1, 2, 3, 4, 6});
  // "主动公开政府信息165429条" in section 二.
  bool found = false;
  for (const ProseNumber& n : d.numbers) {
    if (n.value == 165429) {
      found = true;
      CHECK(n.unit == "条");
      CHECK(d.text().Slice(n.span) == "165429条");
      CHECK(n.span.begin > d.sections[1].heading_span.end);
      CHECK(n.span.end <= d.sections[1].body_span.end);
    }
    CHECK(n.unit != "年");  // years are not counts
  }
  CHECK(found);
  // The heading span points into the original text at line 13.
  CHECK(d.text().PosOf(d.sections[0].heading_span.begin).line == 13);
  CHECK(d.text().PosOf(d.sections[0].heading_span.begin).column == 3);
}

TEST_CASE("parse: bad and extreme inputs give a result, never a crash or a hang") {
  SchemaSet none;
  std::mt19937 rng(7);
  std::string garbage(1 << 16, '\0');
  for (char& c : garbage) c = static_cast<char>(rng());
  const std::string inputs[] = {
      "",
      "\xE4\xB8",  // truncated UTF-8
      garbage,
      std::string(200000, 'x'),
      [] {  // many headings and numbers with no sentence ends
        std::string s;
        for (int i = 0; i < 20000; ++i) s += "一、(一)1.(1)一是二十件";
        return s;
      }(),
      [] {  // one huge paragraph of CJK text without punctuation
        std::string s;
        for (int i = 0; i < 100000; ++i) s += "政府信息公开";
        return s;
      }(),
  };
  for (const std::string& in : inputs) {
    const auto start = std::chrono::steady_clock::now();
    Document d = ParseDocument(Report(in), none);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 20.0);  // generous: the test build runs under the sanitizers
    CHECK(d.paragraphs.size() <= in.size());
  }
}

TEST_CASE("parse: random mixes of numbering, numerals, dates and punctuation never break it") {
  // Under the sanitizers this finds out-of-range reads in the scanners' look-behind and
  // look-ahead; every span must stay inside the text.
  const char* tokens[] = {"一",       "二",   "十",    "两",         "〇", "零", "百", "千",
                          "万",       "、",   "(",     ")",          "1",  "2",  "0",  ".",
                          ",",        "是",   "。",    "；",         "：", "，", "\n", "\u3000",
                          " ",        "年",   "月",    "日",         "件", "条", "余", "多",
                          "近",       "以上", "-",     "〔",         "〕", "第", "%",  "·",
                          "\xE4\xB8", "\xFF", "-3-\n", "统计期限自", "至"};
  std::mt19937 rng(2024);
  SchemaSet none;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 120);
    for (int k = 0; k < n; ++k) text += tokens[rng() % std::size(tokens)];
    Document d = ParseDocument(Report(text), none);
    const size_t size = d.text().text().size();
    for (const Paragraph& p : d.paragraphs) REQUIRE(p.span.end <= size);
    for (const ProseNumber& num : d.numbers) REQUIRE(num.span.end <= size);
    std::vector<const Section*> stack;
    for (const Section& s : d.sections) stack.push_back(&s);
    while (!stack.empty()) {
      const Section* s = stack.back();
      stack.pop_back();
      REQUIRE(s->heading_span.end <= size);
      REQUIRE(s->heading_span.begin <= s->heading_span.end);
      for (const Section& c : s->children) stack.push_back(&c);
    }
  }
}

}  // namespace
}  // namespace ogicheck
