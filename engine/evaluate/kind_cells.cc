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

}  // namespace

void EvalCellType(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  // One finding per table listing its bad cells. Ambiguous cells are left to the arithmetic
  // rules (they make those inconclusive); blank cells to blank_cells.
  for (const std::string& id : rule.tables) {
    const Table* t = FindTable(env.doc, id);
    if (!t) continue;
    EvalContext ctx(env, rule);
    std::string list;
    const TableCell* first = nullptr;
    int n = 0;
    for (const TableCell& c : t->cells) {
      if (c.ambiguous || c.raw.empty()) continue;
      bool bad = c.semantic == CellSemantic::kText;
      if (c.value && c.semantic != CellSemantic::kText) {
        double v = *c.value;
        if (v < 0 && (!In(rule.signed_cols, c.col) || In(rule.decimal_cols, c.col))) bad = true;
        if (std::fabs(v - std::round(v)) > 1e-9 && !In(rule.decimal_cols, c.col)) bad = true;
      }
      if (!bad) continue;
      if (!first) first = &c;
      AddCellEvidence(ctx, *t, c);
      if (++n <= 8)
        list += (list.empty() ? "" : "、") + RowLabel(env, *t, c.row) + "·" +
                ColLabel(env, id, c.col) + "（" + c.raw + "）";
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
    f.location = {0, 0, TableSection(env, id), id, first->row, first->col};
    SetLocationFromSpan(env.doc, first->span, &f.location);
    f.fingerprint = Fingerprint(f, "");
    out->findings.push_back(std::move(f));
  }
}

void EvalBlankCells(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  // One finding per table, listing its blank cells: a table with many blanks is one problem.
  for (const std::string& id : rule.tables) {
    const Table* t = FindTable(env.doc, id);
    if (!t) continue;
    EvalContext ctx(env, rule);
    std::string list;
    const TableCell* first = nullptr;
    int n = 0;
    for (const TableCell& c : t->cells) {
      if (c.semantic != CellSemantic::kBlank && c.semantic != CellSemantic::kDash) continue;
      if (!first) first = &c;
      AddCellEvidence(ctx, *t, c);
      if (++n <= 8)
        list += (list.empty() ? "" : "、") + RowLabel(env, *t, c.row) + "·" +
                ColLabel(env, id, c.col) + (c.raw.empty() ? "（空白）" : "（" + c.raw + "）");
    }
    if (!first) continue;
    if (n > 8) list += "等" + std::to_string(n) + "处";
    ctx.strings["blanks"] = list;
    ctx.strings["table"] = TableName(id);
    Finding f = MakeFinding(rule, Outcome::kFail);
    f.message = RenderMessage(ctx);
    f.evidence = ctx.evidence;
    f.location = {0, 0, TableSection(env, id), id, first->row, first->col};
    Span where = first->span;
    if (where.empty())
      if (const TableRow* r = t->Row(first->row)) where = r->span;
    SetLocationFromSpan(env.doc, where, &f.location);
    f.fingerprint = Fingerprint(f, "");
    out->findings.push_back(std::move(f));
  }
}

}  // namespace ogicheck::eval
