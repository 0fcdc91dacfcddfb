// Every shipped pack file validates against schemas/rule-pack.schema.json (python3-jsonschema,
// python3-yaml), so editors and CI can check packs the way the loader does.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "test_paths.h"

namespace ogicheck {
namespace {

TEST_CASE("rule pack schema: every shipped pack file validates") {
  int files = 0;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(testing::SourcePath("rules"))) {
    std::string p = e.path().string();
    if (!p.ends_with(".yaml") || p.find("/tests/") != std::string::npos) continue;
    ++files;
    std::string cmd =
        "python3 -c 'import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))' " +
        p + " | python3 " + testing::SourcePath("tests/cli/validate_json.py") + " " +
        testing::SourcePath("schemas/rule-pack.schema.json");
    INFO(p);
    CHECK(std::system(cmd.c_str()) == 0);
  }
  CHECK(files >= 12);  // ogi-2019 and ogi-2021 have 6 each; other packs add theirs
}

TEST_CASE("rule pack schema: rejects a misspelt field and an unknown severity") {
  for (
      const char* bad :
      {R"({"rules": [{"id": "X", "title": "t", "severity": "fatal", "basis": "b", "message": "m", "check": {"kind": "assert", "expr": "1"}}]})",
       R"({"rules": [{"id": "X", "title": "t", "severity": "error", "basis": "b", "message": "m", "check": {"kind": "assert", "exp": "1"}}]})"}) {
    std::string cmd = std::string("echo '") + bad + "' | python3 " +
                      testing::SourcePath("tests/cli/validate_json.py") + " " +
                      testing::SourcePath("schemas/rule-pack.schema.json") + " > /dev/null";
    CHECK(std::system(cmd.c_str()) != 0);
  }
}

}  // namespace
}  // namespace ogicheck
