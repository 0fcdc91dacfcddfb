// Evaluate: runs every applicable rule on one Document and gathers the findings. Missing inputs
// are reported once per report and input (one not_evaluated finding naming every rule that
// needed it), never as a cascade of failures.
#include "ogicheck/evaluate.h"

#include <algorithm>
#include <map>

#include "evaluate/kinds.h"
#include "ogicheck/document_json.h"

namespace ogicheck {
namespace {

using rules::Rule;

Finding MakeFindingNotEvaluated(const Rule& r) {
  return eval::MakeFinding(r, Outcome::kNotEvaluated);
}

bool Applies(const Rule& r, const rules::Pack& pack, const Document& doc) {
  if (!r.enabled) return false;
  const auto& formats = r.formats.empty() ? pack.info.formats : r.formats;
  if (std::find(formats.begin(), formats.end(), doc.format) == formats.end()) return false;
  if (!r.table_formats.empty()) {
    // Rules about one format's table layout stay silent when the report used the other format's
    // tables: the table_format rule reports that once, instead of every column being "missing".
    const std::string& tf = doc.table_format.empty() ? doc.format : doc.table_format;
    if (std::find(r.table_formats.begin(), r.table_formats.end(), tf) == r.table_formats.end())
      return false;
  }
  int y = doc.meta.report_year;
  if (y && r.min_year && y < r.min_year) return false;
  if (y && r.max_year && y > r.max_year) return false;
  if (!r.agencies.empty()) {
    // An agency kind that cannot be told makes the rule not apply (it cannot be decided).
    if (doc.meta.agency_kind == AgencyKind::kUnknown) return false;
    const std::string kind = AgencyKindName(doc.meta.agency_kind);
    const std::string both = kind + "/" + AgencyLevelName(doc.meta.agency_level);
    if (std::find(r.agencies.begin(), r.agencies.end(), kind) == r.agencies.end() &&
        std::find(r.agencies.begin(), r.agencies.end(), both) == r.agencies.end())
      return false;
  }
  return true;
}

// Tables a rule's expressions name, plus those it lists under requires.
std::vector<std::string> RequiredTables(const Rule& r) {
  std::vector<std::string> out = r.require_tables;
  auto add = [&out](const std::string& t) {
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  };
  std::vector<const rules::Expr*> exprs = {r.expr.get(), r.only_if.get(), r.at.get()};
  for (const auto& e : r.expect) exprs.push_back(e.get());
  for (const auto& [n, e] : r.values) exprs.push_back(e.get());
  for (const rules::Expr* e : exprs) {
    if (!e) continue;
    rules::VisitExpr(*e, [&](const rules::Expr& x) {
      if (x.kind == rules::ExprKind::kCell || x.kind == rules::ExprKind::kSelect) add(x.table);
    });
  }
  if (!r.each_table.empty()) add(r.each_table);
  return out;
}

bool MetaPresent(const Document& doc, const std::string& m) {
  if (m == "published") return doc.meta.published && doc.meta.published->date.valid();
  if (m == "agency_kind") return doc.meta.agency_kind != AgencyKind::kUnknown;
  if (m == "report_year") return doc.meta.report_year != 0;
  if (m == "period") return doc.meta.period_end.has_value();
  if (m == "title") return !doc.meta.title.empty();
  return true;
}

std::string MissingLabel(const std::string& key) {
  size_t colon = key.find(':');
  std::string kind = key.substr(0, colon), what = key.substr(colon + 1);
  if (kind == "table") return "缺少" + eval::TableName(what);
  if (kind == "section") return "缺少第" + what + "部分";
  if (kind == "meta") {
    static const std::map<std::string, std::string> kMeta = {{"published", "发布日期"},
                                                             {"agency_kind", "机关类型"},
                                                             {"report_year", "报告年度"},
                                                             {"period", "统计期间"},
                                                             {"title", "标题"}};
    auto it = kMeta.find(what);
    return "未能识别" + (it != kMeta.end() ? it->second : what);
  }
  return what;
}

void RunRule(const eval::ReportEnv& env, const Rule& r, eval::RuleOutput* out) {
  using rules::CheckKind;
  // Patterns are compiled on first use (rules/pattern.h): one RE2 cannot compile (a program over
  // its memory limit; `rules lint` reports it) leaves the rule unable to run, which is reported.
  if (std::string error = rules::UnusablePattern(r); !error.empty()) {
    Finding f = eval::MakeFinding(r, Outcome::kNotEvaluated);
    f.message = "规则的正则表达式无法编译（" + error + "），规则未能评估";
    f.fingerprint = eval::Fingerprint(f, error);
    out->findings.push_back(std::move(f));
    return;
  }
  switch (r.kind) {
    case CheckKind::kSections:
      return eval::EvalSections(env, r, out);
    case CheckKind::kTable:
      return eval::EvalTable(env, r, out);
    case CheckKind::kAssert:
      return eval::EvalAssert(env, r, out);
    case CheckKind::kCellType:
      return eval::EvalCellType(env, r, out);
    case CheckKind::kBlankCells:
      return eval::EvalBlankCells(env, r, out);
    case CheckKind::kTextPattern:
      return eval::EvalTextPattern(env, r, out);
    case CheckKind::kProseNumber:
      return eval::EvalProseNumber(env, r, out);
    case CheckKind::kDeadline:
      return eval::EvalDeadline(env, r, out);
    case CheckKind::kDeviation:
      return eval::EvalDeviation(env, r, out);
    case CheckKind::kTableFormat:
      return eval::EvalTableFormat(env, r, out);
    case CheckKind::kProseArith:
      return eval::EvalProseArith(env, r, out);
    case CheckKind::kStatSum:
      return eval::EvalStatSum(env, r, out);
    case CheckKind::kDocumentKind:
      return eval::EvalDocumentKind(env, r, out);
    case CheckKind::kNumbering:
      return eval::EvalNumbering(env, r, out);
    case CheckKind::kTopic:
      return eval::EvalTopic(env, r, out);
  }
}

// Kinds that look at whether a table is there, rather than needing it.
bool NeedsTables(rules::CheckKind k) {
  return k == rules::CheckKind::kAssert || k == rules::CheckKind::kProseNumber ||
         k == rules::CheckKind::kTextPattern;
}

}  // namespace

DocumentSummary SummarizeDocument(const Document& doc) {
  DocumentSummary s;
  s.title = doc.meta.title;
  s.agency = doc.meta.agency;
  s.year = doc.meta.report_year;
  s.format = doc.format;
  if (doc.meta.published && doc.meta.published->date.valid())
    s.published = eval::IsoDate(doc.meta.published->date);
  s.kind = doc.meta.kind == DocumentKind::kAnnualReport ? "annual_report" : "other";
  return s;
}

ReportFindings Evaluate(const Document& doc, const RuleSet& rule_set,
                        const EvaluateOptions& options) {
  ReportFindings report;
  report.path = doc.source.DisplayName();
  report.document = SummarizeDocument(doc);
  const ReportSchema* schema = nullptr;
  if (options.schemas) {
    schema = options.schemas->Find(doc.table_format.empty() ? doc.format : doc.table_format);
    if (!schema) schema = options.schemas->Find(doc.format);
  }
  facts::DocumentFacts facts(doc.text().text());
  eval::CellIndex cell_index;
  // A document that is not an annual report gets one finding saying so (the first document_kind
  // rule of the loaded packs) and nothing else: the report rules would only produce noise.
  if (doc.meta.kind == DocumentKind::kOther) {
    for (const rules::Pack& pack : rule_set.compiled().packs)
      for (const Rule& r : pack.rules) {
        if (!r.enabled || r.kind != rules::CheckKind::kDocumentKind) continue;
        eval::ReportEnv env{doc, schema, pack.parameters, facts, cell_index, nullptr};
        eval::RuleOutput out;
        RunRule(env, r, &out);
        for (Finding& f : out.findings) report.findings.push_back(std::move(f));
        return report;
      }
  }
  for (const rules::Pack& pack : rule_set.compiled().packs) {
    eval::PatternHits pattern_hits(pack, doc.text().text());
    eval::ProseMatches prose_matches(pack, doc);
    eval::ReportEnv env{doc,        schema,        pack.parameters,     facts,
                        cell_index, &pattern_hits, options.show_passed, &prose_matches};
    // Report-level missing inputs -> the rules that needed them, in rule order.
    std::vector<std::pair<std::string, std::vector<const Rule*>>> missing;
    auto note_missing = [&missing](const std::string& key, const Rule* r) {
      for (auto& [k, v] : missing)
        if (k == key) {
          if (std::find(v.begin(), v.end(), r) == v.end()) v.push_back(r);
          return;
        }
      missing.push_back({key, {r}});
    };
    for (const Rule& r : pack.rules) {
      if (!Applies(r, pack, doc)) continue;
      ++report.rules_evaluated;
      bool blocked = false;
      for (const std::string& m : r.require_meta) {
        if (MetaPresent(doc, m)) continue;
        blocked = true;
        if (!r.skip_when_missing) note_missing("meta:" + m, &r);
      }
      if (NeedsTables(r.kind)) {
        for (const std::string& t : RequiredTables(r)) {
          if (eval::FindTable(doc, t)) continue;
          blocked = true;
          if (!r.skip_when_missing) note_missing("table:" + t, &r);
        }
      }
      if (blocked) continue;
      eval::RuleOutput out;
      RunRule(env, r, &out);
      for (Finding& f : out.findings) report.findings.push_back(std::move(f));
      if (options.show_passed)
        for (Finding& f : out.passed) report.passed.push_back(std::move(f));
      // Inputs missing inside the rule: report-level ones are pooled, cells give one finding.
      std::vector<std::string> cells;
      for (const std::string& key : out.missing) {
        if (key.rfind("cell:", 0) == 0)
          cells.push_back(key.substr(5));
        else if (!r.skip_when_missing)
          note_missing(key, &r);
      }
      if (!cells.empty() && !r.skip_when_missing) {
        Finding f = MakeFindingNotEvaluated(r);
        std::string list;
        for (const auto& c : cells) list += (list.empty() ? "" : "、") + c;
        f.message = "缺少单元格 " + list + "，规则未能评估";
        for (const auto& c : cells) {
          Evidence ev;
          ev.ref = c;
          ev.label = "（表中未找到）";
          f.evidence.push_back(ev);
        }
        f.fingerprint = eval::Fingerprint(f, list);
        report.findings.push_back(std::move(f));
      }
    }
    for (const auto& [key, needing] : missing) {
      Finding f = MakeFindingNotEvaluated(*needing.front());
      std::string ids;
      for (const Rule* r : needing) ids += (ids.empty() ? "" : "、") + r->id;
      f.message =
          MissingLabel(key) + "，以下" + std::to_string(needing.size()) + "条规则未能评估：" + ids;
      size_t colon = key.find(':');
      if (key.substr(0, colon) == "table") f.location.table = key.substr(colon + 1);
      if (key.substr(0, colon) == "section") f.location.section = key.substr(colon + 1);
      f.fingerprint = eval::Fingerprint(f, key + "|" + ids);
      report.findings.push_back(std::move(f));
    }
  }
  return report;
}

}  // namespace ogicheck
