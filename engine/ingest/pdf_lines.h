// PdfLines: turning one page of PDF layout text into report lines. Separate from the reader so
// that the footer rules can be tested without a PDF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ogicheck {

// True for a line that is only a page number as printed in headers and footers: "-3-",
// "— 5 —", "第 3 页", "第3页 共10页", "3/10". A bare "3" counts only when `at_page_edge` (the
// first or last line of the page), since a lone number inside a page can be a table cell.
bool IsPageNumberLine(std::string_view line, bool at_page_edge);

// Splits a page's layout text into lines: drops form feeds and trailing spaces, page-number
// lines, leading and trailing blank lines, and collapses runs of blank lines to one.
std::vector<std::string> PageLines(std::string_view page_text);

}  // namespace ogicheck
