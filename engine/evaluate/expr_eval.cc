// Evaluation of rule expressions over a Document: cells, selections, meta facts, parameters.
// Blank and dash cells count as 0 but stay visible in the evidence (missing is not zero).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <span>

#include "evaluate/context.h"

namespace ogicheck::eval {
namespace {

using rules::Expr;
using rules::ExprKind;

int TitleYear(const std::string& title) {
  // The first 4-digit year 19xx/20xx in the title.
  for (size_t i = 0; i + 4 <= title.size(); ++i) {
    if ((title.compare(i, 2, "19") == 0 || title.compare(i, 2, "20") == 0) &&
        std::isdigit(static_cast<unsigned char>(title[i + 2])) &&
        std::isdigit(static_cast<unsigned char>(title[i + 3])) &&
        (i + 4 == title.size() || !std::isdigit(static_cast<unsigned char>(title[i + 4]))) &&
        (i == 0 || !std::isdigit(static_cast<unsigned char>(title[i - 1]))))
      return std::stoi(title.substr(i, 4));
  }
  return 0;
}

bool MetaValue(const Document& doc, const std::string& name, double* out) {
  const Metadata& m = doc.meta;
  int v = 0;
  if (name == "meta.report_year")
    v = m.report_year;
  else if (name == "meta.title_year")
    v = TitleYear(m.title);
  else if (name == "meta.period_begin_year")
    v = m.period_begin ? m.period_begin->year : 0;
  else if (name == "meta.period_end_year")
    v = m.period_end ? m.period_end->year : 0;
  else if (name == "meta.published_year")
    v = m.published ? m.published->date.year : 0;
  else if (name == "meta.published_month")
    v = m.published ? m.published->date.month : 0;
  else if (name == "meta.published_day")
    v = m.published ? m.published->date.day : 0;
  else if (name == "meta.signature_year")
    v = m.signature ? m.signature->date.year : 0;
  if (v == 0) return false;
  *out = v;
  return true;
}

// Value of one cell, recording evidence and the state flags.
double CellValue(EvalContext& ctx, const Table& t, const TableCell& c) {
  if (ctx.record) {
    if (ctx.with_evidence) AddCellEvidence(ctx, t, c);
    ctx.cells.push_back(&c);
    ctx.cell_tables.push_back(&t.id);
    if (c.ambiguous) ctx.ambiguous = true;
    if (c.semantic == CellSemantic::kText) ctx.text_cell = true;
  }
  return c.value.value_or(0);
}

// The ids a selector's items expand to: memoised per document unless they name the loop
// variables, which change from one for_each binding to the next. The loop variable alone
// ("$row") is a view of the binding; other items naming it are expanded into *own.
std::span<const std::string_view> SelectedIds(const Table& t, const std::vector<std::string>& items,
                                              bool rows, const EvalContext& ctx,
                                              std::string_view* one,
                                              std::vector<std::string_view>* own) {
  // Checked by size and first byte first: this runs for every selection evaluated.
  auto is_loop_var = [](const std::string& item) {
    return item.size() == 4 && item[0] == '$' && (item == "$row" || item == "$col");
  };
  if (items.size() == 1 && is_loop_var(items[0])) {
    *one = items[0] == "$row" ? std::string_view(ctx.row) : std::string_view(ctx.col);
    return {one, 1};
  }
  auto expand = [&] { return rows ? ExpandRows(t, items, &ctx, ctx.env.cell_index) : ExpandCols(t, items, &ctx); };
  const bool loop_var = std::any_of(items.begin(), items.end(), is_loop_var);
  if (loop_var) return *own = expand();
  return ctx.env.cell_index.Expansion(t, items, rows, expand);
}

// Calls sink(value) for every cell a kCell / kSelect names (absent cells are skipped for
// selections). A visitor rather than a vector: selections are evaluated hundreds of times per
// report, and a vector each was the evaluation's most frequent allocation.
template <typename Sink>
void VisitSelected(const Expr& e, EvalContext& ctx, Sink sink) {
  const Table* t = FindTable(ctx.env.doc, e.table);
  if (!t) {
    ctx.missing.insert("table:" + e.table);
    return;
  }
  std::string_view row_id, col_id;                 // a loop variable alone
  std::vector<std::string_view> row_ids, col_ids;  // other items naming $row / $col
  const auto rows = SelectedIds(*t, e.rows.items, true, ctx, &row_id, &row_ids);
  const auto cols = SelectedIds(*t, e.cols.items, false, ctx, &col_id, &col_ids);
  bool single = e.kind == ExprKind::kCell;
  for (const auto& r : rows) {
    const CellIndex::RowCells* row = ctx.env.cell_index.Row(*t, r);  // looked up once per row
    for (const auto& c : cols) {
      const TableCell* cell = CellIndex::InRow(row, c);
      if (!cell) {
        if (single)
          ctx.missing.insert("cell:" + e.table + "." + std::string(r) + "." + std::string(c));
        continue;
      }
      sink(CellValue(ctx, *t, *cell));
    }
  }
  if (single && rows.empty())
    ctx.missing.insert("cell:" + e.table + "." + e.rows.Dump() + "." + e.cols.Dump());
}

// The values of a function's arguments, folded as they come (the functions need no more): in
// argument order, a selection giving all its cells, anything else one value.
struct Folded {
  size_t count = 0;
  double sum = 0, first = 0, min = 0, max = 0;
  void Add(double v) {
    if (count == 0) first = min = max = v;
    sum += v;
    min = std::min(min, v);
    max = std::max(max, v);
    ++count;
  }
};

void FoldArg(const Expr& a, EvalContext& ctx, Folded* out) {
  if (a.kind == ExprKind::kSelect || a.kind == ExprKind::kCell) {
    VisitSelected(a, ctx, [out](double v) { out->Add(v); });
  } else {
    out->Add(EvalExpr(a, ctx));
  }
}

}  // namespace

double ToleranceFor(const EvalContext& ctx, size_t from, size_t to) {
  switch (ctx.rule.tolerance) {
    case rules::Tolerance::kExact:
      return 1e-9;
    case rules::Tolerance::kFixed:
      return ctx.rule.tolerance_value + 1e-9;
    case rules::Tolerance::kPrinted: {
      // Each operand is only known to half a unit of its last printed digit: 38685.5 → ±0.05.
      double tol = 1e-9;
      for (size_t i = from; i < to && i < ctx.cells.size(); ++i) {
        const TableCell& c = *ctx.cells[i];
        if (!c.value) continue;
        size_t dot = c.raw.find('.');
        int decimals = 0;
        if (dot != std::string::npos)
          while (dot + 1 + decimals < c.raw.size() &&
                 std::isdigit(static_cast<unsigned char>(c.raw[dot + 1 + decimals])))
            ++decimals;
        tol += 0.5 * std::pow(10.0, -decimals);
      }
      return tol;
    }
  }
  return 1e-9;
}

double EvalExpr(const Expr& e, EvalContext& ctx) {
  switch (e.kind) {
    case ExprKind::kNumber:
      return e.number;
    case ExprKind::kName: {
      auto v = ctx.values.find(e.op);
      if (v != ctx.values.end()) return v->second;
      auto p = ctx.env.parameters.find(e.op);
      if (p != ctx.env.parameters.end()) return p->second;
      double m = 0;
      if (e.op.rfind("meta.", 0) == 0) {
        if (MetaValue(ctx.env.doc, e.op, &m)) {
          if (ctx.record && ctx.with_evidence) {
            Evidence ev;
            ev.ref = e.op;
            ev.label = e.op;
            ev.value = m;
            ev.raw = FormatNumber(m);
            if (std::none_of(ctx.evidence.begin(), ctx.evidence.end(),
                             [&](const Evidence& x) { return x.ref == ev.ref; }))
              ctx.evidence.push_back(ev);
          }
          return m;
        }
        ctx.missing.insert("meta:" + e.op.substr(5));
      }
      return 0;
    }
    case ExprKind::kCell: {
      double first = 0;
      bool seen = false;
      VisitSelected(e, ctx, [&](double v) {
        if (!seen) first = v, seen = true;
      });
      return first;
    }
    case ExprKind::kSelect: {
      // A selection used as a plain value is its sum.
      double s = 0;
      VisitSelected(e, ctx, [&s](double v) { s += v; });
      return s;
    }
    case ExprKind::kUnary: {
      double v = EvalExpr(*e.args[0], ctx);
      return e.code == rules::Op::kNeg ? -v : (v == 0 ? 1 : 0);
    }
    case ExprKind::kCall: {
      if (e.code == rules::Op::kExists) {
        // 1 when every cell the argument names is in the report (optional columns such as a
        // 法人或其他组织小计): never a missing input, never evidence.
        EvalContext probe(ctx.env, ctx.rule);
        probe.row = ctx.row;
        probe.col = ctx.col;
        probe.values = ctx.values;
        EvalExpr(*e.args[0], probe);
        return probe.missing.empty() && !probe.cells.empty() ? 1 : 0;
      }
      Folded vals;
      for (const auto& a : e.args) FoldArg(*a, ctx, &vals);
      if (e.code == rules::Op::kCount) return static_cast<double>(vals.count);
      if (e.code == rules::Op::kSum) return vals.sum;
      if (vals.count == 0) return 0;
      switch (e.code) {
        case rules::Op::kAbs:
          return std::fabs(vals.first);
        case rules::Op::kMin:
          return vals.min;
        case rules::Op::kMax:
          return vals.max;
        default:
          return 0;
      }
    }
    case ExprKind::kBinary: {
      using rules::Op;
      const Op op = e.code;
      if (op == Op::kAnd)
        return EvalExpr(*e.args[0], ctx) != 0 && EvalExpr(*e.args[1], ctx) != 0 ? 1 : 0;
      if (op == Op::kOr) {
        // Both sides are evaluated so that the evidence names every operand.
        bool a = EvalExpr(*e.args[0], ctx) != 0;
        bool b = EvalExpr(*e.args[1], ctx) != 0;
        return a || b ? 1 : 0;
      }
      size_t from = ctx.cells.size();
      double a = EvalExpr(*e.args[0], ctx);
      double b = EvalExpr(*e.args[1], ctx);
      switch (op) {
        case Op::kAdd:
          return a + b;
        case Op::kSub:
          return a - b;
        case Op::kMul:
          return a * b;
        case Op::kDiv:
          if (b == 0) {
            ctx.div_zero = true;
            return 0;
          }
          return a / b;
        default:
          break;
      }
      double tol = ToleranceFor(ctx, from, ctx.cells.size());
      bool r = false;
      switch (op) {
        case Op::kEq:
          r = std::fabs(a - b) <= tol;
          break;
        case Op::kNe:
          r = std::fabs(a - b) > tol;
          break;
        case Op::kLt:
          r = a < b - tol;
          break;
        case Op::kLe:
          r = a <= b + tol;
          break;
        case Op::kGt:
          r = a > b + tol;
          break;
        case Op::kGe:
          r = a >= b - tol;
          break;
        default:
          break;
      }
      if (!r && !ctx.have_cmp && ctx.record) {
        ctx.have_cmp = true;
        ctx.lhs = a;
        ctx.rhs = b;
      }
      return r ? 1 : 0;
    }
  }
  return 0;
}

}  // namespace ogicheck::eval
