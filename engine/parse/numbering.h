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

// Matches a numbering at text[pos] (pos < limit). `line_start` allows the one repair the parser
// makes: "三)" at the start of a paragraph is a (三) whose opening bracket was lost.
std::optional<Numbering> MatchNumbering(std::string_view text, size_t pos, size_t limit,
                                        bool line_start);

}  // namespace ogicheck::parse
