// Runs a shell command from a test (the real ogicheck binary, mostly) and collects its standard
// output and exit code; add " 2>&1" to the command to collect its messages too.
#pragma once

#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace ogicheck::testing {

struct CommandResult {
  int code = -1;    // exit code; -1 if the command did not exit normally
  std::string out;  // what it printed
};

inline CommandResult RunCommand(const std::string& cmd) {
  CommandResult r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace ogicheck::testing
