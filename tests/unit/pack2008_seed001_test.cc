// ogi-2008 pack on seed 001 (市信访局2017年度政府信息公开工作报告), the real pipeline.
#include "pipeline_test_util.h"

namespace ogicheck {
namespace {

using testing::ByRule;
using testing::EvidenceValues;
using testing::PassedWith;
using testing::SharedPath;

const char* kSeed001 = "seeds/001_e4b3ef95d49f1436.txt";

TEST_CASE(
    "pack2008 seed 001: 97 against 82 + 20 + 3 = 105 is a warning that mentions possible overlap") {
  ReportFindings r = testing::CheckWithShippedPacks(SharedPath(kSeed001));
  auto f = ByRule(r.findings, "OGI08.TXT.BREAKDOWN");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::kWarning);
  CHECK(f[0]->message ==
        "正文所列分项之和与总数不一致：“主动公开信息97条”，所列分项82+20+3=105条，比总数97条多8条；"
        "各分项之间可能存在交叉重叠（同一事项计入多项），如属此情况应在报告中说明口径");
  CHECK(EvidenceValues(*f[0]) == std::vector<double>{97, 82, 20, 3});
}

TEST_CASE("pack2008 seed 001: 35 = 8 + 27 and 3158 = 2155条 + 268条 + 735幅 pass") {
  ReportFindings r = testing::CheckWithShippedPacks(SharedPath(kSeed001));
  CHECK(PassedWith(r, "OGI08.TXT.BREAKDOWN", {35, 8, 8, 27}));
  CHECK(PassedWith(r, "OGI08.TXT.BREAKDOWN", {3158, 2155, 268, 735}));
}

TEST_CASE("pack2008 seed 001: no fee statement is reported") {
  ReportFindings r = testing::CheckWithShippedPacks(SharedPath(kSeed001));
  auto f = ByRule(r.findings, "OGI08.SEC.FEE");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::kWarning);
}

}  // namespace
}  // namespace ogicheck
