// The evaluator of each check kind (dispatched from evaluate.cc by rules::CheckKind).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "evaluate/context.h"

namespace ogicheck::eval {

struct RuleOutput {
  std::vector<Finding> findings;  // fail and inconclusive outcomes
  std::vector<Finding> passed;    // one per passed check (for --show-passed)
  std::set<std::string> missing;  // prerequisites the document lacks: "table:x", "cell:t.r.c", …
};

void EvalAssert(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalSections(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalTable(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalCellType(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalBlankCells(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalTextPattern(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalProseNumber(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalDeadline(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalDeviation(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalTableFormat(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalProseArith(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalStatSum(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalDocumentKind(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalNumbering(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
void EvalTopic(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);

// Shared by the text kinds: the text range of a top-level section by its id ("六"), or the whole
// text when `id` is empty. False when the section is not in the document.
bool SectionRange(const Document& doc, const std::string& id, Span* out);
// The text a rule looks in: the bodies of its `within` sections (absent ones are noted in
// out->missing), or the whole text.
std::vector<Span> WithinRanges(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out);
// The ranges without the table regions.
std::vector<Span> WithoutTables(const Document& doc, std::vector<Span> ranges);
int ChineseNumber(const std::string& s);  // "六" -> 6, "十二" -> 12, 0 if not a numeral

// Evaluates `only_if` (true when absent); records missing inputs.
bool OnlyIf(EvalContext& ctx, RuleOutput* out);
// Records a passed check.
void AddPass(EvalContext& ctx, RuleOutput* out, const std::string& extra);

}  // namespace ogicheck::eval
