// FindAnyByte and FindDigitOrAnyByte (sixteen bytes at a time) must find exactly what a
// byte-by-byte search finds, and FindBytes what std::string_view::find finds.
#include "text/byte_scan.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

TEST_CASE("FindDigitOrAnyByte also stops at ASCII digits, wherever they sit in a block") {
  static constexpr unsigned char kBytes[] = {',', 0xEF};
  auto slow = [](std::string_view s, size_t from, size_t to) {
    for (size_t i = from; i < to && i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if ((c >= '0' && c <= '9') || c == ',' || c == 0xEF) return i;
    }
    return std::min(to, s.size());
  };
  const std::string text = "政府信息公开申请共计12件，";
  CHECK(text::FindDigitOrAnyByte(text, 0, text.size(), kBytes) == 30);  // the 1 of 12
  CHECK(text::FindDigitOrAnyByte(text, 32, text.size(), kBytes) == 35);  // ， starts with EF
  // Bytes next to the digit range ('/' ':' and high bytes that are negative as signed chars).
  uint32_t seed = 11;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  const unsigned char pool[] = {'/', ':', '0', '9', '5', ',', 0xEF, 0xB0, 0xB9, 0x80, 0xFF, 'a', 0x00};
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (int k = next() % 70; k > 0; --k) s.push_back(static_cast<char>(pool[next() % sizeof pool]));
    const size_t from = s.empty() ? 0 : next() % s.size();
    const size_t to = from + next() % (s.size() + 3 - from);
    CAPTURE(round);
    CHECK(text::FindDigitOrAnyByte(s, from, to, kBytes) == slow(s, from, to));
  }
}

TEST_CASE("FindBytes finds what std::string_view::find finds") {
  const std::string text = "收到申请12件，其中当面申请3件；其中网络申请9件";
  for (std::string_view needle : {"其中", "申请", "件；", "没有", "", "收到申请12件，其中当面申请3件；其中网络申请9件！"})
    for (size_t from = 0; from <= text.size() + 1; ++from)
      CHECK(text::FindBytes(text, needle, from) == std::string_view(text).find(needle, from));
}

// FindBytes tests sixteen positions at once on the needle's first and last bytes (SSE2): random
// text over a small alphabet of CJK labels and their bytes makes near misses common.
TEST_CASE("FindBytes finds what find() finds, also among near misses and at block edges") {
  uint32_t seed = 17;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  const std::vector<std::string> pieces = {"本年", "新收", "数量", "本", "年", "量", "a", "b",
                                           "\xE6", "\x9C", "\xAC", "1", "2", "(", ")"};
  for (int round = 0; round < 4000; ++round) {
    std::string s, needle;
    for (int k = static_cast<int>((next() >> 8) % 60); k > 0; --k)
      s += pieces[(next() >> 8) % pieces.size()];
    for (int k = static_cast<int>((next() >> 8) % 5); k > 0; --k)
      needle += pieces[(next() >> 8) % pieces.size()];
    const size_t from = (next() >> 8) % (s.size() + 2);
    CAPTURE(round);
    CAPTURE(s);
    CAPTURE(needle);
    CHECK(text::FindBytes(s, needle, from) == std::string_view(s).find(needle, from));
  }
}

}  // namespace
}  // namespace ogicheck
