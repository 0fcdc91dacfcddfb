// RuleCompiler: the common fields of a rule (id, severity, applies_to, requires, for_each,
// tolerance, values, message) and the expression / regex helpers the kind loaders use.
#include "rules/compiler.h"

#include <cctype>

namespace ogicheck::rules {
namespace {

// String placeholders a message may use besides expressions.
const std::set<std::string>& StringPlaceholders() {
  static const std::set<std::string> s = {"row",       "col",      "row_label",       "col_label",
                                          "table",     "match",    "missing",         "heading",
                                          "published", "deadline", "format",          "deviation",
                                          "section",   "blanks",   "expected_values", "detail"};
  return s;
}

// Numeric names only a message may use (they describe the outcome).
const std::set<std::string>& OutcomeNames() {
  static const std::set<std::string> s = {"lhs", "rhs", "diff", "found", "tolerance"};
  return s;
}

}  // namespace

const std::set<std::string>& RuleCompiler::MetaNames() {
  static const std::set<std::string> s = {"meta.report_year",       "meta.title_year",
                                          "meta.period_begin_year", "meta.period_end_year",
                                          "meta.published_year",    "meta.published_month",
                                          "meta.published_day",     "meta.signature_year"};
  return s;
}

bool RuleCompiler::Fail(const YAML::Node& at, const std::string& msg) {
  if (error_.empty()) error_ = file_.ErrorAt(at, msg);
  return false;
}

bool RuleCompiler::String(const YAML::Node& parent, const char* field, bool required,
                          std::string* out) {
  YAML::Node n = parent[field];
  if (!n) return required ? Fail(parent, std::string("missing field '") + field + "'") : true;
  if (!ScalarString(n, out)) return Fail(n, std::string("'") + field + "' must be a text value");
  return true;
}

bool RuleCompiler::Strings(const YAML::Node& parent, const char* field, bool required,
                           std::vector<std::string>* out) {
  YAML::Node n = parent[field];
  if (!n) return required ? Fail(parent, std::string("missing field '") + field + "'") : true;
  if (!StringList(n, out))
    return Fail(n, std::string("'") + field + "' must be a list of text values");
  return true;
}

bool RuleCompiler::CheckNames(const Expr& root, const YAML::Node& scalar, bool in_message) {
  bool ok = true;
  auto bad = [&](uint32_t offset, const std::string& msg) {
    if (ok && error_.empty()) error_ = file_.ErrorInScalar(scalar, offset, msg);
    ok = false;
  };
  auto check_var = [&](const std::string& v, uint32_t offset) {
    std::string want = v == "$row" ? "row" : v == "$col" ? "col" : "";
    if (want.empty())
      bad(offset, "unknown variable '" + v + "' (only $row and $col exist)");
    else if (rule_->each_var != want)
      bad(offset, "'" + v + "' needs 'for_each: {" + want + ": …}' on the rule");
  };
  VisitExpr(root, [&](const Expr& e) {
    if (e.kind == ExprKind::kName) {
      const std::string& n = e.op;
      if (n[0] == '$') return check_var(n, e.offset);
      if (parameters_.count(n) || MetaNames().count(n)) return;
      for (const auto& [name, expr] : rule_->values)
        if (name == n) return;
      if (in_message && OutcomeNames().count(n)) return;
      bad(e.offset,
          "unknown name '" + n + "' (not a parameter, a value of this rule or a meta fact)");
    } else if (e.kind == ExprKind::kCell || e.kind == ExprKind::kSelect) {
      for (const Selector* sel : {&e.rows, &e.cols})
        for (const std::string& item : sel->items)
          if (item[0] == '$') check_var(item, e.offset);
    }
  });
  return ok;
}

bool RuleCompiler::Expression(const YAML::Node& parent, const char* field, bool required,
                              std::shared_ptr<Expr>* out) {
  YAML::Node n = parent[field];
  if (!n) return required ? Fail(parent, std::string("missing field '") + field + "'") : true;
  std::string text;
  if (!ScalarString(n, &text)) return Fail(n, std::string("'") + field + "' must be an expression");
  ParseResult r = ParseExpr(text);
  if (!r.expr) {
    if (error_.empty()) error_ = file_.ErrorInScalar(n, r.error_offset, r.error);
    return false;
  }
  if (!CheckNames(*r.expr, n, false)) return false;
  *out = std::move(r.expr);
  return true;
}

bool RuleCompiler::Regex(const YAML::Node& parent, const char* field, bool required,
                         std::shared_ptr<const Pattern>* out) {
  YAML::Node n = parent[field];
  if (!n) return required ? Fail(parent, std::string("missing field '") + field + "'") : true;
  std::string text;
  if (!ScalarString(n, &text))
    return Fail(n, std::string("'") + field + "' must be a regular expression");
  Pattern::SyntaxError syntax;
  std::shared_ptr<const Pattern> re = Pattern::Check(text, &syntax);
  if (!re) {
    if (error_.empty())
      error_ =
          file_.ErrorInScalar(n, syntax.offset, "invalid regular expression: " + syntax.message);
    return false;
  }
  *out = std::move(re);
  return true;
}

bool RuleCompiler::CompileMessage(const YAML::Node& node, Rule* rule) {
  YAML::Node n = node["message"];
  if (!n) return Fail(node, "missing field 'message' (the Chinese text auditors read)");
  std::string text;
  if (!ScalarString(n, &text)) return Fail(n, "'message' must be text");
  std::string literal;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') {
      literal += text[i];
      continue;
    }
    size_t close = text.find('}', i);
    if (close == std::string::npos) {
      error_ = file_.ErrorInScalar(n, static_cast<uint32_t>(i), "'{' without a closing '}'");
      return false;
    }
    if (!literal.empty()) rule->message.push_back({literal, "", nullptr});
    literal.clear();
    std::string inner = text.substr(i + 1, close - i - 1);
    std::string trimmed = inner;
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())))
      trimmed.pop_back();
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front())))
      trimmed.erase(0, 1);
    if (StringPlaceholders().count(trimmed)) {
      rule->message.push_back({"", trimmed, nullptr});
    } else {
      ParseResult r = ParseExpr(inner);
      if (!r.expr) {
        error_ = file_.ErrorInScalar(n, static_cast<uint32_t>(i + 1 + r.error_offset),
                                     "in the placeholder {" + inner + "}: " + r.error);
        return false;
      }
      if (!CheckNames(*r.expr, n, true)) return false;
      rule->message.push_back({"", "", std::shared_ptr<Expr>(std::move(r.expr))});
    }
    i = close;
  }
  if (!literal.empty()) rule->message.push_back({literal, "", nullptr});
  return true;
}

