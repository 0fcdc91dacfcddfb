// Schema-guided table extraction: puts the cells of a report's tables back on the grid of the
// report schema, from whatever layout the text has (see docs/design.md, "Tables").
#pragma once

#include <string>
#include <vector>

#include "ogicheck/report_schema.h"
#include "ogicheck/source_text.h"
#include "ogicheck/table.h"

namespace ogicheck {

struct TableExtraction {
  std::vector<Table> tables;  // tables of `schema` found in the text, in source order
  std::vector<Span> regions;  // text regions the tables occupy (excluded from prose)
};

// Finds the tables of `schema` in `text`. Never invents a value: a cell not in the source is
// blank. Tables of the schema that are absent from the text are simply not returned.
TableExtraction ExtractTables(const SourceText& text, const ReportSchema& schema);

// Which schema's table labels the text uses (by detection keys), or "" if it has no tables.
std::string DetectTableFormat(const SourceText& text, const SchemaSet& schemas);

namespace tables {
class Stream;
struct SchemaForms;
}
// The same, on the compact stream of `text` built once by the caller (tables::Stream::Build):
// detection and extraction need the same one, and building it is a pass over the whole text.
TableExtraction ExtractTables(const SourceText& text, const tables::Stream& stream,
                              const ReportSchema& schema);
std::string DetectTableFormat(const tables::Stream& stream, const SchemaSet& schemas);
// The same extraction with the schema's label forms derived beforehand (tables::FormsOf keeps
// them per SchemaSet), as ParseDocument does for every report.
TableExtraction ExtractTables(const SourceText& text, const tables::Stream& stream,
                              const ReportSchema& schema, const tables::SchemaForms& forms);

}  // namespace ogicheck
