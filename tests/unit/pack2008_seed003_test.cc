// Seed 003 (沈阳市2018年政务公开重点工作安排) is a work plan: one finding saying so, nothing else.
#include "pipeline_test_util.h"

namespace ogicheck {
namespace {

TEST_CASE("pack2008 seed 003: exactly one finding, that this is not an annual report") {
  ReportFindings r =
      testing::CheckWithShippedPacks(testing::SharedPath("seeds/003_9d5918fb5c505e81.txt"));
  REQUIRE(r.findings.size() == 1);
  const Finding& f = r.findings[0];
  CHECK(f.rule == "OGI08.META.NOT_REPORT");
  CHECK(f.severity == Severity::kError);
  CHECK(f.outcome == Outcome::kFail);
  CHECK(f.message.rfind("该文件不是政府信息公开工作年度报告，未按年度报告检查：标题为“沈阳市2018年"
                        "政务公开重点工作安排”",
                        0) == 0);
  CHECK(r.passed.empty());
  CHECK(r.document.kind == "other");
}

}  // namespace
}  // namespace ogicheck
