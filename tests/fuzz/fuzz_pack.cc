// libFuzzer target: the rule pack loader. The input is written as pack.yaml of a one-pack folder
// (RuleSet::Load reads files) and loaded; a pack that loads is also listed.
#include "fuzz_util.h"
#include "ogicheck/rule_pack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::filesystem::path dir = ogicheck::fuzz::ScratchDir() / "pack";
  std::filesystem::create_directories(dir);
  ogicheck::fuzz::WriteFile(dir / "pack.yaml", ogicheck::fuzz::AsView(data, size));
  ogicheck::RuleSet rules;
  if (rules.Load((dir / "pack.yaml").string()).ok()) rules.rules();
  return 0;
}
