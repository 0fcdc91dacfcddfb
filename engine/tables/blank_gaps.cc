// Short rows placed by their line breaks (see blank_gaps.h).
#include "tables/blank_gaps.h"

#include <map>

namespace ogicheck::tables {
namespace {

int Breaks(const std::string& text, uint32_t a, uint32_t b) {
  int n = 0;
  for (uint32_t i = a; i < b && i < text.size(); ++i) n += text[i] == '\n';
  return n;
}

// The breaks around a found row's tokens: lead, between cells, tail (-1 = no next label).
struct RowGaps {
  int lead = 0;
  std::vector<int> between;
  int tail = -1;
};

RowGaps Measure(const TableContext& ctx, size_t f, const std::vector<Token>& toks) {
  const std::string& text = ctx.text->text();
  const FoundRow& fr = ctx.found[f];
  RowGaps g;
  const uint32_t label_end =
      ctx.st->TextSpan(fr.hit.parts.back().first, fr.hit.parts.back().second).end;
  g.lead = Breaks(text, label_end, ctx.st->TextOffset(toks.front().begin));
  for (size_t i = 1; i < toks.size(); ++i)
    g.between.push_back(Breaks(text, ctx.st->TextSpan(toks[i - 1].begin, toks[i - 1].end).end,
                               ctx.st->TextOffset(toks[i].begin)));
  if (f + 1 < ctx.found.size())
    g.tail = Breaks(text, ctx.st->TextSpan(toks.back().begin, toks.back().end).end,
                    ctx.st->TextOffset(ctx.found[f + 1].hit.begin));
  return g;
}

int Mode(const std::map<int, int>& counts) {
  int best = -1, n = 0;
  for (const auto& [v, c] : counts)
    if (c > n) best = v, n = c;
  return best;
}

}  // namespace

GapModel LearnGaps(const TableContext& ctx, const std::vector<std::vector<Token>>& owned) {
  const size_t width = ctx.columns.size();
  std::map<int, int> lead, cell, tail;
  for (size_t f = 0; f < ctx.found.size(); ++f) {
    if (owned[f].size() != width || width < 2) continue;
    RowGaps g = Measure(ctx, f, owned[f]);
    bool even = true;
    for (int b : g.between) even = even && b == g.between.front();
    if (!even) continue;
    ++lead[g.lead];
    ++cell[g.between.front()];
    if (g.tail >= 0) ++tail[g.tail];
  }
  GapModel m;
  if (cell.empty() || tail.empty()) return m;
  m.lead = Mode(lead);
  m.cell = Mode(cell);
  m.tail = Mode(tail);
  return m;
}

std::vector<size_t> PlaceByGaps(const TableContext& ctx, const GapModel& model, size_t f,
                                const std::vector<Token>& toks) {
  const size_t width = ctx.columns.size();
  if (!model.ok() || toks.empty() || toks.size() >= width) return {};
  const RowGaps g = Measure(ctx, f, toks);
  if (g.tail < 0) return {};
  // Extra breaks must be whole multiples of the cell pitch; each multiple is one empty cell.
  auto blanks = [&](int seen, int normal) -> int {
    const int extra = seen - normal;
    if (extra < 0 || extra % model.cell != 0) return -1;
    return extra / model.cell;
  };
  std::vector<int> skip{blanks(g.lead, model.lead)};
  for (int b : g.between) skip.push_back(blanks(b, model.cell));
  skip.push_back(blanks(g.tail, model.tail));
  size_t total = toks.size();
  for (int s : skip) {
    if (s < 0) return {};
    total += static_cast<size_t>(s);
  }
  if (total != width) return {};
  std::vector<size_t> cols;
  size_t pos = static_cast<size_t>(skip[0]);
  for (size_t i = 0; i < toks.size(); ++i) {
    cols.push_back(pos);
    pos += 1 + static_cast<size_t>(skip[i + 1]);
  }
  return cols;
}

}  // namespace ogicheck::tables
