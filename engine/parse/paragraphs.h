// Paragraph splitting: line breaks and runs of ideographic spaces (U+3000) end a paragraph.
// Crawled Hebei pages are one line with "　　" before each paragraph, so both count.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "ogicheck/document.h"

namespace ogicheck::parse {

// Splits `text` into paragraphs, trimmed of blanks, empty ones dropped. Paragraphs are also cut
// at the borders of `table_regions` (sorted, non-overlapping), and the parts inside a region are
// marked in_table, so prose and headings never run into a table and a heading right after a
// table starts its own paragraph. With `max_paragraphs`, only the first that many (the same as
// the first ones of the whole split: the metadata header needs a dozen).
std::vector<Paragraph> SplitParagraphs(std::string_view text,
                                       const std::vector<Span>& table_regions,
                                       size_t max_paragraphs = SIZE_MAX);

// The first line break or U+3000 in [i, end) (a U+3000 must end before `end`), or `end`.
size_t NextParagraphBreak(std::string_view text, size_t i, size_t end);

// Splits paragraphs where a heading starts inside one (flattened pages run every section into
// one line), so that each paragraph belongs to one section. `heading_begins` is sorted.
std::vector<Paragraph> SplitAtHeadings(std::string_view text, std::vector<Paragraph> paragraphs,
                                       const std::vector<uint32_t>& heading_begins);

// True when [end, next) is one line break with blanks only: the paragraph at `next` is the next
// line of the one ending at `end` (a PDF line wrap, when the text is wrapped).
bool IsLineWrap(std::string_view text, size_t end, size_t next);

// Code points in text[begin, end) counted as the bytes that are not UTF-8 continuation bytes
// (end <= text.size()).
size_t CountLeadBytes(std::string_view text, size_t begin, size_t end);

// The common line width, in code points, of text extracted from a PDF (lines wrapped at a fixed
// width, so many long lines are within two characters of it); 0 when the text is not wrapped.
size_t WrapWidth(std::string_view text, const std::vector<Paragraph>& paragraphs);

}  // namespace ogicheck::parse
