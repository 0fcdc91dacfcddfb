// Memoised facts of one document (see document_facts.h).
#include "facts/document_facts.h"

#include <algorithm>

namespace ogicheck::facts {

const std::vector<StatRow>& DocumentFacts::StatRows() {
  if (!stat_rows_) stat_rows_ = FindStatRows(text_);
  return *stat_rows_;
}

const std::vector<NumberingDefect>& DocumentFacts::NumberingDefects() {
  if (!numbering_defects_) numbering_defects_ = FindNumberingDefects(text_);
  return *numbering_defects_;
}

const std::vector<Sentence>& DocumentFacts::SentencesIn(Span range) {
  range.end = std::min<uint32_t>(range.end, static_cast<uint32_t>(text_.size()));
  for (const auto& [span, sentences] : sentences_)
    if (span == range) return *sentences;
  sentences_.emplace_back(range, std::make_unique<std::vector<Sentence>>(
                                     Sentences(text_, range.begin, range.end)));
  return *sentences_.back().second;
}

}  // namespace ogicheck::facts
