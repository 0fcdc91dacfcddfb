// Metadata tests: title, agency (kind, level), report year and its source, publication date and
// its source, signature, statistical period, document kind.
#include "parse/metadata.h"

#include <doctest/doctest.h>

#include <string>

#include "parse/agency.h"
#include "parse/dates.h"
#include "parse/paragraphs.h"

namespace ogicheck::parse {
namespace {

Metadata Meta(const std::string& utf8, ContainerFacts facts = {}, size_t sections = 6) {
  SourceText st = SourceText::FromUtf8(utf8);
  std::vector<Paragraph> paras = SplitParagraphs(st.text(), {});
  const size_t first = st.text().find("一、");
  return ExtractMetadata(st.text(), paras, facts,
                         first == std::string::npos ? st.text().size() : first, sections);
}

TEST_CASE("metadata: the title skips page chrome; the agency comes from the title") {
  Metadata m = Meta(
      "首页 -> 政务公开 -> 政府信息公开年报 -> 2017年 -> 沈阳市政府信息公开工作年度报告\n"
      "沈阳市2017年度政府信息公开工作报告\n2018年03月29日来源:市政府办公厅\n[字体: ] 打印\n"
      "报告中所列数据统计日期自2017年1月1日起,至2017年12月31日止。\n一、总体公开情况\n");
  CHECK(m.title == "沈阳市2017年度政府信息公开工作报告");
  CHECK(m.agency == "沈阳市人民政府");
  CHECK(m.agency_kind == AgencyKind::kGovernment);
  CHECK(m.agency_level == AgencyLevel::kPrefecture);
  CHECK(m.report_year == 2017);
  CHECK(m.report_year_source == "title");
  REQUIRE(m.published.has_value());
  CHECK(m.published->date == Date{2018, 3, 29});
  CHECK(m.published->source == "published_line");
  REQUIRE(m.period_begin.has_value());
  CHECK(*m.period_begin == Date{2017, 1, 1});
  CHECK(*m.period_end == Date{2017, 12, 31});
  CHECK(m.kind == DocumentKind::kAnnualReport);
}

TEST_CASE("metadata: a PDF title on two lines joins the agency line and the report line") {
  Metadata m = Meta(
      "         淮安市洪泽区人民政府\n    2024 年政府信息公开工作年度报告\n\n"
      "报告中所列数据统计期限自 2024 年 1 月 1 日\n-1-\n起至 2024 年 12 月 31 "
      "日止。\n一、总体情况\n");
  CHECK(m.title == "淮安市洪泽区人民政府2024年政府信息公开工作年度报告");
  CHECK(m.agency == "淮安市洪泽区人民政府");
  CHECK(m.agency_level == AgencyLevel::kCounty);
  CHECK(m.report_year == 2024);
  CHECK_FALSE(m.published.has_value());  // the period's dates are no publication line
  REQUIRE(m.period_end.has_value());
  CHECK(*m.period_end == Date{2024, 12, 31});
}

TEST_CASE("metadata: crawler facts fill in what the page text lacks") {
  ContainerFacts facts;
  facts.title = "河北省科学技术厅2017年政府信息公开工作年度报...";
  facts.published = "2018-02-02";
  Metadata m =
      Meta("本报告根据《条例》编制。\n一、概述\n正文。\n河北省科学技术厅\n2018年2月2日\n", facts);
  CHECK(m.title == facts.title);
  CHECK(m.title_span.empty());
  CHECK(m.agency == "河北省科学技术厅");
  CHECK(m.agency_kind == AgencyKind::kDepartment);
  CHECK(m.agency_level == AgencyLevel::kProvincial);
  CHECK(m.report_year_source == "crawler_title");
  CHECK(m.published->source == "crawler");
  CHECK(m.published->date == Date{2018, 2, 2});
  REQUIRE(m.signature.has_value());
  CHECK(m.signature->date == Date{2018, 2, 2});
  CHECK(m.kind == DocumentKind::kAnnualReport);  // "年度报..." is a truncated 年度报告
}

TEST_CASE("metadata: year from the period, agency from the signature (title 信息公开年报)") {
  ContainerFacts facts;
  facts.title = "信息公开年报";
  Metadata m = Meta(
      "根据《中华人民共和国政府信息公开条例》，特向社会公布2015年度我厅信息公开工作年度报告。\n"
      "本报告的统计数据时限为2015年1月1日至2015年12月31日。\n一、概述\n正文。\n河北省科学技术厅\n"
      "2016年2月29日\n",
      facts);
  CHECK(m.title == "信息公开年报");  // the long first sentence is not a title
  CHECK(m.agency == "河北省科学技术厅");
  CHECK(m.report_year == 2015);
  CHECK(m.report_year_source == "period");
  CHECK(m.published->source == "signature");
  CHECK(m.published->date == Date{2016, 2, 29});
}

TEST_CASE("metadata: a signature run into page chrome at the end of a flattened page") {
  Metadata m = Meta(
      "一、总体情况正文。六、其他需要报告的事项无河北省人力资源和社会保障厅2020年1月20日更多信息请"
      "关注官方微信"
      "“河北人社”");
  REQUIRE(m.signature.has_value());
  CHECK(m.signature->date == Date{2020, 1, 20});
}

TEST_CASE("metadata: document kind") {
  Metadata plan = Meta("\n沈阳市 2018 年政务公开重点工作安排\n一、推进决策实施公开\n");
  CHECK(plan.title == "沈阳市2018年政务公开重点工作安排");
  CHECK(plan.kind == DocumentKind::kOther);
  CHECK(plan.kind_reason == "title names a plan or notice (工作安排)");

  ContainerFacts facts;
  facts.title = "河北省人力资源和社会保障厅2021年政府信息公开工作年度报告";
  facts.published = "2022-02-09 11:23:07";
  Metadata empty = Meta("更多信息请关注官方微信“河北人社”", facts, 0);
  CHECK(empty.kind == DocumentKind::kAnnualReport);
  CHECK(empty.kind_reason == "title names an annual report, but the text has no report sections");
  CHECK(empty.published->date == Date{2022, 2, 9});
  CHECK(empty.agency == "河北省人力资源和社会保障厅");

  Metadata none = Meta("随便一段文字。", {}, 0);
  CHECK(none.kind == DocumentKind::kOther);
  CHECK(none.report_year == 0);
  CHECK(none.agency_kind == AgencyKind::kUnknown);
}

TEST_CASE("metadata: report year from the body when nothing else names it") {
  Metadata m = Meta("现将本厅2015年度信息公开工作报告如下：\n一、概述\n");
  CHECK(m.report_year == 2015);
  CHECK(m.report_year_source == "body");
}

TEST_CASE("agency: names from titles, kinds and levels") {
  struct Case {
    const char* title;
    const char* agency;
    AgencyKind kind;
    AgencyLevel level;
  } cases[] = {
      {"沈阳市2017年度政府信息公开工作报告", "沈阳市人民政府", AgencyKind::kGovernment,
       AgencyLevel::kPrefecture},
      {"市信访局2017年度政府信息公开工作报告", "市信访局", AgencyKind::kDepartment,
       AgencyLevel::kPrefecture},
      {"河北省科技厅2016年政府信息公开工作年度报告", "河北省科技厅", AgencyKind::kDepartment,
       AgencyLevel::kProvincial},
      {"淮安市洪泽区人民政府2024 年政府信息公开工作年度报告", "淮安市洪泽区人民政府",
       AgencyKind::kGovernment, AgencyLevel::kCounty},
      {"北京市2020年政府信息公开工作年度报告", "北京市人民政府", AgencyKind::kGovernment,
       AgencyLevel::kProvincial},
      {"北京市朝阳区人民政府2020年政府信息公开工作年度报告", "北京市朝阳区人民政府",
       AgencyKind::kGovernment, AgencyLevel::kCounty},
      {"高邮市三垛镇人民政府2021年政府信息公开工作年度报告", "高邮市三垛镇人民政府",
       AgencyKind::kTownship, AgencyLevel::kTownship},
      {"国家统计局2021年政府信息公开工作年度报告", "国家统计局", AgencyKind::kDepartment,
       AgencyLevel::kNational},
      {"某某县住房和城乡建设局2021年政府信息公开工作年度报告", "某某县住房和城乡建设局",
       AgencyKind::kDepartment, AgencyLevel::kCounty},
      {"信息公开年报", "", AgencyKind::kUnknown, AgencyLevel::kUnknown},
      {"政府信息公开情况统计表（ 2018年度）", "", AgencyKind::kUnknown, AgencyLevel::kUnknown},
  };
  for (const Case& c : cases) {
    INFO(c.title);
    const std::string agency = AgencyFromTitle(c.title);
    CHECK(agency == c.agency);
    CHECK(ClassifyAgencyKind(agency) == c.kind);
    CHECK(ClassifyAgencyLevel(agency) == c.level);
  }
}

TEST_CASE("dates: forms and the statistical period") {
  struct DateCase {
    const char* text;
    Date date;
  } dates[] = {{"2018年3月8日", {2018, 3, 8}},       {"2018年03月29日", {2018, 3, 29}},
               {"2023 年 1 月 1 日", {2023, 1, 1}},  {"2018-03-29", {2018, 3, 29}},
               {"2018/3/29", {2018, 3, 29}},         {"2018.03.29", {2018, 3, 29}},
               {"二〇一八年三月八日", {2018, 3, 8}}, {"二〇一八年十二月三十一日", {2018, 12, 31}}};
  for (const DateCase& c : dates) {
    INFO(c.text);
    auto m = ParseDateAt(c.text, 0, std::string(c.text).size());
    REQUIRE(m.has_value());
    CHECK(m->date == c.date);
    CHECK(m->end == std::string(c.text).size());
  }
  CHECK_FALSE(ParseDateAt("2018年13月1日", 0, 20).has_value());
  CHECK_FALSE(ParseDateAt("2018年", 0, 9).has_value());
  CHECK(ParseDateField("2016-05-26 10:00:00") == Date{2016, 5, 26});
  CHECK(ParseDateField("2014年01月07日") == Date{2014, 1, 7});
  CHECK_FALSE(ParseDateField("").has_value());

  struct PeriodCase {
    const char* text;
    Date begin, end;
  } periods[] = {
      {"统计期限自2014年1月1日起至2014年12月31日止。", {2014, 1, 1}, {2014, 12, 31}},
      {"统计日期自2017年1月1日起,至2017年12月31日止。", {2017, 1, 1}, {2017, 12, 31}},
      {"统计期限为2021年1月1日至12月31日。", {2021, 1, 1}, {2021, 12, 31}},
      {"统计时限自2020年1月1日至2020年12月31日。", {2020, 1, 1}, {2020, 12, 31}},
      {"统计期限从2022年1月1日起至2022年12月31日止。", {2022, 1, 1}, {2022, 12, 31}},
      {"统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。", {2023, 1, 1}, {2023, 12, 31}},
      {"内容涵盖我厅2016年1月1日至2016年12月31日期间的信息公开情况", {2016, 1, 1}, {2016, 12, 31}},
  };
  for (const PeriodCase& c : periods) {
    INFO(c.text);
    auto p = FindPeriod(c.text);
    REQUIRE(p.has_value());
    CHECK(p->begin == c.begin);
    CHECK(p->end == c.end);
  }
  // Two dates without a period keyword are not a period.
  CHECK_FALSE(FindPeriod("2020年1月26日开设专栏，至2020年3月1日共发布信息").has_value());
  const std::string s = "数据统计期限自2014年1月1日起至2014年12月31日止。";
  auto p = FindPeriod(s);
  REQUIRE(p.has_value());
  CHECK(p->span == Span{uint32_t(s.find("2014")), uint32_t(s.find("。"))});
}

}  // namespace
}  // namespace ogicheck::parse
