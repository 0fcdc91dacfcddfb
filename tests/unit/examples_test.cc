// The bundled examples (README demo): each deliberate defect listed in examples/README.md is found
// with its numbers, and nothing else is reported; the clean 2024 report stays silent.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "pipeline_test_util.h"

namespace ogicheck {
namespace {

// "RULE severity line: message" for every finding of one example.
std::vector<std::string> FindingsOf(const std::string& example) {
  std::vector<std::string> out;
  for (const Finding& f :
       testing::CheckWithShippedPacks(testing::SourcePath("examples/" + example)).findings)
    out.push_back(f.rule + " " + SeverityName(f.severity) + " " +
                  std::to_string(f.location.line) + ": " + f.message);
  return out;
}

TEST_CASE("examples: the clean 2024 county report has no finding at all") {
  CHECK(FindingsOf("qinglan-county-2024.txt") == std::vector<std::string>{});
}

TEST_CASE("examples: the 2023 county report's four deliberate defects and their echoes in the prose") {
  CHECK(FindingsOf("qinglan-county-2023.txt") ==
        std::vector<std::string>{
            "OGI21.APP.BALANCE error 74: 表三“自然人”列：一、本年新收（48）+ 二、上年结转（3）= 51，"
            "但三（七）总计（47）+ 四、结转下年度（3）= 50，相差1",
            "OGI21.APP.BALANCE error 74: 表三“总计”列：一、本年新收（51）+ 二、上年结转（3）= 54，"
            "但三（七）总计（50）+ 四、结转下年度（3）= 53，相差1",
            "OGI21.REV.BLOCK_TOTAL error 82: 表四“行政复议”：结果维持3+结果纠正1+其他结果0+尚未审结1=5，"
            "但总计为4",
            "OGI21.META.DEADLINE error 3: 发布日期2024年4月8日晚于法定期限2024年3月31日",
            "OGI21.TXT.REVIEW_COUNT warning 84: 正文称行政复议5件，但表四“行政复议·总计”为4件",
            "OGI21.TXT.PERCENT_DISCLOSED warning 13: 正文称予以公开占48%，但按表三计算为46或45.098或"
            "42.5926%（分母分别为办结总数、本年新收、新收加上年结转）",
            "OGI21.TXT.PERCENT warning 13: 正文百分比与所述数字不符：“其中予以公开23件，占办结总数的"
            "48.0%”：23÷51（“全年共收到政府信息公开申请51件”）=45.10%，与所述48.0%不符",
        });
}

TEST_CASE("examples: the 2020 department report (2019 format) is late and its stock is below the new") {
  CHECK(FindingsOf("qinglan-market-regulation-2020.txt") ==
        std::vector<std::string>{
            "OGI19.ART20.PUBLISHED_TOTAL warning 16: 表二第二十条第（一）项“规范性文件”：对外公开总数量3件"
            "少于本年新公开数量5件",
            "OGI19.META.DEADLINE error 3: 发布日期2021年2月5日晚于法定期限2021年1月31日",
        });
}

TEST_CASE("examples: the 2017 narrative report's parts do not add up and it has no fee statement") {
  CHECK(FindingsOf("qinglan-county-2017.txt") ==
        std::vector<std::string>{
            "OGI08.TXT.BREAKDOWN warning 17: 正文所列分项之和与总数不一致：“全年共受理政府信息公开申请86件”，"
            "所列分项12+58+14=84件，比总数86件少2件",
            "OGI08.SEC.WITHHELD info 0: 报告未说明不予公开政府信息的情况（如无，宜写明）",
            "OGI08.SEC.FEE warning 0: 报告未说明政府信息公开的收费及减免情况（应写明收取的费用及减免情况，"
            "未收费的也应写明）",
        });
}

}  // namespace
}  // namespace ogicheck
