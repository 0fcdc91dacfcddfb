// The rule expression language: AST, parser and canonical dump (see docs/rules.md).
//
//   applications[new_received][total] + applications[carried_over][total]
//       == applications[results_total][total] + applications[carried_forward][total]
//   sum(applications[withheld.*][$col]) >= 0 and not (abs(x - y) > tolerance)
//
// Parsed once when a pack is loaded; evaluation lives in engine/evaluate/.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ogicheck::rules {

enum class ExprKind {
  kNumber,  // 12, 0.05
  kName,    // a parameter, a named value, meta.report_year, $row
  kCell,    // table[row][col] naming exactly one cell
  kSelect,  // table[rows][cols] naming several cells (patterns, lists, *)
  kUnary,   // op: "neg" | "not"
  kBinary,  // op: add sub mul div eq ne lt le gt ge and or
  kCall,    // op: sum abs min max count
};

// One item of a row or column selector: an id ("total"), a prefix pattern ("withheld.*"),
// everything ("*"), or a loop variable ("$row", "$col").
struct Selector {
  std::vector<std::string> items;
  bool IsSingle() const;     // exactly one item that is neither a pattern nor "*"
  std::string Dump() const;  // "a,b.*"
};

// The operator or function of a kUnary / kBinary / kCall node, decoded from Expr::op once at
// parse time: evaluation switched on the name by comparing strings, up to a dozen per node.
enum class Op : uint8_t {
  kOther,  // a kName, a number, a selection; or a name the evaluator does not know
  kNeg, kNot,
  kAdd, kSub, kMul, kDiv,
  kEq, kNe, kLt, kLe, kGt, kGe,
  kAnd, kOr,
  kSum, kAbs, kMin, kMax, kCount, kExists,
};

// The Op of an operator or function name ("add", "sum"…), kOther for anything else.
Op OpOf(std::string_view name);

struct Expr {
  ExprKind kind = ExprKind::kNumber;
  double number = 0;
  std::string op;     // operator or function name, or the name of a kName
  Op code = Op::kOther;  // OpOf(op) for kUnary / kBinary / kCall
  std::string table;  // kCell / kSelect
  Selector rows, cols;
  std::vector<std::unique_ptr<Expr>> args;
  uint32_t offset = 0;  // byte offset of the node in the expression source

  // Canonical form for tests: add{cell{applications[new_received][total]}num{1}}.
  std::string Dump() const;
};

struct ParseResult {
  std::unique_ptr<Expr> expr;  // null on error
  std::string error;           // English, e.g. "expected ']' after the row selector"
  uint32_t error_offset = 0;   // byte offset in the source
};

ParseResult ParseExpr(std::string_view source);

// Calls `fn` on every node of `e`, parents first.
template <typename Fn>
void VisitExpr(const Expr& e, Fn&& fn) {
  fn(e);
  for (const auto& a : e.args) VisitExpr(*a, fn);
}

}  // namespace ogicheck::rules
