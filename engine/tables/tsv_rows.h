// Rows printed as TAB-separated lines (how the HTML and DOCX readers render tables: one row per
// line, covered rowspan/colspan positions as empty fields). Such a row's cells are the fields
// after its label, so a blank cell stays blank and in its column.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "tables/layouts.h"

namespace ogicheck::tables {

// Cells of found row `f` read from its TAB-separated line, or empty when the label is not on
// such a line, another label follows it on the line, or the fields cannot be aligned. Sets
// *line to the text range of the line when cells are returned.
std::vector<TableCell> TsvRowCells(const TableContext& ctx, size_t f,
                                   std::pair<uint32_t, uint32_t>* line);

}  // namespace ogicheck::tables
