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

namespace ogicheck {
namespace {

// ThreeByteRun checks two sequences per load; a sequence at a time must give the same length.
size_t SlowThreeByteRun(const std::string& s, uint16_t leads) {
  size_t i = 0;
  while (i + 3 <= s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]),
               b2 = static_cast<unsigned char>(s[i + 2]);
    if (b0 < 0xE0 || b0 > 0xEF || !((leads >> (b0 - 0xE0)) & 1)) break;
    if (b1 < 0x80 || b1 > 0xBF || b2 < 0x80 || b2 > 0xBF) break;
    i += 3;
  }
  return i;
}

TEST_CASE("ThreeByteRun measures the run of three-byte sequences as a sequence-by-sequence loop") {
  static constexpr uint16_t kLeads = text::ThreeByteLeads({0xE1, 0xE4, 0xE5, 0xE6, 0xE7, 0xEF});
  const auto run = [](const std::string& s) {
    return text::ThreeByteRun<kLeads>(reinterpret_cast<const unsigned char*>(s.data()), s.size());
  };
  CHECK(run("") == 0);
  CHECK(run("中文字符") == 12);
  CHECK(run("中文a字") == 6);
  CHECK(run("中文\xE3\x80\x80字") == 6);  // E3 is not in kLeads
  CHECK(run("中文字\xE4\xB8") == 9);      // a cut sequence at the end
  uint32_t seed = 99;
  auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 8; };
  const unsigned char pool[] = {0xE0, 0xE1, 0xE3, 0xE4, 0xE5, 0xEF, 0xF0, 0x80, 0xBF, 0xC0, 0x7F, 'a'};
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    // Mostly well-formed sequences, so that runs get long, with a stray byte now and then.
    for (int k = next() % 30; k > 0; --k) {
      if (next() % 6 == 0) {
        s.push_back(static_cast<char>(pool[next() % sizeof pool]));
      } else {
        s.push_back(static_cast<char>(0xE0 | (next() % 16)));
        s.push_back(static_cast<char>(0x80 | (next() % 64)));
        s.push_back(static_cast<char>(0x80 | (next() % 64)));
      }
    }
    CAPTURE(round);
    CHECK(run(s) == SlowThreeByteRun(s, kLeads));
  }
}

}  // namespace
}  // namespace ogicheck
