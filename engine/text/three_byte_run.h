// Runs of three-byte UTF-8 sequences (CJK text is nearly all of them), measured sixteen bytes at
// a time: for the UTF-8 scan of encoding detection and SourceText's copy loop.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ogicheck::text {

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

}  // namespace ogicheck::text
