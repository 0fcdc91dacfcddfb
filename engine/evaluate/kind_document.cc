// The document_kind kind: the document is not an annual report (a work plan, a notice …). The
// evaluator runs only this rule for such documents (evaluate.cc), so it is their one finding.
#include "evaluate/kinds.h"

namespace ogicheck::eval {
namespace {

// The parse stage gives its reason in English (for developers); auditors read Chinese.
std::string ChineseReason(const std::string& reason, bool has_title) {
  const std::string plan = "title names a plan or notice (";
  if (reason.rfind(plan, 0) == 0) {
    std::string word = reason.substr(plan.size());
    if (!word.empty() && word.back() == ')') word.pop_back();
    return "，标题表明是“" + word + "”类文件";
  }
  if (reason.rfind("neither", 0) == 0)
    return has_title ? "，标题和正文都不是年度报告的写法" : "，正文也不是年度报告的写法";
  return "";
}

}  // namespace

void EvalDocumentKind(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  EvalContext ctx(env, rule);
  const Metadata& m = env.doc.meta;
  if (m.kind == DocumentKind::kAnnualReport) return AddPass(ctx, out, "");
  Evidence ev;
  ev.ref = "meta.title";
  ev.label = "标题";
  ev.raw = m.title;
  if (!m.title_span.empty()) SetEvidencePos(env.doc, m.title_span.begin, &ev);
  ctx.evidence.push_back(ev);
  std::string detail = m.title.empty() ? "文件未见标题" : "标题为“" + m.title + "”";
  detail += ChineseReason(m.kind_reason, !m.title.empty());
  ctx.strings["detail"] = detail;
  Finding f = MakeFinding(rule, Outcome::kFail);
  f.message = RenderMessage(ctx);
  f.evidence = ctx.evidence;
  if (!m.title_span.empty()) SetLocationFromSpan(env.doc, m.title_span, &f.location);
  f.fingerprint = Fingerprint(f, m.title);
  out->findings.push_back(std::move(f));
}

}  // namespace ogicheck::eval
