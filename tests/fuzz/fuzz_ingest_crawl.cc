// libFuzzer target: the crawled JSON and JSON Lines readers through IngestBytes. The first byte
// picks the file name (*.json or *.jsonl) so one corpus covers both.
#include "fuzz_util.h"
#include "ogicheck/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* name = (data[0] & 1) ? "fuzz.jsonl" : "fuzz.json";
  ogicheck::IngestBytes(ogicheck::fuzz::AsView(data + 1, size - 1), name);
  return 0;
}
