// libFuzzer target: table detection and extraction over arbitrary text, with every shipped schema.
#include "fuzz_util.h"
#include "ogicheck/source_text.h"
#include "tables/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ogicheck::SchemaSet& schemas = ogicheck::fuzz::ShippedSchemas();
  ogicheck::SourceText text = ogicheck::SourceText::FromUtf8(ogicheck::fuzz::AsView(data, size));
  ogicheck::DetectTableFormat(text, schemas);
  for (const ogicheck::ReportSchema& schema : schemas.all()) ogicheck::ExtractTables(text, schema);
  return 0;
}
