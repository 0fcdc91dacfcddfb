// Compiled rules: what a pack's YAML becomes after loading (internal to the engine).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ogicheck/findings.h"
#include "ogicheck/rule_pack.h"
#include "rules/expr.h"
#include "rules/pattern.h"

namespace ogicheck::eval {
class PatternPrefilter;
class ProsePlan;
}

namespace ogicheck::rules {

// The check kinds; the registry with their descriptions is in check_kinds.cc.
enum class CheckKind {
  kSections,      // required sections, with heading variants and order
  kTable,         // a table present with its rows and columns
  kAssert,        // an expression over cells, facts and parameters must hold
  kCellType,      // cells hold non-negative integers (or what the column allows)
  kBlankCells,    // blank / dash cells are reported
  kTextPattern,   // a regular expression must (not) match the text or a section
  kProseNumber,   // a number stated in the prose must equal one of some table values
  kDeadline,      // publication date by the statutory deadline
  kDeviation,     // a template deviation recorded by the table extractor
  kTableFormat,   // the tables use the labels of the expected format
  kProseArith,    // totals, breakdowns and percentages stated in the prose add up (engine/facts/)
  kStatSum,       // a row of the appended 2014 statistics table equals the sum of others
  kDocumentKind,  // the document is not an annual report (the only finding for such documents)
  kNumbering,     // numbered lists without gaps (1,2,3,4,6) or unexplained restarts
  kTopic,  // a required content is mentioned somewhere (headings or text) of a narrative report
};

// A message template: literal text and {placeholders}; a placeholder is a string name
// (row_label, col_label, …) or an expression evaluated when the message is rendered.
struct MessagePiece {
  std::string literal;
  std::string name;            // string placeholder, when expr is null and literal empty
  std::shared_ptr<Expr> expr;  // numeric placeholder
};

struct SectionSpec {
  std::string id;                   // "五"
  int number = 0;                   // 5
  std::vector<std::string> titles;  // accepted heading texts (the first is the official one)
};

enum class Tolerance { kExact, kPrinted, kFixed };

struct Rule {
  std::string id, title, basis;
  Severity severity = Severity::kError;
  CheckKind kind = CheckKind::kAssert;
  std::string kind_name;
  std::string pack, file;
  int line = 0;
  bool enabled = true;

  // applies_to
  std::vector<std::string> formats;        // empty = the pack's formats
  int min_year = 0, max_year = 0;          // 0 = open
  std::vector<std::string> agencies;       // "government", "department/provincial"; empty = all
  std::vector<std::string> table_formats;  // format of the tables' labels; empty = any

  // requires: tables (also derived from the expressions), metadata facts
  std::vector<std::string> require_tables;
  std::vector<std::string> require_meta;  // "published", "agency_kind", "report_year"
  bool skip_when_missing = false;         // silent instead of not_evaluated

  // for_each over the rows or columns of a table
  std::string each_table, each_var;     // each_var: "row" | "col"
  std::vector<std::string> each_items;  // ids or patterns ("withheld.*", "*")

  Tolerance tolerance = Tolerance::kExact;
  double tolerance_value = 0;

  std::vector<MessagePiece> message;
  std::vector<std::pair<std::string, std::shared_ptr<Expr>>> values;  // named values

  // Kind-specific parts.
  std::shared_ptr<Expr> expr;                 // assert: must hold
  std::shared_ptr<Expr> only_if;              // the rule is silent unless this holds
  std::shared_ptr<Expr> at;                   // a cell naming the finding's location
  std::vector<std::shared_ptr<Expr>> expect;  // prose_number: accepted values
  std::shared_ptr<const Pattern> pattern, exclude, ambiguous;  // shared by identical texts
  std::vector<std::string> within;  // section ids ("六") the text kinds look in; empty = all
  bool fire_when_found = false;     // text_pattern: fire when found (else when missing)
  std::vector<SectionSpec> sections;
  bool ordered = true;
  std::string table;  // table / deviation kinds
  std::vector<std::string> rows, cols;
  std::vector<std::string> tables;  // cell_type / blank_cells
  std::vector<std::string> signed_cols, decimal_cols;
  std::string deviation;
  std::map<std::string, std::string> deadlines;  // agency kind -> "MM-DD" of the next year
  std::string expected_format;
  // prose_arith / stat_sum (check_kinds_prose.cc)
  std::string facts;  // prose_arith: "breakdown" | "percentage"; numbering: "gap" | "restart"
  std::string stat_group, stat_total;   // stat_sum: group fragment, total row label
  std::vector<std::string> stat_parts;  // stat_sum: part row labels ('|' alternatives)
};

struct Pack {
  PackInfo info;
  std::map<std::string, double> parameters;
  std::vector<Rule> rules;
  // Built by the evaluate stage on the pack's first document (evaluate/pattern_prefilter.h).
  struct Lazy {
    std::once_flag once;
    std::shared_ptr<const eval::PatternPrefilter> prefilter;
    std::once_flag prose_once;
    std::shared_ptr<const eval::ProsePlan> prose_plan;  // evaluate/prose_scan.h
  };
  std::shared_ptr<Lazy> lazy = std::make_shared<Lazy>();
};

struct CompiledRuleSet {
  std::vector<PackInfo> infos;
  std::vector<Pack> packs;
};

const char* CheckKindName(CheckKind kind);

}  // namespace ogicheck::rules
