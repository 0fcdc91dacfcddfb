// ProgressLine (`check --progress`): what it writes when stderr is not a terminal (a line a
// second, then the summary), the counts with thousands separators, and nothing when disabled.
#include <doctest/doctest.h>

#include <cstdio>
#include <regex>
#include <string>

#include "cli/progress.h"

namespace ogicheck::cli {
namespace {

// A scratch file standing for stderr (not a terminal), closed at the end of the test.
struct ScratchFile {
  std::FILE* f = std::tmpfile();
  ~ScratchFile() {
    if (f) std::fclose(f);
  }
};

// Everything written to `f` so far.
std::string Contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string s;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) s.append(buf, n);
  return s;
}

TEST_CASE("ProgressLine: into a file, only the summary for a run under a second") {
  ScratchFile scratch;
  std::FILE* f = scratch.f;
  REQUIRE(f);
  ProgressLine line(f, 2345, true);
  for (int i = 0; i < 2345; ++i) line.FileDone(i % 1000 == 0);  // 3 unreadable
  CHECK(Contents(f).empty());  // the first line is due a second after the start
  line.Finish();
  const std::string out = Contents(f);
  INFO(out);
  CHECK(std::regex_match(out, std::regex(R"(ogicheck: checked 2,345 files in \d+\.\d s \([\d,]+ files/s\), 3 unreadable\n)")));
}

TEST_CASE("ProgressLine: disabled, it writes nothing") {
  ScratchFile scratch;
  std::FILE* f = scratch.f;
  REQUIRE(f);
  ProgressLine line(f, 3, false);
  line.FileDone(false);
  line.FileDone(true);
  line.Finish();
  CHECK(Contents(f).empty());
}

TEST_CASE("ProgressLine: a run without unreadable files does not mention them") {
  ScratchFile scratch;
  std::FILE* f = scratch.f;
  REQUIRE(f);
  ProgressLine line(f, 1, true);
  line.FileDone(false);
  line.Finish();
  const std::string out = Contents(f);
  CHECK(out.rfind("ogicheck: checked 1 file in ", 0) == 0);
  CHECK(out.find("unreadable") == std::string::npos);
}

}  // namespace
}  // namespace ogicheck::cli
