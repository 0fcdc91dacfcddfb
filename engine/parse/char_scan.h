// Skipping ahead to the next code point a parse scanner cares about. FindProseNumbers and
// FindHeadings used to decode every code point of the prose (At(), a switch per character) to
// find the few that matter, which was over half of their instructions; these land on exactly the
// code points that loop would have stopped at (tests/unit/char_scan_test.cc checks them against
// it), but look at lead bytes and byte pairs instead of decoding.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "parse/chinese_numerals.h"
#include "text/byte_scan.h"

namespace ogicheck::parse {

namespace char_scan_detail {

// Bit (b1 & 0x3F) of kNumeralPairs[b0 & 0x0F] is set when a 3-byte sequence b0 b1 .. may be a
// Chinese numeral character (IsChineseNumeralChar): 〇 E3 80, 一两三七万 E4 B8, 九 E4 B9,
// 二五亿 E4 BA, 六八 E5 85, 十千 E5 8D, 四 E5 9B, 百 E7 99, 零 E9 9B.
constexpr uint64_t PairBit(unsigned b1) { return uint64_t{1} << (b1 & 0x3F); }
inline constexpr uint64_t kNumeralPairs[16] = {
    0, 0, 0,
    PairBit(0x80),                                    // E3
    PairBit(0xB8) | PairBit(0xB9) | PairBit(0xBA),    // E4
    PairBit(0x85) | PairBit(0x8D) | PairBit(0x9B),    // E5
    0,
    PairBit(0x99),                                    // E7
    0,
    PairBit(0x9B),                                    // E9
    0, 0, 0, 0, 0, 0};

#if defined(__SSE2__)
// Bit k set when p[k] is an ASCII digit or p[k], p[k + 1] is the lead and second byte of a
// Chinese numeral character (the pairs above). Reads p[0, 17).
inline uint32_t NumberStartMask16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  auto eq = [](__m128i x, int b) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(b))); };
  const __m128i digit = _mm_cmpeq_epi8(
      _mm_subs_epu8(_mm_sub_epi8(v, _mm_set1_epi8('0')), _mm_set1_epi8(9)), _mm_setzero_si128());
  const __m128i w9b = eq(w, 0x9B);
  __m128i pair = _mm_and_si128(eq(v, 0xE3), eq(w, 0x80));
  const __m128i after_e4 = _mm_or_si128(_mm_or_si128(eq(w, 0xB8), eq(w, 0xB9)), eq(w, 0xBA));
  const __m128i after_e5 = _mm_or_si128(_mm_or_si128(eq(w, 0x85), eq(w, 0x8D)), w9b);
  pair = _mm_or_si128(pair, _mm_and_si128(eq(v, 0xE4), after_e4));
  pair = _mm_or_si128(pair, _mm_and_si128(eq(v, 0xE5), after_e5));
  pair = _mm_or_si128(pair, _mm_and_si128(eq(v, 0xE7), eq(w, 0x99)));
  pair = _mm_or_si128(pair, _mm_and_si128(eq(v, 0xE9), w9b));
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(digit, pair)));
}

// Bit k set when a sentence end (IsSentenceEnd) starts at p[k]: ASCII ; ! ? :, 。 (E3 80 82),
// ；！？： (EF BC 9B / 81 / 9F / 9A). Reads p[0, 18). The whole sequence is compared: a lead
// byte alone stopped at every 、 and ，, which are as common as the characters around them.
inline uint32_t SentenceEndMask16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
  auto eq = [](__m128i a, int b) { return _mm_cmpeq_epi8(a, _mm_set1_epi8(static_cast<char>(b))); };
  const __m128i ascii =
      _mm_or_si128(_mm_or_si128(eq(v, ';'), eq(v, '!')), _mm_or_si128(eq(v, '?'), eq(v, ':')));
  const __m128i full_stop = _mm_and_si128(_mm_and_si128(eq(v, 0xE3), eq(w, 0x80)), eq(x, 0x82));
  const __m128i full_width_third =
      _mm_or_si128(_mm_or_si128(eq(x, 0x9B), eq(x, 0x81)), _mm_or_si128(eq(x, 0x9F), eq(x, 0x9A)));
  const __m128i full_width =
      _mm_and_si128(_mm_and_si128(eq(v, 0xEF), eq(w, 0xBC)), full_width_third);
  return static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_or_si128(ascii, _mm_or_si128(full_stop, full_width))));
}
#endif

}  // namespace char_scan_detail

