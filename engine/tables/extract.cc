// ExtractTables: locates each schema table in the compact stream (by its title, in schema
// order), finds its row labels, collects the number/dash pieces of its region and hands them to
// the layout (layouts.h). The approach is described in engine/tables/README.md.
#include "tables/extract.h"

#include <algorithm>

#include "tables/cell_value.h"
#include "tables/cells.h"
#include "tables/labels.h"
#include "tables/layouts.h"
#include "tables/schema_forms.h"
#include "tables/stream.h"

namespace ogicheck {
namespace {

using tables::Claims;
using tables::FoundRow;
using tables::LabelHit;
using tables::SchemaForms;
using tables::TableForms;
using tables::Stream;
using tables::TableContext;
using tables::Token;

constexpr size_t kMaxRegion = 64 * 1024;  // a table never spans more; bounds a missed end marker

struct Located {
  const SchemaTable* schema;
  const TableForms* forms;
  size_t title_begin;
  size_t title_end;
};

// Tables in schema order; each is searched after the previous one's title.
std::vector<Located> LocateTables(const Stream& st, const ReportSchema& schema,
                                  const SchemaForms& forms) {
  std::vector<Located> out;
  size_t cursor = 0;
  const Claims none;
  for (size_t ti = 0; ti < schema.tables.size(); ++ti) {
    const SchemaTable& t = schema.tables[ti];
    const TableForms& tf = forms.tables[ti];
    size_t best = std::string::npos, best_end = 0;
    for (const std::string& form : tf.titles) {
      const size_t limit = best == std::string::npos ? st.size() : best + form.size();
      size_t p = tables::FindFree(st, form, cursor, limit, none);
      if (p < best) best = p, best_end = p + form.size();
    }
    if (best == std::string::npos) {
      // No caption: start at one of the first two long row labels (short ones like 规章 occur
      // in prose; later rows would only cost more scans of texts that have no table).
      int tried = 0;
      for (size_t ri = 0; ri < t.rows.size(); ++ri) {
        const SchemaRow& r = t.rows[ri];
        const std::string& form = tf.rows[ri].label;
        if (form.size() < 24 || r.is_group_header) continue;
        size_t p = tables::FindFree(st, form, cursor, st.size(), none);
        if (p < best) best = p, best_end = p;
        if (++tried == 2) break;
      }
    }
    if (best == std::string::npos) continue;
    out.push_back({&t, &tf, best, best_end});
    cursor = best_end;
  }
  // A caption can also be cited in the prose before the table ("按照第二十条第（一）项…"): of
  // several occurrences before the next table, the last one is the table's.
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i].title_end == out[i].title_begin) continue;  // started at a row label
    const std::string form =
        st.str().substr(out[i].title_begin, out[i].title_end - out[i].title_begin);
    for (size_t p = tables::FindFree(st, form, out[i].title_end, out[i + 1].title_begin, none);
         p != std::string::npos;
         p = tables::FindFree(st, form, p + form.size(), out[i + 1].title_begin, none))
      out[i].title_begin = p, out[i].title_end = p + form.size();
  }
  return out;
}

// End of the last table: the heading of a later section (五、存在的主要问题…), else a cap.
size_t LastRegionEnd(const Stream& st, const ReportSchema& schema, const SchemaForms& forms,
                     const SchemaTable& t, size_t from) {
  size_t end = std::min(st.size(), from + kMaxRegion);
  bool later = false;
  Claims none;
  for (size_t si = 0; si < schema.sections.size(); ++si) {
    if (schema.sections[si].id == t.section) {
      later = true;
      continue;
    }
    if (!later) continue;
    for (const std::string& f : forms.sections[si])
      end = std::min(end, tables::FindFree(st, f, from, end, none));
  }
  return end;
}

CellMatch LabelMatch(const SourceText& text, const Stream& st, size_t begin, size_t end,
                     const std::string& printed_label, bool variant) {
  if (variant) return CellMatch::kVariant;
  const Span span = st.TextSpan(begin, end);
  return text.Slice(span) == printed_label ? CellMatch::kExact : CellMatch::kNormalised;
}

