// The text convention shared by the HTML, DOCX and PDF readers, so that one table extractor
// handles them all: paragraphs one per line; a table one row per line with cells separated by
// TAB, spans expanded (a position covered by another cell's rowspan/colspan is an EMPTY field),
// and a blank line before and after each table. The builder also remembers where elements and
// pages start so that SourcePos can carry an element path or a page.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ogicheck/source_text.h"
#include "ogicheck/status.h"

namespace ogicheck {

// One cell as the source states it, before spans are expanded.
struct GridCell {
  std::string text;       // one line: no TAB or LF (CollapseWhitespace makes it so)
  uint32_t row_span = 1;  // clipped to the rows the table has
  uint32_t col_span = 1;
  std::string element;  // element path, e.g. "body/table[2]/tr[5]/td[3]"
};

struct GridRow {
  std::vector<GridCell> cells;
  std::string element;  // element path of the row
};

// Bounds that keep a hostile table (colspan="99999" on every cell) from eating memory.
struct GridLimits {
  uint32_t max_columns = 1000;
  uint64_t max_cells = 200000;
};

// A table with its spans expanded: cells[r][c] indexes into rows[r'].cells of the source cell
// that starts at (r, c), or -1 for a covered or absent position.
struct ExpandedGrid {
  struct Origin {
    int32_t row = -1;
    int32_t cell = -1;
  };
  uint32_t columns = 0;
  std::vector<std::vector<Origin>> cells;
};

// Lays the cells on a grid the way HTML tables do: each cell takes the first column not already
// covered by a rowspan from above. Fails (kTooLarge) when the grid would pass the limits.
Status ExpandGrid(const std::vector<GridRow>& rows, const GridLimits& limits, ExpandedGrid* out);

// Collapses whitespace runs (ASCII whitespace, NBSP, U+3000, U+2000-U+200A) to one space and trims
// both ends. A run that contains a line break and sits between two CJK characters is dropped
// instead: it is a hard wrap (or a paragraph break inside a cell), and Chinese puts no space there.
std::string CollapseWhitespace(std::string_view text);

// Accumulates the UTF-8 text of one report and the marks that go with it.
class ReportTextBuilder {
 public:
  // Appends one paragraph line (must not contain LF; empty lines are skipped).
  void AddLine(std::string_view line, const std::string& element = "");
  // Appends raw text verbatim (PDF pages already come as lines).
  void AddRaw(std::string_view text) { out_.append(text); }
  // Appends a table: a blank line, one line per row, a blank line.
  void AddTable(const std::vector<GridRow>& rows, const ExpandedGrid& grid);
  // Marks where a page or element starts: at the current end of the text.
  void MarkPage(uint32_t page) { pages_.emplace_back(Size(), page); }
  void MarkElement(std::string element) { elements_.emplace_back(Size(), std::move(element)); }

  size_t size() const { return out_.size(); }
  const std::string& text() const { return out_; }

  // Normalises the text (SourceText::FromUtf8) and registers the marks.
  SourceText Finish() const;

 private:
  uint32_t Size() const { return static_cast<uint32_t>(out_.size()); }
  void EnsureBlankLine();

  std::string out_;
  std::vector<std::pair<uint32_t, uint32_t>> pages_;
  std::vector<std::pair<uint32_t, std::string>> elements_;
};

}  // namespace ogicheck
