// Skipping ahead to the next code point a parse scanner cares about. FindProseNumbers and
// FindHeadings used to decode every code point of the prose (At(), a switch per character) to
// find the few that matter, which was over half of their instructions; these land on exactly the
// code points that loop would have stopped at (tests/unit/char_scan_test.cc checks them against
// it), but look at lead bytes and byte pairs instead of decoding.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

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

}  // namespace char_scan_detail

// The first code point at or after `pos` (a code point start), stepping as At() does, that is an
// ASCII digit or a Chinese numeral character (IsChineseNumeralChar); `limit` when there is none
// before it. Well-formed 3-byte sequences with lead bytes E1-EC, EE, EF (never overlong, never a
// surrogate: all of CJK) are judged by their first two bytes; anything else goes through At().
inline size_t NextNumberStart(std::string_view text, size_t pos, size_t limit) {
  using char_scan_detail::kNumeralPairs;
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
  static constexpr unsigned char kFirstBytes[] = {';', '!', '?', ':', 0xE3, 0xEF};
  while ((pos = text::FindAnyByte(text, pos, limit, kFirstBytes)) < limit) {
    const CodePoint c = At(text, pos);
    if (IsSentenceEnd(c.cp)) return pos;
    pos += c.len;
  }
  return limit;
}

}  // namespace ogicheck::parse
