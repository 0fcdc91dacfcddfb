// Rows printed as TAB-separated lines (how the HTML and DOCX readers render tables: one row per
// line, covered rowspan/colspan positions as empty fields). Such a row's cells are the fields
// after its label, so a blank cell stays blank and in its column.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "tables/layouts.h"

namespace ogicheck::tables {

// The last line TsvRowCells split into fields. Rows on one line (a crawled record prints a whole
// table on one) split it once rather than once per row.
struct TsvLine {
  bool split = false;
  uint32_t begin = 0, end = 0;  // text range, without its line break
  struct Field {
    std::string_view text;
    uint32_t begin;
  };
  std::vector<Field> fields;  // empty when the line has no TAB
};

// Cells of found row `f` read from its TAB-separated line, or empty when the label is not on
// such a line, another label follows it on the line, or the fields cannot be aligned. Sets
// *line to the text range of the line when cells are returned. `last` carries the split line
// from one call to the next (start with a default TsvLine).
std::vector<TableCell> TsvRowCells(const TableContext& ctx, size_t f,
                                   std::pair<uint32_t, uint32_t>* line, TsvLine* last);

}  // namespace ogicheck::tables
