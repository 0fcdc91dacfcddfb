// The parsed Document as JSON (the output of `ogicheck parse`; shape in schemas/document.schema.json).
#pragma once

#include <string>
#include <vector>

#include "ogicheck/document.h"
#include "ogicheck/ingest.h"

namespace ogicheck {

// One Document as a JSON object (pretty-printed with 2-space indent when `pretty`).
std::string DocumentToJson(const Document& doc, bool pretty = true);

// The whole `ogicheck parse` output: every document and every input that could not be read.
std::string ParseOutputToJson(const std::vector<Document>& docs,
                              const std::vector<IngestError>& errors, bool pretty = true);

// Lower-case names used in JSON and messages.
const char* AgencyKindName(AgencyKind kind);      // "government", "department", "township", …
const char* AgencyLevelName(AgencyLevel level);   // "national", "provincial", …
const char* DocumentKindName(DocumentKind kind);  // "annual_report" | "other"
const char* NumberingStyleName(NumberingStyle style);
const char* CellSemanticName(CellSemantic semantic);  // "number", "zero", "blank", "dash", "text"
const char* CellMatchName(CellMatch match);           // "exact", "normalised", "variant", "recovered"

}  // namespace ogicheck
