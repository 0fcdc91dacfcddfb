// The stat_sum kind: in the 2014 statistics table appended to (or published as) a 2008–2018
// report, a total row equals the sum of its part rows (spec §4.3, P08-ARI-001/002). Reports
// without the table, or tables without one of the rows, are not judged.
#include <cmath>

#include "evaluate/kinds.h"
#include "facts/stat_table.h"

namespace ogicheck::eval {
namespace {

Evidence RowEvidence(const ReportEnv& env, const facts::StatRow& r) {
  Evidence ev;
  ev.ref = "stat_table";
  ev.label = r.label;
  ev.value = r.value;
  ev.raw = r.raw;
  SetEvidencePos(env.doc, r.span.begin, &ev);
  return ev;
}

}  // namespace

void EvalStatSum(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  const std::vector<facts::StatRow>& rows = env.facts.StatRows();
  if (rows.empty()) return;
  const facts::StatRow* total = facts::FindStatRow(rows, rule.stat_group, rule.stat_total);
  if (!total) return;
  std::vector<const facts::StatRow*> parts;
  for (const std::string& label : rule.stat_parts) {
    const facts::StatRow* p = facts::FindStatRow(rows, rule.stat_group, label);
    if (!p) return;  // a table without this row (local variants) cannot be judged
    parts.push_back(p);
  }
  EvalContext ctx(env, rule);
  ctx.evidence.push_back(RowEvidence(env, *total));
  double sum = 0;
  std::string list, binding = total->label;
  for (const facts::StatRow* p : parts) {
    sum += p->value;
    ctx.evidence.push_back(RowEvidence(env, *p));
    list += (list.empty() ? "" : "、") + ("“" + p->label + "”" + p->raw + p->unit);
    binding += "|" + p->label;
  }
  if (std::fabs(sum - total->value) < 1e-6) return AddPass(ctx, out, binding);
  std::string detail = "统计表中“" + total->label + "”为" + total->raw + total->unit + "，而";
  if (parts.size() == 1)
    detail += list;
  else
    detail += "各分项" + list + "合计" + FormatNumber(sum) + total->unit;
  detail += "，相差" + FormatNumber(std::fabs(sum - total->value)) + total->unit;
  ctx.strings["detail"] = detail;
  Finding f = MakeFinding(rule, Outcome::kFail);
  f.message = RenderMessage(ctx);
  f.evidence = ctx.evidence;
  SetLocationFromSpan(env.doc, total->span, &f.location);
  f.fingerprint = Fingerprint(f, binding);
  out->findings.push_back(std::move(f));
}

}  // namespace ogicheck::eval
