// Number tokens for prose arithmetic: the Arabic numbers of one stretch of text with their unit,
// approximation marker and the clause they stand in. Works on any text (also fixture documents,
// which have no Document::numbers), so the arithmetic facts do not depend on how a document was
// parsed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ogicheck::facts {

enum class UnitClass { kNone, kCount, kAmount, kPercent };

struct NumToken {
  double value = 0;
  std::string text;  // as printed: "1,566", "5.4"
  std::string unit;  // "件", "条", "万元", "%", "" …
  UnitClass unit_class = UnitClass::kNone;
  bool approx = false;          // 约/近/超过/余/多/以上/左右: never asserted exactly
  bool in_parens = false;       // inside （…）: a sub-breakdown of the item before it
  uint32_t begin = 0, end = 0;  // the number (absolute offsets)
  uint32_t clause_begin = 0;    // start of its clause (after ，、：；)
  uint32_t unit_end = 0;        // end of number + unit (+ trailing approximation)
};

// Tokens of text[begin, end) (offsets are absolute in `text`). Dates (2017年, 3月31日), numbers in
// 〔〕 brackets, ordinals after 第, digits glued to ASCII letters and phone-like groups are
// skipped.
std::vector<NumToken> TokenizeNumbers(std::string_view text, uint32_t begin, uint32_t end);

// The clause text before the token (from its clause start to the number).
std::string_view ClauseBefore(std::string_view text, const NumToken& t);

}  // namespace ogicheck::facts
