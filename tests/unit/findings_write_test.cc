// Findings writers: the exact JSON of the contract, its JSON Schema, and the text layout.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "ogicheck/write.h"
#include "test_paths.h"

namespace ogicheck {
namespace {

FindingsReport Sample() {
  FindingsReport r;
  r.tool_version = "0.1.0";
  r.packs.push_back({"ogi-2021", "1.0"});
  ReportFindings rep;
  rep.path = "hz2023.txt";
  rep.document = {"洪泽区人民政府2023年政府信息公开工作年度报告",
                  "淮安市洪泽区人民政府",
                  2023,
                  "ogi-2021",
                  "",
                  "annual_report"};
  Finding f;
  f.rule = "OGI21.REV.BLOCK_TOTAL";
  f.severity = Severity::kError;
  f.outcome = Outcome::kFail;
  f.message = "表四“行政复议”：结果维持10+结果纠正1+其他结果0+尚未审结0=11，但总计为0";
  f.basis = "国办公开办函〔2021〕30号 表四";
  f.location = {428, 1, "四", "review_litigation", "review", "total", 0, ""};
  f.evidence.push_back({"review_litigation.review.total", "行政复议·总计", 0.0, "0", 428});
  f.evidence.push_back({"review_litigation.review.upheld", "行政复议·结果维持", 10.0, "10", 420});
  f.evidence.push_back({"applications.carried_over.research",
                        "二、上年结转政府信息公开申请数量·科研机构", std::nullopt, "", 0});
  f.fingerprint = "0123456789abcdef";
  rep.findings.push_back(f);
  Finding n;
  n.rule = "OGI21.APP.BALANCE";
  n.severity = Severity::kError;
  n.outcome = Outcome::kNotEvaluated;
  n.message = "缺少表三";
  n.fingerprint = "fedcba9876543210";
  rep.findings.push_back(n);
  rep.rules_evaluated = 31;
  r.reports.push_back(rep);
  return r;
}

TEST_CASE("findings json: exact shape") {
  std::string json = WriteFindingsJson(Sample());
  const char* want = R"({
  "tool": {
    "name": "ogicheck",
    "version": "0.1.0"
  },
  "packs": [
    {
      "id": "ogi-2021",
      "version": "1.0"
    }
  ],
  "reports": [
    {
      "path": "hz2023.txt",
      "document": {
        "title": "洪泽区人民政府2023年政府信息公开工作年度报告",
        "agency": "淮安市洪泽区人民政府",
        "year": 2023,
        "format": "ogi-2021",
        "published": null,
        "kind": "annual_report"
      },
      "findings": [
        {
          "rule": "OGI21.REV.BLOCK_TOTAL",
          "severity": "error",
          "outcome": "fail",
          "message": "表四“行政复议”：结果维持10+结果纠正1+其他结果0+尚未审结0=11，但总计为0",
          "basis": "国办公开办函〔2021〕30号 表四",
          "location": {
            "line": 428,
            "column": 1,
            "section": "四",
            "table": "review_litigation",
            "row": "review",
            "col": "total"
          },
          "evidence": [
            {
              "ref": "review_litigation.review.total",
              "label": "行政复议·总计",
              "value": 0,
              "raw": "0",
              "line": 428
            },
            {
              "ref": "review_litigation.review.upheld",
              "label": "行政复议·结果维持",
              "value": 10,
              "raw": "10",
              "line": 420
            },
            {
              "ref": "applications.carried_over.research",
              "label": "二、上年结转政府信息公开申请数量·科研机构",
              "value": null,
              "raw": "",
              "line": null
            }
          ],
          "fingerprint": "0123456789abcdef"
        },
        {
          "rule": "OGI21.APP.BALANCE",
          "severity": "error",
          "outcome": "not_evaluated",
          "message": "缺少表三",
          "basis": "",
          "location": {
            "line": null,
            "column": null,
            "section": null,
            "table": null,
            "row": null,
            "col": null
          },
          "evidence": [],
          "fingerprint": "fedcba9876543210"
        }
      ],
      "rules_evaluated": 31,
      "summary": {
        "error": 1,
        "warning": 0,
        "info": 0,
        "not_evaluated": 1
      }
    }
  ],
  "errors": [],
  "summary": {
    "reports": 1,
    "error": 1,
    "warning": 0,
    "info": 0,
    "not_evaluated": 1,
    "unreadable": 0
  }
}
)";
  CHECK(json == want);
}

TEST_CASE("findings text: a report no pack covers says it was not checked") {
  FindingsReport r;
  ReportFindings rep;
  rep.path = "2017.txt";
  rep.document.format = "ogi-2008";
  r.reports.push_back(rep);
  CHECK(WriteFindingsText(r) ==
        "2017.txt (ogi-2008)\n"
        "  未检查：没有适用于ogi-2008格式的规则\n"
        "  0 error, 0 warning, 0 info, 0 not evaluated\n"
        "\n"
        "1 report(s): 0 error, 0 warning, 0 info, 0 not evaluated\n");
}

TEST_CASE("findings json: validates against schemas/findings.schema.json") {
  std::string path = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") +
                     "/ogicheck_findings_test.json";
  std::ofstream(path) << WriteFindingsJson(Sample());
  std::string cmd = "python3 " + testing::SourcePath("tests/cli/validate_json.py") + " " +
                    testing::SourcePath("schemas/findings.schema.json") + " < " + path;
  CHECK(std::system(cmd.c_str()) == 0);
  std::remove(path.c_str());
}

TEST_CASE("findings text: grouped by report, evidence and basis shown, no colour by default") {
  std::string text = WriteFindingsText(Sample());
  CHECK(text ==
        "hz2023.txt (洪泽区人民政府2023年政府信息公开工作年度报告 · ogi-2021 · 2023年度)\n"
        "  hz2023.txt:428:1: error [OGI21.REV.BLOCK_TOTAL] "
        "表四“行政复议”：结果维持10+结果纠正1+其他结果0+尚未审结0=11，但总计为0\n"
        "      行政复议·总计 = 0  (第428行)\n"
        "      行政复议·结果维持 = 10  (第420行)\n"
        "      二、上年结转政府信息公开申请数量·科研机构 = （空白）\n"
        "      依据：国办公开办函〔2021〕30号 表四\n"
        "  hz2023.txt: not evaluated [OGI21.APP.BALANCE] 缺少表三\n"
        "  1 error, 0 warning, 0 info, 1 not evaluated\n"
        "\n"
        "1 report(s): 1 error, 0 warning, 0 info, 1 not evaluated\n");
  TextWriteOptions color;
  color.color = true;
  CHECK(WriteFindingsText(Sample(), color).find("\x1b[31merror\x1b[0m") != std::string::npos);
}

}  // namespace
}  // namespace ogicheck
