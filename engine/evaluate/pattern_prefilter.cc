// A pack's text patterns matched in one pass (see pattern_prefilter.h).
#include "evaluate/pattern_prefilter.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace ogicheck::eval {

struct PatternPrefilter::Impl {
  explicit Impl(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
  std::vector<const rules::Pattern*> patterns;  // by set index
  bool ok = false;
};

namespace {

RE2::Options SetOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  // The set's automaton holds the states of all patterns at once; RE2's default budget (8 MB)
  // is meant for one pattern.
  options.set_max_mem(64 << 20);
  return options;
}

}  // namespace

PatternPrefilter::PatternPrefilter(const std::vector<rules::Rule>& rules)
    : impl_(std::make_unique<Impl>(SetOptions())) {
  for (const rules::Rule& r : rules) {
    // Only patterns scanned over the whole text. Patterns limited to a section scan little text
    // anyway, and may match almost anywhere (\p{Han}{6}: "the section says something"), which
    // makes a set slow: it records every match. Topic rules stop at their first match.
    const bool whole_text = r.within.empty() && (r.kind == rules::CheckKind::kTextPattern ||
                                                 r.kind == rules::CheckKind::kProseNumber);
    const rules::Pattern* p = r.pattern.get();
    if (!whole_text || !p ||
        std::find(impl_->patterns.begin(), impl_->patterns.end(), p) != impl_->patterns.end())
      continue;
    // The set compiles the patterns' texts with the options rules/pattern.cc uses; a pattern the
    // set cannot take is simply not covered.
    if (impl_->set.Add(p->text(), nullptr) < 0) continue;
    impl_->patterns.push_back(p);
  }
  impl_->ok = !impl_->patterns.empty() && impl_->set.Compile();
}

PatternPrefilter::~PatternPrefilter() = default;

std::optional<std::vector<bool>> PatternPrefilter::Scan(std::string_view text) const {
  if (!impl_->ok) return std::nullopt;
  std::vector<int> matched;
  RE2::Set::ErrorInfo error;
  if (!impl_->set.Match(re2::StringPiece(text.data(), text.size()), &matched, &error) &&
      error.kind != RE2::Set::kNoError)
    return std::nullopt;
  std::vector<bool> hits(impl_->patterns.size(), false);
  for (int i : matched) hits[i] = true;
  return hits;
}

int PatternPrefilter::IndexOf(const rules::Pattern* pattern) const {
  if (!impl_->ok) return -1;
  auto it = std::find(impl_->patterns.begin(), impl_->patterns.end(), pattern);
  return it == impl_->patterns.end() ? -1 : static_cast<int>(it - impl_->patterns.begin());
}

const PatternPrefilter& PrefilterOf(const rules::Pack& pack) {
  rules::Pack::Lazy& lazy = *pack.lazy;
  std::call_once(lazy.once,
                 [&] { lazy.prefilter = std::make_shared<PatternPrefilter>(pack.rules); });
  return *lazy.prefilter;
}

bool PatternHits::MayMatch(const rules::Pattern* pattern) {
  const PatternPrefilter& prefilter = PrefilterOf(pack_);
  int index = prefilter.IndexOf(pattern);
  if (index < 0) return true;
  if (!scanned_) {
    hits_ = prefilter.Scan(text_);
    scanned_ = true;
  }
  return !hits_ || (*hits_)[index];
}

}  // namespace ogicheck::eval
