// FindAnyByte (eight bytes at a time) must find exactly what a byte-by-byte search finds.
#include "text/byte_scan.h"

#include <doctest/doctest.h>

#include <string>

namespace ogicheck {
namespace {

size_t Slow(std::string_view s, size_t from, size_t to, const unsigned char (&bytes)[3]) {
  for (size_t i = from; i < to && i < s.size(); ++i)
    for (unsigned char b : bytes)
      if (static_cast<unsigned char>(s[i]) == b) return i;
  return std::min(to, s.size());
}

TEST_CASE("FindAnyByte finds the first of the given bytes, as a byte-by-byte search does") {
  static constexpr unsigned char kBytes[] = {'\n', 0xE3, 0x01};
  const std::string text = "第一段\n　　第二段，共3件。\x01\x02\xE3\x80\x80";
  CHECK(text::FindAnyByte(text, 0, text.size(), kBytes) == 9);  // the line break
  CHECK(text::FindAnyByte(text, 10, text.size(), kBytes) == 10);  // U+3000 starts with E3
  CHECK(text::FindAnyByte(text, 0, 5, kBytes) == 5);             // none before `to`
  CHECK(text::FindAnyByte(text, 0, 1000, kBytes) == 9);          // `to` past the end
  // Bytes one above a target (0x02, 0x0B, 0xE4) next to it: the word trick's borrows must not
  // move the first match.
  const std::string tricky = std::string("\x02\x0B\xE4\x02\x0B\x01\x0A\xE4", 8) + "abc";
  CHECK(text::FindAnyByte(tricky, 0, tricky.size(), kBytes) == 5);
  uint32_t seed = 7;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  const unsigned char pool[] = {'\n', 0x0B, 0x09, 0xE3, 0xE2, 0xE4, 0x01, 0x00, 0x02, 'a', 0x80};
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    for (int k = next() % 40; k > 0; --k) s.push_back(static_cast<char>(pool[next() % sizeof pool]));
    const size_t from = s.empty() ? 0 : next() % s.size();
    const size_t to = from + next() % (s.size() + 3 - from);
    CAPTURE(round);
    CHECK(text::FindAnyByte(s, from, to, kBytes) == Slow(s, from, to, kBytes));
  }
}

}  // namespace
}  // namespace ogicheck
