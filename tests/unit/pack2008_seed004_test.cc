// ogi-2008 pack on seed 004 (盐城市2017年政府信息公开工作年度报告), the real pipeline.
#include "pipeline_test_util.h"

namespace ogicheck {
namespace {

using testing::ByRule;
using testing::EvidenceValues;
using testing::PassedWith;
using testing::SharedPath;

const char* kSeed004 = "seeds/004_f92f5a134582c4f9.txt";

TEST_CASE(
    "pack2008 seed 004: litigation 117 + 24 + 73 = 214 against 143 is a warning that names all "
    "four numbers") {
  ReportFindings r = testing::CheckWithShippedPacks(SharedPath(kSeed004));
  auto f = ByRule(r.findings, "OGI08.TXT.BREAKDOWN");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::kWarning);
  CHECK(f[0]->outcome == Outcome::kFail);
  CHECK(
      f[0]->message ==
      "正文所列分项之和与总数不一致：“行政诉讼143件”，所列分项117+24+73=214件，比总数143件多71件；"
      "各分项之间可能存在交叉重叠（同一事项计入多项），如属此情况应在报告中说明口径");
  CHECK(EvidenceValues(*f[0]) == std::vector<double>{143, 117, 24, 73});
  CHECK(f[0]->location.line == 41);
}

TEST_CASE("pack2008 seed 004: 85 / 1576 = 5.4% and 186702 = 89047 + 97655 pass") {
  ReportFindings r = testing::CheckWithShippedPacks(SharedPath(kSeed004));
  CHECK(ByRule(r.findings, "OGI08.TXT.PERCENT").empty());
  CHECK(PassedWith(r, "OGI08.TXT.PERCENT", {85, 1576, 5.4}));
  CHECK(PassedWith(r, "OGI08.TXT.BREAKDOWN", {186702, 89047, 97655}));
  CHECK(PassedWith(r, "OGI08.TXT.BREAKDOWN", {95251, 54176, 41075}));
  CHECK(PassedWith(r, "OGI08.TXT.BREAKDOWN", {145, 82, 63}));
}

TEST_CASE("pack2008 seed 004: the fee statement (未收取检索、复印、邮寄等费用) is found") {
  ReportFindings r = testing::CheckWithShippedPacks(SharedPath(kSeed004));
  CHECK(ByRule(r.findings, "OGI08.SEC.FEE").empty());
  CHECK(ByRule(r.passed, "OGI08.SEC.FEE").size() == 1);
}

TEST_CASE("pack2008 seed 004: no other warning or error") {
  ReportFindings r = testing::CheckWithShippedPacks(SharedPath(kSeed004));
  std::vector<std::string> ids;
  for (const Finding& f : r.findings)
    if (f.severity != Severity::kInfo) ids.push_back(f.rule);
  CHECK(ids == std::vector<std::string>{"OGI08.TXT.BREAKDOWN"});
}

}  // namespace
}  // namespace ogicheck
