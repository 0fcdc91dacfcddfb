// UTF-8 scan and repair; see utf8_scan.h.
#include "ingest/utf8_scan.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include "text/three_byte_run.h"

namespace ogicheck::ingest {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Length of the run of ASCII bytes at p[i..n), checked eight bytes at a time.
size_t AsciiRun(const unsigned char* p, size_t i, size_t n) {
  const size_t start = i;
  while (i + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    if (word & kHighBits) break;
    i += 8;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i - start;
}

struct Sequence {
  size_t length = 0;    // bytes consumed: the whole sequence, or its maximal ill-formed subpart
  bool ok = false;      // well-formed
  bool at_end = false;  // ill-formed only because the input ended
};

// Decodes the non-ASCII sequence starting at p[i] (p[i] >= 0x80).
Sequence NextSequence(const unsigned char* p, size_t i, size_t n) {
  const unsigned char lead = p[i];
  size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lo = 0xA0;  // no overlongs
    if (lead == 0xED) hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lo = 0x90;  // no overlongs
    if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return {1, false, false};  // continuation byte, C0, C1 or F5..FF
  }
  for (size_t k = 1; k < length; ++k) {
    if (i + k >= n) return {k, false, true};
    const unsigned char b = p[i + k];
    const bool in_range = (k == 1) ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!in_range) return {k, false, false};
  }
  return {length, true, false};
}

}  // namespace

Utf8Scan ScanUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  Utf8Scan scan;
  size_t i = 0;
  while (i < n) {
    const unsigned char lead = p[i];
    if (lead < 0x80) {
      // An ASCII run, eight bytes at a time up to the first non-ASCII byte. Reports mix short
      // ASCII runs (numbers) into CJK text, so the run ends where the word says, not a byte at a
      // time after it.
      ++i;
      while (i + 8 <= n) {
        uint64_t word;
        std::memcpy(&word, p + i, 8);
        const uint64_t high = word & kHighBits;
        if (high != 0) {
          if constexpr (std::endian::native == std::endian::little)
            i += static_cast<size_t>(__builtin_ctzll(high)) / 8;
          break;
        }
        i += 8;
      }
      continue;
    }
    // The common case, CJK characters (leads E1..EC, EE, EF: no overlong or surrogate forms to
    // rule out), two at a time.
    static constexpr uint16_t kLeads =
        text::ThreeByteLeads({0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB,
                              0xEC, 0xEE, 0xEF});
    if (const size_t run = text::ThreeByteRun<kLeads>(p + i, n - i)) {
      scan.multibyte += run / 3;
      i += run;
      continue;
    }
    const Sequence seq = NextSequence(p, i, n);
    if (seq.ok) {
      ++scan.multibyte;
    } else if (seq.at_end) {
      scan.truncated_tail = true;
    } else {
      ++scan.invalid;
    }
    i += seq.length;
  }
  return scan;
}

void RepairUtf8(std::string_view s, std::string* out) {
  static constexpr char kReplacement[] = "\xEF\xBF\xBD";
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  out->clear();
  out->reserve(n + 16);
  size_t run_start = 0;  // start of the well-formed run not yet copied
  size_t i = 0;
  while (i < n) {
    i += AsciiRun(p, i, n);
    if (i >= n) break;
    const Sequence seq = NextSequence(p, i, n);
    if (!seq.ok) {
      out->append(s.data() + run_start, i - run_start);
      out->append(kReplacement, 3);
      run_start = i + seq.length;
    }
    i += seq.length;
  }
  out->append(s.data() + run_start, n - run_start);
}

}  // namespace ogicheck::ingest
