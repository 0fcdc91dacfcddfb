// Cell lookup by (row, column) for evaluation (see cell_index.h).
#include "evaluate/cell_index.h"

namespace ogicheck::eval {

const CellIndex::Rows& CellIndex::RowsOf(const Table& t) {
  for (const auto& [table, index] : tables_)
    if (table == &t) return index;
  Rows index;
  for (const TableCell& c : t.cells) {
    auto& cols = index[c.row];
    bool seen = false;
    for (const auto& entry : cols) seen |= entry.first == c.col;
    if (!seen) cols.emplace_back(c.col, &c);
  }
  // References returned earlier are not kept by callers: growing tables_ may move the maps.
  tables_.emplace_back(&t, std::move(index));
  return tables_.back().second;
}

bool CellIndex::HasRow(const Table& t, std::string_view row) { return RowsOf(t).count(row) > 0; }

const CellIndex::RowCells* CellIndex::Row(const Table& t, std::string_view row) {
  const Rows& rows = RowsOf(t);
  auto it = rows.find(row);
  return it == rows.end() ? nullptr : &it->second;
}

const TableCell* CellIndex::InRow(const RowCells* row, std::string_view col) {
  if (!row) return nullptr;
  for (const auto& [id, cell] : *row)
    if (id == col) return cell;
  return nullptr;
}

}  // namespace ogicheck::eval
