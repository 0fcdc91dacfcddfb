// libFuzzer target: the report-schema loader (SchemaSet::LoadFile on the input as a YAML file).
#include "fuzz_util.h"
#include "ogicheck/report_schema.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::filesystem::path file = ogicheck::fuzz::ScratchDir() / "schema.yaml";
  ogicheck::fuzz::WriteFile(file, ogicheck::fuzz::AsView(data, size));
  ogicheck::SchemaSet schemas;
  schemas.LoadFile(file.string());
  return 0;
}
