// Cells of a document's tables by (row id, column id), and the row / column ids that selectors
// expand to. Rules look cells up thousands of times per report (sums over rows, for_each over
// rows × columns), and Table::Cell scans the table's cells for each lookup; a selector such as
// results.* was expanded again for every row or column of a for_each, each time into a new
// vector. One CellIndex belongs to one evaluation of one document; the Document must outlive it
// and not change meanwhile.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ogicheck/table.h"

namespace ogicheck::eval {

class CellIndex {
 public:
  // (column id, cell) of one row, in the table's order; the first cell of a column wins.
  using RowCells = std::vector<std::pair<std::string_view, const TableCell*>>;

  // The cell of `t` at (row, col), or null; same answer as t.Cell(row, col).
  const TableCell* Find(const Table& t, std::string_view row, std::string_view col) {
    return InRow(Row(t, row), col);
  }
  // The cells of a row of `t` (null if it has none), and the cell of a column among them: for
  // several columns of one row, the row is looked up once.
  const RowCells* Row(const Table& t, std::string_view row);
  static const TableCell* InRow(const RowCells* row, std::string_view col);
  // Whether `t` has a cell in `row` (group headers without cells are not data rows).
  bool HasRow(const Table& t, std::string_view row);

  // What expand() gives for the selector `items` over t's rows (rows) or columns, computed on the
  // first call. Only for items that do not name the loop variables ($row, $col); the items must
  // outlive this index (they belong to a loaded rule).
  template <typename Expand>
  const std::vector<std::string_view>& Expansion(const Table& t, const std::vector<std::string>& items,
                                                 bool rows, Expand expand) {
    const ExpansionKey key{&t, &items, rows};
    auto it = expansions_.find(key);
    if (it == expansions_.end()) it = expansions_.emplace(key, expand()).first;
    return it->second;
  }

 private:
  struct ExpansionKey {
    const Table* table;
    const std::vector<std::string>* items;
    bool rows;
    bool operator==(const ExpansionKey&) const = default;
  };
  struct ExpansionKeyHash {
    size_t operator()(const ExpansionKey& k) const {
      return std::hash<const void*>()(k.table) * 31 + std::hash<const void*>()(k.items) * 2 + k.rows;
    }
  };
  std::unordered_map<ExpansionKey, std::vector<std::string_view>, ExpansionKeyHash> expansions_;

  // Per row id, its cells; the first cell of a column wins, as in Table::Cell.
  using Rows = std::unordered_map<std::string_view, RowCells>;
  const Rows& RowsOf(const Table& t);
  std::vector<std::pair<const Table*, Rows>> tables_;
};

}  // namespace ogicheck::eval
