// Word-at-a-time byte counts; see byte_counts.h.
#include "ingest/byte_counts.h"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ogicheck::ingest {
namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;
constexpr uint64_t kLows = 0x7F7F7F7F7F7F7F7FULL;

bool IsStrayControl(unsigned char c) {
  return c < 0x20 && !(c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x1B);
}

// The eight bytes at p with byte k of the text in bits 8k..8k+7, whatever the machine's order.
uint64_t LoadWord(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
  return word;
}

// Bit 7 of each byte set exactly where the byte is below 0x20: (b & 0x7F) + 0x60 reaches bit 7
// unless b & 0x7F < 0x20, and no byte carries into the next.
uint64_t BelowSpace(uint64_t word) { return ~((word & kLows) + kOnes * 0x60) & ~word & kHighs; }

// Bit 7 of each byte set exactly where the byte is 0.
uint64_t ZeroBytes(uint64_t word) { return ~(((word & kLows) + kLows) | word) & kHighs; }

}  // namespace

size_t CountStrayControlBytes(std::string_view s) {
  size_t count = 0, i = 0;
  // Only the few words with a byte below 0x20 (mostly a line end) are looked at byte by byte.
  const auto count_marked = [&](size_t base, uint64_t marks, int bits_per_byte) {
    for (; marks != 0; marks &= marks - 1) {
      const size_t k = static_cast<size_t>(std::countr_zero(marks)) / bits_per_byte;
      count += IsStrayControl(static_cast<unsigned char>(s[base + k]));
    }
  };
#if defined(__SSE2__)
  const __m128i max_control = _mm_set1_epi8(0x1F);
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // v <= 0x1F, unsigned: min(v, 0x1F) == v.
    const auto below = static_cast<uint32_t>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, max_control), v)));
    count_marked(i, below, 1);
  }
#endif
  for (; i + 8 <= s.size(); i += 8) count_marked(i, BelowSpace(LoadWord(s.data() + i)), 8);
  for (; i < s.size(); ++i) count += IsStrayControl(static_cast<unsigned char>(s[i]));
  return count;
}

NulCounts CountNulBytes(std::string_view s) {
  NulCounts counts;
  // Text has no NUL at all, which libc's vectorised memchr tells at a fraction of a count's cost.
  if (s.empty() || std::memchr(s.data(), '\0', s.size()) == nullptr) return counts;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    const uint64_t zeros = ZeroBytes(LoadWord(s.data() + i));
    if (zeros == 0) continue;
    counts.even += static_cast<size_t>(std::popcount(zeros & 0x0080008000800080ULL));
    counts.odd += static_cast<size_t>(std::popcount(zeros & 0x8000800080008000ULL));
  }
  for (; i < s.size(); ++i) {
    if (s[i] != '\0') continue;
    (i % 2 == 0 ? counts.even : counts.odd) += 1;
  }
  return counts;
}

}  // namespace ogicheck::ingest
