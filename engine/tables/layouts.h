// Putting value tokens back on the grid once a table's region, row labels and value tokens are
// known. Two layouts: "rows" (one printed row per schema row: seed 002, pdftotext, TSV, crawled
// records) and "blocks" (table 四: one printed row of 15 cells whose schema rows are the three
// 5-cell blocks).
#pragma once

#include <string>
#include <vector>

#include "ogicheck/report_schema.h"
#include "ogicheck/source_text.h"
#include "ogicheck/table.h"
#include "tables/cell_value.h"
#include "tables/labels.h"
#include "tables/run_split.h"
#include "tables/stream.h"

namespace ogicheck::tables {

struct Token {
  size_t begin = 0;  // stream range
  size_t end = 0;
  std::string piece;  // compact text
  PieceKind kind = PieceKind::kOther;
  bool after_text = false;  // unclaimed text stands between the previous token and this one
};

struct FoundRow {
  const SchemaRow* row = nullptr;
  LabelHit hit;
};

struct TableContext {
  const SourceText* text = nullptr;
  const Stream* st = nullptr;
  const SchemaTable* schema = nullptr;
  std::vector<const SchemaColumn*> columns;  // the columns this printing has (optional ones found)
  std::vector<FoundRow> found;               // row labels found, by stream position
  std::vector<Token> tokens;                 // number and dash pieces, by stream position
  // The record drops blank cells (a run-together row has fewer digits than columns somewhere),
  // so a run may fill any subset of the columns.
  bool blanks_dropped = false;
  // RuleFor(*this), set once the columns are known: the layouts ask for it for every chunk and
  // run, and deriving it allocates.
  SplitRule rule;
};

void LayoutRows(const TableContext& ctx, Table* table);
void LayoutBlocks(const TableContext& ctx, Table* table);

}  // namespace ogicheck::tables
