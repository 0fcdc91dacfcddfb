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
  // The cell of `t` at (row, col), or null; same answer as t.Cell(row, col).
  const TableCell* Find(const Table& t, std::string_view row, std::string_view col);
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

  // Per row id: (column id, cell) in the table's order; the first cell wins, as in Table::Cell.
  using Rows =
      std::unordered_map<std::string_view, std::vector<std::pair<std::string_view, const TableCell*>>>;
  const Rows& RowsOf(const Table& t);
  std::vector<std::pair<const Table*, Rows>> tables_;
};

}  // namespace ogicheck::eval
