// Width normalisation with a position map back to the original (see source_text.h).
#include "ogicheck/source_text.h"

#include <algorithm>
#include <cstring>

#include "text/utf8.h"

namespace ogicheck {
namespace {

// Full-width forms that become ASCII. CJK punctuation (，；：！？) stays as printed because
// auditors read it and the parser matches on it; digits, letters and brackets become ASCII so
// that numbers and numbering parse the same whatever width the office typed.
char32_t NormaliseCodePoint(char32_t cp) {
  if (cp >= 0xFF10 && cp <= 0xFF19) return cp - 0xFF10 + U'0';
  if (cp >= 0xFF21 && cp <= 0xFF3A) return cp - 0xFF21 + U'A';
  if (cp >= 0xFF41 && cp <= 0xFF5A) return cp - 0xFF41 + U'a';
  switch (cp) {
    case 0xFF08: return U'(';
    case 0xFF09: return U')';
    case 0xFF3B: return U'[';
    case 0xFF3D: return U']';
    case 0xFF5B: return U'{';
    case 0xFF5D: return U'}';
    case 0xFF05: return U'%';
    case 0xFF0B: return U'+';
    case 0xFF0D: return U'-';
    case 0xFF0E: return U'.';
    case 0xFF0F: return U'/';
    case 0xFF1C: return U'<';
    case 0xFF1D: return U'=';
    case 0xFF1E: return U'>';
    case 0x00A0: return U' ';  // no-break space from HTML &nbsp;
    case 0xFEFF: return 0;     // stray BOM / zero-width no-break space
    case 0x200B: return 0;     // zero-width space
    default: return cp;
  }
}

// Reads the code point at s[*i] and returns what the normalised text holds for it: 0 for nothing
// (control characters, zero-width ones), one LF for CR LF, a lone CR or LF.
char32_t NextNormalised(std::string_view s, size_t* i) {
  const char32_t cp = utf8::Next(s, i);
  if (cp == U'\r') {
    if (*i < s.size() && s[*i] == '\n') ++*i;
    return U'\n';
  }
  if (cp < 0x20 && cp != U'\t' && cp != U'\n') return 0;
  return NormaliseCodePoint(cp);
}

// Whether the three bytes at `s` are a well-formed code point that normalisation keeps as printed
// (CJK ideographs and punctuation, kana: nearly all of a report). Decided from the lead byte where
// it can be: only U+200B (E2 80 8B) and some of U+F000–U+FFFF (EF …) change.
inline bool KeptThreeByteSequence(const unsigned char* s) {
  if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return false;
  switch (s[0]) {
    case 0xE0: return s[1] >= 0xA0;  // else overlong
    case 0xED: return s[1] < 0xA0;   // else a surrogate
    case 0xE2: return !(s[1] == 0x80 && s[2] == 0x8B);
    case 0xEF: {
      const char32_t cp = 0xF000 | (char32_t{s[1] & 0x3Fu} << 6) | (s[2] & 0x3Fu);
      return NormaliseCodePoint(cp) == cp;
    }
    default: return s[0] > 0xE0 && s[0] < 0xF0;
  }
}

}  // namespace

SourceText SourceText::FromUtf8(std::string_view original) {
  SourceText st;
  st.original_.assign(original);
  st.original_size_ = original.size();
  const size_t n = original.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(original.data());
  // Written through raw pointers: push_back per byte was a tenth of a whole check. Normalisation
  // only shrinks the text, except that an invalid byte becomes U+FFFD (three bytes); `reserve`
  // grows the buffers for that rare case.
  std::string& out = st.text_;
  std::vector<uint32_t>& map = st.original_offset_;
  out.resize(n);
  map.resize(n + 1);
  char* o = out.data();
  uint32_t* m = map.data();
  size_t w = 0, capacity = n;
  auto reserve = [&](size_t extra) {
    if (w + extra <= capacity) return;
    capacity = std::max(capacity * 2, w + extra);
    out.resize(capacity);
    map.resize(capacity + 1);
    o = out.data();
    m = map.data();
  };
  st.line_starts_.push_back(0);
  uint32_t line_start = 0;

  // Column marks (see column_marks_): the loop below steps one original code point at a time,
  // the same steps utf8::Length takes, so `column` counts code points since the line start.
  uint32_t column = 0;
  size_t next_mark = kColumnMarkEvery;
  for (size_t i = 0; i < n;) {
    const auto start = static_cast<uint32_t>(i);
    if (start == line_start) column = 0;
    if (start >= next_mark) {
      st.column_marks_.emplace_back(start, column);
      next_mark = start + kColumnMarkEvery;
    }
    ++column;
    const unsigned char byte = bytes[i];
    // Fast paths: printable ASCII and TAB, and three-byte sequences kept as printed.
    if ((byte >= 0x20 && byte < 0x7F) || byte == '\t') {
      reserve(1);
      o[w] = static_cast<char>(byte);
      m[w++] = start;
      ++i;
      continue;
    }
    if (i + 2 < n && KeptThreeByteSequence(bytes + i)) {
      reserve(3);
      std::memcpy(o + w, bytes + i, 3);
      m[w] = m[w + 1] = m[w + 2] = start;
      w += 3;
      i += 3;
      continue;
    }
    const char32_t cp = NextNormalised(original, &i);
    if (cp == U'\n') st.line_starts_.push_back(line_start = static_cast<uint32_t>(i));
    if (cp == 0) continue;
    std::string encoded;
    utf8::Append(cp, &encoded);
    reserve(encoded.size());
    for (char c : encoded) {
      o[w] = c;
      m[w++] = start;
    }
  }
  out.resize(w);
  map.resize(w);
  map.push_back(static_cast<uint32_t>(n));
  return st;
}

std::string NormaliseWidth(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();)
    if (const char32_t cp = NextNormalised(utf8, &i)) utf8::Append(cp, &out);
  return out;
}

