// Finding the next of a few given bytes, sixteen bytes at a time (SSE2, which every x86-64 has;
// eight at a time in a word elsewhere). The paragraph and sentence splitters and the number
// tokenizer look at every byte of a report for a handful of bytes (a line break, a digit, the
// lead byte of 。 or U+3000); stepping one byte at a time was a tenth of the parse stage, and
// eight at a time still a few per cent of a check.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ogicheck::text {

namespace internal {

// FindAnyByte's search; with `digits` the ASCII digits count as given bytes too.
template <bool digits, size_t N>
size_t FindBytesOf(std::string_view s, size_t from, size_t to, const unsigned char (&bytes)[N]) {
  if (to > s.size()) to = s.size();
  size_t i = from;
#if defined(__SSE2__)
  // Sixteen bytes a step: one compare per given byte, a mask of the hits, its lowest bit.
  for (; i + 16 <= to; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i hits = _mm_setzero_si128();
    for (unsigned char b : bytes)
      hits = _mm_or_si128(hits, _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(b))));
    if constexpr (digits)  // signed compares: bytes >= 0x80 are negative, never digits
      hits = _mm_or_si128(hits, _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('0' - 1)),
                                              _mm_cmplt_epi8(block, _mm_set1_epi8('9' + 1))));
    if (const int mask = _mm_movemask_epi8(hits)) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#else
  // Eight bytes a step in a word: a zero byte where the byte is b.
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  for (; !digits && i + 8 <= to; i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    uint64_t hits = 0;
    for (unsigned char b : bytes) {
      const uint64_t x = word ^ (kOnes * b);
      hits |= (x - kOnes) & ~x & kHighs;  // exact for the lowest zero byte
    }
    if (hits) {
      // Little-endian: the lowest set bit is the first match (bits above it may be false hits).
      if constexpr (std::endian::native == std::endian::little)
        return i + static_cast<size_t>(__builtin_ctzll(hits)) / 8;
      break;  // big-endian: finish byte by byte
    }
  }
#endif
  for (; i < to; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (digits && c >= '0' && c <= '9') return i;
    for (unsigned char b : bytes)
      if (c == b) return i;
  }
  return to;
}

}  // namespace internal

// The first offset in s[from, to) whose byte is one of `bytes`, or `to`.
template <size_t N>
size_t FindAnyByte(std::string_view s, size_t from, size_t to, const unsigned char (&bytes)[N]) {
  return internal::FindBytesOf<false>(s, from, to, bytes);
}

// The first offset in s[from, to) whose byte is an ASCII digit or one of `bytes`, or `to`.
template <size_t N>
size_t FindDigitOrAnyByte(std::string_view s, size_t from, size_t to,
                          const unsigned char (&bytes)[N]) {
  return internal::FindBytesOf<true>(s, from, to, bytes);
}

// The first offset >= from where `needle` occurs in `s`, or npos. glibc's memmem skips by byte
// pairs; std::string::find steps from one lead byte to the next, and CJK text is all lead bytes
// (E4-E9), so find() crawled through the table labels and a Horspool searcher was 4x slower.
// With SSE2, sixteen candidate positions at a time are tested on the needle's first and last
// bytes together (for a CJK label a lead byte and a continuation byte: few positions pass both)
// and only those are compared in full; memmem does the last few positions. That took the
// detection-key and label searches from about 1.2 to 0.5 instructions per byte.
inline size_t FindBytes(std::string_view s, std::string_view needle, size_t from = 0) {
  if (from > s.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  size_t i = from;
#if defined(__SSE2__)
  const size_t n = needle.size();
  if (n >= 2) {
    const __m128i first = _mm_set1_epi8(needle.front());
    const __m128i last = _mm_set1_epi8(needle.back());
    for (; i + n - 1 + 16 <= s.size(); i += 16) {
      const __m128i at_first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      const __m128i at_last =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i + n - 1));
      for (int mask = _mm_movemask_epi8(
               _mm_and_si128(_mm_cmpeq_epi8(at_first, first), _mm_cmpeq_epi8(at_last, last)));
           mask; mask &= mask - 1) {
        const size_t at = i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
        if (std::memcmp(s.data() + at + 1, needle.data() + 1, n - 2) == 0) return at;
      }
    }
  }
#endif
  const void* hit = memmem(s.data() + i, s.size() - i, needle.data(), needle.size());
  return hit ? static_cast<size_t>(static_cast<const char*>(hit) - s.data()) : std::string_view::npos;
}

}  // namespace ogicheck::text
