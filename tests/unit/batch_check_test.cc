// `ogicheck check --jobs N` and the streamed findings JSON: the same bytes whatever the number of
// jobs, in input order, and the same bytes as WriteFindingsJson.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "ogicheck/write.h"
#include "command_run.h"
#include "test_paths.h"

namespace ogicheck {
namespace {

using testing::ReadFileOrDie;
using testing::SourcePath;

std::string Run(const std::string& cmd, int* exit_code) {
  testing::CommandResult r = testing::RunCommand(cmd);
  *exit_code = r.code;
  return r.out;
}

FindingsReport SampleReport(int reports) {
  FindingsReport r;
  r.tool_version = "9.9";
  r.packs = {{"ogi-2021", "1.0"}, {"local", "2"}};
  for (int i = 0; i < reports; ++i) {
    ReportFindings rf;
    rf.path = "r" + std::to_string(i) + ".txt";
    rf.document.title = "标题" + std::to_string(i);
    rf.document.year = 2021 + i;
    Finding f;
    f.rule = "OGI21.APP.BALANCE";
    f.severity = i % 2 ? Severity::kWarning : Severity::kError;
    f.message = "相差" + std::to_string(i);
    f.location.line = 3;
    Evidence e;
    e.ref = "applications.new_received.total";
    e.value = 1.5 * i;
    f.evidence.push_back(e);
    if (i > 0) rf.findings.push_back(f);
    if (i == 2) rf.passed.push_back(f);
    r.reports.push_back(rf);
  }
  r.errors = {{"bad.pdf", "bad.pdf: not a PDF"}};
  return r;
}

TEST_CASE("FindingsJsonStream prints the bytes WriteFindingsJson prints") {
  for (int n : {0, 1, 3}) {
    FindingsReport r = SampleReport(n);
    std::ostringstream out;
    FindingsJsonStream stream(&out, r.tool_version, r.packs);
    for (const ReportFindings& rf : r.reports) stream.Add(rf);
    stream.Finish(r.errors);
    INFO("reports: " << n);
    CHECK(out.str() == WriteFindingsJson(r));
  }
  FindingsReport none;
  std::ostringstream out;
  FindingsJsonStream(&out, "", {}).Finish({});
  CHECK(out.str() == WriteFindingsJson(none));
}

TEST_CASE("check --jobs: same output and exit code as one job (and by default), reports in input order") {
  const std::string bin = OGICHECK_BINARY;
  const std::string examples = SourcePath("examples");
  // Every example twice and a missing file in the middle: order and errors must survive.
  std::string inputs;
  for (const char* f : {"qinglan-county-2023.txt", "qinglan-county-2017.txt", "qinglan-county-2024.txt",
                        "qinglan-market-regulation-2020.txt"})
    inputs += " " + examples + "/" + f;
  inputs += " " + examples + "/no-such-report.txt" + inputs;
  int code1 = -1, code2 = -1, code3 = -1;
  std::string one = Run(bin + " check --format json --jobs 1" + inputs + " 2>/dev/null", &code1);
  std::string two = Run(bin + " check --format json --jobs 2" + inputs + " 2>/dev/null", &code2);
  std::string three = Run(bin + " check --format json -j 3 --time-limit 30" + inputs + " 2>/dev/null", &code3);
  int code_default = -1;  // one job per processor
  std::string by_default = Run(bin + " check --format json" + inputs + " 2>/dev/null", &code_default);
  CHECK(code1 == 3);  // the missing file
  CHECK(code2 == code1);
  CHECK(code3 == code1);
  CHECK(!one.empty());
  CHECK(two == one);
  CHECK(three == one);
  CHECK(code_default == code1);
  CHECK(by_default == one);
  // Input order: the 2023 report comes first and again after the 2020 one.
  size_t first = one.find("qinglan-county-2023.txt");
  size_t second = one.find("qinglan-county-2017.txt");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(first < second);
  CHECK(one.find("\"reports\": 8,") != std::string::npos);
  CHECK(one.find("\"unreadable\": 1") != std::string::npos);
}

TEST_CASE("check --jobs and --time-limit reject bad values") {
  const std::string bin = OGICHECK_BINARY;
  const std::string report = SourcePath("examples/qinglan-county-2023.txt");
  for (const char* bad : {"--jobs x", "--jobs -1", "--jobs 1000", "--jobs", "--time-limit -1",
                          "--time-limit abc"}) {
    int code = -1;
    Run(bin + " check " + bad + (std::string(bad).find(' ') ? " " + report : "") + " 2>/dev/null", &code);
    INFO(bad);
    CHECK(code == 2);
  }
}

}  // namespace
}  // namespace ogicheck

namespace ogicheck {
namespace {

TEST_CASE("check --time-limit: a report over the limit is listed as unreadable, not checked") {
  const std::string bin = OGICHECK_BINARY;
  const std::string report = testing::SourcePath("examples/qinglan-county-2023.txt");
  int code = -1;
  std::string out = Run(bin + " check --format json --time-limit 0.000001 " + report + " 2>/dev/null", &code);
  CHECK(code == 3);
  CHECK(out.find("\"reports\": 0,") != std::string::npos);
  CHECK(out.find(report + ": not checked: reading the file took longer than the time limit of 1e-06 s") !=
        std::string::npos);
  // The default limit (60 s) does not touch a normal report.
  out = Run(bin + " check --format json " + report + " 2>/dev/null", &code);
  CHECK(out.find("\"reports\": 1,") != std::string::npos);
  CHECK(out.find("not checked") == std::string::npos);
}

}  // namespace
}  // namespace ogicheck
