// The parse stage after the format is chosen and the tables are extracted. Split from
// ParseDocument so tests can hand in table regions of their own.
#pragma once

#include <string>

#include "ogicheck/document.h"
#include "ogicheck/report_schema.h"
#include "tables/extract.h"

namespace ogicheck::parse {

struct FormatChoice {
  std::string format;
  std::string format_reason;
  std::string table_format;
};

// Fills paragraphs (cut at the table regions), sections, prose numbers (when `prose_numbers`:
// see ParseOptions) and metadata. `table_schema` (may be null) supplies the row labels that are
// never section headings. `schemas` (may be null) supplies the section titles that end run-on
// heading titles.
Document AssembleDocument(IngestedReport report, FormatChoice format, TableExtraction tables,
                          const ReportSchema* table_schema, const SchemaSet* schemas = nullptr,
                          bool prose_numbers = true);

}  // namespace ogicheck::parse
