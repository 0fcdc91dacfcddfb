// Schema forms derived once per schema (see schema_forms.h).
#include "tables/schema_forms.h"

#include <map>

#include "ogicheck/source_text.h"
#include "tables/stream.h"

namespace ogicheck::tables {
namespace {

std::vector<std::string> Compact(const std::string& first, const std::vector<std::string>& more) {
  std::vector<std::string> out{CompactLabel(first)};
  for (const std::string& m : more) out.push_back(CompactLabel(m));
  return out;
}

}  // namespace

SchemaForms SchemaForms::Derive(const ReportSchema& schema) {
  SchemaForms f;
  for (const SchemaTable& t : schema.tables) {
    TableForms tf;
    tf.titles = Compact(t.title, t.title_variants);
    for (const SchemaRow& r : t.rows) {
      RowForms rf;
      rf.label = CompactLabel(r.label);
      for (const std::string& v : r.variants) rf.variants.push_back(CompactLabel(v));
      rf.printed = NormaliseWidth(r.label);
      tf.rows.push_back(std::move(rf));
    }
    for (const SchemaColumn& c : t.columns) {
      ColumnForms cf;
      cf.label = CompactLabel(c.label);
      for (const std::string& v : c.variants) cf.variants.push_back(CompactLabel(v));
      tf.columns.push_back(std::move(cf));
    }
    f.tables.push_back(std::move(tf));
  }
  for (const SchemaSection& s : schema.sections) f.sections.push_back(Compact(s.title, s.variants));
  for (const std::string& k : schema.detection_keys) f.detection_keys.push_back(CompactLabel(k));
  return f;
}

const SchemaForms& FormsOf(const SchemaSet& schemas, const ReportSchema& schema) {
  struct Cache {
    uint64_t serial = 0;
    std::map<const ReportSchema*, SchemaForms> forms;
  };
  thread_local Cache cache;
  // Serial 0 is a set never loaded, which holds no schemas: the empty cache is right for it.
  // (Rebuilding on every call would free the forms an earlier call of this report returned.)
  if (cache.serial != schemas.serial()) {
    cache = Cache{};
    cache.serial = schemas.serial();
    for (const ReportSchema& s : schemas.all()) cache.forms[&s] = SchemaForms::Derive(s);
  }
  if (auto it = cache.forms.find(&schema); it != cache.forms.end()) return it->second;
  // Not a member of the set (a caller's mistake): derive it, kept until the next such call.
  thread_local SchemaForms stray;
  stray = SchemaForms::Derive(schema);
  return stray;
}

}  // namespace ogicheck::tables
