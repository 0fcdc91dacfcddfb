// Paragraph splitting (see paragraphs.h). One linear pass over the text.
#include "parse/paragraphs.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "parse/chinese_numerals.h"

namespace ogicheck::parse {
namespace {

// Appends [begin, end) trimmed of blanks, unless nothing is left.
void AddTrimmed(std::string_view text, size_t begin, size_t end, bool in_table,
                std::vector<Paragraph>* out) {
  while (begin < end) {
    CodePoint c = At(text, begin);
    if (!IsBlank(c.cp) && c.cp != U'\n') break;
    begin += c.len;
  }
  while (end > begin) {
    CodePoint c = Before(text, end);
    if (!IsBlank(c.cp) && c.cp != U'\n') break;
    end -= c.len;
  }
  if (begin < end)
    out->push_back(
        Paragraph{Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)}, in_table});
}

bool IsIdeographicSpace(std::string_view text, size_t i, size_t end) {  // U+3000 is E3 80 80
  return i + 2 < end && static_cast<unsigned char>(text[i]) == 0xE3 &&
         static_cast<unsigned char>(text[i + 1]) == 0x80 &&
         static_cast<unsigned char>(text[i + 2]) == 0x80;
}

}  // namespace

size_t NextParagraphBreak(std::string_view text, size_t i, size_t end) {
#if defined(__SSE2__)
  // Sixteen positions at a time, comparing U+3000 whole: its lead byte E3 alone also starts
  // 、 and 。, and stopping at each of them was most of the split.
  for (; i < end && i + 18 <= text.size(); i += 16) {
    const char* p = text.data() + i;
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
    const __m128i e80 = _mm_set1_epi8(static_cast<char>(0x80));
    const __m128i space = _mm_and_si128(
        _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE3))),
        _mm_and_si128(_mm_cmpeq_epi8(w, e80), _mm_cmpeq_epi8(x, e80)));
    const __m128i breaks = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), space);
    if (const int mask = _mm_movemask_epi8(breaks)) {
      const size_t at = i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
      // A U+3000 that `end` cuts is no break, and nothing after it can be one.
      return at < end && (text[at] == '\n' || at + 2 < end) ? at : end;
    }
  }
#endif
  for (; i < end && i < text.size(); ++i)
    if (text[i] == '\n' || IsIdeographicSpace(text, i, end)) return i;
  return end;
}

namespace {

// Splits [begin, end) on line breaks and U+3000 runs, until `out` holds `max_out` paragraphs.
void SplitRange(std::string_view text, size_t begin, size_t end, bool in_table, size_t max_out,
                std::vector<Paragraph>* out) {
  size_t start = begin;
  size_t i = begin;
  while (out->size() < max_out && (i = NextParagraphBreak(text, i, end)) < end) {
    AddTrimmed(text, start, i, in_table, out);
    i += text[i] == '\n' ? 1 : 3;  // U+3000 is three bytes
    start = i;
  }
  if (out->size() < max_out) AddTrimmed(text, start, end, in_table, out);
}

}  // namespace

std::vector<Paragraph> SplitParagraphs(std::string_view text,
                                       const std::vector<Span>& table_regions,
                                       size_t max_paragraphs) {
  std::vector<Paragraph> out;
  size_t pos = 0;
  for (const Span& r : table_regions) {
    const size_t rb = std::min<size_t>(std::max<size_t>(r.begin, pos), text.size());
    const size_t re = std::min<size_t>(std::max<size_t>(r.end, rb), text.size());
    SplitRange(text, pos, rb, false, max_paragraphs, &out);
    SplitRange(text, rb, re, true, max_paragraphs, &out);
    pos = re;
  }
  SplitRange(text, pos, text.size(), false, max_paragraphs, &out);
  return out;
}

std::vector<Paragraph> SplitAtHeadings(std::string_view text, std::vector<Paragraph> paragraphs,
                                       const std::vector<uint32_t>& heading_begins) {
  std::vector<Paragraph> out;
  out.reserve(paragraphs.size() + heading_begins.size());
  size_t h = 0;
  for (const Paragraph& p : paragraphs) {
    while (h < heading_begins.size() && heading_begins[h] <= p.span.begin) ++h;
    uint32_t begin = p.span.begin;
    for (; h < heading_begins.size() && heading_begins[h] < p.span.end; ++h) {
      AddTrimmed(text, begin, heading_begins[h], p.in_table, &out);
      begin = heading_begins[h];
    }
    AddTrimmed(text, begin, p.span.end, p.in_table, &out);
  }
  return out;
}

bool IsLineWrap(std::string_view text, size_t end, size_t next) {
  int breaks = 0;
  for (size_t i = end; i < next;) {
    CodePoint c = At(text, i);
    if (c.cp == U'\n') {
      ++breaks;
    } else if (!IsBlank(c.cp)) {
      return false;
    }
    i += c.len;
  }
  return breaks == 1;
}

size_t CountLeadBytes(std::string_view text, size_t begin, size_t end) {
  // Sixteen (SSE2) or eight bytes at a time: this runs over every byte of the prose, and byte by
  // byte it was a fifth of the heading search.
  constexpr uint64_t kHighs = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
  size_t n = 0, i = begin;
#if defined(__SSE2__)
  __m128i continuations = _mm_setzero_si128();  // two 64-bit sums
  for (; i + 16 <= end; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // 0x80..0xBF are the signed bytes below -64.
    const __m128i flags = _mm_and_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)), _mm_set1_epi8(1));
    continuations = _mm_add_epi64(continuations, _mm_sad_epu8(flags, _mm_setzero_si128()));
    n += 16;
  }
  uint64_t sums[2];
  std::memcpy(sums, &continuations, sizeof sums);
  n -= sums[0] + sums[1];
#endif
  for (; i + 8 <= end; i += 8) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    const uint64_t continuation = w & ~(w << 1) & kHighs;  // bit 7 set, bit 6 clear
    n += 8 - (((continuation >> 7) * kOnes) >> 56);         // sum of the eight flags
  }
  for (; i < end; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

size_t WrapWidth(std::string_view text, const std::vector<Paragraph>& paragraphs) {
  constexpr size_t kMinLine = 10, kMinWidth = 20, kTolerance = 2, kMaxWidth = 256;
  std::vector<size_t> widths(kMaxWidth + 1, 0);  // code points -> lines (longer ones pooled)
  size_t lines = 0;
  for (const Paragraph& p : paragraphs) {
    const size_t end = std::min<size_t>(p.span.end, text.size());
    const size_t cps = CountLeadBytes(text, p.span.begin, end);
    if (cps < kMinLine) continue;
    ++widths[std::min(cps, kMaxWidth)];
    ++lines;
  }
  size_t mode = 0;
  for (size_t w = 0; w < kMaxWidth; ++w)
    if (widths[w] > widths[mode]) mode = w;
  if (mode < kMinWidth) return 0;
  size_t near = 0;
  for (size_t w = mode - kTolerance; w <= std::min(mode + kTolerance, kMaxWidth); ++w)
    near += widths[w];
  return near * 10 >= lines * 3 ? mode : 0;  // at least 30% of the long lines
}

}  // namespace ogicheck::parse
