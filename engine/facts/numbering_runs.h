// Numbered lists as the text prints them, and their defects: a gap (1、2、3、4、6) or a sub-list
// that starts again at 1 with no new heading above it. Read from paragraph starts of the text
// itself (lines, or runs of ideographic spaces in crawled pages that lost their line breaks), so
// that it also works where the parse stage merged or missed headings.
#pragma once

#include <string>
#include <vector>

#include "ogicheck/source_text.h"

namespace ogicheck::facts {

enum class NumberingDefectKind { kGap, kRestart };

struct NumberingDefect {
  NumberingDefectKind kind = NumberingDefectKind::kGap;
  std::string previous;  // marker of the item before, as printed: "4."
  std::string marker;    // this item's marker: "6."
  int expected = 0;      // the number that should have come (5; 6 for a restart after 5)
  std::string heading;   // the heading the list stands under, "" if none seen
  Span span;             // the marker
};

std::vector<NumberingDefect> FindNumberingDefects(std::string_view text);

}  // namespace ogicheck::facts