std::string_view SourceText::Slice(Span span) const {
  const uint32_t end = std::min<uint32_t>(span.end, text_.size());
  const uint32_t begin = std::min(span.begin, end);
  return std::string_view(text_).substr(begin, end - begin);
}

SourcePos SourceText::PosOf(uint32_t offset) const {
  SourcePos pos;
  if (original_offset_.empty()) {
    pos.line = 1, pos.column = 1;
    return pos;
  }
  offset = std::min<uint32_t>(offset, original_offset_.size() - 1);
  const uint32_t orig = original_offset_[offset];
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), orig);
  const size_t line_index = (it - line_starts_.begin()) - 1;
  pos.line = static_cast<uint32_t>(line_index + 1);
  // Count code points from the nearest column mark in this line (a crawled record is one line
  // of 20 KB; counting from the line start made every lookup linear in the line).
  uint32_t base = line_starts_[line_index], base_column = 0;
  auto mark = std::upper_bound(column_marks_.begin(), column_marks_.end(),
                               std::make_pair(orig, UINT32_MAX));
  if (mark != column_marks_.begin() && std::prev(mark)->first >= base) {
    base = std::prev(mark)->first;
    base_column = std::prev(mark)->second;
  }
  pos.column = static_cast<uint32_t>(
      base_column + utf8::Length(std::string_view(original_).substr(base, orig - base)) + 1);
  if (!pages_.empty()) {
    auto p = std::upper_bound(pages_.begin(), pages_.end(), std::make_pair(offset, UINT32_MAX));
    if (p != pages_.begin()) pos.page = std::prev(p)->second;
  }
  if (!elements_.empty()) {
    auto e = std::upper_bound(
        elements_.begin(), elements_.end(), offset,
        [](uint32_t off, const std::pair<uint32_t, std::string>& el) { return off < el.first; });
    if (e != elements_.begin()) pos.element = std::prev(e)->second;
  }
  return pos;
}

uint32_t SourceText::NormalisedOffset(uint32_t original_offset) const {
  // original_offset_ is non-decreasing; its last entry (end of text) is original_size_.
  auto it = std::lower_bound(original_offset_.begin(), original_offset_.end(), original_offset);
  if (it == original_offset_.end()) return static_cast<uint32_t>(text_.size());
  return static_cast<uint32_t>(std::min<size_t>(it - original_offset_.begin(), text_.size()));
}

void SourceText::AddPageStart(uint32_t offset, uint32_t page) { pages_.emplace_back(offset, page); }

void SourceText::AddElementStart(uint32_t offset, std::string element_path) {
  elements_.emplace_back(offset, std::move(element_path));
}

}  // namespace ogicheck
