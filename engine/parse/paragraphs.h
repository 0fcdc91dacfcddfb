// Paragraph splitting: line breaks and runs of ideographic spaces (U+3000) end a paragraph.
// Crawled Hebei pages are one line with "　　" before each paragraph, so both count.
#pragma once

#include <string_view>
#include <vector>

#include "ogicheck/document.h"

namespace ogicheck::parse {

// Splits `text` into paragraphs, trimmed of blanks, empty ones dropped. Paragraphs are also cut
// at the borders of `table_regions` (sorted, non-overlapping), and the parts inside a region are
// marked in_table, so prose and headings never run into a table and a heading right after a
// table starts its own paragraph.
std::vector<Paragraph> SplitParagraphs(std::string_view text,
                                       const std::vector<Span>& table_regions);

}  // namespace ogicheck::parse
