// `ogicheck parse PATH...`: the parsed Document of each report as JSON.
#include <iostream>

#include "cli/commands.h"

namespace ogicheck::cli {

int RunParse(const std::vector<std::string>& args) {
  (void)args;
  std::cerr << "ogicheck parse: not built yet\n";
  return kExitUsage;
}

}  // namespace ogicheck::cli
