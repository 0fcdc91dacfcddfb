// The assert kind: an expression over cells, facts and parameters must hold, once or for each
// row or column of a table.
#include <cmath>

#include "evaluate/kinds.h"

namespace ogicheck::eval {

bool OnlyIf(EvalContext& ctx, RuleOutput* out) {
  if (!ctx.rule.only_if) return true;
  bool saved = ctx.record;
  ctx.record = false;  // the guard's operands are not evidence of the finding
  const size_t missing_before = ctx.missing.size();  // the guard only adds to the set
  bool ok = EvalExpr(*ctx.rule.only_if, ctx) != 0;
  ctx.record = saved;
  if (ctx.missing.size() != missing_before) {
    out->missing.insert(ctx.missing.begin(), ctx.missing.end());
    return false;
  }
  return ok;
}

void AddPass(EvalContext& ctx, RuleOutput* out, const std::string& extra) {
  if (!ctx.env.record_passed) return;
  Finding f = MakeFinding(ctx.rule, Outcome::kPass);
  f.evidence = ctx.evidence;
  f.location.row = std::string(ctx.row);
  f.location.col = std::string(ctx.col);
  f.fingerprint = Fingerprint(f, extra);
  out->passed.push_back(std::move(f));
}

namespace {

// Location of an assert finding: the `at` cell, else the first cell used.
void Locate(EvalContext& ctx, Finding* f) {
  const TableCell* cell = nullptr;
  std::string table;
  if (ctx.rule.at) {
    EvalContext probe(ctx.env, ctx.rule);
    probe.row = ctx.row;
    probe.col = ctx.col;
    EvalExpr(*ctx.rule.at, probe);
    if (!probe.cells.empty()) {
      cell = probe.cells.front();
      table = *probe.cell_tables.front();
    }
  }
  if (!cell && !ctx.cells.empty()) {
    cell = ctx.cells.front();
    table = *ctx.cell_tables.front();
  }
  if (!cell) return;
  f->location.table = table;
  f->location.row = cell->row;
  f->location.col = cell->col;
  f->location.section = TableSection(ctx.env, table);
  Span where = cell->span;
  if (where.empty())
    if (const Table* t = FindTable(ctx.env.doc, table))
      if (const TableRow* r = t->Row(cell->row)) where = r->span;
  SetLocationFromSpan(ctx.env.doc, where, &f->location);
}

// Whether the check passes, decided without building evidence (most checks pass, and the
// evidence labels were a large part of the evaluation time). Only used when passed checks are not
// recorded; a check that does not pass is evaluated again in full.
bool PassesQuickly(const ReportEnv& env, const rules::Rule& rule, std::string_view row,
                   std::string_view col) {
  EvalContext ctx(env, rule);
  ctx.row = row;
  ctx.col = col;
  ctx.with_evidence = false;
  // Room for the cells of a typical check (a row total and its six parts): one allocation each
  // instead of four as the vectors grow.
  ctx.cells.reserve(16);
  ctx.cell_tables.reserve(16);
  RuleOutput scratch;
  if (!OnlyIf(ctx, &scratch)) return false;
  for (const auto& [name, e] : rule.values) ctx.values[name] = EvalExpr(*e, ctx);
  return EvalExpr(*rule.expr, ctx) != 0 && ctx.missing.empty();
}

void EvalOnce(const ReportEnv& env, const rules::Rule& rule, std::string_view row,
              std::string_view col, RuleOutput* out) {
  if (!env.record_passed && PassesQuickly(env, rule, row, col)) return;
  EvalContext ctx(env, rule);
  ctx.row = row;
  ctx.col = col;
  if (!OnlyIf(ctx, out)) return;
  for (const auto& [name, e] : rule.values) ctx.values[name] = EvalExpr(*e, ctx);
  bool ok = EvalExpr(*rule.expr, ctx) != 0;
  if (!ctx.missing.empty()) {
    out->missing.insert(ctx.missing.begin(), ctx.missing.end());
    return;
  }
  std::string binding = std::string(row) + "|" + std::string(col);
  if (ok) return AddPass(ctx, out, binding);
  bool unsure = ctx.ambiguous || ctx.text_cell || ctx.div_zero;
  Finding f = MakeFinding(rule, unsure ? Outcome::kInconclusive : Outcome::kFail);
  if (ctx.have_cmp) {
    ctx.values["lhs"] = ctx.lhs;
    ctx.values["rhs"] = ctx.rhs;
    ctx.values["diff"] = ctx.lhs - ctx.rhs;
  }
  f.message = RenderMessage(ctx);
  if (ctx.ambiguous)
    f.message += "（所涉单元格的数字拆分不唯一，结果待人工核实）";
  else if (ctx.text_cell)
    f.message += "（所涉单元格含非数字内容，结果待人工核实）";
  else if (ctx.div_zero)
    f.message += "（除数为零，无法判断）";
  f.evidence = ctx.evidence;
  Locate(ctx, &f);
  f.fingerprint = Fingerprint(f, binding);
  out->findings.push_back(std::move(f));
}

}  // namespace

void EvalAssert(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  if (rule.each_table.empty()) return EvalOnce(env, rule, "", "", out);
  const Table* t = FindTable(env.doc, rule.each_table);
  if (!t) {
    out->missing.insert("table:" + rule.each_table);
    return;
  }
  if (rule.each_var == "row") {
    for (std::string_view r : ExpandRows(*t, rule.each_items, nullptr, env.cell_index))
      EvalOnce(env, rule, r, "", out);
  } else {
    for (std::string_view c : ExpandCols(*t, rule.each_items, nullptr))
      EvalOnce(env, rule, "", c, out);
  }
}

}  // namespace ogicheck::eval
