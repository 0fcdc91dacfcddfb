// The prose_number patterns matched together (see prose_scan.h).
#include "evaluate/prose_scan.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

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
  std::vector<std::string> within;
  std::vector<const rules::Pattern*> patterns;
  std::shared_ptr<const rules::Pattern> combined;  // null: the union did not compile
};

ProsePlan::ProsePlan(const std::vector<rules::Rule>& rules) {
  // Patterns by `within`; a group of one pattern gains nothing from a union.
  std::map<std::vector<std::string>, std::vector<const rules::Rule*>> by_within;
  for (const rules::Rule& r : rules)
    if (r.kind == rules::CheckKind::kProseNumber && r.pattern && r.pattern->Compile())
      by_within[r.within].push_back(&r);
  for (auto& [within, members] : by_within) {
    auto group = std::make_unique<Group>();
    group->within = within;
    std::string united;
    for (const rules::Rule* r : members) {
      const rules::Pattern* p = r->pattern.get();
      auto it = std::find(group->patterns.begin(), group->patterns.end(), p);
      if (it == group->patterns.end()) {
        united += (united.empty() ? "(?:" : "|(?:") + p->text() + ")";
        it = group->patterns.insert(group->patterns.end(), p);
      }
      slots_.push_back({r, {static_cast<int>(groups_.size()),
                            static_cast<int>(it - group->patterns.begin())}});
    }
    if (group->patterns.size() < 2) {
      for (auto& [rule, slot] : slots_)
        if (slot.group == static_cast<int>(groups_.size())) slot.group = -1;
      continue;
    }
    rules::Pattern::SyntaxError error;
    group->combined = rules::Pattern::Check(united, &error);
    if (group->combined && !group->combined->Compile()) group->combined.reset();
    groups_.push_back(std::move(group));
  }
}

ProsePlan::~ProsePlan() = default;

ProsePlan::Slot ProsePlan::SlotOf(const rules::Rule& rule) const {
  for (const auto& [r, slot] : slots_)
    if (r == &rule) return slot;
  return {};
}

size_t ProsePlan::group_count() const { return groups_.size(); }

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

std::vector<ProseHit> ProseMatches::For(const rules::Rule& rule, const std::vector<Span>& ranges) {
  const ProsePlan& plan = ProsePlanOf(pack_);
  const ProsePlan::Slot slot = plan.SlotOf(rule);
  if (slot.group < 0) return ScanAlone(rule.pattern->re(), text_, ranges);
  groups_.resize(plan.group_count());
  Scanned& scanned = groups_[static_cast<size_t>(slot.group)];
  if (!scanned.hits) {
    scanned.ranges = ranges;
    scanned.hits = plan.ScanGroup(slot.group, text_, ranges);
  }
  // The rules of a group look in the same sections, so they get the same ranges; a rule that
  // did not (nothing does now) is scanned alone rather than given another rule's matches.
  if (scanned.ranges != ranges) return ScanAlone(rule.pattern->re(), text_, ranges);
  return (*scanned.hits)[static_cast<size_t>(slot.index)];
}

}  // namespace ogicheck::eval
