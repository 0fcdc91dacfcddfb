// `ogicheck check` contract: exit codes, output formats and messages of the real binary.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "command_run.h"
#include "test_paths.h"

namespace ogicheck {
namespace {

using testing::SharedPath;
using testing::SourcePath;

using Run = testing::CommandResult;

Run Ogicheck(const std::string& args) {
  return testing::RunCommand(std::string(OGICHECK_BINARY) + " " + args + " 2>&1");
}

const std::string kHongze2023 = SharedPath("corpus/real/2023_hongzequ_2021.txt");
const std::string kYingkou = SharedPath("seeds/002_8b61771959860ad5.txt");

TEST_CASE("check cli: usage errors exit 2") {
  CHECK(Ogicheck("check --help").code == 0);
  CHECK(Ogicheck("check --help").out.find("usage: ogicheck check") == 0);
  Run none = Ogicheck("check");
  CHECK(none.code == 2);
  CHECK(none.out.find("ogicheck check: no input paths") == 0);
  CHECK(Ogicheck("check --fail-on sometimes " + kYingkou).code == 2);
  CHECK(Ogicheck("check --format xml " + kYingkou).code == 2);
  Run pack = Ogicheck("check --pack /nonexistent/pack " + kYingkou);
  CHECK(pack.code == 2);
  CHECK(pack.out == "/nonexistent/pack: error: no such rule pack file or folder\n");
  CHECK(Ogicheck("--help").out.find("  check\t") != std::string::npos);
}

TEST_CASE("check cli: a broken rule pack exits 2 with file:line:column and a caret") {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "ogicheck_cli_badpack";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "pack.yaml")
      << "pack: {id: bad, version: \"1\", formats: [ogi-2021]}\n"
         "rules:\n"
         "  - id: B.X\n"
         "    title: t\n"
         "    severity: error\n"
         "    basis: b\n"
         "    message: m\n"
         "    check: {kind: assert, expr: 'applications[x][total] >> 1'}\n";
  Run r = Ogicheck("check --pack " + dir.string() + " " + kYingkou);
  std::filesystem::remove_all(dir);
  CHECK(r.code == 2);
  CHECK(r.out.find("pack.yaml:8:58: error: expected a value, found '>'\n"
                   "    check: {kind: assert, expr: 'applications[x][total] >> 1'}\n"
                   "                                                         ^ near here") !=
        std::string::npos);
}

TEST_CASE("check cli: findings at or above --fail-on exit 1") {
  Run hz = Ogicheck("check " + kHongze2023);
  CHECK(hz.code == 1);
  CHECK(hz.out.find(":428:1: error [OGI21.REV.BLOCK_TOTAL] "
                    "表四“行政复议”：结果维持10+结果纠正1+其他结果0+尚未审结0=11，但总计为0") !=
        std::string::npos);
  CHECK(hz.out.find("\x1b[") == std::string::npos);  // no colour when not a terminal
  CHECK(Ogicheck("check --fail-on never " + kHongze2023).code == 0);
  // Yingkou 2020 has warnings but no errors.
  CHECK(Ogicheck("check " + kYingkou).code == 0);
  CHECK(Ogicheck("check --fail-on warning " + kYingkou).code == 1);
}

TEST_CASE("check cli: JSON output follows schemas/findings.schema.json") {
  std::string json = std::filesystem::temp_directory_path() / "ogicheck_cli_findings.json";
  Run r = Ogicheck("check --format json --output " + json + " " + kHongze2023 + " " + kYingkou);
  CHECK(r.code == 1);
  CHECK(r.out == "");
  std::string cmd = "python3 " + SourcePath("tests/cli/validate_json.py") + " " +
                    SourcePath("schemas/findings.schema.json") + " < " + json;
  CHECK(std::system(cmd.c_str()) == 0);
  std::string text = testing::ReadFileOrDie(json);
  CHECK(text.find("\"rule\": \"OGI21.REV.BLOCK_TOTAL\"") != std::string::npos);
  CHECK(text.find("\"reports\": 2") != std::string::npos);
  std::filesystem::remove(json);
}

TEST_CASE("check cli: an unreadable input among good ones exits 3, the others still checked") {
  Run r = Ogicheck("check /nonexistent/report.txt " + kYingkou);
  CHECK(r.code == 3);
  CHECK(r.out.find("营口市2020年度政府信息公开工作报告") != std::string::npos);
  CHECK(r.out.find("no such file") != std::string::npos);
}

TEST_CASE("rules cli: the pack tests pass and the generated catalogue is up to date") {
  Run t =
      Ogicheck("rules test " + SourcePath("rules/ogi-2019") + " " + SourcePath("rules/ogi-2021"));
  CHECK(t.code == 0);
  CHECK(t.out.find(" rule test cases passed") != std::string::npos);
  Run lint = Ogicheck("rules lint " + SourcePath("rules"));
  CHECK(lint.code == 0);
  Run cat = Ogicheck("rules catalogue");
  REQUIRE(cat.code == 0);
  CHECK_MESSAGE(cat.out == testing::ReadFileOrDie(SourcePath("docs/rule-catalogue.md")),
                "regenerate with: ogicheck rules catalogue > docs/rule-catalogue.md");
}

}  // namespace
}  // namespace ogicheck