// Finds the row labels of `t` in [begin, end): longest forms first so that a short label never
// takes the place of a longer one containing it.
std::vector<FoundRow> FindRows(const SourceText& text, const Stream& st, const SchemaTable& t,
                               const TableForms& tf, size_t begin, size_t end, Claims* claims) {
  struct Form {
    const SchemaRow* row;
    const tables::RowForms* row_forms;
    const std::string* form;
    bool variant;
  };
  std::vector<Form> forms;
  for (size_t ri = 0; ri < t.rows.size(); ++ri) {
    const tables::RowForms& rf = tf.rows[ri];
    forms.push_back({&t.rows[ri], &rf, &rf.label, false});
    for (const std::string& v : rf.variants) forms.push_back({&t.rows[ri], &rf, &v, true});
  }
  std::stable_sort(forms.begin(), forms.end(),
                   [](const Form& a, const Form& b) { return a.form->size() > b.form->size(); });
  std::vector<FoundRow> found;
  auto has = [&](const SchemaRow* r) {
    for (const FoundRow& f : found)
      if (f.row == r) return true;
    return false;
  };
  for (const Form& f : forms) {
    if (has(f.row)) continue;
    // A row interrupted by its numbers is tried before its short variants take a prefix.
    if (f.variant) {
      LabelHit hit = tables::FindInterrupted(st, f.row_forms->label, begin, end, *claims);
      if (hit.found) {
        for (const auto& [b, e] : hit.parts) claims->Add(b, e);
        found.push_back({f.row, std::move(hit)});
        continue;
      }
    }
    const size_t size = f.form->size();
    size_t p = tables::FindFree(st, *f.form, begin, end, *claims);
    if (p == std::string::npos) continue;
    LabelHit hit;
    hit.found = true;
    hit.begin = p;
    hit.parts = {{p, p + size}};
    hit.match = LabelMatch(text, st, p, p + size, f.row_forms->printed, f.variant);
    claims->Add(p, p + size);
    found.push_back({f.row, std::move(hit)});
  }
  for (size_t ri = 0; ri < t.rows.size(); ++ri) {  // labels without variants may be interrupted
    const SchemaRow& r = t.rows[ri];
    if (has(&r) || !r.variants.empty()) continue;
    LabelHit hit = tables::FindInterrupted(st, tf.rows[ri].label, begin, end, *claims);
    if (!hit.found) continue;
    for (const auto& [b, e] : hit.parts) claims->Add(b, e);
    found.push_back({&r, std::move(hit)});
  }
  std::sort(found.begin(), found.end(),
            [](const FoundRow& a, const FoundRow& b) { return a.hit.begin < b.hit.begin; });
  return found;
}