bool RuleCompiler::CompileCommon(const YAML::Node& node, Rule* rule) {
  rule->file = file_.path();
  rule->line = node.Mark().line + 1;
  if (!String(node, "id", true, &rule->id) || !String(node, "title", true, &rule->title) ||
      !String(node, "basis", true, &rule->basis))
    return false;
  std::string sev;
  if (!String(node, "severity", true, &sev)) return false;
  if (!ParseSeverity(sev, &rule->severity))
    return Fail(node["severity"], "severity must be error, warning or info, not '" + sev + "'");
  static const std::set<std::string> kKnown = {"id",         "title",    "severity", "basis",
                                               "applies_to", "requires", "for_each", "tolerance",
                                               "values",     "message",  "check",    "enabled"};
  for (const auto& kv : node) {
    std::string key = kv.first.Scalar();
    if (!kKnown.count(key)) return Fail(kv.first, "unknown field '" + key + "' in a rule");
  }
  if (YAML::Node en = node["enabled"]) rule->enabled = en.Scalar() != "false";
  if (YAML::Node a = node["applies_to"]) {
    if (!a.IsMap()) return Fail(a, "'applies_to' must be a mapping");
    if (!Strings(a, "formats", false, &rule->formats) ||
        !Strings(a, "agencies", false, &rule->agencies) ||
        !Strings(a, "table_formats", false, &rule->table_formats))
      return false;
    if (YAML::Node y = a["years"]) {
      double lo = 0, hi = 0;
      if (!y.IsSequence() || y.size() != 2)
        return Fail(y, "'years' must be [first, last] (use ~ for open)");
      if (y[0].Scalar() != "~" && !y[0].IsNull() && !ScalarNumber(y[0], &lo))
        return Fail(y[0], "not a year");
      if (y[1].Scalar() != "~" && !y[1].IsNull() && !ScalarNumber(y[1], &hi))
        return Fail(y[1], "not a year");
      rule->min_year = static_cast<int>(lo);
      rule->max_year = static_cast<int>(hi);
    }
  }
  if (YAML::Node r = node["requires"]) {
    if (!r.IsMap()) return Fail(r, "'requires' must be a mapping");
    if (!Strings(r, "tables", false, &rule->require_tables) ||
        !Strings(r, "meta", false, &rule->require_meta))
      return false;
    static const std::set<std::string> kMeta = {"published", "agency_kind", "report_year", "period",
                                                "title"};
    for (const std::string& m : rule->require_meta)
      if (!kMeta.count(m)) return Fail(r["meta"], "unknown meta requirement '" + m + "'");
    std::string when;
    if (!String(r, "when_missing", false, &when)) return false;
    if (!when.empty() && when != "skip" && when != "not_evaluated")
      return Fail(r["when_missing"], "'when_missing' is skip or not_evaluated");
    rule->skip_when_missing = when == "skip";
  }
  if (YAML::Node f = node["for_each"]) {
    if (!f.IsMap())
      return Fail(f, "'for_each' must be a mapping {table: …, row: […]} or {table: …, col: […]}");
    if (!String(f, "table", true, &rule->each_table)) return false;
    if (f["row"] && f["col"])
      return Fail(f, "'for_each' loops over rows or over columns, not both");
    rule->each_var = f["row"] ? "row" : "col";
    if (!Strings(f, rule->each_var.c_str(), true, &rule->each_items)) return false;
  }
  if (YAML::Node t = node["tolerance"]) {
    std::string s = t.Scalar();
    if (s == "exact") {
      rule->tolerance = Tolerance::kExact;
    } else if (s == "printed") {
      rule->tolerance = Tolerance::kPrinted;
    } else if (ScalarNumber(t, &rule->tolerance_value) && rule->tolerance_value >= 0) {
      rule->tolerance = Tolerance::kFixed;
    } else {
      return Fail(t, "tolerance is exact, printed or a non-negative number");
    }
  }
  if (YAML::Node v = node["values"]) {
    if (!v.IsMap()) return Fail(v, "'values' must map names to expressions");
    for (const auto& kv : v) {
      std::string name = kv.first.Scalar();
      std::shared_ptr<Expr> e;
      if (!Expression(v, name.c_str(), true, &e)) return false;
      rule->values.emplace_back(name, std::move(e));
    }
  }
  return true;
}

bool RuleCompiler::Compile(const YAML::Node& node, Rule* rule) {
  rule_ = rule;
  if (!node.IsMap()) return Fail(node, "a rule must be a mapping");
  if (!CompileCommon(node, rule)) return false;
  YAML::Node check = node["check"];
  if (!check || !check.IsMap()) return Fail(node, "missing 'check' (a mapping with 'kind')");
  if (!CompileCheck(check, this, rule)) return false;
  return CompileMessage(node, rule);
}

}  // namespace ogicheck::rules
