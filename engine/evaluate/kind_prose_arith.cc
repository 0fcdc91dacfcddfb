// The prose_arith kind: totals with breakdowns and percentages stated in the prose (facts from
// engine/facts/breakdowns) must add up. What is a finding:
// - parts exceeding the total: fail, and the message says the categories may overlap (unless the
//   sentence itself says they overlap: 交叉, 重复 …);
// - parts short of the total: fail only when the list reads as complete;
// - approximate figures, lists in mixed units that do not add up, and lists without a marker
//   (共…，a件、b件) are never failed, only confirmed when they add up.
#include <cmath>

#include "evaluate/kinds.h"
#include "facts/breakdowns.h"

namespace ogicheck::eval {
namespace {

// The clause a number stands in, with the number and its unit: "共受理政府信息公开申请1566件".
std::string ClauseText(std::string_view text, const facts::NumToken& t) {
  std::string s(text.substr(t.clause_begin, t.unit_end - t.clause_begin));
  size_t p = 0;
  while (p < s.size() && (s[p] == ' ' || s.compare(p, 3, "　") == 0)) p += s[p] == ' ' ? 1 : 3;
  return s.substr(p);
}

Evidence NumberEvidence(const ReportEnv& env, std::string_view text, const facts::NumToken& t,
                        const char* ref) {
  Evidence ev;
  ev.ref = ref;
  ev.label = ClauseText(text, t);
  ev.value = t.value;
  ev.raw = t.text + t.unit;
  SetEvidencePos(env.doc, t.begin, &ev);
  return ev;
}

// The failing finding of a breakdown or percentage: the message with ctx's {detail}, its
// evidence, located at the statement.
void AddFailure(const ReportEnv& env, const rules::Rule& rule, EvalContext& ctx, Span where,
                const std::string& binding, RuleOutput* out) {
  Finding f = MakeFinding(rule, Outcome::kFail);
  f.message = RenderMessage(ctx);
  f.evidence = ctx.evidence;
  SetLocationFromSpan(env.doc, where, &f.location);
  f.fingerprint = Fingerprint(f, binding);
  out->findings.push_back(std::move(f));
}

// Does some subset of two or more parts add up to the total? (Lists without a marker often
// name a sub-count of an item too: "受理8件，答复8件，不属管辖27件" of 35.)
bool SubsetMatches(const std::vector<facts::NumToken>& parts, double total) {
  size_t n = std::min<size_t>(parts.size(), 12);
  for (uint32_t mask = 1; mask < (1u << n); ++mask) {
    if (__builtin_popcount(mask) < 2) continue;
    double s = 0;
    for (size_t i = 0; i < n; ++i)
      if (mask & (1u << i)) s += parts[i].value;
    if (std::fabs(s - total) < 1e-6) return true;
  }
  return false;
}

void CheckBreakdown(const ReportEnv& env, const rules::Rule& rule, const facts::Breakdown& b,
                    RuleOutput* out) {
  std::string_view text = env.doc.text().text();
  EvalContext ctx(env, rule);
  ctx.evidence.push_back(NumberEvidence(env, text, b.total, "prose.total"));
  std::string sum_text;
  for (const auto& p : b.parts) {
    ctx.evidence.push_back(NumberEvidence(env, text, p, "prose.part"));
    sum_text += (sum_text.empty() ? "" : "+") + p.text;
  }
  double sum = facts::PartsSum(b);
  std::string binding = b.total.text + "=" + sum_text;
  bool equal = std::fabs(sum - b.total.value) < 1e-6;
  if (b.approximate) return;
  if (b.form == facts::BreakdownForm::kImplicit) {
    if (equal || SubsetMatches(b.parts, b.total.value)) AddPass(ctx, out, binding);
    return;
  }
  if (equal) return AddPass(ctx, out, binding);
  if (b.mixed_units) return;  // 2155条、268条、735幅 of 3158条: only the whole can be compared
  bool over = sum > b.total.value;
  if (over && b.overlap_said) return AddPass(ctx, out, binding);  // the report explains it
  if (!over && !b.complete) return;
  std::string unit = b.total.unit;
  std::string detail = "“" + ClauseText(text, b.total) + "”，所列分项" +
                       (b.parts.size() > 1 ? sum_text + "=" + FormatNumber(sum) + unit
                                           : b.parts.front().text + unit);
  if (over) {
    detail += "，比总数" + b.total.text + unit + "多" + FormatNumber(sum - b.total.value) + unit +
              "；各分项之间可能存在交叉重叠（同一事项计入多项），如属此情况应在报告中说明口径";
  } else {
    detail += "，比总数" + b.total.text + unit + "少" + FormatNumber(b.total.value - sum) + unit;
  }
  ctx.strings["detail"] = detail;
  AddFailure(env, rule, ctx, b.span, binding, out);
}

int Decimals(const std::string& s) {
  size_t dot = s.find('.');
  return dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1);
}

void CheckPercentage(const ReportEnv& env, const rules::Rule& rule, const facts::Percentage& p,
                     RuleOutput* out) {
  std::string_view text = env.doc.text().text();
  if (p.base.value <= 0) return;
  EvalContext ctx(env, rule);
  ctx.evidence.push_back(NumberEvidence(env, text, p.part, "prose.part"));
  ctx.evidence.push_back(NumberEvidence(env, text, p.base, "prose.total"));
  ctx.evidence.push_back(NumberEvidence(env, text, p.pct, "prose.percent"));
  double computed = p.part.value / p.base.value * 100;
  // Rounded or truncated to the printed decimals.
  double step = std::pow(10.0, -Decimals(p.pct.text));
  std::string binding = p.part.text + "/" + p.base.text + "=" + p.pct.text;
  if (std::fabs(computed - p.pct.value) < step + 1e-9) return AddPass(ctx, out, binding);
  for (const facts::NumToken& other : p.other_bases) {
    if (other.value > 0 && std::fabs(p.part.value / other.value * 100 - p.pct.value) < step + 1e-9)
      return AddPass(ctx, out, p.part.text + "/" + other.text + "=" + p.pct.text);
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", Decimals(p.pct.text) + 1, computed);
  ctx.strings["detail"] = "“" + ClauseText(text, p.part) + "，" + ClauseText(text, p.pct) + "”：" +
                          p.part.text + "÷" + p.base.text + "（“" + ClauseText(text, p.base) +
                          "”）=" + buf + "%，与所述" + p.pct.text + "%不符";
  AddFailure(env, rule, ctx, p.span, binding, out);
}

}  // namespace

void EvalProseArith(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  std::vector<Span> ranges = WithinRanges(env, rule, out);
  if (!out->missing.empty()) return;
  std::string_view text = env.doc.text().text();
  // Table regions are not prose (their arithmetic is the table rules' business).
  ranges = WithoutTables(env.doc, std::move(ranges));
  for (Span r : ranges) {
    if (rule.facts == "breakdown") {
      for (const facts::Breakdown& b : facts::FindBreakdowns(text, env.facts.SentencesIn(r)))
        CheckBreakdown(env, rule, b, out);
    } else {
      for (const facts::Percentage& p : facts::FindPercentages(text, env.facts.SentencesIn(r)))
        CheckPercentage(env, rule, p, out);
    }
  }
}

}  // namespace ogicheck::eval
