// The numbering kind: gaps and unexplained restarts in numbered lists (facts/numbering_runs).
#include "evaluate/kinds.h"
#include "facts/numbering_runs.h"

namespace ogicheck::eval {

void EvalNumbering(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  bool gaps = rule.facts == "gap";
  bool any = false;
  for (const facts::NumberingDefect& d : env.facts.NumberingDefects()) {
    if ((d.kind == facts::NumberingDefectKind::kGap) != gaps) continue;
    any = true;
    EvalContext ctx(env, rule);
    Evidence ev;
    ev.ref = "prose.numbering";
    ev.label = d.heading.empty() ? "（无上级标题）" : d.heading;
    ev.raw = d.marker;
    ev.value = d.expected;
    SetEvidencePos(env.doc, d.span.begin, &ev);
    ctx.evidence.push_back(ev);
    std::string where = d.heading.empty() ? "" : "“" + d.heading + "”下的";
    if (gaps)
      ctx.strings["detail"] = where + "编号由“" + d.previous + "”直接跳到“" + d.marker +
                              "”，缺少第" + std::to_string(d.expected) + "项";
    else
      ctx.strings["detail"] = where + "编号至“" + d.previous + "”后又从“" + d.marker +
                              "”重新开始，其间没有新的标题（可能漏了一个小标题）";
    Finding f = MakeFinding(rule, Outcome::kFail);
    f.message = RenderMessage(ctx);
    f.evidence = ctx.evidence;
    SetLocationFromSpan(env.doc, d.span, &f.location);
    f.fingerprint = Fingerprint(f, d.heading + "|" + d.previous + "|" + d.marker);
    out->findings.push_back(std::move(f));
  }
  if (!any) {
    EvalContext ctx(env, rule);
    AddPass(ctx, out, "");
  }
}

}  // namespace ogicheck::eval
