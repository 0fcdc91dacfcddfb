// libFuzzer target: the whole check of a text report (ingest, parse, evaluate with the shipped
// packs, write JSON), as `ogicheck check --format json` runs it.
#include "fuzz_util.h"
#include "ogicheck/evaluate.h"
#include "ogicheck/ingest.h"
#include "ogicheck/parse.h"
#include "ogicheck/write.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ogicheck;
  const SchemaSet& schemas = fuzz::ShippedSchemas();
  const RuleSet& rules = fuzz::ShippedRules();
  IngestResult r = IngestBytes(fuzz::AsView(data, size), "fuzz.txt");
  FindingsReport report;
  EvaluateOptions options;
  options.schemas = &schemas;
  for (IngestedReport& rep : r.reports) {
    Document doc = ParseDocument(std::move(rep), schemas, ParseOptions{});
    report.reports.push_back(Evaluate(doc, rules, options));
  }
  WriteFindingsJson(report);
  WriteFindingsText(report, TextWriteOptions{});
  return 0;
}
