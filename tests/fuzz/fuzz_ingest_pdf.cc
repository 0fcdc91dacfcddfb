// libFuzzer target: the pdf reader through IngestBytes (arbitrary bytes named *.pdf).
#include "fuzz_util.h"
#include "ogicheck/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ogicheck::IngestBytes(ogicheck::fuzz::AsView(data, size), "fuzz.pdf");
  return 0;
}
