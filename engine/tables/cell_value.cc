// Reading printed cells (see cell_value.h).
#include "tables/cell_value.h"

#include <cstdint>
#include <cstdlib>

namespace ogicheck::tables {
namespace {

constexpr std::string_view kUnits[] = {"(万元)", "(元)", "万元", "元", "件", "项", "个"};
constexpr std::string_view kDashes[] = {"-",
                                        "--",
                                        "\xE2\x80\x94",
                                        "\xE2\x80\x94\xE2\x80\x94",
                                        "\xE2\x80\x93",
                                        "/",
                                        "\\",
                                        "\xE6\x97\xA0" /* 无 */,
                                        "\xE2\x94\x80",
                                        "\xE2\x94\x80\xE2\x94\x80"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// [+-]?\d+(\.\d+)? or [+-]?\d{1,3}(,\d{3})+(\.\d+)?
bool IsPlainNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t start = i, group = 0;
  bool commas = false;
  while (i < s.size() && (IsDigit(s[i]) || s[i] == ',')) {
    if (s[i] == ',') {
      if (group == 0 || group > 3 || (commas && group != 3) || i == start) return false;
      commas = true;
      group = 0;
    } else {
      ++group;
    }
    ++i;
  }
  if (i == start || s[i - 1] == ',' || (commas && group != 3)) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t d = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == d) return false;
  }
  return i == s.size();
}

}  // namespace

double NumberValue(std::string_view number) {
  size_t i = 0;
  const bool negative = !number.empty() && number[0] == '-';
  if (!number.empty() && (number[0] == '+' || number[0] == '-')) i = 1;
  if (i < number.size() && number.size() - i <= 15) {
    uint64_t v = 0;
    size_t k = i;
    for (; k < number.size() && number[k] >= '0' && number[k] <= '9'; ++k)
      v = v * 10 + static_cast<uint64_t>(number[k] - '0');
    if (k == number.size()) {
      const double d = static_cast<double>(v);
      return negative ? -d : d;
    }
  }
  return std::strtod(std::string(number).c_str(), nullptr);
}

std::string_view TrailingUnit(std::string_view piece) {
  for (std::string_view u : kUnits)
    if (piece.size() > u.size() && piece.ends_with(u)) return u;
  return {};
}

PieceKind ClassifyPiece(std::string_view piece) {
  if (piece.empty()) return PieceKind::kOther;
  for (std::string_view d : kDashes)
    if (piece == d) return PieceKind::kDash;
  std::string_view unit = TrailingUnit(piece);
  std::string_view body = piece.substr(0, piece.size() - unit.size());
  if (IsPlainNumber(body)) return PieceKind::kNumber;
  // Digits of several cells run together, signs included ("156-5997", "0+34636"): only the
  // run splitter can read it.
  bool digit = false;
  for (char c : body) {
    if (IsDigit(c))
      digit = true;
    else if (c != '+' && c != '-' && c != '.')
      return PieceKind::kOther;
  }
  return digit ? PieceKind::kRun : PieceKind::kOther;
}

void ReadCellValue(std::string_view raw, TableCell* cell) {
  cell->raw.assign(raw);
  cell->value.reset();
  cell->unit.clear();
  if (raw.empty()) {
    cell->semantic = CellSemantic::kBlank;
    return;
  }
  switch (ClassifyPiece(raw)) {
    case PieceKind::kDash:
      cell->semantic = CellSemantic::kDash;
      return;
    case PieceKind::kOther:
    case PieceKind::kRun:
      cell->semantic = CellSemantic::kText;
      return;
    case PieceKind::kNumber:
      break;
  }
  const std::string_view unit = TrailingUnit(raw);
  const std::string_view number = raw.substr(0, raw.size() - unit.size());
  double v;
  if (number.find(',') == std::string_view::npos) {
    v = NumberValue(number);  // the common case: no thousands separators to drop
  } else {
    std::string digits;
    for (char c : number)
      if (c != ',') digits.push_back(c);
    v = NumberValue(digits);
  }
  cell->value = v;
  if (!unit.empty()) cell->unit.assign(unit.front() == '(' ? unit.substr(1, unit.size() - 2) : unit);
  cell->semantic = v == 0 ? CellSemantic::kZero : CellSemantic::kNumber;
}

}  // namespace ogicheck::tables
