// Evaluate: a pure function of (Document, RuleSet) -> findings. No I/O.
#pragma once

#include "ogicheck/document.h"
#include "ogicheck/findings.h"
#include "ogicheck/report_schema.h"
#include "ogicheck/rule_pack.h"

namespace ogicheck {

struct EvaluateOptions {
  // Used for column labels in evidence; optional (column ids are shown without it).
  const SchemaSet* schemas = nullptr;
  bool show_passed = false;  // also record passed checks in ReportFindings::passed
};

// Runs every rule whose pack and `applies_to` match the document. A rule whose inputs are missing
// yields not_evaluated findings (one per missing input, not one per rule or cell).
ReportFindings Evaluate(const Document& doc, const RuleSet& rules,
                        const EvaluateOptions& options = {});

// The document part of a report's findings (title, agency, year, format, published, kind).
DocumentSummary SummarizeDocument(const Document& doc);

}  // namespace ogicheck
