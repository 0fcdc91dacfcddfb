// The prose_number patterns matched together (see prose_scan.h).
#include "evaluate/prose_scan.h"

#include <re2/re2.h>

#include <algorithm>

#include "evaluate/kinds.h"
#include "rules/pattern.h"

namespace ogicheck::eval {
namespace {

// The match of `re` at `start` in `range` (anchored there when `anchored`, else the first at or
// after it), as a ProseHit with offsets in `text`. RE2 sees the range alone, as the loop of one
// pattern always did: ^ and \b look at the range's edges, not at the text around it.
bool MatchAt(const re2::RE2& re, std::string_view text, Span range, size_t start, bool anchored,
             std::vector<re2::StringPiece>* sub, ProseHit* hit) {
  const re2::StringPiece piece(text.data() + range.begin, range.end - range.begin);
  if (!re.Match(piece, start - range.begin, piece.size(),
                anchored ? RE2::ANCHOR_START : RE2::UNANCHORED, sub->data(),
                static_cast<int>(sub->size())))
    return false;
  auto offset = [&](const re2::StringPiece& s) {
    return static_cast<uint32_t>(s.data() - text.data());
  };
  const re2::StringPiece& whole = (*sub)[0];
  hit->whole = {offset(whole), offset(whole) + static_cast<uint32_t>(whole.size())};
  hit->has_number = false;
  for (size_t g = 1; g < sub->size() && !hit->has_number; ++g)
    if ((*sub)[g].data() != nullptr) {
      hit->number = {offset((*sub)[g]), offset((*sub)[g]) + static_cast<uint32_t>((*sub)[g].size())};
      hit->has_number = true;
    }
  return true;
}

// Where the loop of one pattern resumes after `hit`.
size_t After(const ProseHit& hit) { return hit.whole.end + (hit.whole.end == hit.whole.begin); }

// The loop of one pattern from `pos` to the end of `range`, appending to *out.
void ScanFrom(const re2::RE2& re, std::string_view text, Span range, size_t pos,
              std::vector<ProseHit>* out) {
  std::vector<re2::StringPiece> sub(re.NumberOfCapturingGroups() + 1);
  ProseHit hit;
  while (pos < range.end && MatchAt(re, text, range, pos, false, &sub, &hit)) {
    out->push_back(hit);
    pos = After(hit);
  }
}

}  // namespace

std::vector<ProseHit> ScanAlone(const re2::RE2& pattern, std::string_view text,
                                const std::vector<Span>& ranges) {
  std::vector<ProseHit> out;
  for (Span r : ranges) ScanFrom(pattern, text, r, r.begin, &out);
  return out;
}

// Why the result equals the loops of the patterns alone. Pattern j's loop, at position pos_j,
// finds the leftmost start x >= pos_j at which j matches, and there the match RE2's leftmost-
// first rule gives — the same match as j anchored at x. The union matches at x exactly when some
// pattern does, so its leftmost start s from p = min(pos_j) is the first start of any pattern:
// no pattern matches in [pos_j, s) for any j with pos_j <= s. Each such j either matches anchored
// at s (its next match) or has no start before s + 1. Patterns with pos_j > s are left as they
// are. Every search sees the range alone, as the loop's did.
//
// A start that only a pattern still inside its previous match has (pos_j > s) costs one search of
// the union and gives nothing; long overlapping matches could make many. After more such idle
// searches than matches (plus a margin), the patterns finish alone from where they are, so the
// pass never costs much more than the loops it replaces.
std::vector<std::vector<ProseHit>> ScanTogether(const re2::RE2& combined,
                                                const std::vector<const re2::RE2*>& patterns,
                                                std::string_view text,
                                                const std::vector<Span>& ranges) {
  const size_t n = patterns.size();
  std::vector<std::vector<ProseHit>> out(n);
  std::vector<std::vector<re2::StringPiece>> subs(n);
  for (size_t j = 0; j < n; ++j) subs[j].resize(patterns[j]->NumberOfCapturingGroups() + 1);
  std::vector<re2::StringPiece> whole(1);
  constexpr size_t kIdleMargin = 16;
  for (Span r : ranges) {
    std::vector<size_t> pos(n, r.begin);
    size_t idle = 0, found = 0;
    while (true) {
      const size_t p = *std::min_element(pos.begin(), pos.end());
      if (p >= r.end) break;
      if (idle > found + kIdleMargin) {
        for (size_t j = 0; j < n; ++j) ScanFrom(*patterns[j], text, r, pos[j], &out[j]);
        break;
      }
      ProseHit first;
      if (!MatchAt(combined, text, r, p, false, &whole, &first)) break;
      const size_t s = first.whole.begin;
      bool any = false;
      for (size_t j = 0; j < n; ++j) {
        if (pos[j] >= r.end || pos[j] > s) continue;
        ProseHit hit;
        if (MatchAt(*patterns[j], text, r, s, true, &subs[j], &hit)) {
          out[j].push_back(hit);
          pos[j] = After(hit);
          any = true;
          ++found;
        } else {
          pos[j] = s + 1;
        }
      }
      if (!any) ++idle;
    }
  }
  return out;
}

struct ProsePlan::Group {
  std::string section;
  std::vector<const rules::Pattern*> patterns;
  std::shared_ptr<const rules::Pattern> combined;  // null: one pattern, or the union did not compile
};

namespace {

// The sections a rule looks in: its `within`, or "" (the whole text).
std::vector<std::string> SectionsOf(const rules::Rule& rule) {
  return rule.within.empty() ? std::vector<std::string>{""} : rule.within;
}

}  // namespace

ProsePlan::ProsePlan(const std::vector<rules::Rule>& rules) {
  for (const rules::Rule& r : rules) {
    if (r.kind != rules::CheckKind::kProseNumber || !r.pattern || !r.pattern->Compile()) continue;
    for (const std::string& id : SectionsOf(r)) {
      int g = GroupOf(id);
      if (g < 0) {
        g = static_cast<int>(groups_.size());
        groups_.push_back(std::make_unique<Group>());
        groups_.back()->section = id;
      }
      std::vector<const rules::Pattern*>& patterns = groups_[static_cast<size_t>(g)]->patterns;
      if (std::find(patterns.begin(), patterns.end(), r.pattern.get()) == patterns.end())
        patterns.push_back(r.pattern.get());
    }
  }
  for (auto& group : groups_) {
    if (group->patterns.size() < 2) continue;  // a union of one gains nothing
    std::string united;
    for (const rules::Pattern* p : group->patterns)
      united += (united.empty() ? "(?:" : "|(?:") + p->text() + ")";
    rules::Pattern::SyntaxError error;
    group->combined = rules::Pattern::Check(united, &error);
    if (group->combined && !group->combined->Compile()) group->combined.reset();
  }
}

ProsePlan::~ProsePlan() = default;

int ProsePlan::GroupOf(const std::string& section) const {
  for (size_t g = 0; g < groups_.size(); ++g)
    if (groups_[g]->section == section) return static_cast<int>(g);
  return -1;
}

int ProsePlan::IndexOf(int group, const rules::Pattern* pattern) const {
  const auto& patterns = groups_.at(static_cast<size_t>(group))->patterns;
  auto it = std::find(patterns.begin(), patterns.end(), pattern);
  return it == patterns.end() ? -1 : static_cast<int>(it - patterns.begin());
}

std::vector<std::vector<ProseHit>> ProsePlan::ScanGroup(int group, std::string_view text,
                                                        const std::vector<Span>& ranges) const {
  const Group& g = *groups_.at(static_cast<size_t>(group));
  std::vector<const re2::RE2*> res;
  for (const rules::Pattern* p : g.patterns) res.push_back(&p->re());
  if (g.combined) return ScanTogether(g.combined->re(), res, text, ranges);
  std::vector<std::vector<ProseHit>> out;
  for (const re2::RE2* re : res) out.push_back(ScanAlone(*re, text, ranges));
  return out;
}

const ProsePlan& ProsePlanOf(const rules::Pack& pack) {
  rules::Pack::Lazy& lazy = *pack.lazy;
  std::call_once(lazy.prose_once,
                 [&] { lazy.prose_plan = std::make_shared<ProsePlan>(pack.rules); });
  return *lazy.prose_plan;
}

const ProseMatches::Scanned& ProseMatches::Section(const ProsePlan& plan, int group,
                                                   const std::string& id) {
  groups_.resize(plan.group_count());
  Scanned& scanned = groups_[static_cast<size_t>(group)];
  if (scanned.done) return scanned;
  scanned.done = true;
  Span section;
  scanned.found = SectionRange(doc_, id, &section);
  if (!scanned.found) return scanned;
  // Numbers stated in the prose: a table's label followed by its cell is not a statement.
  scanned.ranges = WithoutTables(doc_, {section});
  scanned.hits = plan.ScanGroup(group, doc_.text().text(), scanned.ranges);
  return scanned;
}

std::vector<ProseHit> ProseMatches::For(const rules::Rule& rule, const std::vector<Span>& ranges) {
  const ProsePlan& plan = ProsePlanOf(pack_);
  std::vector<ProseHit> hits;
  std::vector<Span> covered;
  for (const std::string& id : SectionsOf(rule)) {
    const int group = plan.GroupOf(id);
    const int index = group < 0 ? -1 : plan.IndexOf(group, rule.pattern.get());
    if (index < 0) break;
    const Scanned& scanned = Section(plan, group, id);
    if (!scanned.found) break;
    covered.insert(covered.end(), scanned.ranges.begin(), scanned.ranges.end());
    const auto& mine = scanned.hits[static_cast<size_t>(index)];
    hits.insert(hits.end(), mine.begin(), mine.end());
  }
  // The sections' ranges, in order, are the rule's ranges (WithinRanges then WithoutTables cut
  // each section alone). Anything else (nothing does it now) is scanned as the rule asks.
  if (covered != ranges) return ScanAlone(rule.pattern->re(), doc_.text().text(), ranges);
  return hits;
}

}  // namespace ogicheck::eval
