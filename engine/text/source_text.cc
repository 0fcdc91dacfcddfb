// Width normalisation with a position map back to the original (see source_text.h).
#include "ogicheck/source_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

#include "text/three_byte_run.h"
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

// How the copy loop of FromUtf8 treats a lead byte: printable ASCII (and TAB, DEL) is copied, and
// so is LF, which also starts a line (one in every line of a report: the general path for it
// split the copied runs and cost a tenth of FromUtf8);
// E1, E3..EC and EE start three-byte sequences that are copied whenever they are well-formed (no
// overlong or surrogate forms there, nothing normalisation changes), measured in runs by
// text::ThreeByteRun; E0, E2 (U+200B is dropped), ED and EF need
// KeptThreeByteSequence; everything else (controls, LF, CR, two- and four-byte sequences,
// invalid bytes) takes the general path. One table load replaced a chain of range checks.
enum LeadKind : unsigned char { kGeneral, kAscii, kLineFeed, kThreeByte, kThreeByteChecked };

constexpr std::array<LeadKind, 256> kLeadKinds = [] {
  std::array<LeadKind, 256> kinds{};
  for (int b = 0x20; b < 0x80; ++b) kinds[b] = kAscii;
  kinds['\t'] = kAscii;
  kinds['\n'] = kLineFeed;
  for (int b = 0xE0; b < 0xF0; ++b) kinds[b] = kThreeByte;
  kinds[0xE0] = kinds[0xE2] = kinds[0xED] = kinds[0xEF] = kThreeByteChecked;
  return kinds;
}();

constexpr uint16_t kThreeByteLeads = text::ThreeByteLeads(
    {0xE1, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xEE});

inline bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

SourceText SourceText::FromUtf8(std::string_view original) {
  return FromOwnedUtf8(std::string(original));
}

