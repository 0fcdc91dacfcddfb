// ReportSchema: the structure of one report format (sections, tables, rows, columns, label
// variants, cell types), loaded from schemas/ogi-*.yaml at run time.
#pragma once

#include <memory>
#include <cstdint>
#include <string>
#include <vector>

#include "ogicheck/status.h"

namespace ogicheck {

struct SchemaSection {
  std::string id;                       // "一" … "六"
  std::string title;                    // official heading text
  std::vector<std::string> variants;    // accepted alternatives
};

struct SchemaColumn {
  std::string id;                       // "natural_person", "total", …
  std::string label;
  std::vector<std::string> variants;
  std::string type;                     // "count" | "signed_count" | "amount"
  std::string unit;                     // for amounts: "万元", "" when not fixed
  bool optional = false;                // e.g. a 法人或其他组织 subtotal column
};

struct SchemaRow {
  std::string id;                       // "new_received", "results.disclosed", …
  std::string label;
  std::vector<std::string> variants;
  std::string group;                    // group header row id this row belongs to, or ""
  bool is_group_header = false;         // a header without cells (（三）不予公开)
  bool optional = false;
  // For a group header that some reports print as a data row (2021 （六）其他处理): the extractor
  // keeps the cells it finds on this row and records this deviation on the table.
  std::string cells_deviation;
};

struct SchemaTable {
  std::string id;                       // "applications", "review_litigation", "art20_item1", …
  std::string section;                  // section id it belongs to ("二")
  std::string title;
  std::vector<std::string> title_variants;
  std::vector<SchemaColumn> columns;
  std::vector<SchemaRow> rows;
  // "rows" (one printed row per schema row) or "blocks" (the schema rows are column blocks of one
  // printed row, as in table 四).
  std::string layout = "rows";
  // Per row, column sum_total equals the sum of sum_parts (empty when the table has no such
  // relation). Used to split digits that run together.
  std::string sum_total;
  std::vector<std::string> sum_parts;

  const SchemaRow* FindRow(const std::string& id) const;
  const SchemaColumn* FindColumn(const std::string& id) const;
};

struct ReportSchema {
  std::string id;                       // "ogi-2021"
  std::string name;                     // human name and the notice that set it
  std::string basis;
  int first_year = 0;
  int last_year = 0;                    // 0 = open-ended
  std::vector<std::string> detection_keys;
  std::vector<SchemaSection> sections;
  std::vector<SchemaTable> tables;

  const SchemaTable* FindTable(const std::string& id) const;
};

class SchemaSet {
 public:
  // Loads every *.yaml in `dir`. Errors name file:line:column.
  Status LoadDirectory(const std::string& dir);
  // Loads one schema file.
  Status LoadFile(const std::string& path);

  const ReportSchema* Find(const std::string& id) const;
  // The format that governs `report_year` (ogi-2008 for 2008–2018, …), or nullptr.
  const ReportSchema* ForYear(int report_year) const;
  const std::vector<ReportSchema>& all() const { return schemas_; }
  // Changes whenever schemas are loaded, and differs between SchemaSet objects: lets later stages
  // keep what they derive from the schemas (normalised titles, …) from one report to the next.
  uint64_t serial() const { return serial_; }

 private:
  std::vector<ReportSchema> schemas_;
  uint64_t serial_ = 0;
};

// The folder of the shipped schemas: $OGICHECK_DATA_DIR/schemas if set, else the source tree's.
std::string DefaultSchemaDir();

}  // namespace ogicheck
