// DetectTableFormat: which format's table labels a text uses, by the schemas' detection keys
// (spec §1: 本年新制作数量 … for 2019, 本年制发件数 … for 2021).
#include <string_view>
#include <vector>

#include "tables/extract.h"
#include "tables/schema_forms.h"
#include "tables/stream.h"
#include "text/byte_scan.h"

namespace ogicheck {
namespace {

// Which of `keys` occur in `s`. Keys that begin with the same two characters (most begin with
// 本年) are compared at each occurrence of that beginning, in one pass over the stream, instead
// of one pass per key: a key occurs exactly where its beginning occurs followed by the rest.
// The passes over the whole stream were a twelfth of the parse stage.
std::vector<bool> KeysFound(std::string_view s, const std::vector<const std::string*>& keys) {
  constexpr size_t kPrefix = 6;  // two CJK characters
  std::vector<bool> found(keys.size(), false);
  std::vector<bool> done(keys.size(), false);
  std::vector<size_t> group;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (done[i]) continue;
    const std::string_view prefix = std::string_view(*keys[i]).substr(0, kPrefix);
    group.clear();
    for (size_t j = i; j < keys.size(); ++j)
      if (!done[j] && keys[j]->starts_with(prefix)) group.push_back(j), done[j] = true;
    if (group.size() == 1) {
      found[i] = text::FindBytes(s, *keys[i]) != std::string_view::npos;
      continue;
    }
    size_t missing = group.size();
    for (size_t p = text::FindBytes(s, prefix); p != std::string_view::npos && missing > 0;
         p = text::FindBytes(s, prefix, p + 1)) {
      for (size_t j : group) {
        if (!found[j] && s.compare(p, keys[j]->size(), *keys[j]) == 0) found[j] = true, --missing;
      }
    }
  }
  return found;
}

}  // namespace

std::string DetectTableFormat(const SourceText& text, const SchemaSet& schemas) {
  thread_local tables::Stream stream;  // buffers reused from report to report
  stream.Rebuild(text.text());
  return DetectTableFormat(stream, schemas);
}

std::string DetectTableFormat(const tables::Stream& stream, const SchemaSet& schemas) {
  std::vector<const std::string*> keys;
  for (const ReportSchema& s : schemas.all())
    for (const std::string& k : tables::FormsOf(schemas, s).detection_keys) keys.push_back(&k);
  const std::vector<bool> found = KeysFound(stream.str(), keys);
  std::string best;
  size_t best_hits = 0, k = 0;
  bool tie = false;
  for (const ReportSchema& s : schemas.all()) {
    size_t hits = 0;
    for (size_t n = s.detection_keys.size(); n > 0; --n) hits += found[k++];
    if (hits > best_hits) {
      best = s.id, best_hits = hits, tie = false;
    } else if (hits == best_hits && hits > 0) {
      tie = true;
    }
  }
  return tie ? "" : best;
}

}  // namespace ogicheck
