// Recovering a table whose values pdftotext (raw mode) printed in schema row order but with some
// blocks of rows column by column (洪泽区 2023/2024: the rows beside a multi-row group label come
// out one column at a time). Used only when the label-based layout found the table scrambled.
#pragma once

#include "tables/layouts.h"

namespace ogicheck::tables {

// Reads all value tokens of the table as the printed rows in schema order, each block of rows
// either row by row or column by column, and requires every row to satisfy the row arithmetic.
// Succeeds only if every row gets one and the same reading under all segmentations that fit;
// then replaces the table's cells and returns true. Leaves the table alone otherwise.
bool ReorderByArithmetic(const TableContext& ctx, Table* table);

}  // namespace ogicheck::tables
