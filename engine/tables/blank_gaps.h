// Placing the values of a row that lost cells, in one-cell-per-line text, by its empty lines.
// Crawled pages print every table cell as "value" plus a fixed number of line breaks, so an
// empty cell shows as extra breaks (河北教育厅 2021: 二、上年结转 prints six 0s and then three more
// breaks where 总计 is empty). The pitch is learnt from the table's complete rows; a short row
// is placed only when its breaks fit that pitch exactly, else it stays ambiguous.
#pragma once

#include <vector>

#include "tables/layouts.h"

namespace ogicheck::tables {

// Line breaks between parts of a printed row: label→first cell, cell→cell, last cell→next label.
struct GapModel {
  int lead = 0;
  int cell = 0;
  int tail = 0;
  bool ok() const { return cell > 0; }
};

// Learns the model from the found rows whose own tokens fill every column; owned[f] are the
// tokens of ctx.found[f].
GapModel LearnGaps(const TableContext& ctx, const std::vector<std::vector<Token>>& owned);

// Column of each of the row's tokens (found row f), or empty when the breaks do not fit.
std::vector<size_t> PlaceByGaps(const TableContext& ctx, const GapModel& model, size_t f,
                                const std::vector<Token>& toks);

}  // namespace ogicheck::tables