// Crawled records glue the last cell to the next heading: "…0000000四、政府信息公开…". A piece
// made of a number followed by a Chinese heading numeral and 、 ends before the numeral.
size_t NumberBeforeHeading(const std::string& s, size_t begin, size_t end) {
  static const std::string_view kNumerals[] = {"一", "二", "三", "四", "五",
                                               "六", "七", "八", "九", "十"};
  size_t k = begin;
  while (k < end && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.' || s[k] == '+' || s[k] == '-'))
    ++k;
  if (k == begin || k == end) return end;
  std::string_view rest(s.data() + k, end - k);
  for (std::string_view unit : {"万元", "元"})
    if (rest.starts_with(unit)) {
      k += unit.size();
      rest.remove_prefix(unit.size());
      break;
    }
  for (std::string_view n : kNumerals)
    if (rest.starts_with(n) && rest.substr(n.size()).starts_with("\xE3\x80\x81")) return k;
  return end;
}

// Number and dash pieces of [begin, end) outside the claims; pieces end at whitespace and at
// claimed labels.
std::vector<Token> Tokens(const Stream& st, size_t begin, size_t end, const Claims& claims) {
  std::vector<std::pair<size_t, size_t>> spans = claims.spans();
  std::sort(spans.begin(), spans.end());
  std::vector<Token> out;
  const std::string& s = st.str();
  size_t i = begin, next_claim = 0;
  bool text_seen = false;
  while (i < end) {
    while (next_claim < spans.size() && spans[next_claim].second <= i) ++next_claim;
    if (next_claim < spans.size() && spans[next_claim].first <= i) {
      i = spans[next_claim].second;
      continue;
    }
    size_t stop = end;
    if (next_claim < spans.size()) stop = std::min(stop, spans[next_claim].first);
    size_t j = i + 1;
    while (j < stop && st.gap(j) == tables::Gap::kNone) ++j;
    size_t piece_end = NumberBeforeHeading(s, i, j);
    const std::string_view piece = std::string_view(s).substr(i, piece_end - i);
    // Classified before it is copied: most pieces are prose, dropped here.
    const tables::PieceKind kind = tables::ClassifyPiece(piece);
    if (kind != tables::PieceKind::kOther) {
      out.push_back(Token{i, piece_end, std::string(piece), kind, text_seen});
      text_seen = false;
    } else {
      text_seen = true;
    }
    if (piece_end < j) text_seen = true;
    i = j;
  }
  return out;
}

std::vector<const SchemaColumn*> ActiveColumns(const Stream& st, const SchemaTable& t,
                                               const TableForms& tf, size_t begin, size_t end) {
  std::vector<const SchemaColumn*> cols;
  Claims none;
  for (size_t ci = 0; ci < t.columns.size(); ++ci) {
    const SchemaColumn& c = t.columns[ci];
    if (c.optional) {
      const tables::ColumnForms& cf = tf.columns[ci];
      bool printed = tables::FindFree(st, cf.label, begin, end, none) != std::string::npos;
      for (const std::string& v : cf.variants)
        printed = printed || tables::FindFree(st, v, begin, end, none) != std::string::npos;
      if (!printed) continue;
    }
    cols.push_back(&c);
  }
  return cols;
}

bool AnyColumnLabel(const Stream& st, const TableForms& tf, size_t begin, size_t end) {
  const Claims none;
  for (const tables::ColumnForms& cf : tf.columns) {
    if (tables::FindFree(st, cf.label, begin, end, none) != std::string::npos) return true;
    for (const std::string& v : cf.variants)
      if (tables::FindFree(st, v, begin, end, none) != std::string::npos) return true;
  }
  return false;
}

bool HasColumnHeader(const Stream& st, const SchemaTable& t, const TableForms& tf, size_t begin,
                     size_t end) {
  Claims none;
  for (size_t ci = 0; ci < t.columns.size(); ++ci) {
    if (t.columns[ci].id == "total") continue;  // 总计 alone is too common to prove a table
    if (tables::FindFree(st, tf.columns[ci].label, begin, end, none) != std::string::npos)
      return true;
  }
  // pdftotext -layout breaks 结果维持 over two lines; the block names survive. 行政复议 alone
  // does not count: prose says "未发生…行政复议、行政诉讼案件".
  for (const tables::RowForms& rf : tf.rows) {
    const std::string& form = rf.label;
    if (form.size() >= 15 && tables::FindFree(st, form, begin, end, none) != std::string::npos)
      return true;
  }
  return false;
}

bool IsSectionTitle(const SchemaForms& forms, std::string_view compact) {
  for (const std::vector<std::string>& titles : forms.sections)
    for (const std::string& t : titles)
      if (t == compact) return true;
  return false;
}

TableExtraction ExtractWith(const SourceText& text, const Stream& st, const ReportSchema& schema,
                            const SchemaForms& forms, bool blanks_dropped) {
  TableExtraction out;
  const std::vector<Located> located = LocateTables(st, schema, forms);
  for (size_t i = 0; i < located.size(); ++i) {
    const Located& loc = located[i];
    const SchemaTable& t = *loc.schema;
    const TableForms& tf = *loc.forms;
    const size_t begin = loc.title_end;
    const size_t end = i + 1 < located.size() ? located[i + 1].title_begin
                                              : LastRegionEnd(st, schema, forms, t, begin);
    Claims claims;
    TableContext ctx;
    ctx.text = &text;
    ctx.st = &st;
    ctx.schema = &t;
    ctx.blanks_dropped = blanks_dropped;
    ctx.columns = ActiveColumns(st, t, tf, begin, end);
    ctx.rule = tables::RuleFor(ctx);
    if (t.layout == "blocks") {
      // Table 四's labels are column headers; prose such as "未发生…行政复议" is no table.
      if (!HasColumnHeader(st, t, tf, begin, end)) continue;
      for (const tables::ColumnForms& cf : tf.columns)
        for (size_t p = tables::FindFree(st, cf.label, begin, end, claims); p != std::string::npos;
             p = tables::FindFree(st, cf.label, p, end, claims))
          claims.Add(p, p + cf.label.size());
    } else {
      ctx.found = FindRows(text, st, t, tf, begin, end, &claims);
      bool any_data = false;
      for (const FoundRow& f : ctx.found) any_data = any_data || !f.row->is_group_header;
      if (!any_data) continue;
    }
    ctx.tokens = Tokens(st, begin, end, claims);
    Table table;
    table.id = t.id;
    table.columns.reserve(ctx.columns.size());
    for (const SchemaColumn* c : ctx.columns) table.columns.push_back(c->id);
    table.title = std::string(text.Slice(st.TextSpan(loc.title_begin, loc.title_end)));
    if (t.layout == "blocks")
      tables::LayoutBlocks(ctx, &table);
    else
      tables::LayoutRows(ctx, &table);
    if (table.cells.empty() && t.layout == "blocks" && ctx.tokens.empty()) {
      // The column headers are printed but no number at all (the blank official template):
      // the table is there with every cell blank, which is not the same as a missing table.
      const uint32_t at = st.TextOffset(begin);
      for (const SchemaRow& r : t.rows) {
        if (r.is_group_header) continue;
        const size_t first = table.cells.size();
        tables::AddBlankRow(ctx, r, CellMatch::kExact, &table);
        for (size_t k = first; k < table.cells.size(); ++k) table.cells[k].span = Span{at, at};
      }
    }
    if (table.cells.empty()) continue;
    // Rows found under none of the schema's column labels: the report may print the other
    // format's columns here (a 2021 report with 本年新制作数量 …), so the cells are positional
    // only.
    if (!AnyColumnLabel(st, tf, begin, end)) table.deviations.push_back("column_labels_not_found");
    // Rows: every data row with cells, in source order (recovered rows by their first cell).
    for (const SchemaRow& r : t.rows) {
      TableRow row;
      row.id = r.id;
      const FoundRow* f = nullptr;
      for (const FoundRow& fr : ctx.found)
        if (fr.row == &r) f = &fr;
      bool has_cells = false;
      for (const TableCell& c : table.cells)
        if (c.row == r.id) {
          has_cells = true;
          if (!f && row.span.empty()) row.span = Span{c.span.begin, c.span.begin};
        }
      if (f) {
        row.span = st.TextSpan(f->hit.parts.front().first, f->hit.parts.back().second);
        row.label = std::string(text.Slice(row.span));
        row.match = f->hit.match;
      } else if (!has_cells) {
        continue;
      } else {
        row.match = CellMatch::kRecovered;
      }
      table.rows.push_back(std::move(row));
    }
    std::stable_sort(
        table.rows.begin(), table.rows.end(),
        [](const TableRow& a, const TableRow& b) { return a.span.begin < b.span.begin; });
    // The region: from the caption to the last label or value used. A caption that is the
    // section heading itself (三、收到和处理政府信息公开申请情况) stays outside, so the parse stage
    // keeps the heading and drops only the rows (一、本年新收… is no heading).
    const bool caption_is_heading =
        IsSectionTitle(forms, std::string_view(st.str()).substr(loc.title_begin,
                                                                loc.title_end - loc.title_begin));
    const uint32_t first = caption_is_heading ? st.TextSpan(loc.title_begin, loc.title_end).end
                                              : st.TextOffset(loc.title_begin);
    uint32_t last = st.TextSpan(loc.title_begin, loc.title_end).end;
    for (const TableRow& r : table.rows) last = std::max(last, r.span.end);
    for (const TableCell& c : table.cells) last = std::max(last, c.span.end);
    table.span = Span{first, last};
    out.regions.push_back(table.span);
    out.tables.push_back(std::move(table));
  }
  return out;
}

}  // namespace

