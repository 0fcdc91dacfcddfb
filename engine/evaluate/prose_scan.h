// The matches of the prose_number patterns, found for several patterns in one pass.
//
// Each prose_number rule scanned its sections with its own pattern: a loop of unanchored
// RE2::Match calls, each resuming at the end of the previous match. RE2's automaton reads every
// byte of the section for every pattern (about 2.3 ns a byte on CJK text), and the patterns that
// open with an alternation (收到|新收|受理…) get no literal-prefix skip: five such patterns over
// the same sections were a seventh of a whole check. The patterns that look in a section now
// share one pass of their union over it, which finds where some pattern matches; each pattern is
// then tried, anchored, only there. The result is exactly what the loop of each pattern alone
// gives (ScanTogether says why).
#pragma once

#include <memory>
#include <string>
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

// The prose_number patterns of a pack grouped by the sections they look in: section 一 is read
// by the patterns of rules within [一, 三] and of rules within [一, 四], and is scanned once for
// all of them. The group of "" holds the rules without `within` (the whole text). Built once
// per pack (ProsePlanOf), read by all threads.
class ProsePlan {
 public:
  explicit ProsePlan(const std::vector<rules::Rule>& rules);
  ~ProsePlan();

  // The group of a section id, -1 if no prose_number rule looks there.
  int GroupOf(const std::string& section) const;
  // The place of a pattern in a group, -1 if it is not there.
  int IndexOf(int group, const rules::Pattern* pattern) const;
  size_t group_count() const { return groups_.size(); }
  // Scans the group's patterns over `ranges` (the section without its tables).
  std::vector<std::vector<ProseHit>> ScanGroup(int group, std::string_view text,
                                               const std::vector<Span>& ranges) const;

 private:
  struct Group;
  std::vector<std::unique_ptr<Group>> groups_;
};

const ProsePlan& ProsePlanOf(const rules::Pack& pack);

// One document's matches per section, scanned when the first rule that looks there asks (not
// thread-safe: one per evaluation of a document by a pack).
class ProseMatches {
 public:
  ProseMatches(const rules::Pack& pack, const Document& doc) : pack_(pack), doc_(doc) {}
  // The matches of `rule`'s pattern over `ranges`: the rule's sections without tables, as
  // WithinRanges and WithoutTables give them.
  std::vector<ProseHit> For(const rules::Rule& rule, const std::vector<Span>& ranges);

 private:
  struct Scanned {
    bool done = false;
    bool found = false;       // the section is in the document
    std::vector<Span> ranges;  // the section without tables
    std::vector<std::vector<ProseHit>> hits;
  };
  const Scanned& Section(const ProsePlan& plan, int group, const std::string& id);

  const rules::Pack& pack_;
  const Document& doc_;
  std::vector<Scanned> groups_;
};

}  // namespace ogicheck::eval
