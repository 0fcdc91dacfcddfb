// Heading numbering: 一、 / (一) / 1. or 1、 / (1) / 一是, with fixed ranks 1..5.
#pragma once

#include <optional>
#include <string_view>

#include "ogicheck/document.h"

namespace ogicheck::parse {

struct Numbering {
  NumberingStyle style = NumberingStyle::kNone;
  int number = 0;
  size_t begin = 0;
  size_t end = 0;  // byte offset after the numbering (after 、 . ) or 是)
};

// Rank of a style in the heading hierarchy: 一、=1, (一)=2, 1.=3, (1)=4, 一是=5.
int RankOf(NumberingStyle style);

// False for a code point no numbering starts with ('(', an ASCII digit, 一…九 or 十), so that
// scanners can skip MatchNumbering for it.
inline bool MayStartNumbering(char32_t cp) {
  switch (cp) {
    case U'(': case U'0': case U'1': case U'2': case U'3': case U'4': case U'5': case U'6':
    case U'7': case U'8': case U'9': case U'一': case U'二': case U'三': case U'四': case U'五':
    case U'六': case U'七': case U'八': case U'九': case U'十':
      return true;
    default:
      return false;
  }
}

// Matches a numbering at text[pos] (pos < limit). `line_start` allows the one repair the parser
// makes: "三)" at the start of a paragraph is a (三) whose opening bracket was lost.
std::optional<Numbering> MatchNumbering(std::string_view text, size_t pos, size_t limit,
                                        bool line_start);

}  // namespace ogicheck::parse
