// Label search in the compact stream (see labels.h).
#include "tables/labels.h"

#include <algorithm>
#include <string_view>

#include "text/byte_scan.h"

namespace ogicheck::tables {

bool Claims::Overlaps(size_t begin, size_t end) const {
  for (const auto& [b, e] : spans_)
    if (begin < e && b < end) return true;
  return false;
}

size_t FindFree(const Stream& st, const std::string& form, size_t from, size_t to,
                const Claims& claims) {
  // Search only the region: a label missing from a table must not cost a scan of the whole text.
  const std::string_view s = std::string_view(st.str()).substr(0, std::min(to, st.size()));
  if (form.empty() || from >= s.size()) return std::string::npos;
  for (size_t p = text::FindBytes(s, form, from); p != std::string_view::npos;
       p = text::FindBytes(s, form, p + 1))
    if (!claims.Overlaps(p, p + form.size())) return p;
  return std::string::npos;
}

namespace {

bool IsNumberByte(char c) { return (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-'; }

}  // namespace

LabelHit FindInterrupted(const Stream& st, const std::string& form, size_t from, size_t to,
                         const Claims& claims) {
  LabelHit hit;
  const std::string_view s = std::string_view(st.str()).substr(0, std::min(to, st.size()));
  to = s.size();
  const size_t anchor = std::min<size_t>(form.size(), 9);
  if (form.size() <= anchor) return hit;
  const std::string head = form.substr(0, anchor);
  for (size_t p = text::FindBytes(s, head, from); p != std::string_view::npos;
       p = text::FindBytes(s, head, p + 1)) {
    if (claims.Overlaps(p, p + anchor)) continue;
    std::vector<std::pair<size_t, size_t>> parts;
    size_t i = p, k = 0, part_begin = p;
    bool ok = true;
    while (k < form.size()) {
      if (i < to && s[i] == form[k] &&
          !(i > part_begin && st.gap(i) != Gap::kNone && IsNumberByte(s[i]))) {
        ++i, ++k;
        continue;
      }
      // Skip one or more separated number pieces, then continue with the label.
      if (i >= to || st.gap(i) == Gap::kNone || !IsNumberByte(s[i])) {
        ok = false;
        break;
      }
      parts.emplace_back(part_begin, i);
      while (i < to && IsNumberByte(s[i]) && st.gap(i) != Gap::kNone) {
        ++i;
        while (i < to && IsNumberByte(s[i]) && st.gap(i) == Gap::kNone) ++i;
      }
      if (i >= to || st.gap(i) == Gap::kNone) {
        ok = false;
        break;
      }
      part_begin = i;
    }
    if (!ok) continue;
    parts.emplace_back(part_begin, i);
    bool free = true;
    for (const auto& [b, e] : parts) free = free && !claims.Overlaps(b, e);
    if (!free) continue;
    hit.found = true;
    hit.begin = p;
    hit.parts = std::move(parts);
    hit.match = CellMatch::kVariant;
    return hit;
  }
  return hit;
}

}  // namespace ogicheck::tables
