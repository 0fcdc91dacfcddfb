// The deadline kind: published on or before the statutory date of the year after the report
// year (Art. 49: departments 1月31日, governments 3月31日).
#include <cstdio>

#include "evaluate/kinds.h"

namespace ogicheck::eval {

void EvalDeadline(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  const Metadata& m = env.doc.meta;
  EvalContext ctx(env, rule);
  if (!m.published || !m.published->date.valid()) {
    out->missing.insert("meta:published");
    return;
  }
  if (m.report_year == 0) {
    out->missing.insert("meta:report_year");
    return;
  }
  const char* kind = m.agency_kind == AgencyKind::kGovernment   ? "government"
                     : m.agency_kind == AgencyKind::kDepartment ? "department"
                     : m.agency_kind == AgencyKind::kTownship   ? "township"
                     : m.agency_kind == AgencyKind::kOther      ? "other"
                                                                : "";
  auto it = rule.deadlines.find(kind);
  if (it == rule.deadlines.end()) return;  // no statutory date for this kind of agency
  Date deadline;
  deadline.year = m.report_year + 1;
  deadline.month = std::stoi(it->second.substr(0, 2));
  deadline.day = std::stoi(it->second.substr(3, 2));
  const Date& pub = m.published->date;
  Evidence ev;
  ev.ref = "meta.published";
  ev.label = "发布日期（" + m.published->source + "）";
  ev.raw = IsoDate(pub);
  if (!m.published->span.empty()) SetEvidencePos(env.doc, m.published->span.begin, &ev);
  ctx.evidence.push_back(ev);
  if (pub <= deadline) return AddPass(ctx, out, "");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d年%d月%d日", deadline.year, deadline.month, deadline.day);
  ctx.strings["deadline"] = buf;
  std::snprintf(buf, sizeof buf, "%d年%d月%d日", pub.year, pub.month, pub.day);
  ctx.strings["published"] = buf;
  Finding f = MakeFinding(rule, Outcome::kFail);
  f.message = RenderMessage(ctx);
  f.evidence = ctx.evidence;
  SetLocationFromSpan(env.doc, m.published->span, &f.location);
  f.fingerprint = Fingerprint(f, IsoDate(deadline));
  out->findings.push_back(std::move(f));
}

}  // namespace ogicheck::eval