// The first code point at or after `pos` (a code point start), stepping as At() does, that is an
// ASCII digit or a Chinese numeral character (IsChineseNumeralChar); `limit` when there is none
// before it. Such a code point starts with an ASCII digit or a lead byte, and At() stepping stops
// at every ASCII byte and every lead byte (a decoding error advances one byte, a well-formed
// sequence holds only continuation bytes), so the bytes can be searched for directly: sixteen
// at a time with SSE2, each hit confirmed by decoding it.
inline size_t NextNumberStart(std::string_view text, size_t pos, size_t limit) {
  using char_scan_detail::kNumeralPairs;
#if defined(__SSE2__)
  for (; pos < limit && pos + 17 <= text.size(); pos += 16) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    for (uint32_t mask = char_scan_detail::NumberStartMask16(text.data() + pos); mask;) {
      const size_t at = pos + static_cast<size_t>(__builtin_ctz(mask));
      if (at >= limit) return limit;
      if (s[at] < 0x80) return at;  // an ASCII digit
      // A numeral's lead and second byte (E3..E9, never overlong or a surrogate); as At() reads
      // it: a character when the third byte continues it, else a one-byte decoding error. Many
      // hits are not numerals (不上中 share 一's first two bytes), so this is decoded inline.
      size_t len = 1;
      if ((s[at + 2] & 0xC0) == 0x80) {
        const char32_t cp =
            ((s[at] & 0x0Fu) << 12) | ((s[at + 1] & 0x3Fu) << 6) | (s[at + 2] & 0x3Fu);
        if (IsChineseNumeralChar(cp)) return at;
        len = 3;
      }
      const size_t next = at + len - pos;  // bits before it are inside this character
      mask = next >= 16 ? 0 : mask & (~uint32_t{0} << next);
    }
  }
  // The last bytes, and the rest of a 3-byte sequence the blocks ended inside: a continuation
  // byte decodes as a one-byte error below, as At() would step over it.
#endif
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  while (pos < limit) {
    const unsigned b0 = s[pos];
    if (b0 < 0x80) {
      if (b0 - '0' < 10u) return pos;
      ++pos;
      continue;
    }
    if (b0 - 0xE1u <= 0xEFu - 0xE1u && b0 != 0xED && pos + 2 < size) {
      uint16_t tail;
      std::memcpy(&tail, s + pos + 1, 2);
      if ((tail & 0xC0C0) == 0x8080) {  // both continuation bytes, whatever the byte order
        if ((kNumeralPairs[b0 & 0x0F] >> (s[pos + 1] & 0x3F)) & 1) {
          if (IsChineseNumeralChar(At(text, pos).cp)) return pos;
        }
        pos += 3;
        continue;
      }
    }
    const CodePoint c = At(text, pos);
    if (IsChineseNumeralChar(c.cp)) return pos;
    pos += c.len;
  }
  return limit;
}

// Sentence ends for headings: 。；！？： and ASCII ; ! ? :.
inline bool IsSentenceEnd(char32_t cp) {
  switch (cp) {
    case U'。':
    case U'；':
    case U'！':
    case U'？':
    case U'：':
    case U';':
    case U'!':
    case U'?':
    case U':':
      return true;
    default:
      return false;
  }
}

// The first code point at or after `pos` (a code point start) that IsSentenceEnd, or `limit`.
// Every such code point starts with one of the bytes below (。 is E3 80 82, the full-width marks
// EF BC xx); an ASCII byte or a lead byte is always where At() stepping stops (a decoding error
// advances one byte, a well-formed sequence holds only continuation bytes), so searching for the
// bytes finds the same code points.
inline size_t NextSentenceEnd(std::string_view text, size_t pos, size_t limit) {
#if defined(__SSE2__)
  for (; pos < limit && pos + 18 <= text.size(); pos += 16) {
    for (uint32_t mask = char_scan_detail::SentenceEndMask16(text.data() + pos); mask;
         mask &= mask - 1) {
      const size_t at = pos + static_cast<size_t>(__builtin_ctz(mask));
      if (at >= limit) return limit;
      if (IsSentenceEnd(At(text, at).cp)) return at;  // always: the bytes are the character
    }
  }
  // The last bytes, and the rest of a character the blocks ended inside: a continuation byte is
  // none of the bytes below, so the search steps over it as At() would.
#endif
  static constexpr unsigned char kFirstBytes[] = {';', '!', '?', ':', 0xE3, 0xEF};
  while ((pos = text::FindAnyByte(text, pos, limit, kFirstBytes)) < limit) {
    const CodePoint c = At(text, pos);
    if (IsSentenceEnd(c.cp)) return pos;
    pos += c.len;
  }
  return limit;
}

}  // namespace ogicheck::parse
