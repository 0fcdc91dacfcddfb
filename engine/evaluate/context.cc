// Shared helpers of the evaluators: labels, selector expansion, evidence, messages, fingerprints.
#include "evaluate/context.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>

namespace ogicheck::eval {

std::string IsoDate(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string FormatNumber(double v) {
  char buf[64];
  if (std::fabs(v - std::round(v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", std::round(v));
  } else {
    std::snprintf(buf, sizeof buf, "%.4f", v);
    std::string s(buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }
  return buf;
}

const Table* FindTable(const Document& doc, const std::string& id) {
  for (const Table& t : doc.tables)
    if (t.id == id) return &t;
  return nullptr;
}

namespace {

const SchemaTable* SchemaTableOf(const ReportEnv& env, const std::string& table) {
  return env.schema ? env.schema->FindTable(table) : nullptr;
}

bool MatchItem(const std::string& item, const std::string& id, const EvalContext* ctx) {
  if (item == "*") return true;
  if (item.size() > 2 && item.compare(item.size() - 2, 2, ".*") == 0)  // "x.*": ids "x.…"
    return std::string_view(id).starts_with(std::string_view(item).substr(0, item.size() - 1));
  if (ctx && item == "$row") return id == ctx->row;
  if (ctx && item == "$col") return id == ctx->col;
  return id == item;
}

// Expands selector items against a table's row or column ids: "*" and "x.*" patterns, the loop
// variables $row / $col, plain ids (kept even when absent, so that they are reported missing).
// Views into the table, the items and ctx: they outlive the expansion.
template <typename Ids, typename IdOf, typename Keep>
std::vector<std::string_view> Expand(const Ids& ids, IdOf id_of, Keep keep,
                                     const std::vector<std::string>& items,
                                     const EvalContext* ctx) {
  std::vector<std::string_view> out;
  auto add = [&out](std::string_view id) {
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  for (const std::string& item : items) {
    bool pattern = item == "*" || (item.size() > 2 && item.ends_with(".*"));
    if (!pattern) {
      add(item == "$row" && ctx   ? std::string_view(ctx->row)
          : item == "$col" && ctx ? std::string_view(ctx->col)
                                  : std::string_view(item));
      continue;
    }
    for (const auto& entry : ids) {
      const std::string& id = id_of(entry);
      if (MatchItem(item, id, ctx) && keep(id)) add(id);
    }
  }
  return out;
}

}  // namespace

std::vector<std::string_view> ExpandRows(const Table& t, const std::vector<std::string>& items,
                                         const EvalContext* ctx, CellIndex& index) {
  // Only rows that hold cells (group headers without cells are not data rows); the document's
  // cell index tells (a scan of the table's cells for every row was quadratic).
  return Expand(
      t.rows, [](const TableRow& r) -> const std::string& { return r.id; },
      [&](const std::string& id) { return index.HasRow(t, id); }, items, ctx);
}

std::vector<std::string_view> ExpandCols(const Table& t, const std::vector<std::string>& items,
                                         const EvalContext* ctx) {
  return Expand(
      t.columns, [](const std::string& c) -> const std::string& { return c; },
      [](const std::string&) { return true; }, items, ctx);
}

namespace {

// Labels as printed may be broken over lines ("只计这一情 形，不\n计其他情形"): one line, no
// spaces between Chinese characters.
std::string OneLine(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') continue;
    out += c;
  }
  return out;
}

}  // namespace

std::string RowLabel(const ReportEnv& env, const Table& t, const std::string& row) {
  // The schema's official label when there is one: printed labels can be damaged (OCR, PDF).
  if (const SchemaTable* st = SchemaTableOf(env, t.id))
    for (const SchemaRow& r : st->rows)
      if (r.id == row && !r.label.empty()) return r.label;
  if (const TableRow* r = t.Row(row); r && !r->label.empty()) return OneLine(r->label);
  return row;
}

std::string ColLabel(const ReportEnv& env, const std::string& table, const std::string& col) {
  if (const SchemaTable* st = SchemaTableOf(env, table))
    for (const SchemaColumn& c : st->columns)
      if (c.id == col) return c.label;
  // Without a schema (fixtures, tests): the official labels of the fixed column ids.
  static const std::pair<const char*, const char*> kLabels[] = {
      {"natural_person", "自然人"},
      {"commercial", "商业企业"},
      {"research", "科研机构"},
      {"public_interest", "社会公益组织"},
      {"legal_service", "法律服务机构"},
      {"other", "其他"},
      {"total", "总计"},
      {"upheld", "结果维持"},
      {"corrected", "结果纠正"},
      {"pending", "尚未审结"},
      {"new_made", "本年新制作数量"},
      {"new_published", "本年新公开数量"},
      {"total_published", "对外公开总数量"},
      {"issued", "本年制发件数"},
      {"repealed", "本年废止件数"},
      {"in_force", "现行有效件数"},
      {"prev_items", "上一年项目数量"},
      {"change", "本年增/减"},
      {"decisions", "处理决定数量"},
      {"amount", "金额"},
      {"projects", "采购项目数量"}};
  for (const auto& [id, label] : kLabels) {
    if (col != id) continue;
    if (table == "review_litigation" && col == "other") return "其他结果";
    return label;
  }
  return col;
}

std::string TableSection(const ReportEnv& env, const std::string& table) {
  if (const SchemaTable* st = SchemaTableOf(env, table); st && !st->section.empty())
    return st->section;
  if (table == "applications") return "三";
  if (table == "review_litigation") return "四";
  if (table.rfind("art20_", 0) == 0) return "二";
  return "";
}

std::string TableName(const std::string& table) {
  if (table == "applications") return "表三（收到和处理政府信息公开申请情况）";
  if (table == "review_litigation") return "表四（行政复议、行政诉讼情况）";
  static const std::pair<const char*, const char*> kArt20[] = {{"art20_1", "第二十条第（一）项"},
                                                               {"art20_5", "第二十条第（五）项"},
                                                               {"art20_6", "第二十条第（六）项"},
                                                               {"art20_8", "第二十条第（八）项"},
                                                               {"art20_9", "第二十条第（九）项"}};
  for (const auto& [id, name] : kArt20)
    if (table == id) return std::string("表二") + name;
  return table;
}

void SetLocationFromSpan(const Document& doc, Span span, FindingLocation* loc) {
  if (span.empty() && span.begin == 0) return;
  SourcePos p = doc.text().PosOf(span.begin);
  loc->line = p.line;
  loc->column = p.column;
  loc->page = p.page;
  loc->element = p.element;
}

void SetEvidencePos(const Document& doc, uint32_t offset, Evidence* ev) {
  SourcePos p = doc.text().PosOf(offset);
  ev->line = p.line;
  ev->page = p.page;
}

void AddCellEvidence(EvalContext& ctx, const Table& t, const TableCell& cell) {
  std::string ref = t.id + "." + cell.row + "." + cell.col;
  for (const Evidence& e : ctx.evidence)
    if (e.ref == ref) return;
  Evidence ev;
  ev.ref = ref;
  ev.label = RowLabel(ctx.env, t, cell.row) + "·" + ColLabel(ctx.env, t.id, cell.col);
  if (cell.value && cell.semantic != CellSemantic::kText) ev.value = cell.value;
  ev.raw = cell.raw;
  Span where = cell.span;
  if (where.empty())
    if (const TableRow* r = t.Row(cell.row)) where = r->span;
  if (!where.empty()) SetEvidencePos(ctx.env.doc, where.begin, &ev);
  ctx.evidence.push_back(std::move(ev));
}

std::string RenderMessage(EvalContext& ctx) {
  bool saved = ctx.record;
  ctx.record = false;
  std::string out;
  for (const rules::MessagePiece& p : ctx.rule.message) {
    if (!p.literal.empty()) {
      out += p.literal;
    } else if (p.expr) {
      out += FormatNumber(EvalExpr(*p.expr, ctx));
    } else {
      auto it = ctx.strings.find(p.name);
      if (it != ctx.strings.end())
        out += it->second;
      else if (p.name == "row")
        out += ctx.row;
      else if (p.name == "col")
        out += ctx.col;
      else if (p.name == "row_label" || p.name == "col_label") {
        const Table* t = FindTable(ctx.env.doc, ctx.rule.each_table);
        if (t && p.name == "row_label") out += RowLabel(ctx.env, *t, std::string(ctx.row));
        if (p.name == "col_label") out += ColLabel(ctx.env, ctx.rule.each_table, std::string(ctx.col));
      }
    }
  }
  ctx.record = saved;
  return out;
}

Finding MakeFinding(const rules::Rule& rule, Outcome outcome) {
  Finding f;
  f.rule = rule.id;
  f.title = rule.title;
  f.severity = rule.severity;
  f.outcome = outcome;
  f.basis = rule.basis;
  return f;
}

std::string Fingerprint(const Finding& f, const std::string& extra) {
  // FNV-1a over what identifies the finding; lines are deliberately left out.
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0xff;
    h *= 1099511628211ULL;
  };
  mix(f.rule);
  mix(OutcomeName(f.outcome));
  mix(f.location.table);
  mix(f.location.row);
  mix(f.location.col);
  for (const Evidence& e : f.evidence) {
    mix(e.ref);
    mix(e.value ? FormatNumber(*e.value) : "blank:" + e.raw);
  }
  mix(extra);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, h);
  return buf;
}

}  // namespace ogicheck::eval
