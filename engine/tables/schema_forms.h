// The forms in which the extractor looks for a schema's words: table titles, row and column
// labels, section titles and detection keys as CompactLabel writes them, and each row label as
// NormaliseWidth prints it. They depend only on the schema, yet were derived for every report
// (a tenth of the table stage, most of it allocation); FormsOf keeps them per thread for the
// SchemaSet last seen, by its serial (a set that is loaded again or replaced gets new ones).
#pragma once

#include <string>
#include <vector>

#include "ogicheck/report_schema.h"

namespace ogicheck::tables {

struct RowForms {
  std::string label;                  // CompactLabel(row.label)
  std::vector<std::string> variants;  // CompactLabel of each variant
  std::string printed;                // NormaliseWidth(row.label): an exact match prints so
};

struct ColumnForms {
  std::string label;
  std::vector<std::string> variants;
};

struct TableForms {
  std::vector<std::string> titles;  // title, then its variants
  std::vector<RowForms> rows;       // parallel to SchemaTable::rows
  std::vector<ColumnForms> columns; // parallel to SchemaTable::columns
};

struct SchemaForms {
  std::vector<TableForms> tables;                  // parallel to ReportSchema::tables
  std::vector<std::vector<std::string>> sections;  // title, then variants; parallel to sections
  std::vector<std::string> detection_keys;

  static SchemaForms Derive(const ReportSchema& schema);
};

// The forms of `schema`, which must be one of `schemas`.all(); kept per thread.
const SchemaForms& FormsOf(const SchemaSet& schemas, const ReportSchema& schema);

}  // namespace ogicheck::tables
