// The document_kind kind: the document is not an annual report (a work plan, a notice …). The
// evaluator runs only this rule for such documents (evaluate.cc), so it is their one finding.
#include "evaluate/kinds.h"

namespace ogicheck::eval {

void EvalDocumentKind(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  EvalContext ctx(env, rule);
  const Metadata& m = env.doc.meta;
  if (m.kind == DocumentKind::kAnnualReport) return AddPass(ctx, out, "");
  Evidence ev;
  ev.ref = "meta.title";
  ev.label = "标题";
  ev.raw = m.title;
  if (!m.title_span.empty()) ev.line = env.doc.text().PosOf(m.title_span.begin).line;
  ctx.evidence.push_back(ev);
  std::string detail = m.title.empty() ? "文件未见标题" : "标题为“" + m.title + "”";
  if (!m.kind_reason.empty()) detail += "（判断依据：" + m.kind_reason + "）";
  ctx.strings["detail"] = detail;
  Finding f = MakeFinding(rule, Outcome::kFail);
  f.message = RenderMessage(ctx);
  f.evidence = ctx.evidence;
  if (!m.title_span.empty()) SetLocationFromSpan(env.doc, m.title_span, &f.location);
  f.fingerprint = Fingerprint(f, m.title);
  out->findings.push_back(std::move(f));
}

}  // namespace ogicheck::eval
