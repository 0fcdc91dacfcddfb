// One pass over a document for all the whole-text patterns of a pack (an RE2::Set), telling which
// of them match somewhere in the text. The text_pattern and prose_number rules each scanned the
// whole text with their own pattern — a fifth of a report's check — although most patterns
// match nowhere in a given report (claims such as 无败诉, wordings of other years). With the set,
// a rule whose pattern matches nowhere skips its scan: the outcome is the same, because a pattern
// that matches nowhere in the text matches nowhere in any part of it.
#pragma once

#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace ogicheck::eval {

class PatternPrefilter {
 public:
  // Covers the distinct `pattern`s of the text_pattern and prose_number rules without `within`.
  explicit PatternPrefilter(const std::vector<rules::Rule>& rules);
  ~PatternPrefilter();

  // For each covered pattern (by index) whether it matches somewhere in `text`; nullopt when the
  // set cannot tell (it failed to compile or its automaton ran out of memory).
  std::optional<std::vector<bool>> Scan(std::string_view text) const;
  // Index of a covered pattern, -1 if the pattern is not covered.
  int IndexOf(const rules::Pattern* pattern) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The prefilter of a pack, built on the pack's first document (thread-safe).
const PatternPrefilter& PrefilterOf(const rules::Pack& pack);

// What the prefilter says about one document, asked for on the first question (a pack none of
// whose text rules apply to a document never scans it).
class PatternHits {
 public:
  PatternHits(const rules::Pack& pack, std::string_view text) : pack_(pack), text_(text) {}
  // False only when the pattern certainly matches nowhere in the text.
  bool MayMatch(const rules::Pattern* pattern);

 private:
  const rules::Pack& pack_;
  std::string_view text_;
  bool scanned_ = false;
  std::optional<std::vector<bool>> hits_;
};

}  // namespace ogicheck::eval
