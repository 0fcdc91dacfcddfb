// Parse: SourceText -> Document (metadata, sections, paragraphs, prose numbers, tables).
#pragma once

#include "ogicheck/document.h"
#include "ogicheck/ingest.h"
#include "ogicheck/report_schema.h"

namespace ogicheck {

struct ParseOptions {
  std::string report_format;  // forces a format id ("ogi-2021"); "" = detect
  // Whether to list the prose's numbers (Document::numbers). Only `parse` shows them; no rule
  // reads them (the prose rules tokenize their own sections), and finding them was a twelfth of
  // a check's time, so `check` turns this off.
  bool prose_numbers = true;
};

// Never fails: what cannot be told is left empty/unknown in the Document.
Document ParseDocument(IngestedReport report, const SchemaSet& schemas,
                       const ParseOptions& options = {});

}  // namespace ogicheck
