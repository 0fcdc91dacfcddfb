// libFuzzer target: the text reader through IngestBytes (arbitrary bytes named *.txt).
#include "fuzz_util.h"
#include "ogicheck/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ogicheck::IngestBytes(ogicheck::fuzz::AsView(data, size), "fuzz.txt");
  return 0;
}
