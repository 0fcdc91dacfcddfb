// The matches of the prose_number patterns, found for several patterns in one pass.
//
// Each prose_number rule scanned its sections with its own pattern: a loop of unanchored
// RE2::Match calls, each resuming at the end of the previous match. RE2's automaton reads every
// byte of the section for every pattern (about 2.3 ns a byte on CJK text), and the patterns that
// open with an alternation (收到|新收|受理…) get no literal-prefix skip: five such patterns over
// the same sections were a seventh of a whole check. The rules of a pack that look in the same
// sections (`within`) now share one pass of the patterns' union, which finds where some pattern
// matches; each pattern is then tried, anchored, only there. The result is exactly what the loop
// of each pattern alone gives (ScanTogether says why).
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "ogicheck/document.h"
#include "rules/rule.h"

namespace re2 {
class RE2;
}

namespace ogicheck::eval {

// One match: the whole match and the first capturing group that took part in it (the number).
struct ProseHit {
  Span whole;
  Span number;
  bool has_number = false;
};

// Every match of `pattern` in each range in turn, as the loop of one pattern gives them: a search
// resumes at the end of the previous match (one byte further after an empty match).
std::vector<ProseHit> ScanAlone(const re2::RE2& pattern, std::string_view text,
                                const std::vector<Span>& ranges);

// The same for each of `patterns` (result i belongs to patterns[i]), with `combined` the
// patterns' union "(?:p0)|(?:p1)|…" compiled with the same options.
std::vector<std::vector<ProseHit>> ScanTogether(const re2::RE2& combined,
                                                const std::vector<const re2::RE2*>& patterns,
                                                std::string_view text,
                                                const std::vector<Span>& ranges);

// The prose_number rules of a pack grouped by `within`, with each group's union compiled. Built
// once per pack (ProsePlanOf), read by all threads.
class ProsePlan {
 public:
  explicit ProsePlan(const std::vector<rules::Rule>& rules);
  ~ProsePlan();

  struct Slot {
    int group = -1;  // -1: the rule's pattern is scanned alone
    int index = 0;   // the pattern's place in its group
  };
  Slot SlotOf(const rules::Rule& rule) const;
  size_t group_count() const;
  // Scans the group's patterns over `ranges` (the sections every rule of the group looks in).
  std::vector<std::vector<ProseHit>> ScanGroup(int group, std::string_view text,
                                               const std::vector<Span>& ranges) const;

 private:
  struct Group;
  std::vector<std::unique_ptr<Group>> groups_;
  std::vector<std::pair<const rules::Rule*, Slot>> slots_;
};

const ProsePlan& ProsePlanOf(const rules::Pack& pack);

// One document's matches per group, scanned when the group's first rule asks (not thread-safe: one
// per evaluation of a document by a pack).
class ProseMatches {
 public:
  ProseMatches(const rules::Pack& pack, std::string_view text) : pack_(pack), text_(text) {}
  // The matches of `rule`'s pattern over `ranges` (the rule's sections without tables).
  std::vector<ProseHit> For(const rules::Rule& rule, const std::vector<Span>& ranges);

 private:
  const rules::Pack& pack_;
  std::string_view text_;
  struct Scanned {
    std::vector<Span> ranges;
    std::optional<std::vector<std::vector<ProseHit>>> hits;
  };
  std::vector<Scanned> groups_;
};

}  // namespace ogicheck::eval
