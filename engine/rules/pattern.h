// Pattern: a rule's regular expression, checked when its pack is loaded and compiled into an RE2
// program on first use. Compiling the programs was a third of the start-up of a single-report
// check (the ogi-2008 topic patterns alone most of it), while a report only runs the rules of its
// own format. Internal to the engine.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace re2 {
class RE2;
}

namespace ogicheck::rules {

struct Rule;

class Pattern {
 public:
  // What Check says about a pattern's syntax.
  struct SyntaxError {
    std::string message;  // RE2's text, e.g. "missing ): (abc"
    uint32_t offset = 0;  // byte offset of the offending fragment in the pattern (0 if unknown)
  };

  // Checks the syntax of `text` with the parser RE2 uses, without compiling a program. Identical
  // texts share one Pattern (and so one compiled program) for as long as a rule holds it. On a
  // syntax error returns null and fills *error.
  static std::shared_ptr<const Pattern> Check(const std::string& text, SyntaxError* error);

  // Use Check(); public for make_shared. `text` must be a valid pattern.
  explicit Pattern(std::string text);
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  const std::string& text() const { return text_; }

  // Compiles the program on the first call; later calls (from any thread) wait for it and return
  // the same answer. False when RE2 cannot compile a pattern whose syntax is valid: only a program
  // over RE2's memory limit; compile_error() then says why.
  bool Compile() const;
  // RE2's error after a failed Compile(); empty otherwise.
  const std::string& compile_error() const;
  // Whether the program has been compiled (successfully or not) yet.
  bool compiled() const { return compiled_.load(std::memory_order_acquire); }

  // The compiled program (compiled now if needed). After a failed Compile() it is RE2's failed
  // object, which matches nothing: callers check Compile() first (evaluate does, per rule).
  const re2::RE2& re() const;

  // The number of capturing groups, counted from the text (no compile needed); equals what the
  // compiled RE2's NumberOfCapturingGroups() says.
  int capturing_groups() const { return capturing_groups_; }

 private:
  std::string text_;
  int capturing_groups_ = 0;
  mutable std::once_flag once_;
  mutable std::unique_ptr<re2::RE2> re_;
  mutable std::atomic<bool> compiled_{false};
};

// Compiles every pattern of `rule`; returns "" when all compile, else the first failure as
// "<field>: <RE2 error>". Evaluate calls it before running a rule; `rules lint` on every rule.
std::string UnusablePattern(const Rule& rule);

}  // namespace ogicheck::rules
