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

#include "tables/run_split.h"

namespace ogicheck::tables {
namespace {

TableCell Cell(const SchemaRow& row, const SchemaColumn& col, CellMatch match) {
  TableCell c;
  c.row = row.id;
  c.col = col.id;
  c.match = match;
  return c;
}

void AddTokenCell(const TableContext& ctx, const SchemaRow& row, const SchemaColumn& col,
                  const Token& tok, CellMatch match, Table* table) {
  TableCell c = Cell(row, col, match);
  ReadCellValue(tok.piece, &c);
  c.span = ctx.st->TextSpan(tok.begin, tok.end);
  table->cells.push_back(std::move(c));
}

void AddBlankRow(const TableContext& ctx, const SchemaRow& row, CellMatch match, Table* table) {
  for (const SchemaColumn* col : ctx.columns) table->cells.push_back(Cell(row, *col, match));
}

// Cells whose column cannot be told: no value, flagged ambiguous, the printed text kept.
void AddAmbiguousRow(const TableContext& ctx, const SchemaRow& row, const std::vector<Token>& toks,
                     Table* table) {
  std::string raw;
  Span span;
  for (const Token& t : toks) {
    raw += (raw.empty() ? "" : " ") + t.piece;
    Span s = ctx.st->TextSpan(t.begin, t.end);
    if (span.empty()) span = s;
    span.end = s.end;
  }
  for (const SchemaColumn* col : ctx.columns) {
    TableCell c = Cell(row, *col, CellMatch::kRecovered);
    c.raw = raw;
    c.semantic = CellSemantic::kText;
    c.ambiguous = true;
    c.span = span;
    table->cells.push_back(std::move(c));
  }
}

SplitRule RuleFor(const TableContext& ctx) {
  SplitRule rule;
  rule.row_width = ctx.columns.size();
  for (const SchemaColumn* c : ctx.columns) {
    rule.allow_sign.push_back(c->type == "signed_count");
    rule.allow_decimal.push_back(c->type == "amount");
  }
  const SchemaTable& t = *ctx.schema;
  if (t.sum_total.empty()) return rule;
  auto index = [&](const std::string& id) {
    for (size_t i = 0; i < ctx.columns.size(); ++i)
      if (ctx.columns[i]->id == id) return static_cast<int>(i);
    return -1;
  };
  rule.total = index(t.sum_total);
  for (const std::string& p : t.sum_parts) {
    int i = index(p);
    if (i < 0 || rule.total < 0) {
      rule.total = -1;
      rule.parts.clear();
      return rule;
    }
    rule.parts.push_back(i);
  }
  return rule;
}

// Every reading of a run-together token over `rows` that the row arithmetic and the column
// types allow; "" marks a blank cell (only when the record drops blank cells).
std::vector<std::vector<std::string>> Readings(const TableContext& ctx, size_t nrows, const Token& tok) {
  const size_t width = ctx.columns.size();
  const SplitRule rule = RuleFor(ctx);
  auto out = SplitRun(tok.piece, width * nrows, rule);
  if (!ctx.blanks_dropped || nrows != 1) return out;
  // The record prints only the cells that hold something, so the run may fill fewer columns,
  // and which ones is open: try every placement.
  SplitRule loose;
  for (size_t k = 1; k < width; ++k) {
    for (const auto& split : SplitRun(tok.piece, k, loose)) {
      std::vector<bool> pick(width, false);
      std::fill(pick.begin(), pick.begin() + k, true);
      do {
        std::vector<std::string> cand(width);
        bool ok = true;
        for (size_t c = 0, n = 0; c < width && ok; ++c) {
          if (!pick[c]) continue;
          const std::string& v = split[n++];
          if (!rule.allow_sign.empty() && !rule.allow_sign[c] && (v[0] == '+' || v[0] == '-')) ok = false;
          if (!rule.allow_decimal.empty() && !rule.allow_decimal[c] && v.find('.') != std::string::npos)
            ok = false;
          cand[c] = v;
        }
        if (ok) out.push_back(std::move(cand));
        if (out.size() > 512) return out;
      } while (std::prev_permutation(pick.begin(), pick.end()));
    }
  }
  return out;
}

size_t DigitCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (c >= '0' && c <= '9');
  return n;
}

// Splits a run-together token over `rows` (consecutive rows of ctx.columns). Cells on which the
// readings disagree are ambiguous; the others take the common value.
void AddSplitRows(const TableContext& ctx, const std::vector<const SchemaRow*>& rows, const Token& tok,
                  Table* table) {
  const size_t width = ctx.columns.size();
  if (DigitCount(tok.piece) < width * rows.size())
    table->deviations.push_back("run_shorter_than_row:" + rows.front()->id);
  const auto fits = Readings(ctx, rows.size(), tok);
  if (fits.empty()) {
    for (const SchemaRow* r : rows) AddAmbiguousRow(ctx, *r, {tok}, table);
    table->deviations.push_back("run_together_unsplittable:" + rows.front()->id);
    return;
  }
  const Span whole = ctx.st->TextSpan(tok.begin, tok.end);
  bool prefix_agrees = true;
  size_t offset = 0;
  for (size_t i = 0; i < width * rows.size(); ++i) {
    const SchemaRow& row = *rows[i / width];
    const SchemaColumn& col = *ctx.columns[i % width];
    bool agree = true;
    for (const auto& f : fits) agree = agree && f[i] == fits[0][i];
    TableCell c = Cell(row, col, CellMatch::kRecovered);
    if (agree) {
      ReadCellValue(fits[0][i], &c);
      // The cell's place in the run is known only if every earlier cell is known too.
      if (!fits[0][i].empty())
        c.span = prefix_agrees ? ctx.st->TextSpan(tok.begin + offset, tok.begin + offset + fits[0][i].size())
                               : whole;
    } else {
      c.raw = tok.piece;
      c.semantic = CellSemantic::kText;
      c.ambiguous = true;
      c.span = whole;
    }
    prefix_agrees = prefix_agrees && agree;
    offset += fits[0][i].size();
    table->cells.push_back(std::move(c));
  }
}

// Whether a row-sized chunk of tokens satisfies the table's row arithmetic (true when the table
// has none).
bool ChunkHolds(const TableContext& ctx, const std::vector<Token>& chunk) {
  const SplitRule rule = RuleFor(ctx);
  if (rule.total < 0) return true;
  TableCell probe;
  double sum = 0;
  for (int p : rule.parts) {
    ReadCellValue(chunk[p].piece, &probe);
    if (probe.semantic == CellSemantic::kText) return false;
    sum += probe.value.value_or(0);
  }
  ReadCellValue(chunk[rule.total].piece, &probe);
  return probe.semantic != CellSemantic::kText && probe.value.value_or(0) == sum;
}

// The TAB-separated line holding `offset`, split into fields; empty when the line has no TAB.
struct Field {
  std::string_view text;
  uint32_t begin;
};
std::vector<Field> TsvFields(const std::string& text, uint32_t offset, uint32_t* line_begin,
                             uint32_t* line_end) {
  size_t b = offset;
  while (b > 0 && text[b - 1] != '\n') --b;
  size_t e = text.find('\n', offset);
  if (e == std::string::npos) e = text.size();
  *line_begin = static_cast<uint32_t>(b);
  *line_end = static_cast<uint32_t>(e);
  std::vector<Field> fields;
  std::string_view line(text.data() + b, e - b);
  if (line.find('\t') == std::string_view::npos) return fields;
  size_t p = 0;
  while (true) {
    size_t q = line.find('\t', p);
    std::string_view f = line.substr(p, q == std::string_view::npos ? std::string_view::npos : q - p);
    size_t lead = 0;
    while (lead < f.size() && (f[lead] == ' ' || f[lead] == '\r')) ++lead;
    f.remove_prefix(lead);
    while (!f.empty() && (f.back() == ' ' || f.back() == '\r')) f.remove_suffix(1);
    fields.push_back({f, static_cast<uint32_t>(b + p + lead)});
    if (q == std::string_view::npos) break;
    p = q + 1;
  }
  return fields;
}

}  // namespace

