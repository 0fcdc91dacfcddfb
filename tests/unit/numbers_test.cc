// Prose number tests: values, units, Chinese numerals, approximation markers, spans, and the
// numbers that are deliberately not counts (dates, document numbers, phones, ordinals).
#include "parse/numbers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/chinese_numerals.h"
#include "parse/paragraphs.h"

namespace ogicheck::parse {
namespace {

// "value|text|unit|approx|span text" for each number.
std::string Dump(const std::string& utf8) {
  SourceText st = SourceText::FromUtf8(utf8);
  std::vector<Paragraph> paras = SplitParagraphs(st.text(), {});
  std::string out;
  for (const ProseNumber& n : FindProseNumbers(st.text(), paras, {})) {
    char value[32];
    std::snprintf(value, sizeof value, "%g", n.value);
    out += std::string(value) + "|" + n.text + "|" + n.unit + "|" + n.approx + "|" +
           std::string(st.Slice(n.span)) + (n.chinese_numeral ? "|zh" : "") + ";";
  }
  return out;
}

TEST_CASE("numbers: Arabic counts with units, separators and decimals") {
  struct Case {
    const char* text;
    const char* expected;
  } cases[] = {
      {"主动公开政府信息165429条", "165429|165429|条||165429条;"},
      {"共收到申请1,234件", "1234|1,234|件||1,234件;"},
      {"满意率96.00%，网上实办率超过40%", "96|96.00|%||96.00%;40|40|%|超过|超过40%;"},
      {"公开规范性文件3107条,其中2205条", "3107|3107|条||3107条;2205|2205|条||2205条;"},
      {"受理3119 件（PDF 间隔）", "3119|3119|件||3119 件;"},
      {"邀请人大代表83人次列席", "83|83|人次||83人次;"},
      {"收费金额3.5万元", "3.5|3.5|万元||3.5万元;"},
      {"累计1.2亿元", "1.2|1.2|亿元||1.2亿元;"},
      {"增长2.5个百分点", "2.5|2.5|个百分点||2.5个百分点;"},
      {"共计12345", "12345|12345|||12345;"},
      // 一 full-width digits are normalised before parsing.
      {"答复１２件", "12|12|件||12件;"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Dump(c.text) == c.expected);
  }
}

TEST_CASE("numbers: approximation markers before and after") {
  struct Case {
    const char* text;
    const char* expected;
  } cases[] = {
      {"发布信息4000余条", "4000|4000|条|余|4000余条;"},
      {"投入3万余元", "3|3|万元|余|3万余元;"},
      {"关注人数达22000余人", "22000|22000|人|余|22000余人;"},
      {"开展300多场", "300|300|场|多|300多场;"},
      {"提前近2个月", "2|2|个|近|近2个;"},
      {"约500人参加", "500|500|人|约|约500人;"},
      {"报销比例达到95%以上", "95|95|%|以上|95%以上;"},
      {"培训100人左右", "100|100|人|左右|100人左右;"},
      {"逾千人", "1000|千|人|逾|逾千人|zh;"},
      {"账户余额12元", "12|12|元||12元;"},  // 余额 is not an approximation
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Dump(c.text) == c.expected);
  }
}

TEST_CASE("numbers: Chinese numerals need a unit") {
  struct Case {
    const char* text;
    const char* expected;
  } cases[] = {
      {"受理一百二十件", "120|一百二十|件||一百二十件|zh;"},
      {"共两千三百零五条", "2305|两千三百零五|条||两千三百零五条|zh;"},
      {"举办十五场", "15|十五|场||十五场|zh;"},
      {"召开三次会议", "3|三|次||三次|zh;"},
      {"投入三万元", "3|三|万元||三万元|zh;"},
      {"一是规范栏目，统一标准，十九大精神，一网通办", ""},
      {"第二十条", ""},
      {"一年来", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Dump(c.text) == c.expected);
  }
}

TEST_CASE("numbers: dates, years, document numbers, phones and ordinals are not counts") {
  const char* texts[] = {
      "统计期限自2023年1月1日起至2023年12月31日止",
      "(沈政发〔2017〕54号)",
      "国务院令第492号",
      "联系电话:024-83779291",
      "邮编：110169",
      "发布日期:2018-02-28 18:39",
      "网址www.yancheng.gov.cn，邮箱zwgk2005@163.com",
      "2018.03.29发布",
      "2023 年",
      "近3年",
      "营业执照号码91130000123456789012",
      "沈阳市第十一届“5·15政务公开日”",
      "本报告由总体情况等六部分构成",
      "2024\n年政府信息公开工作年度报告",  // a year wrapped onto the next line
  };
  for (const char* t : texts) {
    INFO(t);
    CHECK(Dump(t) == "");
  }
}

TEST_CASE("numbers: spans index the normalised text and paragraphs are recorded") {
  const std::string text = "第一段。\n共收到申请12件，办结近10件。";
  SourceText st = SourceText::FromUtf8(text);
  std::vector<Paragraph> paras = SplitParagraphs(st.text(), {});
  auto nums = FindProseNumbers(st.text(), paras, {});
  REQUIRE(nums.size() == 2);
  CHECK(nums[0].span == Span{uint32_t(text.find("12件")), uint32_t(text.find("12件") + 5)});
  CHECK(nums[0].paragraph == 1);
  CHECK(nums[1].span.begin == text.find("近10件"));
  CHECK(nums[1].approx == "近");
}

TEST_CASE("numbers: a PDF line ending in a number takes its unit from the next line") {
  // 2024_huaian_2021_layout.txt lines 33-34.
  CHECK(Dump("政府信息公开行政复议 351\n件，其中结果维持 72 件") ==
        "351|351|件||351\n件;72|72|件||72 件;");
  // Not across a blank line (a new paragraph), nor into a table.
  CHECK(Dump("共计 351\n\n件数") == "351|351|||351;");
}

TEST_CASE("numbers: table paragraphs and skipped spans are not prose") {
  const std::string text = "正文3件。\n表格7件\n1.公开5条";
  SourceText st = SourceText::FromUtf8(text);
  const uint32_t tb = text.find("表格"), te = text.find("\n1.");
  std::vector<Paragraph> paras = SplitParagraphs(st.text(), {Span{tb, te}});
  const uint32_t nb = text.find("1.");
  auto nums = FindProseNumbers(st.text(), paras, {Span{nb, nb + 2}});
  REQUIRE(nums.size() == 2);
  CHECK(nums[0].value == 3);
  CHECK(nums[1].value == 5);
}

TEST_CASE("chinese numerals: values") {
  struct Case {
    const char* text;
    double value;
  } cases[] = {{"一", 1},         {"十", 10},        {"十五", 15},           {"二十", 20},
               {"一百二十", 120}, {"一百零五", 105}, {"两千三百零五", 2305}, {"一万二千", 12000},
               {"三亿", 3e8},     {"二〇一八", 2018}};
  for (const Case& c : cases) {
    INFO(c.text);
    auto m = ParseChineseNumeral(c.text, 0);
    REQUIRE(m.has_value());
    CHECK(m->value == c.value);
    CHECK(m->end == std::string(c.text).size());
  }
  CHECK_FALSE(ParseChineseNumeral("公开", 0).has_value());
  CHECK(SmallChineseNumber("十二") == 12);
  CHECK(SmallChineseNumber("两") == 0);
}

}  // namespace
}  // namespace ogicheck::parse

// The inline IsChineseNumeralChar must agree with the digit table plus the units, on every code
// point of the Basic Multilingual Plane.
TEST_CASE("IsChineseNumeralChar is the Chinese digits plus 十百千万亿") {
  using ogicheck::parse::IsChineseDigit;
  using ogicheck::parse::IsChineseNumeralChar;
  size_t count = 0;
  for (char32_t cp = 0; cp <= 0xFFFF; ++cp) {
    const bool unit = cp == U'十' || cp == U'百' || cp == U'千' || cp == U'万' || cp == U'亿';
    CAPTURE(static_cast<uint32_t>(cp));
    REQUIRE(IsChineseNumeralChar(cp) == (IsChineseDigit(cp) || unit));
    count += IsChineseNumeralChar(cp);
  }
  CHECK(count == 17);
}
