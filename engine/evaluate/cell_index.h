// Cells of a document's tables by (row id, column id). Rules look cells up thousands of times
// per report (sums over rows, for_each over rows × columns), and Table::Cell scans the table's
// cells for each lookup. One CellIndex belongs to one evaluation of one document; the Document
// must outlive it and not change meanwhile.
#pragma once

#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ogicheck/table.h"

namespace ogicheck::eval {

class CellIndex {
 public:
  // The cell of `t` at (row, col), or null; same answer as t.Cell(row, col).
  const TableCell* Find(const Table& t, std::string_view row, std::string_view col);
  // Whether `t` has a cell in `row` (group headers without cells are not data rows).
  bool HasRow(const Table& t, std::string_view row);

 private:
  // Per row id: (column id, cell) in the table's order; the first cell wins, as in Table::Cell.
  using Rows =
      std::unordered_map<std::string_view, std::vector<std::pair<std::string_view, const TableCell*>>>;
  const Rows& RowsOf(const Table& t);
  std::vector<std::pair<const Table*, Rows>> tables_;
};

}  // namespace ogicheck::eval
