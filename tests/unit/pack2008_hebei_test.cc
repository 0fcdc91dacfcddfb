// ogi-2008 pack on the Hebei 2008-era reports, the real pipeline.
#include "pipeline_test_util.h"

namespace ogicheck {
namespace {

using testing::ByRule;
using testing::EvidenceValues;
using testing::PassedWith;
using testing::SharedPath;

TEST_CASE("pack2008 Hebei 工信厅 2016: 目录新增信息 323 against 2+10+4+310+3 = 329") {
  ReportFindings r =
      testing::CheckWithShippedPacks(SharedPath("corpus/real/2016_hebei-gxt_2008.json"));
  auto f = ByRule(r.findings, "OGI08.TXT.BREAKDOWN");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::kWarning);
  CHECK(f[0]->message.find(
            "所列分项2+10+4+310+3=329条，比总数323条多6条；各分项之间可能存在交叉重叠") !=
        std::string::npos);
  CHECK(EvidenceValues(*f[0]) == std::vector<double>{323, 2, 10, 4, 310, 3});
}

TEST_CASE("pack2008 Hebei 教育厅 2018 statistics table: 办结 1 against 答复 0") {
  ReportFindings r =
      testing::CheckWithShippedPacks(SharedPath("corpus/real/2018_hebei-jyt-tongjibiao_2008.json"));
  auto f = ByRule(r.findings, "OGI08.ARI.CLOSED_ANSWERED");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::kWarning);
  CHECK(f[0]->message ==
        "统计表中“(二)申请办结数”为1件，而“(三)"
        "申请答复数”0件，相差1件；办结的申请都应有答复，二者应当一致");
  CHECK(EvidenceValues(*f[0]) == std::vector<double>{1, 0});
  // The other implied sums of the table hold.
  CHECK(PassedWith(r, "OGI08.ARI.RECEIVED_CHANNELS", {1, 0, 0, 0, 1}));
  CHECK(PassedWith(r, "OGI08.ARI.CLOSED_ONTIME", {1, 1, 0}));
  CHECK(PassedWith(r, "OGI08.ARI.ANSWER_TYPES", {0, 0, 0, 0, 0, 0, 0, 0, 0}));
  CHECK(PassedWith(r, "OGI08.ARI.REVIEW_OUTCOMES", {1, 1, 0, 0}));
  CHECK(PassedWith(r, "OGI08.ARI.LITIGATION_OUTCOMES", {5, 5, 0, 0}));
  CHECK(ByRule(r.findings, "OGI08.ARI.ANSWER_TYPES").empty());
}

TEST_CASE("pack2008 prose arithmetic in the 2021 pack: Hebei 人社厅 2023 872 against 242+101+407+81+17 = 848") {
  ReportFindings r = testing::CheckWithShippedPacks(SharedPath("corpus/real/2023_hebei-rst_2021.json"));
  auto f = ByRule(r.findings, "OGI21.TXT.BREAKDOWN");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::kWarning);
  CHECK(f[0]->message ==
        "正文所列分项之和与总数不一致：“受理网民互动交流事项872件”，所列分项242+101+407+81+17=848件，"
        "比总数872件少24件");
  CHECK(EvidenceValues(*f[0]) == std::vector<double>{872, 242, 101, 407, 81, 17});
  CHECK(ByRule(r.findings, "OGI08.TXT.BREAKDOWN").empty());  // the 2008 pack does not apply to 2023
}

}  // namespace
}  // namespace ogicheck
