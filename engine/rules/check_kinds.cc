// The explicit registry of check kinds: what each kind is called, how it describes itself (for
// the generated rule catalogue) and how its fields are loaded. Evaluation: engine/evaluate/.
// Adding a kind touches: rule.h (enum), this list, evaluate/evaluate.cc (dispatch), a kind_*.cc
// evaluator, schemas/rule-pack.schema.json and docs/rules.md.

#include <set>

#include "rules/check_kinds_prose.h"
#include "rules/compiler.h"

namespace ogicheck::rules {
namespace {

using Loader = bool (*)(const YAML::Node&, RuleCompiler*, Rule*);

struct KindEntry {
  CheckKind kind;
  const char* name;
  Loader load;
  CheckKindInfo (*describe)();
};

bool LoadSections(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  YAML::Node list = c["sections"];
  if (!list || !list.IsSequence())
    return rc->Fail(c, "'sections' must be a list of {id, number, titles}");
  for (const auto& s : list) {
    SectionSpec spec;
    if (!rc->String(s, "id", true, &spec.id) || !rc->Strings(s, "titles", true, &spec.titles))
      return false;
    double n = 0;
    if (!ScalarNumber(s["number"], &n) || n < 1) return rc->Fail(s, "'number' must be 1, 2, …");
    spec.number = static_cast<int>(n);
    r->sections.push_back(std::move(spec));
  }
  if (YAML::Node o = c["ordered"]) r->ordered = o.Scalar() != "false";
  return true;
}

bool LoadTable(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  return rc->String(c, "table", true, &r->table) && rc->Strings(c, "rows", false, &r->rows) &&
         rc->Strings(c, "cols", false, &r->cols);
}

bool LoadAssert(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  return rc->Expression(c, "expr", true, &r->expr) &&
         rc->Expression(c, "only_if", false, &r->only_if) && rc->Expression(c, "at", false, &r->at);
}

bool LoadCells(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  return rc->Strings(c, "tables", true, &r->tables) &&
         rc->Strings(c, "signed_cols", false, &r->signed_cols) &&
         rc->Strings(c, "decimal_cols", false, &r->decimal_cols);
}

bool LoadTextPattern(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  std::string fire;
  if (!rc->Regex(c, "pattern", true, &r->pattern) || !rc->Strings(c, "within", false, &r->within) ||
      !rc->String(c, "fire_when", true, &fire) ||
      !rc->Expression(c, "only_if", false, &r->only_if) ||
      !rc->Regex(c, "exclude", false, &r->exclude))
    return false;
  if (fire != "found" && fire != "missing")
    return rc->Fail(c["fire_when"], "'fire_when' is found or missing");
  r->fire_when_found = fire == "found";
  return true;
}

bool LoadProseNumber(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  if (!rc->Regex(c, "pattern", true, &r->pattern) || !rc->Strings(c, "within", false, &r->within) ||
      !rc->Regex(c, "exclude", false, &r->exclude) ||
      !rc->Regex(c, "ambiguous", false, &r->ambiguous) ||
      !rc->Expression(c, "only_if", false, &r->only_if))
    return false;
  if (r->pattern->capturing_groups() < 1)
    return rc->Fail(c["pattern"], "'pattern' needs one capturing group ( … ) around the number");
  YAML::Node e = c["expect"];
  if (!e || !e.IsSequence() || e.size() == 0)
    return rc->Fail(c, "'expect' must list the table values the number may equal");
  for (size_t i = 0; i < e.size(); ++i) {
    YAML::Node holder;
    holder["x"] = e[i];
    std::shared_ptr<Expr> x;
    // Parse with the element's own mark so that errors point into the list.
    std::string text;
    if (!ScalarString(e[i], &text)) return rc->Fail(e[i], "each 'expect' item is an expression");
    if (!rc->Expression(holder, "x", true, &x)) return false;
    r->expect.push_back(std::move(x));
  }
  return true;
}

bool LoadDeadline(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  YAML::Node d = c["deadlines"];
  if (!d || !d.IsMap()) return rc->Fail(c, "'deadlines' must map agency kinds to MM-DD");
  static const std::set<std::string> kKinds = {"government", "department", "township", "other"};
  for (const auto& kv : d) {
    std::string kind = kv.first.Scalar(), date = kv.second.Scalar();
    if (!kKinds.count(kind)) return rc->Fail(kv.first, "unknown agency kind '" + kind + "'");
    if (date.size() != 5 || date[2] != '-') return rc->Fail(kv.second, "deadline must be MM-DD");
    r->deadlines[kind] = date;
  }
  return true;
}

bool LoadDeviation(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  return rc->String(c, "table", true, &r->table) && rc->String(c, "deviation", true, &r->deviation);
}

bool LoadTableFormat(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  return rc->String(c, "expected", true, &r->expected_format);
}

CheckKindInfo DescribeSections() {
  return {"sections",
          "The report has the required top-level sections, matched by number and heading text "
          "(any listed variant), in order.",
          {{"sections", "list of {id, number, titles}: titles are accepted heading texts"},
           {"ordered", "true (default): the sections must appear in this order"}},
          {{"missing", "{missing} = 缺少的部分，如“六、其他需要报告的事项”"},
           {"order", "{missing} = “第六部分出现在第五部分之前”"}}};
}
CheckKindInfo DescribeTable() {
  return {"table",
          "A table is present with the listed rows and columns.",
          {{"table", "table id (schemas/ogi-*.yaml)"},
           {"rows", "row ids that must be present"},
           {"cols", "column ids that must be present"}},
          {{"absent", "报告中未找到表{table}"}, {"incomplete", "表{table}缺少：{missing}"}}};
}
CheckKindInfo DescribeAssert() {
  return {"assert",
          "An expression over table cells, prose facts and parameters must hold (for each row or "
          "column with for_each).",
          {{"expr", "the condition that must hold"},
           {"only_if", "optional: the rule is silent unless this holds"},
           {"at", "optional: the cell the finding points at (default: the first cell used)"}},
          {{"fail", "(the rule's message, with {lhs} {rhs} {diff} and any expression)"},
           {"ambiguous", "单元格数值存在多种拆分可能，无法判断"},
           {"text_cell", "单元格内容不是数字，无法判断"}}};
}
CheckKindInfo DescribeCellType() {
  return {"cell_type",
          "Every filled cell of the tables holds a non-negative integer (signed or decimal where "
          "the column allows).",
          {{"tables", "table ids"},
           {"signed_cols", "column ids that may be negative (本年增/减)"},
           {"decimal_cols", "column ids that may have decimals (amounts)"}},
          {{"fail", "{table}·{row_label}·{col_label}的数值应为非负整数"}}};
}
CheckKindInfo DescribeBlankCells() {
  return {"blank_cells",
          "Blank or dash cells are reported (missing is not zero: the arithmetic rules count them "
          "as 0).",
          {{"tables", "table ids"}},
          {{"fail", "表{table}有空白单元格：{blanks}"}}};
}
CheckKindInfo DescribeTextPattern() {
  return {
      "text_pattern",
      "A regular expression (RE2 syntax, linear time) must be found, or must not be found, in "
      "the text or in some sections.",
      {{"pattern", "RE2 regular expression"},
       {"within", "section ids (一 … 六) to look in; default the whole report"},
       {"fire_when", "found | missing"},
       {"exclude", "optional: matches whose sentence matches this are ignored"},
       {"only_if", "optional: the rule is silent unless this expression holds"}},
      {{"found", "（the rule's message, with {match}）"}, {"missing", "（the rule's message）"}}};
}
CheckKindInfo DescribeProseNumber() {
  return {"prose_number",
          "A number stated in the prose (captured by a pattern) must equal one of the listed "
          "table values; unclear sentences give inconclusive, not fail.",
          {{"pattern", "RE2 with one capturing group around the number"},
           {"within", "section ids to look in (table regions are never read: prose only)"},
           {"expect", "list of expressions; the number must equal one of them"},
           {"exclude", "optional: sentences matching this are skipped (e.g. a sub-unit's count)"},
           {"ambiguous", "optional: sentences matching this give inconclusive instead of fail"}},
          {{"fail", "（the rule's message, with {found} and {expected_values}）"}}};
}
CheckKindInfo DescribeDeadline() {
  return {"deadline",
          "The publication date is on or before the statutory deadline of the year after the "
          "report year, by agency kind.",
          {{"deadlines", "map agency kind (government, department, township, other) -> MM-DD"}},
          {{"fail", "发布日期{published}晚于法定期限{deadline}"}}};
}
CheckKindInfo DescribeDeviation() {
  return {"deviation",
          "The table extractor recorded a template deviation on a table.",
          {{"table", "table id"}, {"deviation", "deviation id, e.g. other_handling_single_row"}},
          {{"fail", "（the rule's message）"}}};
}
CheckKindInfo DescribeTableFormat() {
  return {"table_format",
          "The tables use the labels of the expected report format.",
          {{"expected", "format id, e.g. ogi-2021"}},
          {{"fail", "表格使用了{format}格式的栏目"}}};
}

const std::vector<KindEntry>& Registry() {
  static const std::vector<KindEntry> kinds = {
      {CheckKind::kSections, "sections", LoadSections, DescribeSections},
      {CheckKind::kTable, "table", LoadTable, DescribeTable},
      {CheckKind::kAssert, "assert", LoadAssert, DescribeAssert},
      {CheckKind::kCellType, "cell_type", LoadCells, DescribeCellType},
      {CheckKind::kBlankCells, "blank_cells", LoadCells, DescribeBlankCells},
      {CheckKind::kTextPattern, "text_pattern", LoadTextPattern, DescribeTextPattern},
      {CheckKind::kProseNumber, "prose_number", LoadProseNumber, DescribeProseNumber},
      {CheckKind::kDeadline, "deadline", LoadDeadline, DescribeDeadline},
      {CheckKind::kDeviation, "deviation", LoadDeviation, DescribeDeviation},
      {CheckKind::kTableFormat, "table_format", LoadTableFormat, DescribeTableFormat},
      {CheckKind::kProseArith, "prose_arith", LoadProseArith, DescribeProseArith},
      {CheckKind::kStatSum, "stat_sum", LoadStatSum, DescribeStatSum},
      {CheckKind::kDocumentKind, "document_kind", LoadDocumentKind, DescribeDocumentKind},
      {CheckKind::kNumbering, "numbering", LoadNumbering, DescribeNumbering},
      {CheckKind::kTopic, "topic", LoadTopic, DescribeTopic},
  };
  return kinds;
}

}  // namespace

const char* CheckKindName(CheckKind kind) {
  for (const KindEntry& k : Registry())
    if (k.kind == kind) return k.name;
  return "?";
}

bool CompileCheck(const YAML::Node& check, RuleCompiler* c, Rule* rule) {
  std::string kind;
  if (!c->String(check, "kind", true, &kind)) return false;
  for (const KindEntry& k : Registry()) {
    if (kind != k.name) continue;
    rule->kind = k.kind;
    rule->kind_name = k.name;
    // Unknown fields are errors: a misspelt field would otherwise be silently ignored.
    CheckKindInfo info = k.describe();
    for (const auto& kv : check) {
      std::string key = kv.first.Scalar();
      if (key == "kind") continue;
      bool known = false;
      for (const auto& [field, doc] : info.fields) known |= field == key;
      if (!known) return c->Fail(kv.first, "unknown field '" + key + "' for check kind " + kind);
    }
    return k.load(check, c, rule);
  }
  std::string names;
  for (const KindEntry& k : Registry()) names += (names.empty() ? "" : ", ") + std::string(k.name);
  return c->Fail(check["kind"], "unknown check kind '" + kind + "' (known: " + names + ")");
}

}  // namespace ogicheck::rules

namespace ogicheck {

std::vector<CheckKindInfo> CheckKindCatalogue() {
  std::vector<CheckKindInfo> out;
  for (const auto& k : rules::Registry()) out.push_back(k.describe());
  return out;
}

}  // namespace ogicheck
