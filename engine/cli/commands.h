// One function per sub-command; each returns the process exit code (see docs/cli.md).
#pragma once

#include <string>
#include <vector>

namespace ogicheck::cli {

// Exit codes of the contract in ARCHITECTURE.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitUnreadable = 3;

int RunParse(const std::vector<std::string>& args);
int RunCheck(const std::vector<std::string>& args);
int RunRules(const std::vector<std::string>& args);

}  // namespace ogicheck::cli
