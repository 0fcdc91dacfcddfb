// TAB-separated rows (see tsv_rows.h).
#include "tables/tsv_rows.h"

#include <string>
#include <string_view>

#include "tables/cells.h"

namespace ogicheck::tables {
namespace {

using Field = TsvLine::Field;

// The TAB-separated line holding `offset`, split into fields (none when the line has no TAB),
// in *line unless it already holds that line.
void SplitLine(const std::string& text, uint32_t offset, TsvLine* line) {
  if (line->split && offset >= line->begin && offset <= line->end) return;
  size_t b = offset;
  while (b > 0 && text[b - 1] != '\n') --b;
  size_t e = text.find('\n', offset);
  if (e == std::string::npos) e = text.size();
  line->split = true;
  line->begin = static_cast<uint32_t>(b);
  line->end = static_cast<uint32_t>(e);
  std::vector<Field>& fields = line->fields;
  fields.clear();
  std::string_view view(text.data() + b, e - b);
  if (view.find('\t') == std::string_view::npos) return;
  size_t p = 0;
  while (true) {
    size_t q = view.find('\t', p);
    std::string_view f =
        view.substr(p, q == std::string_view::npos ? std::string_view::npos : q - p);
    size_t lead = 0;
    while (lead < f.size() && (f[lead] == ' ' || f[lead] == '\r')) ++lead;
    f.remove_prefix(lead);
    while (!f.empty() && (f.back() == ' ' || f.back() == '\r')) f.remove_suffix(1);
    fields.push_back({f, static_cast<uint32_t>(b + p + lead)});
    if (q == std::string_view::npos) break;
    p = q + 1;
  }
}

}  // namespace

std::vector<TableCell> TsvRowCells(const TableContext& ctx, size_t f,
                                   std::pair<uint32_t, uint32_t>* line, TsvLine* last) {
  const std::string& text = ctx.text->text();
  const size_t width = ctx.columns.size();
  const size_t nfound = ctx.found.size();
  std::vector<TableCell> cells;
  const FoundRow& fr = ctx.found[f];
  if (fr.row->is_group_header && fr.row->cells_deviation.empty()) return {};
  const Span label = ctx.st->TextSpan(fr.hit.parts.front().first, fr.hit.parts.back().second);
  SplitLine(text, label.begin, last);
  const uint32_t lb = last->begin, le = last->end;
  const std::vector<Field>& fields = last->fields;
  size_t idx = fields.size();
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].begin <= label.begin) idx = i;
  if (fields.empty() || idx == fields.size()) return {};
  // Another label later on the line (a group cell such as （六）其他处理 before its first row):
  // the values belong to that one.
  bool later_label = false;
  for (size_t g = 0; g < nfound; ++g) {
    const uint32_t off = ctx.st->TextOffset(ctx.found[g].hit.begin);
    later_label = later_label || (g != f && off > label.begin && off < le);
  }
  if (later_label) return {};
  // Fields after the label: covered positions of a spanning label lead, those of a spanning
  // value trail; which is which shows by the empty fields.
  std::vector<Field> after(fields.begin() + idx + 1, fields.end());
  if (after.size() < width) return {};
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
    return {};
  for (size_t c = 0; c < width; ++c) {
    const Field& fd = after[first + c];
    TableCell cell = Cell(*fr.row, *ctx.columns[c], fr.hit.match);
    std::string compact = CompactLabel(fd.text);
    ReadCellValue(compact, &cell);
    cell.raw = std::string(fd.text);
    if (!fd.text.empty())
      cell.span = Span{fd.begin, static_cast<uint32_t>(fd.begin + fd.text.size())};
    cells.push_back(std::move(cell));
  }
  *line = {lb, le};
  return cells;
}

}  // namespace ogicheck::tables
