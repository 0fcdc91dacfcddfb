// Byte scans eight (or sixteen) bytes at a time. The paragraph and sentence splitters look at
// every byte of a report for a handful of bytes (a line break, the lead byte of 。 or U+3000);
// stepping one byte at a time was a tenth of the parse stage. ThreeByteRun measures runs of CJK
// characters for the UTF-8 scan and SourceText.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ogicheck::text {

// The first offset in s[from, to) whose byte is one of `bytes`, or `to`.
template <size_t N>
size_t FindAnyByte(std::string_view s, size_t from, size_t to, const unsigned char (&bytes)[N]) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  if (to > s.size()) to = s.size();
  size_t i = from;
  for (; i + 8 <= to; i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    uint64_t hits = 0;
    for (unsigned char b : bytes) {
      const uint64_t x = word ^ (kOnes * b);   // a zero byte where the byte is b
      hits |= (x - kOnes) & ~x & kHighs;       // exact for the lowest zero byte
    }
    if (hits) {
      // Little-endian: the lowest set bit is the first match (bits above it may be false hits).
      if constexpr (std::endian::native == std::endian::little)
        return i + static_cast<size_t>(__builtin_ctzll(hits)) / 8;
      break;  // big-endian: finish byte by byte
    }
  }
  for (; i < to; ++i)
    for (unsigned char b : bytes)
      if (static_cast<unsigned char>(s[i]) == b) return i;
  return to;
}

// The lead bytes E0..EF as a set of their low nibbles, for ThreeByteRun.
constexpr uint16_t ThreeByteLeads(std::initializer_list<unsigned char> leads) {
  uint16_t set = 0;
  for (unsigned char lead : leads) set |= static_cast<uint16_t>(1u << (lead & 0x0F));
  return set;
}

// The length (a multiple of 3) of the run of three-byte UTF-8 sequences at the start of
// p[0, available) whose lead bytes are in kLeads (from ThreeByteLeads) and whose two other bytes
// are continuation bytes. CJK text is nearly all such sequences; checking five of them per
// sixteen-byte SSE2 load (or two per eight-byte word), instead of one lead byte and its tail at a
// time, cut the UTF-8 scan and SourceText's copy loop to a third. The caller picks leads for
// which any continuation bytes are well-formed (not E0 or ED, whose second byte is restricted).
template <uint16_t kLeads>
size_t ThreeByteRun(const unsigned char* p, size_t available) {
  size_t i = 0;
#if defined(__SSE2__)
  {
    // Bytes 0..14: lead (E0..EF), continuation, continuation, five times; byte 15 is not looked at.
    const __m128i shape_mask = _mm_setr_epi8(
        char(0xF0), char(0xC0), char(0xC0), char(0xF0), char(0xC0), char(0xC0), char(0xF0),
        char(0xC0), char(0xC0), char(0xF0), char(0xC0), char(0xC0), char(0xF0), char(0xC0),
        char(0xC0), 0);
    const __m128i shape = _mm_setr_epi8(
        char(0xE0), char(0x80), char(0x80), char(0xE0), char(0x80), char(0x80), char(0xE0),
        char(0x80), char(0x80), char(0xE0), char(0x80), char(0x80), char(0xE0), char(0x80),
        char(0x80), 0);
    for (; i + 16 <= available; i += 15) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const int shaped = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, shape_mask), shape));
      // A lead not in kLeads: compare with each E0..EF lead left out (continuation bytes never
      // equal one).
      __m128i excluded = _mm_setzero_si128();
      for (int nibble = 0; nibble < 16; ++nibble) {
        if ((kLeads >> nibble) & 1) continue;
        excluded = _mm_or_si128(excluded, _mm_cmpeq_epi8(v, _mm_set1_epi8(char(0xE0 | nibble))));
      }
      const unsigned bad = (~shaped | _mm_movemask_epi8(excluded)) & 0x7FFF;
      if (bad != 0) {
        // The sequences before the one holding the first bad byte are the rest of the run.
        return i + static_cast<size_t>(std::countr_zero(bad)) / 3 * 3;
      }
    }
  }
#endif
  for (; i + 8 <= available; i += 6) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
    // Bytes 0..5 little-endian: lead, continuation, continuation, twice.
    if ((word & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL) break;
    if (((kLeads >> (word & 0x0F)) & (kLeads >> ((word >> 24) & 0x0F)) & 1) == 0) break;
  }
  for (; i + 3 <= available; i += 3) {
    if ((p[i] & 0xF0) != 0xE0 || ((kLeads >> (p[i] & 0x0F)) & 1) == 0) break;
    if ((p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) break;
  }
  return i;
}

// The first offset >= from where `needle` occurs in `s`, or npos. glibc's memmem skips by byte
// pairs; std::string::find steps from one lead byte to the next, and CJK text is all lead bytes
// (E4-E9), so find() crawled through the table labels and a Horspool searcher was 4x slower.
inline size_t FindBytes(std::string_view s, std::string_view needle, size_t from = 0) {
  if (from > s.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  const void* hit = memmem(s.data() + from, s.size() - from, needle.data(), needle.size());
  return hit ? static_cast<size_t>(static_cast<const char*>(hit) - s.data()) : std::string_view::npos;
}

}  // namespace ogicheck::text
