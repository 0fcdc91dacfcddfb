// The list of readers, in the order IngestBytes tries them. Explicit on purpose: no
// self-registration, so the order is visible and adding a reader is one line here.
#include "ingest/reader.h"

namespace ogicheck {

const std::vector<const Reader*>& AllReaders() {
  static const std::vector<const Reader*> readers = {
      CrawlJsonReader(),
      HtmlReader(),
      DocxReader(),
      PdfReader(),
      TextReader(),  // last: it takes any file of unknown type whose first bytes decode as text
  };
  return readers;
}

}  // namespace ogicheck