SourceText SourceText::FromOwnedUtf8(std::string owned) {
  SourceText st;
  st.original_ = std::move(owned);
  const std::string_view original = st.original_;
  st.original_size_ = original.size();
  const size_t n = original.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(original.data());
  // Normalisation only shrinks the text, except that an invalid byte becomes U+FFFD (three
  // bytes); `reserve` grows the buffer for that rare case.
  std::string& out = st.text_;
  out.resize(n);
  size_t w = 0;
  auto reserve = [&](size_t extra) {
    if (w + extra > out.size()) out.resize(std::max(out.size() * 2, w + extra));
  };
  st.line_starts_.push_back(0);
  st.anchors_.push_back({0, 0, true});
  bool copying = true;  // whether the last anchor is a copied run

  // The loop steps one original code point at a time (CR LF is one step), the same steps
  // utf8::Length takes, so `column` counts code points since the line start; the column marks
  // (see column_marks_) are taken at step boundaries.
  uint32_t column = 0;
  size_t next_mark = kColumnMarkEvery;
  size_t i = 0;
  while (i < n) {
    // Fast path: a run of code points copied as they are, found step by step and then copied in
    // one go, with only the column counted per step.
    const size_t run_start = i;
    for (;;) {
      if (i >= next_mark) {
        st.column_marks_.emplace_back(static_cast<uint32_t>(i), column);
        next_mark = i + kColumnMarkEvery;
      }
      if (i >= n) break;
      const LeadKind kind = kLeadKinds[bytes[i]];
      if (kind == kAscii) {
        ++i;
        ++column;
      } else if (kind == kLineFeed) {
        st.line_starts_.push_back(static_cast<uint32_t>(++i));
        column = 0;
      } else if (kind == kThreeByte) {
        const size_t run = text::ThreeByteRun<kThreeByteLeads>(bytes + i, n - i);
        if (run == 0) break;
        // Every step of the run is three bytes, so the marks inside it follow from its start.
        // (next_mark > i here: the check above moved it past i.)
        for (size_t at; (at = i + (next_mark - i + 2) / 3 * 3) < i + run;) {
          st.column_marks_.emplace_back(static_cast<uint32_t>(at), column + (at - i) / 3);
          next_mark = at + kColumnMarkEvery;
        }
        i += run;
        column += static_cast<uint32_t>(run / 3);
      } else if (kind == kThreeByteChecked && n - i >= 3 && KeptThreeByteSequence(bytes + i)) {
        i += 3;
        ++column;
      } else {
        break;
      }
    }
    if (i > run_start) {
      if (!copying) st.anchors_.push_back({static_cast<uint32_t>(w), static_cast<uint32_t>(run_start), true});
      copying = true;
      reserve(i - run_start);
      std::memcpy(out.data() + w, bytes + run_start, i - run_start);
      w += i - run_start;
    }
    if (i >= n) break;

    // General path: one code point (or CR LF) decoded and normalised.
    const size_t start = i;
    const char32_t cp = NextNormalised(original, &i);
    ++column;
    if (cp == U'\n') {
      st.line_starts_.push_back(static_cast<uint32_t>(i));
      column = 0;
    }
    char encoded[4];
    const size_t length = cp == 0 ? 0 : utf8::Encode(cp, encoded);
    // A code point that comes out as it went in (two- and four-byte characters) continues a
    // copied run; anything else gets an anchor of its own.
    const bool copied = length == i - start && std::memcmp(encoded, bytes + start, length) == 0;
    if (!copied || !copying)
      st.anchors_.push_back({static_cast<uint32_t>(w), static_cast<uint32_t>(start), copied});
    copying = copied;
    reserve(length);
    std::memcpy(out.data() + w, encoded, length);
    w += length;
  }
  out.resize(w);
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

uint32_t SourceText::OriginalOffset(uint32_t offset) const {
  if (offset >= text_.size()) return static_cast<uint32_t>(original_size_);
  // The anchor that produced text_[offset]: the last one at or before it (anchors of dropped
  // code points share their offset with the next anchor and come before it).
  const auto anchor = std::prev(std::upper_bound(
      anchors_.begin(), anchors_.end(), offset,
      [](uint32_t off, const Anchor& a) { return off < a.text; }));
  if (!anchor->copied) return anchor->original;
  // In a copied run the original byte is at the same distance from the anchor; back up to the
  // start of its code point.
  uint32_t at = anchor->original + (offset - anchor->text);
  while (at > anchor->original && IsContinuationByte(original_[at])) --at;
  return at;
}

SourcePos SourceText::PosOf(uint32_t offset) const {
  SourcePos pos;
  if (anchors_.empty()) {
    pos.line = 1, pos.column = 1;
    return pos;
  }
  offset = std::min<uint32_t>(offset, text_.size());
  const uint32_t orig = OriginalOffset(offset);
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
  // The first text offset whose OriginalOffset is original_offset or later.
  if (anchors_.empty() || original_offset > original_size_) return static_cast<uint32_t>(text_.size());
  const auto anchor = std::prev(std::upper_bound(
      anchors_.begin(), anchors_.end(), original_offset,
      [](uint32_t off, const Anchor& a) { return off < a.original; }));
  const auto next = std::next(anchor);
  const uint32_t next_text = next == anchors_.end() ? text_.size() : next->text;
  const uint32_t next_original = next == anchors_.end() ? original_size_ : next->original;
  if (!anchor->copied) return original_offset == anchor->original ? anchor->text : next_text;
  // Inside a code point of a copied run: the next code point.
  uint32_t at = original_offset;
  while (at < next_original && IsContinuationByte(original_[at])) ++at;
  return anchor->text + (at - anchor->original);
}

void SourceText::AddPageStart(uint32_t offset, uint32_t page) { pages_.emplace_back(offset, page); }

void SourceText::AddElementStart(uint32_t offset, std::string element_path) {
  elements_.emplace_back(offset, std::move(element_path));
}

}  // namespace ogicheck
