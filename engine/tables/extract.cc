// TEMPORARY: finds nothing. Replaced by the schema-guided extractor (issue 3) before release.
#include "tables/extract.h"

namespace ogicheck {

TableExtraction ExtractTables(const SourceText&, const ReportSchema&) { return {}; }
std::string DetectTableFormat(const SourceText&, const SchemaSet&) { return ""; }

}  // namespace ogicheck
