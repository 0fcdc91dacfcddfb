// Column-by-column blocks put back in order (see reorder.h).
//
// With w columns, row r of the printed order always takes tokens [r*w, (r+1)*w) of some block,
// so a segmentation is a sequence of blocks (start row, k rows, reading). Forward/backward
// reachability over rows gives the blocks that lie on some complete segmentation; a row's value
// is known when all such blocks covering it give it the same values. Zero rows read the same
// either way, which is why values, not segmentations, are compared.
#include "tables/reorder.h"

#include <algorithm>
#include <set>

#include "tables/cells.h"

namespace ogicheck::tables {
namespace {

constexpr size_t kMaxRows = 64;

bool RowHolds(const SplitRule& rule, const std::vector<double>& v) {
  double sum = 0;
  for (int p : rule.parts) sum += v[p];
  return v[rule.total] == sum;
}

}  // namespace

bool ReorderByArithmetic(const TableContext& ctx, Table* table) {
  const SplitRule& rule = ctx.rule;
  const size_t w = ctx.columns.size();
  if (rule.total < 0 || w < 2) return false;

  // The printed rows: data rows whose label was found, and a group header printed as one row
  // (（六）其他处理) when none of its own rows is printed.
  auto found = [&](const SchemaRow& r) {
    for (const FoundRow& f : ctx.found)
      if (f.row == &r) return true;
    return false;
  };
  std::vector<const SchemaRow*> rows;
  for (const SchemaRow& r : ctx.schema->rows) {
    if (!found(r)) continue;
    if (!r.is_group_header) {
      rows.push_back(&r);
      continue;
    }
    if (r.cells_deviation.empty()) continue;
    bool child = false;
    for (const SchemaRow& c : ctx.schema->rows) child = child || (c.group == r.id && found(c));
    if (!child) rows.push_back(&r);
  }
  const size_t n = rows.size();
  if (n == 0 || n > kMaxRows || ctx.tokens.size() != n * w) return false;
  std::vector<double> vals;
  for (const Token& t : ctx.tokens) {
    TableCell probe;
    ReadCellValue(t.piece, &probe);
    if (!probe.value) return false;
    vals.push_back(*probe.value);
  }

  // A column-by-column block is printed as one run of numbers: no label falls inside it.
  std::vector<bool> label_before(vals.size(), false);
  for (const FoundRow& f : ctx.found)
    for (size_t t = 1; t < ctx.tokens.size(); ++t)
      if (ctx.tokens[t - 1].end <= f.hit.begin && f.hit.begin < ctx.tokens[t].begin)
        label_before[t] = true;
  auto one_run = [&](size_t from, size_t to) {
    for (size_t t = from + 1; t < to; ++t)
      if (label_before[t]) return false;
    return true;
  };

  // Token index of cell (i, c) of a block starting at row r with k rows.
  auto index = [&](size_t r, size_t k, bool by_column, size_t i, size_t c) {
    return by_column ? r * w + c * k + i : (r + i) * w + c;
  };
  auto block_ok = [&](size_t r, size_t k, bool by_column) {
    for (size_t i = 0; i < k; ++i) {
      std::vector<double> v(w);
      for (size_t c = 0; c < w; ++c) v[c] = vals[index(r, k, by_column, i, c)];
      if (!RowHolds(rule, v)) return false;
    }
    return true;
  };
  // Blocks: one row read as printed, or k >= 2 rows read column by column.
  std::vector<std::vector<std::pair<size_t, bool>>> blocks(n);  // at row r: (k, by_column)
  for (size_t r = 0; r < n; ++r) {
    if (block_ok(r, 1, false)) blocks[r].push_back({1, false});
    for (size_t k = 2; r + k <= n; ++k)
      if (one_run(r * w, (r + k) * w) && block_ok(r, k, true)) blocks[r].push_back({k, true});
  }
  std::vector<bool> from_start(n + 1, false), to_end(n + 1, false);
  from_start[0] = true;
  for (size_t r = 0; r < n; ++r)
    if (from_start[r])
      for (const auto& [k, col] : blocks[r]) from_start[r + k] = true;
  to_end[n] = true;
  for (size_t r = n; r-- > 0;)
    for (const auto& [k, col] : blocks[r]) to_end[r] = to_end[r] || to_end[r + k];
  if (!from_start[n]) return false;

  std::vector<std::set<std::vector<size_t>>> readings(n);  // token indices per row
  for (size_t r = 0; r < n; ++r) {
    if (!from_start[r]) continue;
    for (const auto& [k, col] : blocks[r]) {
      if (!to_end[r + k]) continue;
      for (size_t i = 0; i < k; ++i) {
        std::vector<size_t> idx(w);
        for (size_t c = 0; c < w; ++c) idx[c] = index(r, k, col, i, c);
        readings[r + i].insert(idx);
      }
    }
  }
  // Known only if every reading of a row gives the same values.
  for (size_t r = 0; r < n; ++r) {
    if (readings[r].empty()) return false;
    const std::vector<size_t>& first = *readings[r].begin();
    for (const auto& idx : readings[r])
      for (size_t c = 0; c < w; ++c)
        if (vals[idx[c]] != vals[first[c]]) return false;
  }

  table->cells.clear();
  std::erase_if(table->deviations, [](const std::string& d) {
    return d.starts_with("values_without_row") || d == "values_scrambled" ||
           d.starts_with("cells_not_placed");
  });
  bool by_column = false;
  for (size_t r = 0; r < n; ++r) {
    const std::vector<size_t>& idx = *readings[r].begin();
    for (size_t c = 0; c < w; ++c)
      AddTokenCell(ctx, *rows[r], *ctx.columns[c], ctx.tokens[idx[c]], CellMatch::kRecovered,
                   table);
    for (size_t c = 1; c < w; ++c) by_column = by_column || idx[c] != idx[c - 1] + 1;
    if (rows[r]->is_group_header && std::find(table->deviations.begin(), table->deviations.end(),
                                              rows[r]->cells_deviation) == table->deviations.end())
      table->deviations.push_back(rows[r]->cells_deviation);
  }
  if (by_column) table->deviations.push_back("rows_printed_column_by_column");
  return true;
}

}  // namespace ogicheck::tables