TableExtraction ExtractTables(const SourceText& text, const ReportSchema& schema) {
  if (schema.tables.empty()) return {};  // ogi-2008: nothing to look for
  thread_local Stream st;                // buffers reused from report to report
  st.Rebuild(text.text());
  return ExtractTables(text, st, schema);
}

TableExtraction ExtractTables(const SourceText& text, const Stream& st, const ReportSchema& schema) {
  if (schema.tables.empty()) return {};
  return ExtractTables(text, st, schema, tables::SchemaForms::Derive(schema));
}

TableExtraction ExtractTables(const SourceText& text, const Stream& st, const ReportSchema& schema,
                              const tables::SchemaForms& forms) {
  if (schema.tables.empty()) return {};
  TableExtraction out = ExtractWith(text, st, schema, forms, false);
  // A run with fewer digits than its row has cells proves that this record drops blank cells;
  // then no run can be read as if it filled every column.
  for (const Table& t : out.tables)
    for (const std::string& d : t.deviations)
      if (d.starts_with("run_shorter_than_row:")) {
        TableExtraction again = ExtractWith(text, st, schema, forms, true);
        for (Table& t2 : again.tables) t2.deviations.push_back("blank_cells_dropped");
        return again;
      }
  return out;
}

}  // namespace ogicheck
