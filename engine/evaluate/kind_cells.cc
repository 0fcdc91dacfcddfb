// Cell kinds: value types (non-negative integers unless the column allows signs or decimals)
// and blank cells (missing is not zero; the arithmetic counts them as 0, this says so).
#include <algorithm>
#include <cmath>

#include "evaluate/kinds.h"

namespace ogicheck::eval {
namespace {

bool In(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// One finding per table listing the cells `pick` selects (the first eight by their labels, then
// a count), located at the first of them: a table with many such cells is one problem.
template <typename Pick>
void ReportCellsPerTable(const ReportEnv& env, const rules::Rule& rule, Pick pick,
                         RuleOutput* out) {
  for (const std::string& id : rule.tables) {
    const Table* t = FindTable(env.doc, id);
    if (!t) continue;
    EvalContext ctx(env, rule);
    std::string list;
    const TableCell* first = nullptr;
    int n = 0;
    for (const TableCell& c : t->cells) {
      if (!pick(c)) continue;
      if (!first) first = &c;
      AddCellEvidence(ctx, *t, c);
      if (++n <= 8)
        list += (list.empty() ? "" : "、") + RowLabel(env, *t, c.row) + "·" +
                ColLabel(env, id, c.col) + (c.raw.empty() ? "（空白）" : "（" + c.raw + "）");
    }
    if (!first) continue;
    if (n > 8) list += "等" + std::to_string(n) + "处";
    ctx.strings["table"] = TableName(id);
    ctx.strings["blanks"] = list;
    ctx.strings["row_label"] = RowLabel(env, *t, first->row);
    ctx.strings["col_label"] = ColLabel(env, id, first->col);
    ctx.strings["match"] = first->raw;
    Finding f = MakeFinding(rule, Outcome::kFail);
    f.message = RenderMessage(ctx);
    f.evidence = ctx.evidence;
    f.location.section = TableSection(env, id);
    f.location.table = id;
    f.location.row = first->row;
    f.location.col = first->col;
    Span where = first->span;  // a blank cell has no span of its own: its row's
    if (where.empty())
      if (const TableRow* r = t->Row(first->row)) where = r->span;
    SetLocationFromSpan(env.doc, where, &f.location);
    f.fingerprint = Fingerprint(f, "");
    out->findings.push_back(std::move(f));
  }
}

}  // namespace

void EvalCellType(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  // Ambiguous cells are left to the arithmetic rules (they make those inconclusive); blank cells
  // to blank_cells.
  ReportCellsPerTable(
      env, rule,
      [&rule](const TableCell& c) {
        if (c.ambiguous || c.raw.empty()) return false;
        if (c.semantic == CellSemantic::kText) return true;
        if (!c.value) return false;
        const double v = *c.value;
        if (v < 0 && (!In(rule.signed_cols, c.col) || In(rule.decimal_cols, c.col))) return true;
        return std::fabs(v - std::round(v)) > 1e-9 && !In(rule.decimal_cols, c.col);
      },
      out);
}

void EvalBlankCells(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  ReportCellsPerTable(
      env, rule,
      [](const TableCell& c) {
        return c.semantic == CellSemantic::kBlank || c.semantic == CellSemantic::kDash;
      },
      out);
}

}  // namespace ogicheck::eval
