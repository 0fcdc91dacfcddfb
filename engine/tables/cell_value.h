// Reading one printed cell: a number (with sign, decimals, a glued unit), an explicit "nothing"
// mark (—, /, 无), or something else. Blank is never zero.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ogicheck/table.h"

namespace ogicheck::tables {

// kRun: digits and signs of several cells printed together ("156-5997").
enum class PieceKind { kNumber, kRun, kDash, kOther };

// Classifies a whitespace-free piece of the compact stream. kNumber: [+-]?digits[.digits] with
// an optional unit (万元, 元, (万元), (元), 件, 项, 个) or 1,234-style thousands separators.
PieceKind ClassifyPiece(std::string_view piece);

// Fills value, semantic and unit of `cell` from the printed text `raw` (a kNumber or kDash piece;
// anything else becomes kText, an empty string kBlank).
void ReadCellValue(std::string_view raw, TableCell* cell);

// std::strtod of a number as the tables and the prose print it ([+-]?digits[.digits]). A sign
// and at most 15 digits, the common case, are read without strtod (its few hundred instructions
// per call were a tenth of the cell reading): any double holds such an integer exactly, so the
// value is the one strtod gives, -0 included.
double NumberValue(std::string_view number);

// The unit glued to the end of a number piece ("万元", "元", …) and its length in bytes, or "".
std::string_view TrailingUnit(std::string_view piece);

}  // namespace ogicheck::tables
