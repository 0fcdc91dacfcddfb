// The facts of one document's text, each computed when a rule first asks for it. Several rules
// read the same facts — the ogi-2008 pack's topic and stat_sum rules all need the statistics
// table rows, the breakdown and percentage rules the same sentences — and each computed them
// again.
//
// One DocumentFacts belongs to one evaluation of one document (not shared between threads).
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "facts/breakdowns.h"
#include "facts/numbering_runs.h"
#include "facts/stat_table.h"

namespace ogicheck::facts {

class DocumentFacts {
 public:
  explicit DocumentFacts(std::string_view text) : text_(text) {}
  DocumentFacts(const DocumentFacts&) = delete;
  DocumentFacts& operator=(const DocumentFacts&) = delete;

  const std::vector<StatRow>& StatRows();
  const std::vector<NumberingDefect>& NumberingDefects();
  // The sentences of text[range) (range clamped to the text).
  const std::vector<Sentence>& SentencesIn(Span range);

 private:
  std::string_view text_;
  std::optional<std::vector<StatRow>> stat_rows_;
  std::optional<std::vector<NumberingDefect>> numbering_defects_;
  // Few ranges per document (the text between tables, or a section): a list is enough.
  std::vector<std::pair<Span, std::unique_ptr<std::vector<Sentence>>>> sentences_;
};

}  // namespace ogicheck::facts
