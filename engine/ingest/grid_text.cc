// Grid expansion and the report text builder (see grid_text.h).
#include "ingest/grid_text.h"

#include <algorithm>

#include "text/utf8.h"

namespace ogicheck {
namespace {

bool IsCjk(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool IsSpace(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\f' || cp == U'\v' ||
         cp == 0x00A0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F;  // &emsp; &ensp; &thinsp;: indentation on web pages
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char32_t last = 0;     // last code point written
  bool pending = false;  // a whitespace run is waiting
  bool pending_break = false;
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = utf8::Next(text, &i);
    if (IsSpace(cp)) {
      pending = true;
      pending_break |= (cp == U'\n' || cp == U'\r');
      continue;
    }
    if (cp < 0x20) continue;  // other controls carry no text
    if (pending && !out.empty() && !(pending_break && IsCjk(last) && IsCjk(cp))) out += ' ';
    pending = pending_break = false;
    utf8::Append(cp, &out);
    last = cp;
  }
  return out;
}

Status ExpandGrid(const std::vector<GridRow>& rows, const GridLimits& limits, ExpandedGrid* out) {
  out->columns = 0;
  out->cells.assign(rows.size(), {});
  // covered_until[c] = first row no longer covered by a rowspan reaching down column c.
  std::vector<uint32_t> covered_until;
  const uint32_t nrows = static_cast<uint32_t>(rows.size());
  uint64_t cells = 0;
  for (uint32_t r = 0; r < nrows; ++r) {
    auto& line = out->cells[r];
    uint32_t c = 0;
    for (size_t k = 0; k < rows[r].cells.size(); ++k) {
      const GridCell& cell = rows[r].cells[k];
      while (c < covered_until.size() && covered_until[c] > r) ++c;
      const uint32_t col_span = std::max<uint32_t>(1, cell.col_span);
      const uint32_t row_span = std::clamp<uint32_t>(cell.row_span, 1, nrows - r);
      if (uint64_t{c} + col_span > limits.max_columns) {
        return Status::Error(ErrorCode::kTooLarge,
                             "table wider than " + std::to_string(limits.max_columns) + " columns");
      }
      if (covered_until.size() < c + col_span) covered_until.resize(c + col_span, 0);
      if (line.size() < c + col_span) line.resize(c + col_span);
      line[c] = {static_cast<int32_t>(r), static_cast<int32_t>(k)};
      for (uint32_t j = c; j < c + col_span; ++j) covered_until[j] = r + row_span;
      c += col_span;
    }
    out->columns = std::max<uint32_t>(out->columns, static_cast<uint32_t>(covered_until.size()));
    cells += out->columns;
    if (cells > limits.max_cells) {
      return Status::Error(ErrorCode::kTooLarge,
                           "table has more than " + std::to_string(limits.max_cells) + " cells");
    }
  }
  for (auto& line : out->cells) line.resize(out->columns);
  return Status::Ok();
}

void ReportTextBuilder::AddLine(std::string_view line, const std::string& element) {
  if (line.empty()) return;
  if (!element.empty()) MarkElement(element);
  out_.append(line);
  out_ += '\n';
}

void ReportTextBuilder::EnsureBlankLine() {
  if (out_.empty()) return;
  if (out_.back() != '\n') out_ += '\n';
  if (out_.size() < 2 || out_[out_.size() - 2] != '\n') out_ += '\n';
}

void ReportTextBuilder::AddTable(const std::vector<GridRow>& rows, const ExpandedGrid& grid) {
  EnsureBlankLine();
  for (size_t r = 0; r < grid.cells.size(); ++r) {
    if (!rows[r].element.empty()) MarkElement(rows[r].element);
    const auto& line = grid.cells[r];
    for (size_t c = 0; c < line.size(); ++c) {
      if (c > 0) out_ += '\t';
      const auto origin = line[c];
      if (origin.row < 0) continue;
      const GridCell& cell = rows[origin.row].cells[origin.cell];
      if (cell.text.empty()) continue;
      if (!cell.element.empty()) MarkElement(cell.element);
      out_.append(cell.text);
    }
    out_ += '\n';
  }
  out_ += '\n';
}

SourceText ReportTextBuilder::Finish() const {
  SourceText st = SourceText::FromUtf8(out_);
  for (const auto& [offset, page] : pages_) st.AddPageStart(st.NormalisedOffset(offset), page);
  for (const auto& [offset, element] : elements_) {
    st.AddElementStart(st.NormalisedOffset(offset), element);
  }
  return st;
}

}  // namespace ogicheck
