// DetectTableFormat: which format's table labels a text uses, by the schemas' detection keys
// (spec §1: 本年新制作数量 … for 2019, 本年制发件数 … for 2021).
#include "tables/extract.h"
#include "tables/schema_forms.h"
#include "tables/stream.h"
#include "text/byte_scan.h"

namespace ogicheck {

std::string DetectTableFormat(const SourceText& text, const SchemaSet& schemas) {
  thread_local tables::Stream stream;  // buffers reused from report to report
  stream.Rebuild(text.text());
  return DetectTableFormat(stream, schemas);
}

std::string DetectTableFormat(const tables::Stream& stream, const SchemaSet& schemas) {
  const std::string& compact = stream.str();
  std::string best;
  size_t best_hits = 0;
  bool tie = false;
  for (const ReportSchema& s : schemas.all()) {
    size_t hits = 0;
    for (const std::string& k : tables::FormsOf(schemas, s).detection_keys)
      if (text::FindBytes(compact, k) != std::string_view::npos) ++hits;
    if (hits > best_hits) {
      best = s.id, best_hits = hits, tie = false;
    } else if (hits == best_hits && hits > 0) {
      tie = true;
    }
  }
  return tie ? "" : best;
}

}  // namespace ogicheck
