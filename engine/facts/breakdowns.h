// Arithmetic facts stated in prose: a total with its breakdown ("共受理1566件……其中，属于已主动
// 公开范围97件、同意全部公开914件……", "行政诉讼143件。行政诉讼中维持……117件……") and a
// percentage with its base ("不予公开85件，占总数5.4%"). The facts say what the text claims and
// how far it can be trusted (approximate figures, lists that do not read as complete, mixed
// units); the prose_arith check kind decides what is a finding.
#pragma once

#include <string>
#include <vector>

#include "facts/number_tokens.h"
#include "ogicheck/source_text.h"

namespace ogicheck::facts {

enum class BreakdownForm {
  kQizhong,  // "N件，其中A a件、B b件" / "N件。其中，…"
  kXZhong,   // "…行政诉讼143件。行政诉讼中维持117件……"
  kImplicit,  // "共受理N件，当面申请a件、传真申请b件…" (no marker: only ever confirmed, never
              // failed)
};

struct Breakdown {
  BreakdownForm form = BreakdownForm::kQizhong;
  NumToken total;
  std::vector<NumToken> parts;
  bool approximate = false;  // the total or a part is approximate (余, 多, 约 …)
  bool mixed_units = false;  // parts in different count units (2155条、268条、735幅)
  bool complete = false;  // the list reads as complete (no 等/主要/包括…, parts not totals)
  bool overlap_said = false;  // the sentence says the items overlap (交叉, 重复, 同一…计入多项 …)
  Span span;                  // from the total to the last part
};

struct Percentage {
  NumToken part;  // "85件"
  NumToken base;  // the total it is a share of ("共收到…1576件")
  NumToken pct;   // "5.4%"
  Span span;
  // Other numbers earlier in the paragraph that could be the base ("占办结总数的50.0%" after
  // "收到申请43件…办结44件"): the share is consistent when it fits any of them, so a report is
  // never faulted for a base we chose wrongly.
  std::vector<NumToken> other_bases;
};

// A sentence (up to 。！？ or a line break) with its number tokens.
struct Sentence {
  uint32_t begin = 0, end = 0;
  std::vector<NumToken> tokens;
};

// The sentences of text[begin, end).
std::vector<Sentence> Sentences(std::string_view text, uint32_t begin, uint32_t end);

// Breakdowns and percentages stated in text[range), or in sentences already split.
std::vector<Breakdown> FindBreakdowns(std::string_view text, Span range);
std::vector<Breakdown> FindBreakdowns(std::string_view text, const std::vector<Sentence>& sentences);
std::vector<Percentage> FindPercentages(std::string_view text, Span range);
std::vector<Percentage> FindPercentages(std::string_view text,
                                        const std::vector<Sentence>& sentences);

// Sum of the parts.
double PartsSum(const Breakdown& b);

}  // namespace ogicheck::facts
