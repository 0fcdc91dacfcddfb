// Recovering cells whose digits were printed with no separator ("713000074" = 71 3 0 0 0 0 74),
// as in crawled records that flatten a table row. The only evidence is the row's own arithmetic,
// so every split is enumerated and the ones that satisfy it are kept; the caller marks cells on
// which the fitting splits disagree as ambiguous instead of choosing one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ogicheck::tables {

// Arithmetic a split must satisfy: the cells are consecutive rows of `row_width` cells; in each
// row, cell `total` equals the sum of cells `parts` (indices within the row). No constraint when
// total < 0.
struct SplitRule {
  size_t row_width = 0;
  int total = -1;
  std::vector<int> parts;
  // Per column of a row: whether a sign (signed_count) and a decimal point (amount) may occur.
  // Empty: both allowed everywhere.
  std::vector<bool> allow_sign;
  std::vector<bool> allow_decimal;
};

// Splits `run` into exactly `cells` numbers: no empty cell, no leading zero in a multi-digit
// cell, a sign (+/-) only at the start of a cell, a decimal point only inside a cell, a glued
// unit (万元, 元) only at the end of the last cell. Returns every split that satisfies `rule`, at
// most `limit` of them (the caller only needs to know 0, 1 or "several"). Runs longer than 48
// bytes are not split (returns none).
std::vector<std::vector<std::string>> SplitRun(std::string_view run, size_t cells,
                                               const SplitRule& rule, size_t limit = 64);

}  // namespace ogicheck::tables
