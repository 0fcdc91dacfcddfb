// Reader: one kind of input container (plain text, crawled JSON, HTML, DOCX, PDF).
// Readers are listed explicitly in registry.cc, tried in order; the first that accepts wins.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ogicheck/ingest.h"

namespace ogicheck {

class Reader {
 public:
  virtual ~Reader() = default;
  virtual const char* name() const = 0;
  // True when this reader handles a file with this lowercase extension (no dot, e.g. "txt")
  // whose first bytes are `head`.
  virtual bool Accepts(std::string_view extension, std::string_view head) const = 0;
  // Reads the whole file. Appends one IngestedReport per report found, or IngestErrors.
  virtual void Read(std::string_view bytes, const std::string& path, const IngestOptions& options,
                    IngestResult* out) const = 0;
};

// The readers, one factory each (defined beside each reader).
const Reader* TextReader();
const Reader* CrawlJsonReader();
const Reader* HtmlReader();
const Reader* DocxReader();
const Reader* PdfReader();

// Every reader in the order they are tried.
const std::vector<const Reader*>& AllReaders();

}  // namespace ogicheck
