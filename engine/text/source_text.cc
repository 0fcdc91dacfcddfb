// Width normalisation with a position map back to the original (see source_text.h).
#include "ogicheck/source_text.h"

#include <algorithm>

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

}  // namespace

SourceText SourceText::FromUtf8(std::string_view original) {
  SourceText st;
  st.original_.assign(original);
  st.original_size_ = original.size();
  st.text_.reserve(original.size());
  st.original_offset_.reserve(original.size() + 1);
  st.line_starts_.push_back(0);

  // Column marks (see column_marks_): the loop below steps one original code point at a time,
  // the same steps utf8::Length takes, so `column` counts code points since the line start.
  uint32_t column = 0;
  size_t next_mark = kColumnMarkEvery;
  for (size_t i = 0; i < original.size();) {
    const size_t start = i;
    if (start == st.line_starts_.back()) column = 0;
    if (start >= next_mark) {
      st.column_marks_.emplace_back(static_cast<uint32_t>(start), column);
      next_mark = start + kColumnMarkEvery;
    }
    ++column;
    const unsigned char byte = static_cast<unsigned char>(original[i]);
    // Fast path: printable ASCII and TAB are kept as they are (most of the digits and markup).
    if (byte >= 0x20 && byte < 0x7F) {
      st.text_.push_back(static_cast<char>(byte));
      st.original_offset_.push_back(static_cast<uint32_t>(start));
      ++i;
      continue;
    }
    char32_t cp = utf8::Next(original, &i);
    if (cp == U'\n') st.line_starts_.push_back(static_cast<uint32_t>(i));
    if (cp == U'\r') {
      // CR LF and lone CR both end a line; emit one LF.
      if (i < original.size() && original[i] == '\n') ++i;
      st.line_starts_.push_back(static_cast<uint32_t>(i));
      cp = U'\n';
    } else if (cp < 0x20 && cp != U'\t' && cp != U'\n') {
      continue;  // NUL and other control characters carry no text
    }
    cp = NormaliseCodePoint(cp);
    if (cp == 0) continue;
    const size_t before = st.text_.size();
    utf8::Append(cp, &st.text_);
    for (size_t k = before; k < st.text_.size(); ++k)
      st.original_offset_.push_back(static_cast<uint32_t>(start));
  }
  st.original_offset_.push_back(static_cast<uint32_t>(original.size()));
  return st;
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
