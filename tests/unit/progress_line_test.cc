// ProgressLine (`check --progress`): what it writes when stderr is not a terminal (a line a
// second, then the summary), the counts with thousands separators, and nothing when disabled.
#include <doctest/doctest.h>

#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include "cli/progress.h"

namespace ogicheck::cli {
namespace {

// Everything written to `f` so far.
std::string Contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string s;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) s.append(buf, n);
  return s;
}

// What a ProgressLine writes into a scratch file (not a terminal) for files whose readability is
// `unreadable`; *before_finish gets what it had written before Finish.
std::string Written(bool enabled, const std::vector<bool>& unreadable, std::string* before_finish) {
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  ProgressLine line(f, unreadable.size(), enabled);
  for (bool u : unreadable) line.FileDone(u);
  *before_finish = Contents(f);
  line.Finish();
  std::string out = Contents(f);
  std::fclose(f);
  return out;
}

TEST_CASE("ProgressLine: into a file, only the summary for a run under a second") {
  std::vector<bool> unreadable(2345, false);
  unreadable[0] = unreadable[1000] = unreadable[2000] = true;
  std::string before;
  const std::string out = Written(true, unreadable, &before);
  CHECK(before.empty());  // the first line is due a second after the start
  INFO(out);
  CHECK(std::regex_match(out, std::regex(R"(ogicheck: checked 2,345 files in \d+\.\d s \([\d,]+ files/s\), 3 unreadable\n)")));
}

TEST_CASE("ProgressLine: disabled, it writes nothing") {
  std::string before;
  CHECK(Written(false, {false, true, false}, &before).empty());
}

TEST_CASE("ProgressLine: one file, and no mention of unreadable files when there are none") {
  std::string before;
  const std::string out = Written(true, {false}, &before);
  CHECK(out.rfind("ogicheck: checked 1 file in ", 0) == 0);
  CHECK(out.find("unreadable") == std::string::npos);
}

}  // namespace
}  // namespace ogicheck::cli
