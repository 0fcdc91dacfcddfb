// SchemaSet lookups. Loading lives in schema_loader.cc.
#include <cstdlib>

#include "ogicheck/report_schema.h"

namespace ogicheck {

const SchemaRow* SchemaTable::FindRow(const std::string& row_id) const {
  for (const SchemaRow& r : rows)
    if (r.id == row_id) return &r;
  return nullptr;
}

const SchemaColumn* SchemaTable::FindColumn(const std::string& col_id) const {
  for (const SchemaColumn& c : columns)
    if (c.id == col_id) return &c;
  return nullptr;
}

const SchemaTable* ReportSchema::FindTable(const std::string& table_id) const {
  for (const SchemaTable& t : tables)
    if (t.id == table_id) return &t;
  return nullptr;
}

const ReportSchema* SchemaSet::Find(const std::string& id) const {
  for (const ReportSchema& s : schemas_)
    if (s.id == id) return &s;
  return nullptr;
}

const ReportSchema* SchemaSet::ForYear(int report_year) const {
  for (const ReportSchema& s : schemas_)
    if (report_year >= s.first_year && (s.last_year == 0 || report_year <= s.last_year)) return &s;
  return nullptr;
}

std::string DefaultSchemaDir() {
  if (const char* dir = std::getenv("OGICHECK_DATA_DIR")) return std::string(dir) + "/schemas";
  return std::string(OGICHECK_DATA_DIR) + "/schemas";
}

}  // namespace ogicheck
