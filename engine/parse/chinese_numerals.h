// Chinese numerals (一百二十, 两千三百零五, 十五, 二〇一八) and small code-point helpers the parse
// stage shares. Works on UTF-8 byte offsets into the normalised text.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "text/utf8.h"

namespace ogicheck::parse {

// The code point at text[pos] and its byte length (0 at the end of the text).
struct CodePoint {
  char32_t cp = 0;
  uint32_t len = 0;
};
CodePoint AtSlow(std::string_view text, size_t pos);
// Inline fast paths for ASCII and well-formed 3-byte sequences (all of CJK): the scanners call
// this for every code point of the text.
inline CodePoint At(std::string_view text, size_t pos) {
  if (pos >= text.size()) return {};
  const unsigned char b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) return {b0, 1};
  if ((b0 & 0xF0) == 0xE0 && pos + 2 < text.size()) {
    const unsigned char b1 = static_cast<unsigned char>(text[pos + 1]);
    const unsigned char b2 = static_cast<unsigned char>(text[pos + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      const char32_t cp = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3};
    }
  }
  return AtSlow(text, pos);
}
// The code point that ends just before `pos` (0 at the start of the text). Inline: paragraph
// trimming and the scanners ask it for every paragraph and candidate.
inline CodePoint Before(std::string_view text, size_t pos) {
  if (pos == 0 || pos > text.size()) return {};
  size_t start = pos - 1;
  // Walk back over continuation bytes (at most 3).
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  CodePoint c = At(text, start);
  if (start + c.len != pos) return {utf8::kReplacement, 1};
  return c;
}

bool IsChineseDigit(char32_t cp);        // 零〇一二两三四五六七八九
// Digits plus 十百千万亿. Inline: the prose-number scan asks it of every character.
inline bool IsChineseNumeralChar(char32_t cp) {
  switch (cp) {
    case U'零': case U'〇': case U'一': case U'二': case U'两': case U'三': case U'四':
    case U'五': case U'六': case U'七': case U'八': case U'九': case U'十': case U'百':
    case U'千': case U'万': case U'亿':
      return true;
    default:
      return false;
  }
}
inline bool IsAsciiDigit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }
bool IsHan(char32_t cp);  // CJK unified ideographs
// Blank for layout purposes: ASCII space, tab, U+3000, no-break space.
inline bool IsBlank(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == 0x3000 || cp == 0xA0;
}

struct NumeralMatch {
  double value = 0;
  size_t end = 0;  // byte offset after the numeral
};

// Parses the longest Chinese numeral starting at `pos` ("一百二十", "十五", "二〇一八" read digit
// by digit). At most `max_chars` code points are consumed. Returns nullopt when there is none.
std::optional<NumeralMatch> ParseChineseNumeral(std::string_view text, size_t pos,
                                                size_t max_chars = 12);

// Value of a short numbering numeral (一 … 九十九, written with 一…九 and 十) used in headings;
// 0 if `s` is not one.
int SmallChineseNumber(std::string_view s);

}  // namespace ogicheck::parse
