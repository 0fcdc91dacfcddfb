// The topic kind: a content Article 32 (2007) requires is mentioned somewhere in a narrative
// report, in a heading or in the text. A document that is only the appended 2014 statistics table
// (some agencies publish it as a page of its own, beside the narrative) is not judged: it is a
// part of a report, not one.
#include <re2/re2.h>

#include "evaluate/kinds.h"
#include "facts/stat_table.h"

namespace ogicheck::eval {
namespace {

// The statistics table starts within the first few lines: nothing narrative precedes it.
constexpr uint32_t kStandaloneTableLead = 600;

}  // namespace

void EvalTopic(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  const std::string& text = env.doc.text().text();
  const std::vector<facts::StatRow>& rows = env.facts.StatRows();
  if (!rows.empty() && rows.front().span.begin < kStandaloneTableLead) return;
  EvalContext ctx(env, rule);
  if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), rule.pattern->re())) {
    return AddPass(ctx, out, "");
  }
  Finding f = MakeFinding(rule, Outcome::kFail);
  f.message = RenderMessage(ctx);
  f.fingerprint = Fingerprint(f, "");
  out->findings.push_back(std::move(f));
}

}  // namespace ogicheck::eval
