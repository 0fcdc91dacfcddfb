// ogicheck command line: option parsing and a table of sub-commands (see commands.h).
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

// Every command the binary offers; nothing is listed before it works.
constexpr Command kCommands[] = {
    {"check", "check reports against the rule packs and print the findings", ogicheck::cli::RunCheck},
    {"parse", "print the parsed Document of each report as JSON", ogicheck::cli::RunParse},
    {"rules", "lint, test or list rule packs; describe the check kinds", ogicheck::cli::RunRules},
};

void PrintUsage(std::ostream& out) {
  out << "usage: ogicheck [--version] [--help] COMMAND [ARGS]\n\ncommands:\n";
  for (const Command& c : kCommands) out << "  " << c.name << "\t" << c.summary << "\n";
  out << "\nRun 'ogicheck COMMAND --help' for the options of a command.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    PrintUsage(std::cerr);
    return 2;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "ogicheck " << OGICHECK_VERSION << "\n";
    return 0;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintUsage(std::cout);
    return 0;
  }
  for (const Command& c : kCommands) {
    if (args[0] == c.name) return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  std::cerr << "ogicheck: unknown command '" << args[0] << "'\n";
  PrintUsage(std::cerr);
  return 2;
}
