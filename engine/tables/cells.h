// Building the cells of a table: from a token, blank, ambiguous, or split from a run-together
// token (with the row arithmetic of the schema). Shared by the layouts.
#pragma once

#include <vector>

#include "tables/layouts.h"
#include "tables/run_split.h"

namespace ogicheck::tables {

TableCell Cell(const SchemaRow& row, const SchemaColumn& col, CellMatch match);
void AddTokenCell(const TableContext& ctx, const SchemaRow& row, const SchemaColumn& col,
                  const Token& tok, CellMatch match, Table* table);
// Every column of `row` blank: nothing printed.
void AddBlankRow(const TableContext& ctx, const SchemaRow& row, CellMatch match, Table* table);
// Cells whose column cannot be told: no value, flagged ambiguous, the printed text kept.
void AddAmbiguousRow(const TableContext& ctx, const SchemaRow& row, const std::vector<Token>& toks,
                     Table* table);
// The schema's row arithmetic and column types for the printed columns.
SplitRule RuleFor(const TableContext& ctx);
// Whether a row-sized chunk of tokens satisfies the row arithmetic (true when there is none).
bool ChunkHolds(const TableContext& ctx, const std::vector<Token>& chunk);
// Splits a run-together token over `rows` (consecutive rows of ctx.columns). Cells on which the
// readings disagree are ambiguous; the others take the common value.
void AddSplitRows(const TableContext& ctx, const std::vector<const SchemaRow*>& rows,
                  const Token& tok, Table* table);

}  // namespace ogicheck::tables
