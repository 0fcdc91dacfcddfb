// Row and block layouts (see layouts.h).
//
// Rows layout, in schema order of the data rows:
//  - a row whose label sits on a TAB-separated line takes the last N fields of that line (HTML
//    and DOCX readers render tables so; an empty field is a blank cell);
//  - otherwise a row owns the value tokens between its label and the next label;
//  - N tokens: one per column; one token of several digits: a run-together row, split by the
//    row arithmetic (run_split.h); k*N tokens: the extra rows' values belong to the following
//    schema rows that own none (pdftotext raw mode prints some labels away from their numbers);
//    tokens before the first label likewise; any other count: the columns cannot be told, so
//    the cells are ambiguous. A row with no tokens is blank, never zero.
#include "tables/layouts.h"

#include <algorithm>
#include <deque>
#include <string_view>

#include "tables/blank_gaps.h"
#include "tables/cells.h"
#include "tables/reorder.h"
#include "tables/tsv_rows.h"

namespace ogicheck::tables {

void LayoutRows(const TableContext& ctx, Table* table) {
  const size_t width = ctx.columns.size();
  const size_t nfound = ctx.found.size();
  // Owner of each token: the last label starting before it (nfound = before every label).
  std::vector<std::vector<Token>> owned(nfound + 1);
  std::vector<std::pair<uint32_t, uint32_t>> tsv_lines;  // text lines consumed as TSV rows
  std::vector<std::vector<TableCell>> tsv_cells(nfound);
  // TSV rows only where the table has TABs at all (crawled records put a whole table on a line).
  bool tabs = false;
  if (!ctx.found.empty()) {
    const uint32_t b = ctx.st->TextOffset(ctx.found.front().hit.begin);
    const uint32_t e = ctx.tokens.empty() ? ctx.st->TextOffset(ctx.found.back().hit.begin)
                                          : ctx.st->TextOffset(ctx.tokens.back().end);
    tabs = e > b &&
           std::string_view(ctx.text->text()).substr(b, e - b).find('\t') != std::string_view::npos;
  }
  TsvLine last_line;
  for (size_t f = 0; f < nfound && tabs; ++f) {
    const FoundRow& fr = ctx.found[f];
    if (fr.row->is_group_header && fr.row->cells_deviation.empty()) continue;
    std::pair<uint32_t, uint32_t> line;
    tsv_cells[f] = TsvRowCells(ctx, f, &line, &last_line);
    if (!tsv_cells[f].empty()) tsv_lines.push_back(line);
  }
  // Room for every row's cells at once: growing the vector moved every cell many times.
  table->cells.reserve(table->cells.size() + ctx.schema->rows.size() * width);
  for (const Token& t : ctx.tokens) {
    const uint32_t off = ctx.st->TextOffset(t.begin);
    bool in_tsv = false;
    for (const auto& [b, e] : tsv_lines) in_tsv = in_tsv || (off >= b && off < e);
    if (in_tsv) continue;
    // ctx.found is sorted by hit.begin (FindRows), so the labels that start before the token
    // are a prefix: a binary search, where a scan of every label per token was quadratic.
    const auto before = std::partition_point(
        ctx.found.begin(), ctx.found.end(),
        [&](const FoundRow& fr) { return fr.hit.begin < t.begin; });
    const size_t owner =
        before == ctx.found.begin() ? nfound : static_cast<size_t>(before - ctx.found.begin()) - 1;
    owned[owner].push_back(t);
  }

  // Values printed away from their label (pdftotext raw mode) wait here, one row-sized chunk
  // at a time, for the next rows in schema order that own none. A chunk is trusted only if the
  // row arithmetic holds for it: raw mode may also print a block column by column (洪泽区), and
  // such values must not land on rows they do not belong to.
  struct Chunk {
    std::vector<Token> toks;
    bool trusted;
  };
  std::deque<Chunk> surplus;
  bool scrambled = false;
  // Trust is per batch: zero rows add up whatever order they are read in, so one chunk that
  // does not add up discredits its whole batch.
  auto push_chunks = [&](const std::vector<Token>& toks, size_t from) {
    bool ok = (toks.size() - from) % width == 0;
    for (size_t k = from; k + width <= toks.size(); k += width)
      ok = ok && ChunkHolds(ctx, std::vector<Token>(toks.begin() + k, toks.begin() + k + width));
    for (size_t k = from; k + width <= toks.size(); k += width)
      surplus.push_back({std::vector<Token>(toks.begin() + k, toks.begin() + k + width), ok});
    if (toks.size() > from) scrambled = scrambled || !ok;
  };
  std::vector<std::pair<const SchemaRow*, std::vector<Token>>> recovered;
  push_chunks(owned[nfound], 0);
  auto found_index = [&](const SchemaRow* r) -> int {
    for (size_t f = 0; f < nfound; ++f)
      if (ctx.found[f].row == r) return static_cast<int>(f);
    return -1;
  };
  const GapModel gaps = LearnGaps(ctx, owned);
  std::vector<const SchemaRow*> blank_rows;
  const std::vector<Token> kNoTokens;
  for (const SchemaRow& row : ctx.schema->rows) {
    const int f = found_index(&row);
    const std::vector<Token>& toks = f >= 0 ? owned[f] : kNoTokens;  // read only: not copied
    if (row.is_group_header) {
      const bool holds_cells =
          !row.cells_deviation.empty() && f >= 0 && (!toks.empty() || !tsv_cells[f].empty());
      if (!holds_cells) {
        push_chunks(toks, 0);
        continue;
      }
      table->deviations.push_back(row.cells_deviation);
    }
    const CellMatch match = f >= 0 ? ctx.found[f].hit.match : CellMatch::kRecovered;
    if (f >= 0 && !tsv_cells[f].empty()) {
      for (TableCell& c : tsv_cells[f]) table->cells.push_back(c);
      continue;
    }
    if (toks.empty() && !surplus.empty()) {
      Chunk chunk = std::move(surplus.front());
      surplus.pop_front();
      if (chunk.trusted) {
        for (size_t c = 0; c < width; ++c)
          AddTokenCell(ctx, row, *ctx.columns[c], chunk.toks[c], CellMatch::kRecovered, table);
        recovered.emplace_back(&row, chunk.toks);
      } else {
        AddAmbiguousRow(ctx, row, chunk.toks, table);
      }
      continue;
    }
    if (toks.empty()) {
      if (f >= 0) blank_rows.push_back(&row);
      continue;
    }
    if (toks.size() == width || (toks.size() > width && width == 1)) {
      for (size_t c = 0; c < width; ++c)
        AddTokenCell(ctx, row, *ctx.columns[c], toks[c], match, table);
      if (toks.size() > width) push_chunks(toks, width);
      continue;
    }
    if (toks.size() > width && toks.size() % width == 0) {
      // Several rows' values after one label: its own first, unless the chunks do not add up.
      std::vector<Token> own(toks.begin(), toks.begin() + width);
      bool all_hold = true;
      for (size_t k = 0; k < toks.size(); k += width)
        all_hold = all_hold &&
                   ChunkHolds(ctx, std::vector<Token>(toks.begin() + k, toks.begin() + k + width));
      if (all_hold || ChunkHolds(ctx, own)) {
        for (size_t c = 0; c < width; ++c)
          AddTokenCell(ctx, row, *ctx.columns[c], toks[c], match, table);
      } else {
        AddAmbiguousRow(ctx, row, own, table);
        scrambled = true;
      }
      push_chunks(toks, width);
      continue;
    }
    if (f >= 0) {
      const std::vector<size_t> cols = PlaceByGaps(ctx, gaps, static_cast<size_t>(f), toks);
      if (!cols.empty()) {
        std::vector<TableCell> cells;
        for (const SchemaColumn* col : ctx.columns)
          cells.push_back(Cell(row, *col, CellMatch::kRecovered));
        for (size_t i = 0; i < toks.size(); ++i) {
          ReadCellValue(toks[i].piece, &cells[cols[i]]);
          cells[cols[i]].span = ctx.st->TextSpan(toks[i].begin, toks[i].end);
        }
        for (TableCell& c : cells) table->cells.push_back(std::move(c));
        table->deviations.push_back("blank_cells_placed_by_line_breaks:" + row.id);
        continue;
      }
    }
    if (toks.size() == 1 && toks[0].kind != PieceKind::kDash) {
      AddSplitRows(ctx, {&row}, toks[0], table);
      continue;
    }
    AddAmbiguousRow(ctx, row, toks, table);
    table->deviations.push_back("cells_not_placed:" + row.id);
  }
  if (!surplus.empty()) {
    size_t n = 0;
    for (const Chunk& c : surplus) n += c.toks.size();
    table->deviations.push_back("values_without_row:" + std::to_string(n));
    scrambled = true;
  }
  // With values left over or chunks that did not add up, the order of the displaced values is
  // not known: rows that took some are not trusted, and a row without values of its own may
  // have them among those, so it is not known to be blank either.
  if (scrambled) {
    for (const auto& [r, toks] : recovered) {
      const std::string& row_id = r->id;  // clang 14 cannot capture a structured binding
      std::erase_if(table->cells, [&](const TableCell& c) { return c.row == row_id; });
      AddAmbiguousRow(ctx, *r, toks, table);
    }
  }
  for (const SchemaRow* r : blank_rows) {
    if (scrambled)
      AddAmbiguousRow(ctx, *r, {}, table);
    else
      AddBlankRow(ctx, *r, ctx.found[found_index(r)].hit.match, table);
  }
  if (scrambled) {
    table->deviations.push_back("values_scrambled");
    ReorderByArithmetic(ctx, table);  // replaces the cells only when every row is certain
  }
}

void LayoutBlocks(const TableContext& ctx, Table* table) {
  const size_t width = ctx.columns.size();
  std::vector<const SchemaRow*> rows;
  for (const SchemaRow& r : ctx.schema->rows)
    if (!r.is_group_header) rows.push_back(&r);
  const size_t cells = width * rows.size();
  const std::vector<Token>& toks = ctx.tokens;
  if (toks.empty()) return;
  if (toks.size() >= cells) {
    // pdftotext raw mode can print the blocks' numbers between fragments of the header in
    // content-stream order (淮安 2024: 72 64 178 37 | 12 1 1 6 | 351 …). If text interrupts the
    // numbers and the reading in order breaks a block's arithmetic, the order is not known.
    bool interrupted = false;
    for (size_t i = 1; i < cells; ++i) interrupted = interrupted || toks[i].after_text;
    const SplitRule& rule = ctx.rule;
    bool sums_hold = true;
    if (interrupted && rule.total >= 0) {
      for (size_t r = 0; r < rows.size(); ++r) {
        TableCell probe;
        double sum = 0, total = 0;
        for (size_t p : rule.parts) {
          ReadCellValue(toks[r * width + p].piece, &probe);
          sum += probe.value.value_or(0);
        }
        ReadCellValue(toks[r * width + rule.total].piece, &probe);
        total = probe.value.value_or(-1);
        sums_hold = sums_hold && sum == total;
      }
    }
    if (interrupted && !sums_hold) {
      for (const SchemaRow* r : rows)
        AddAmbiguousRow(ctx, *r, std::vector<Token>(toks.begin(), toks.begin() + cells), table);
      table->deviations.push_back("block_order_unknown");
      return;
    }
    for (size_t i = 0; i < cells; ++i)
      AddTokenCell(ctx, *rows[i / width], *ctx.columns[i % width], toks[i], CellMatch::kExact,
                   table);
    if (toks.size() > cells)
      table->deviations.push_back("values_without_row:" + std::to_string(toks.size() - cells));
    return;
  }
  if (toks.size() == 1 && toks[0].kind != PieceKind::kDash) {
    AddSplitRows(ctx, rows, toks[0], table);
    return;
  }
  for (const SchemaRow* r : rows) AddAmbiguousRow(ctx, *r, toks, table);
  table->deviations.push_back("cells_not_placed:" + rows.front()->id);
}

}  // namespace ogicheck::tables
