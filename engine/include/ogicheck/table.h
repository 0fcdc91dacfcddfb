// Tables as the schema-guided extractor puts them back on the grid (see engine/tables/).
// Row and column ids are the stable ids of the report schema (schemas/ogi-*.yaml).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ogicheck/source_text.h"

namespace ogicheck {

// What a cell holds. Missing is not zero: a blank cell is kBlank and has no value.
enum class CellSemantic {
  kNumber,  // a non-zero number
  kZero,    // the number 0
  kBlank,   // nothing printed in the source (or the cell is absent from a flattened row)
  kDash,    // "—", "-", "/", "无" and similar explicit "nothing" marks
  kText,    // anything else
};

// How the extractor matched a cell's row/column label to the schema.
enum class CellMatch {
  kExact,       // label identical to the schema label
  kNormalised,  // identical after width/space/quote normalisation
  kVariant,     // one of the schema's known variants (e.g. OCR-damaged labels)
  kRecovered,   // position recovered from arithmetic (digits run together) or layout
};

struct TableCell {
  std::string row;                 // schema row id
  std::string col;                 // schema column id
  std::optional<double> value;     // set for kNumber and kZero
  std::string raw;                 // the text as printed ("+24", "38685.5(万元)", "")
  std::string unit;                // "万元", "元" when printed with the value
  CellSemantic semantic = CellSemantic::kBlank;
  CellMatch match = CellMatch::kExact;
  bool ambiguous = false;          // several splits of a run-together row fit its arithmetic
  Span span;                       // where the value is printed (empty for blank cells)
};

struct TableRow {
  std::string id;                  // schema row id
  std::string label;               // label as printed
  CellMatch match = CellMatch::kExact;
  Span span;                       // where the label is printed
};

struct Table {
  std::string id;                  // schema table id, e.g. "applications"
  std::string title;               // caption as printed, if any
  Span span;                       // the whole table region in the text
  std::vector<TableRow> rows;      // rows found, in source order
  std::vector<std::string> columns;  // schema column ids of this table
  std::vector<TableCell> cells;    // one per (row, column) found
  std::vector<std::string> deviations;  // template deviations, e.g. "other_handling_single_row"

  const TableCell* Cell(std::string_view row, std::string_view col) const {
    for (const TableCell& c : cells)
      if (c.row == row && c.col == col) return &c;
    return nullptr;
  }
  const TableRow* Row(std::string_view row) const {
    for (const TableRow& r : rows)
      if (r.id == row) return &r;
    return nullptr;
  }
};

}  // namespace ogicheck
