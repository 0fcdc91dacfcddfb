// The word-at-a-time byte counts of encoding detection (ingest/byte_counts.h) against byte-by-byte
// counts.
#include "ingest/byte_counts.h"

#include <doctest/doctest.h>

#include <string>

namespace {

using ogicheck::ingest::CountNulBytes;
using ogicheck::ingest::CountStrayControlBytes;

size_t SlowStrayControls(const std::string& s) {
  size_t count = 0;
  for (unsigned char c : s)
    count += c < 0x20 && !(c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x1B);
  return count;
}

}  // namespace

TEST_CASE("CountStrayControlBytes and CountNulBytes count as byte-by-byte loops do") {
  CHECK(CountStrayControlBytes("") == 0);
  CHECK(CountStrayControlBytes(std::string("a\0b\x01\t\n\x1B\x1F\x7F\x80\x81\x9F", 12)) == 3);
  CHECK(CountNulBytes(std::string("a\0\0b\0", 5)).even == 2);
  CHECK(CountNulBytes(std::string("a\0\0b\0", 5)).odd == 1);
  // Controls, their neighbours, and high bytes whose low seven bits look like controls.
  const unsigned char pool[] = {0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1A, 0x1B,
                                0x1F, 0x20, 0x21, 0x7F, 0x80, 0x81, 0x89, 0x8A, 0x9B, 0x9F, 0xA0,
                                0xE4, 0xFF, 'a'};
  uint32_t seed = 5;
  auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 8; };
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (int k = next() % 70; k > 0; --k) s.push_back(static_cast<char>(pool[next() % sizeof pool]));
    CAPTURE(round);
    CHECK(CountStrayControlBytes(s) == SlowStrayControls(s));
    size_t even = 0, odd = 0;
    for (size_t i = 0; i < s.size(); ++i)
      if (s[i] == '\0') ++(i % 2 == 0 ? even : odd);
    CHECK(CountNulBytes(s).even == even);
    CHECK(CountNulBytes(s).odd == odd);
  }
}
