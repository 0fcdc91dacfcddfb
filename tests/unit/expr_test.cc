// The rule expression language: canonical dumps of what parses, and positioned errors for what
// must be rejected (re2 / leveldb style: a cases[] table, then an errors[] table).
#include "rules/expr.h"

#include <doctest/doctest.h>

namespace ogicheck::rules {
namespace {

TEST_CASE("expr: parse and dump") {
  struct Case {
    const char* source;
    const char* dump;
  } cases[] = {
      {"1", "num{1}"},
      {"0.05", "num{0.05}"},
      {"a+b", "add{name{a}name{b}}"},
      {"a + b * 2", "add{name{a}mul{name{b}num{2}}}"},
      {"(a + b) * 2", "mul{add{name{a}name{b}}num{2}}"},
      {"a - b - c", "sub{sub{name{a}name{b}}name{c}}"},
      {"-a / 4", "div{neg{name{a}}num{4}}"},
      {"applications[new_received][total]", "cell{applications[new_received][total]}"},
      {"applications[new_received][total] + applications[carried_over][total] == "
       "applications[results_total][total] + applications[carried_forward][total]",
       "eq{add{cell{applications[new_received][total]}cell{applications[carried_over][total]}}"
       "add{cell{applications[results_total][total]}cell{applications[carried_forward][total]}}}"},
      {"sum(applications[withheld.*][total])", "sum{sel{applications[withheld.*][total]}}"},
      {"sum(applications[new_received][*])", "sum{sel{applications[new_received][*]}}"},
      {"sum(applications[disclosed, partly_disclosed][$col])",
       "sum{sel{applications[disclosed,partly_disclosed][$col]}}"},
      {"review_litigation[$row][total]", "cell{review_litigation[$row][total]}"},
      {"abs(x - y) <= tolerance", "le{abs{sub{name{x}name{y}}}name{tolerance}}"},
      {"min(a, b, 3)", "min{name{a}name{b}num{3}}"},
      {"a = b", "eq{name{a}name{b}}"},
      {"a ≥ b", "ge{name{a}name{b}}"},
      {"a ≠ b", "ne{name{a}name{b}}"},
      {"a × b ÷ c", "div{mul{name{a}name{b}}name{c}}"},
      {"a > 0 and b > 0 or not c", "or{and{gt{name{a}num{0}}gt{name{b}num{0}}}not{name{c}}}"},
      {"not not a", "not{not{name{a}}}"},
      {"meta.report_year == meta.title_year", "eq{name{meta.report_year}name{meta.title_year}}"},
      {"count(applications[*][total]) > 0", "gt{count{sel{applications[*][total]}}num{0}}"},
      {"exists(t[$row][legal_person_subtotal])", "exists{cell{t[$row][legal_person_subtotal]}}"},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.source));
    ParseResult r = ParseExpr(c.source);
    REQUIRE_MESSAGE(r.expr, r.error);
    CHECK(r.expr->Dump() == c.dump);
  }
}

TEST_CASE("expr: errors name the offset") {
  struct Error {
    const char* source;
    uint32_t offset;
    const char* error;
  } errors[] = {
      {"", 0, "expected a value, found the end of the expression"},
      {"a +", 3, "expected a value, found the end of the expression"},
      {"summ(a)", 0, "unknown function 'summ' (known: sum, abs, min, max, count, exists)"},
      {"exists(a, b)", 0, "exists() takes one argument"},
      {"a == b == c", 7, "comparisons cannot be chained; use 'and'"},
      {"applications[new_received]", 26, "expected '[' before the column selector"},
      {"applications[new_received total]", 26, "expected ',' or ']' in the row selector"},
      {"applications[][total]", 13, "expected an id, '*' or '$row'/'$col' in the row selector"},
      {"(a + b", 6, "expected ')'"},
      {"a # b", 2, "unexpected character '#'"},
      {"a b", 2, "unexpected 'b' after the expression"},
      {"abs(a, b)", 0, "abs() takes one argument"},
      {"sum()", 0, "sum() needs at least one argument"},
      {"$ + 1", 0, "unexpected character '$'"},
      {"a and", 5, "expected a value, found the end of the expression"},
  };
  for (const Error& e : errors) {
    INFO(std::string(e.source));
    ParseResult r = ParseExpr(e.source);
    CHECK(r.expr == nullptr);
    CHECK(r.error == e.error);
    CHECK(r.error_offset == e.offset);
  }
}

TEST_CASE("expr: selectors know single cells from selections") {
  ParseResult cell = ParseExpr("t[a][b]");
  REQUIRE(cell.expr);
  CHECK(cell.expr->kind == ExprKind::kCell);
  for (const char* s : {"t[a.*][b]", "t[*][b]", "t[a,b][c]", "t[a][b,c]"}) {
    ParseResult r = ParseExpr(s);
    REQUIRE(r.expr);
    CHECK_MESSAGE(r.expr->kind == ExprKind::kSelect, s);
  }
}

}  // namespace
}  // namespace ogicheck::rules
