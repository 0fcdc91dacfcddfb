// Structure kinds: required sections, table present with rows and columns, template deviations
// and the table format.
#include <algorithm>

#include "evaluate/kinds.h"

namespace ogicheck::eval {
namespace {

// Heading text without spaces and common punctuation, for tolerant matching.
std::string Squeeze(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n') continue;
    if (s.substr(i, 3) == "\u3000") {  // ideographic space
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

bool TitleMatches(const Section& s, const rules::SectionSpec& spec) {
  std::string title = Squeeze(s.title);
  for (const std::string& t : spec.titles)
    if (title.find(Squeeze(t)) != std::string::npos) return true;
  return false;
}

}  // namespace

void EvalSections(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  const Document& doc = env.doc;
  std::vector<int> found_at;  // index in doc.sections per spec, -1 when missing
  std::vector<std::string> missing;
  for (const rules::SectionSpec& spec : rule.sections) {
    int at = -1;
    // Prefer a heading whose title matches; accept the right number with a matching title only.
    for (size_t i = 0; i < doc.sections.size() && at < 0; ++i)
      if (doc.sections[i].level <= 1 && TitleMatches(doc.sections[i], spec))
        at = static_cast<int>(i);
    found_at.push_back(at);
    if (at < 0) missing.push_back(spec.id + "、" + spec.titles.front());
  }
  EvalContext ctx(env, rule);
  for (size_t i = 0; i < found_at.size(); ++i) {
    if (found_at[i] < 0) continue;
    const Section& s = doc.sections[found_at[i]];
    Evidence ev;
    ev.ref = "section." + rule.sections[i].id;
    ev.label = s.numbering + s.title;
    ev.raw = ev.label;
    SetEvidencePos(doc, s.heading_span.begin, &ev);
    ctx.evidence.push_back(ev);
  }
  if (!missing.empty()) {
    Finding f = MakeFinding(rule, Outcome::kFail);
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : "；") + m;
    ctx.strings["missing"] = list;
    f.message = RenderMessage(ctx);
    f.evidence = ctx.evidence;
    f.fingerprint = Fingerprint(f, "missing|" + list);
    out->findings.push_back(std::move(f));
    return;
  }
  if (rule.ordered) {
    for (size_t i = 1; i < found_at.size(); ++i) {
      if (found_at[i] > found_at[i - 1]) continue;
      Finding f = MakeFinding(rule, Outcome::kFail);
      const Section& s = doc.sections[found_at[i]];
      ctx.strings["missing"] =
          "第" + rule.sections[i].id + "部分出现在第" + rule.sections[i - 1].id + "部分之前";
      ctx.strings["heading"] = s.numbering + s.title;
      f.message = RenderMessage(ctx);
      f.evidence = ctx.evidence;
      SetLocationFromSpan(doc, s.heading_span, &f.location);
      f.location.section = rule.sections[i].id;
      f.fingerprint = Fingerprint(f, "order|" + rule.sections[i].id);
      out->findings.push_back(std::move(f));
      return;
    }
  }
  AddPass(ctx, out, "");
}

void EvalTable(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  EvalContext ctx(env, rule);
  ctx.strings["table"] = TableName(rule.table);
  const Table* t = FindTable(env.doc, rule.table);
  if (!t) {
    Finding f = MakeFinding(rule, Outcome::kFail);
    ctx.strings["missing"] = "整张表";
    f.message = RenderMessage(ctx);
    f.location.table = rule.table;
    f.location.section = TableSection(env, rule.table);
    f.fingerprint = Fingerprint(f, "absent");
    out->findings.push_back(std::move(f));
    return;
  }
  std::vector<std::string> missing;
  for (const std::string& r : rule.rows)
    if (!t->Row(r)) missing.push_back("行 " + r);
  for (const std::string& c : rule.cols)
    if (std::find(t->columns.begin(), t->columns.end(), c) == t->columns.end())
      missing.push_back("列 " + c);
  if (missing.empty()) return AddPass(ctx, out, "");
  Finding f = MakeFinding(rule, Outcome::kFail);
  std::string list;
  for (const auto& m : missing) list += (list.empty() ? "" : "、") + m;
  ctx.strings["missing"] = list;
  f.message = RenderMessage(ctx);
  f.location.table = rule.table;
  f.location.section = TableSection(env, rule.table);
  SetLocationFromSpan(env.doc, t->span, &f.location);
  f.fingerprint = Fingerprint(f, list);
  out->findings.push_back(std::move(f));
}

void EvalDeviation(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  EvalContext ctx(env, rule);
  const Table* t = FindTable(env.doc, rule.table);
  if (!t) return;  // the table rule reports an absent table
  if (std::find(t->deviations.begin(), t->deviations.end(), rule.deviation) == t->deviations.end())
    return AddPass(ctx, out, "");
  Finding f = MakeFinding(rule, Outcome::kFail);
  ctx.strings["deviation"] = rule.deviation;
  ctx.strings["table"] = TableName(rule.table);
  f.message = RenderMessage(ctx);
  f.location.table = rule.table;
  f.location.section = TableSection(env, rule.table);
  SetLocationFromSpan(env.doc, t->span, &f.location);
  f.fingerprint = Fingerprint(f, rule.deviation);
  out->findings.push_back(std::move(f));
}

void EvalTableFormat(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  EvalContext ctx(env, rule);
  const std::string& used = env.doc.table_format;
  if (used.empty() || used == rule.expected_format) return AddPass(ctx, out, "");
  Finding f = MakeFinding(rule, Outcome::kFail);
  ctx.strings["format"] = used;
  f.message = RenderMessage(ctx);
  Evidence ev;
  ev.ref = "document.table_format";
  ev.label = "表格栏目所属格式";
  ev.raw = used;
  f.evidence.push_back(ev);
  if (!env.doc.tables.empty())
    SetLocationFromSpan(env.doc, env.doc.tables.front().span, &f.location);
  f.fingerprint = Fingerprint(f, used);
  out->findings.push_back(std::move(f));
}

}  // namespace ogicheck::eval
