// Pattern: syntax checked at load, RE2 program compiled on first use (see pattern.h).
#include "rules/pattern.h"

#include <re2/re2.h>

#include <unordered_map>

#include "rules/rule.h"

namespace ogicheck::rules {
namespace {

// The options every rule pattern is compiled with.
RE2::Options PatternOptions() {
  RE2::Options opts;
  opts.set_log_errors(false);
  return opts;
}

// The installed RE2 does not export its parser (re2/regexp.h is private), so the syntax is checked
// by constructing an RE2 with the same options but a memory budget too small for any program:
// RE2 parses the whole pattern (every syntax error is found, with the same text and fragment as
// a full compile gives), then gives up at the first instruction of the program with
// ErrorPatternTooLarge, which here means "the syntax is valid". This takes microseconds where a
// full compile of a \p{Han}{0,14} pattern takes about a millisecond.
constexpr int64_t kSyntaxOnlyMemory = 64;  // > 0 and below sizeof(re2::Prog)

// Counts the capturing groups of a pattern whose syntax RE2 accepted: '(' not escaped, not in a
// character class and not in \Q…\E, except the non-capturing (?flags) and (?flags:re) forms;
// (?P<name>re) captures.
int CountCapturingGroups(const std::string& s) {
  int n = 0;
  bool in_class = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\') {
      if (!in_class && i + 1 < s.size() && s[i + 1] == 'Q') {
        size_t end = s.find("\\E", i + 2);
        if (end == std::string::npos) break;  // \Q to the end: all literal
        i = end + 1;
      } else {
        ++i;  // the escaped character (a multi-byte one's tail bytes are not special)
      }
    } else if (in_class) {
      if (c == '[' && i + 1 < s.size() && s[i + 1] == ':') {  // [:alpha:]
        size_t end = s.find(":]", i + 2);
        if (end != std::string::npos) i = end + 1;
      } else if (c == ']') {
        in_class = false;
      }
    } else if (c == '[') {
      in_class = true;
      // A ']' right after '[' or '[^' is a literal.
      size_t j = i + 1;
      if (j < s.size() && s[j] == '^') ++j;
      if (j < s.size() && s[j] == ']') ++j;
      i = j - 1;
    } else if (c == '(') {
      if (i + 1 >= s.size() || s[i + 1] != '?')
        ++n;
      else if (s.compare(i + 2, 2, "P<") == 0 || s.compare(i + 2, 1, "<") == 0)
        ++n;
    }
  }
  return n;
}

}  // namespace

Pattern::Pattern(std::string text)
    : text_(std::move(text)), capturing_groups_(CountCapturingGroups(text_)) {}
Pattern::~Pattern() = default;

std::shared_ptr<const Pattern> Pattern::Check(const std::string& text, SyntaxError* error) {
  // The national packs repeat many patterns (ogi-2019 and ogi-2021 share their prose rules):
  // identical texts share one Pattern, whose program is then compiled once.
  static std::mutex mu;
  static std::unordered_map<std::string, std::weak_ptr<const Pattern>> cache;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (auto it = cache.find(text); it != cache.end())
      if (std::shared_ptr<const Pattern> hit = it->second.lock()) return hit;
  }
  RE2::Options opts = PatternOptions();
  opts.set_max_mem(kSyntaxOnlyMemory);
  RE2 probe(text, opts);
  if (!probe.ok() && probe.error_code() != RE2::ErrorPatternTooLarge) {
    if (error) {
      error->message = probe.error();
      // RE2 names the offending fragment; point at it when it is found.
      size_t at = probe.error_arg().empty() ? 0 : text.find(probe.error_arg());
      error->offset = at == std::string::npos ? 0 : static_cast<uint32_t>(at);
    }
    return nullptr;
  }
  auto made = std::make_shared<const Pattern>(text);
  std::lock_guard<std::mutex> lock(mu);
  std::weak_ptr<const Pattern>& slot = cache[text];
  // Another thread (packs load in parallel) may have checked the same text meanwhile.
  if (std::shared_ptr<const Pattern> hit = slot.lock()) return hit;
  slot = made;
  return made;
}

bool Pattern::Compile() const {
  std::call_once(once_, [this] {
    re_ = std::make_unique<RE2>(text_, PatternOptions());
    compiled_.store(true, std::memory_order_release);
  });
  return re_->ok();
}

const std::string& Pattern::compile_error() const {
  static const std::string kNone;
  return Compile() ? kNone : re_->error();
}

const re2::RE2& Pattern::re() const {
  Compile();
  return *re_;
}

std::string UnusablePattern(const Rule& rule) {
  const std::pair<const char*, const Pattern*> fields[] = {{"pattern", rule.pattern.get()},
                                                           {"exclude", rule.exclude.get()},
                                                           {"ambiguous", rule.ambiguous.get()}};
  for (const auto& [name, p] : fields)
    if (p && !p->Compile()) return std::string(name) + ": " + p->compile_error();
  return "";
}

}  // namespace ogicheck::rules
