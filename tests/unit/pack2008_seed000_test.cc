// ogi-2008 pack on seed 000 (沈阳市2017年度政府信息公开工作报告), the real pipeline.
#include "pipeline_test_util.h"

namespace ogicheck {
namespace {

using testing::ByRule;
using testing::EvidenceValues;
using testing::PassedWith;
using testing::SharedPath;

const char* kSeed000 = "seeds/000_9909074d9dbf99ca.txt";

TEST_CASE("pack2008 seed 000: application results 97+914+30+67+200+177+32+47 = 1564 against 1566") {
  ReportFindings r = testing::CheckWithShippedPacks(SharedPath(kSeed000));
  auto f = ByRule(r.findings, "OGI08.TXT.BREAKDOWN");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::kWarning);
  CHECK(f[0]->message ==
        "正文所列分项之和与总数不一致：“网络等方式共受理政府信息公开申请1566件”，所列分项"
        "97+914+30+67+200+177+32+47=1564件，比总数1566件少2件");
  CHECK(EvidenceValues(*f[0]) == std::vector<double>{1566, 97, 914, 30, 67, 200, 177, 32, 47});
  CHECK(f[0]->location.line == 105);
}

TEST_CASE(
    "pack2008 seed 000: 1566 = 947 + 1 + 308 + 310 and the review/litigation breakdowns pass") {
  ReportFindings r = testing::CheckWithShippedPacks(SharedPath(kSeed000));
  CHECK(PassedWith(r, "OGI08.TXT.BREAKDOWN", {1566, 947, 1, 308, 310}));
  CHECK(PassedWith(r, "OGI08.TXT.BREAKDOWN", {68, 40, 14, 14}));
  CHECK(PassedWith(r, "OGI08.TXT.BREAKDOWN", {104, 80, 4, 20}));
  CHECK(PassedWith(r, "OGI08.TXT.BREAKDOWN", {165429, 93982, 71447}));
  CHECK(PassedWith(r, "OGI08.TXT.BREAKDOWN", {651, 373, 38, 31, 86, 123}));
}

TEST_CASE("pack2008 seed 000: no fee statement is reported") {
  ReportFindings r = testing::CheckWithShippedPacks(SharedPath(kSeed000));
  auto f = ByRule(r.findings, "OGI08.SEC.FEE");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::kWarning);
  CHECK(f[0]->message ==
        "报告未说明政府信息公开的收费及减免情况（应写明收取的费用及减免情况，未收费的也应写明）");
}

TEST_CASE("pack2008 seed 000: the gap in section 六's numbering (4. then 6.) is info") {
  ReportFindings r = testing::CheckWithShippedPacks(SharedPath(kSeed000));
  auto f = ByRule(r.findings, "OGI08.FMT.NUMBERING_GAP");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::kInfo);
  CHECK(f[0]->message == "编号不连续：“六、开展政策解读情况”下的编号由“4.”直接跳到“6.”，缺少第5项");
  CHECK(f[0]->location.line == 97);
  auto restart = ByRule(r.findings, "OGI08.FMT.NUMBERING_RESTART");
  REQUIRE(restart.size() == 1);
  CHECK(restart[0]->location.line == 57);
}

}  // namespace
}  // namespace ogicheck
