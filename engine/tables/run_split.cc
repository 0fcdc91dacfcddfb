// Enumerating splits of a run-together row (see run_split.h). Depth-first over cut positions
// with the row arithmetic checked as soon as a row is complete, so the search stays small for
// the run lengths tables produce (a 7-cell row of up to ~20 digits).
#include "tables/run_split.h"

#include <cstdlib>

#include "tables/cell_value.h"

namespace ogicheck::tables {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool ValidCell(std::string_view c) {
  if (c.empty()) return false;
  size_t i = 0;
  if (c[0] == '+' || c[0] == '-') i = 1;
  if (i >= c.size() || !IsDigit(c[i])) return false;
  if (c[i] == '0' && i + 1 < c.size() && c[i + 1] != '.') return false;  // leading zero
  bool dot = false;
  for (size_t k = i; k < c.size(); ++k) {
    if (c[k] == '.') {
      if (dot || k + 1 == c.size()) return false;
      dot = true;
    } else if (!IsDigit(c[k])) {
      return false;
    }
  }
  return true;
}

struct Search {
  std::string_view run;
  size_t cells;
  const SplitRule* rule;
  size_t limit;
  std::vector<std::string> cur;
  std::vector<std::vector<std::string>> out;

  bool RowOk() const {
    const SplitRule& r = *rule;
    if (r.total < 0 || r.row_width == 0 || cur.size() % r.row_width != 0) return true;
    const size_t base = cur.size() - r.row_width;
    double sum = 0;
    for (int p : r.parts) sum += NumberValue(cur[base + p]);
    return NumberValue(cur[base + r.total]) == sum;
  }

  // The column the next cell goes to may hold a sign / a decimal point.
  bool TypeOk(std::string_view c) const {
    const SplitRule& r = *rule;
    if (r.row_width == 0) return true;
    const size_t col = cur.size() % r.row_width;
    if (col < r.allow_sign.size() && !r.allow_sign[col] && (c[0] == '+' || c[0] == '-'))
      return false;
    if (col < r.allow_decimal.size() && !r.allow_decimal[col] &&
        c.find('.') != std::string_view::npos)
      return false;
    return true;
  }

  void Go(size_t pos) {
    if (out.size() >= limit) return;
    const size_t left = cells - cur.size();
    if (left == 0) {
      if (pos == run.size()) out.push_back(cur);
      return;
    }
    const size_t remaining = run.size() - pos;
    if (remaining < left) return;
    const size_t max_len = remaining - (left - 1);
    for (size_t len = 1; len <= max_len; ++len) {
      std::string_view c = run.substr(pos, len);
      if (!ValidCell(c)) {
        // a sign may only start a cell, so a longer cell cannot become valid past one
        if (len > 1 && (c.back() == '+' || c.back() == '-')) break;
        continue;
      }
      if (!TypeOk(c)) continue;
      cur.emplace_back(c);
      if (RowOk()) Go(pos + len);
      cur.pop_back();
    }
  }
};

}  // namespace

std::vector<std::vector<std::string>> SplitRun(std::string_view run, size_t cells,
                                               const SplitRule& rule, size_t limit) {
  std::string_view unit = TrailingUnit(run);
  std::string_view body = run.substr(0, run.size() - unit.size());
  if (cells == 0 || body.empty() || body.size() > 48) return {};
  Search s{body, cells, &rule, limit, {}, {}};
  s.cur.reserve(cells);
  s.Go(0);
  if (!unit.empty())
    for (auto& split : s.out) split.back() += std::string(unit);
  return s.out;
}

}  // namespace ogicheck::tables
