// EvalContext: what evaluating one rule (one for_each binding) against one Document needs and
// collects: loop bindings, named values, evidence, and the reasons an outcome is not a plain
// pass/fail (missing inputs, ambiguous or non-numeric cells). Internal to engine/evaluate/.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "evaluate/cell_index.h"
#include "evaluate/pattern_prefilter.h"
#include "evaluate/prose_scan.h"
#include "facts/document_facts.h"
#include "ogicheck/document.h"
#include "ogicheck/findings.h"
#include "ogicheck/report_schema.h"
#include "rules/rule.h"

namespace ogicheck::eval {

struct ReportEnv {
  const Document& doc;
  const ReportSchema* schema;  // may be null
  const std::map<std::string, double>& parameters;
  // Facts of the document's text shared by the rules of all packs (computed on first use).
  facts::DocumentFacts& facts;
  CellIndex& cell_index;  // the document's table cells by (row, column)
  PatternHits* pattern_hits;  // which of the pack's text patterns can match (null: all may)
  // Whether passed checks are recorded (--show-passed); building them (evidence, fingerprint)
  // was a tenth of the run time when nobody reads them.
  bool record_passed = true;
  ProseMatches* prose_matches = nullptr;  // the pack's prose_number matches (null: scan alone)
};

struct EvalContext {
  EvalContext(const ReportEnv& e, const rules::Rule& r) : env(e), rule(r) {}

  const ReportEnv& env;
  const rules::Rule& rule;
  // for_each binding: views of the table's row / column ids or the rule's items, which outlive
  // the context (a copy per binding was most of the evaluation's allocations)
  std::string_view row, col;
  std::map<std::string, double> values;        // named values, plus lhs/rhs/diff/found in messages
  std::map<std::string, std::string> strings;  // string placeholders (match, missing, …)

  std::vector<Evidence> evidence;
  std::vector<const TableCell*> cells;   // cells used, in order (for tolerance and location)
  std::vector<const std::string*> cell_tables;  // table id of each entry of `cells`
  bool record = true;                    // false while rendering messages
  // With record on: whether evidence is built too. Off for a first pass that only decides
  // whether a check passes (the cells are still recorded: they set the tolerance).
  bool with_evidence = true;

  std::set<std::string> missing;  // "table:applications", "row:applications.x", "meta:…"
  bool ambiguous = false;         // an ambiguous cell was used
  bool text_cell = false;         // a cell holding text was used
  bool div_zero = false;
  bool have_cmp = false;  // lhs/rhs of the first failing comparison
  double lhs = 0, rhs = 0;
};

// False only when the pack's prefilter knows `pattern` matches nowhere in the document.
inline bool MayMatch(const ReportEnv& env, const rules::Pattern* pattern) {
  return !env.pattern_hits || env.pattern_hits->MayMatch(pattern);
}

// Numeric value of an expression; comparisons and logic give 1 or 0.
double EvalExpr(const rules::Expr& e, EvalContext& ctx);

// Tolerance of an equality over the cells ctx.cells[from, to).
double ToleranceFor(const EvalContext& ctx, size_t from, size_t to);

// Renders the rule's message template.
std::string RenderMessage(EvalContext& ctx);

// "2022-01-28" (kept here so that evaluation does not depend on the parse stage).
std::string IsoDate(const Date& d);

// "12", "38685.5", "0.25".
std::string FormatNumber(double v);

// Helpers shared by the kinds.
const Table* FindTable(const Document& doc, const std::string& id);
std::string RowLabel(const ReportEnv& env, const Table& t, const std::string& row);
std::string ColLabel(const ReportEnv& env, const std::string& table, const std::string& col);
std::string TableSection(const ReportEnv& env, const std::string& table);
std::string TableName(const std::string& table);  // "表三（申请情况）"
// Expands a row or column selector item list against a table ("*", "x.*", "$row", ids).
// The ids are views into the table, the items or ctx. Rows are those holding cells in `index`.
std::vector<std::string_view> ExpandRows(const Table& t, const std::vector<std::string>& items,
                                         const EvalContext* ctx, CellIndex& index);
std::vector<std::string_view> ExpandCols(const Table& t, const std::vector<std::string>& items,
                                         const EvalContext* ctx);
// Adds the evidence of a cell (once).
void AddCellEvidence(EvalContext& ctx, const Table& t, const TableCell& cell);
void SetLocationFromSpan(const Document& doc, Span span, FindingLocation* loc);
// Sets the evidence's line (and page, for PDFs) from a normalised text offset.
void SetEvidencePos(const Document& doc, uint32_t offset, Evidence* ev);

// A finding skeleton for the rule: id, title, severity, basis, outcome.
Finding MakeFinding(const rules::Rule& rule, Outcome outcome);
// Fingerprint from rule id, binding, evidence refs and values (never lines) and `extra`.
std::string Fingerprint(const Finding& f, const std::string& extra);

}  // namespace ogicheck::eval
