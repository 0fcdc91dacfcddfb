// Cell builders shared by the layouts (see cells.h).
#include "tables/cells.h"

#include <algorithm>
#include <string_view>

namespace ogicheck::tables {
namespace {

// Every reading of a run-together token over `rows` that the row arithmetic and the column
// types allow; "" marks a blank cell (only when the record drops blank cells).
std::vector<std::vector<std::string>> Readings(const TableContext& ctx, size_t nrows,
                                               const Token& tok) {
  const size_t width = ctx.columns.size();
  const SplitRule& rule = ctx.rule;
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
          if (!rule.allow_sign.empty() && !rule.allow_sign[c] && (v[0] == '+' || v[0] == '-'))
            ok = false;
          if (!rule.allow_decimal.empty() && !rule.allow_decimal[c] &&
              v.find('.') != std::string::npos)
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

}  // namespace

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

void AddAmbiguousRow(const TableContext& ctx, const SchemaRow& row, const std::vector<Token>& toks,
                     Table* table) {
  std::string raw;
  Span span;
  for (const Token& t : toks) {
    if (!raw.empty()) raw += " ";
    raw += t.piece;
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

void AddSplitRows(const TableContext& ctx, const std::vector<const SchemaRow*>& rows,
                  const Token& tok, Table* table) {
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
        c.span = prefix_agrees
                     ? ctx.st->TextSpan(tok.begin + offset, tok.begin + offset + fits[0][i].size())
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

bool ChunkHolds(const TableContext& ctx, const std::vector<Token>& chunk) {
  const SplitRule& rule = ctx.rule;
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

}  // namespace ogicheck::tables