void LayoutRows(const TableContext& ctx, Table* table) {
  const std::string& text = ctx.text->text();
  const size_t width = ctx.columns.size();
  const size_t nfound = ctx.found.size();

  // Owner of each token: the last label starting before it (nfound = before every label).
  std::vector<std::vector<Token>> owned(nfound + 1);
  std::vector<std::pair<uint32_t, uint32_t>> tsv_lines;  // text lines consumed as TSV rows
  std::vector<std::vector<TableCell>> tsv_cells(nfound);
  for (size_t f = 0; f < nfound; ++f) {
    const FoundRow& fr = ctx.found[f];
    if (fr.row->is_group_header && fr.row->cells_deviation.empty()) continue;
    const Span label = ctx.st->TextSpan(fr.hit.parts.front().first, fr.hit.parts.back().second);
    uint32_t lb = 0, le = 0;
    std::vector<Field> fields = TsvFields(text, label.begin, &lb, &le);
    size_t idx = fields.size();
    for (size_t i = 0; i < fields.size(); ++i)
      if (fields[i].begin <= label.begin) idx = i;
    if (fields.empty() || idx == fields.size()) continue;
    // Another label later on the line (a group cell such as （六）其他处理 before its first row):
    // the values belong to that one.
    bool later_label = false;
    for (size_t g = 0; g < nfound; ++g) {
      const uint32_t off = ctx.st->TextOffset(ctx.found[g].hit.begin);
      later_label = later_label || (g != f && off > label.begin && off < le);
    }
    if (later_label) continue;
    // Fields after the label: covered positions of a spanning label lead, those of a spanning
    // value trail; which is which shows by the empty fields.
    std::vector<Field> after(fields.begin() + idx + 1, fields.end());
    if (after.size() < width) continue;
    const size_t extra = after.size() - width;
    auto all_empty = [&](size_t from, size_t n) {
      for (size_t k = from; k < from + n; ++k)
        if (!after[k].text.empty()) return false;
      return true;
    };
    size_t first;
    if (all_empty(0, extra))
      first = extra;
    else if (all_empty(width, extra))
      first = 0;
    else
      continue;
    for (size_t c = 0; c < width; ++c) {
      const Field& fd = after[first + c];
      TableCell cell = Cell(*fr.row, *ctx.columns[c], fr.hit.match);
      std::string compact = CompactLabel(fd.text);
      ReadCellValue(compact, &cell);
      cell.raw = std::string(fd.text);
      if (!fd.text.empty()) cell.span = Span{fd.begin, static_cast<uint32_t>(fd.begin + fd.text.size())};
      tsv_cells[f].push_back(std::move(cell));
    }
    tsv_lines.emplace_back(lb, le);
  }
  for (const Token& t : ctx.tokens) {
    const uint32_t off = ctx.st->TextOffset(t.begin);
    bool in_tsv = false;
    for (const auto& [b, e] : tsv_lines) in_tsv = in_tsv || (off >= b && off < e);
    if (in_tsv) continue;
    size_t owner = nfound;
    for (size_t f = 0; f < nfound; ++f)
      if (ctx.found[f].hit.begin < t.begin) owner = f;
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
  std::vector<const SchemaRow*> blank_rows;
  for (const SchemaRow& row : ctx.schema->rows) {
    const int f = found_index(&row);
    std::vector<Token> toks = f >= 0 ? owned[f] : std::vector<Token>{};
    if (row.is_group_header) {
      const bool holds_cells = !row.cells_deviation.empty() && f >= 0 &&
                               (!toks.empty() || !tsv_cells[f].empty());
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
      for (size_t c = 0; c < width; ++c) AddTokenCell(ctx, row, *ctx.columns[c], toks[c], match, table);
      if (toks.size() > width) push_chunks(toks, width);
      continue;
    }
    if (toks.size() > width && toks.size() % width == 0) {
      // Several rows' values after one label: its own first, unless the chunks do not add up.
      std::vector<Token> own(toks.begin(), toks.begin() + width);
      bool all_hold = true;
      for (size_t k = 0; k < toks.size(); k += width)
        all_hold = all_hold && ChunkHolds(ctx, std::vector<Token>(toks.begin() + k, toks.begin() + k + width));
      if (all_hold || ChunkHolds(ctx, own)) {
        for (size_t c = 0; c < width; ++c) AddTokenCell(ctx, row, *ctx.columns[c], toks[c], match, table);
      } else {
        AddAmbiguousRow(ctx, row, own, table);
        scrambled = true;
      }
      push_chunks(toks, width);
      continue;
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
      std::erase_if(table->cells, [&](const TableCell& c) { return c.row == r->id; });
      AddAmbiguousRow(ctx, *r, toks, table);
    }
  }
  for (const SchemaRow* r : blank_rows) {
    if (scrambled)
      AddAmbiguousRow(ctx, *r, {}, table);
    else
      AddBlankRow(ctx, *r, ctx.found[found_index(r)].hit.match, table);
  }
  if (scrambled) table->deviations.push_back("values_scrambled");
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
    const SplitRule rule = RuleFor(ctx);
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
      AddTokenCell(ctx, *rows[i / width], *ctx.columns[i % width], toks[i], CellMatch::kExact, table);
    if (toks.size() > cells) table->deviations.push_back("values_without_row:" + std::to_string(toks.size() - cells));
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
