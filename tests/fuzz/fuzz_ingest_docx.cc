// libFuzzer target: the docx reader through IngestBytes (arbitrary bytes named *.docx).
#include "fuzz_util.h"
#include "ogicheck/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ogicheck::IngestBytes(ogicheck::fuzz::AsView(data, size), "fuzz.docx");
  return 0;
}
