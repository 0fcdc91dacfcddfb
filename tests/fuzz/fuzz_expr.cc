// libFuzzer target: the rule expression parser (and the canonical dump of what it accepts).
#include "fuzz_util.h"
#include "rules/expr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ogicheck::rules::ParseResult r = ogicheck::rules::ParseExpr(ogicheck::fuzz::AsView(data, size));
  if (r.expr) r.expr->Dump();
  return 0;
}
