// Chinese numeral parsing for prose numbers and heading numbering.
#include "parse/chinese_numerals.h"

#include "text/utf8.h"

namespace ogicheck::parse {

CodePoint AtSlow(std::string_view text, size_t pos) {
  if (pos >= text.size()) return {};
  size_t i = pos;
  char32_t cp = utf8::Next(text, &i);
  return {cp, static_cast<uint32_t>(i - pos)};
}

namespace {
int DigitValue(char32_t cp) {
  switch (cp) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}
int SmallUnit(char32_t cp) {
  switch (cp) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    default:
      return 0;
  }
}
}  // namespace

bool IsChineseDigit(char32_t cp) { return DigitValue(cp) >= 0; }
bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == U'〇';
}

std::optional<NumeralMatch> ParseChineseNumeral(std::string_view text, size_t pos,
                                                size_t max_chars) {
  // Two passes over the characters rather than a copy of them: this runs for every numeral
  // character of the prose, and a vector per call was most of its cost.
  size_t end = pos, count = 0;
  bool only_digits = true;
  while (count < max_chars) {
    const CodePoint c = At(text, end);
    if (c.len == 0 || !IsChineseNumeralChar(c.cp)) break;
    only_digits = only_digits && IsChineseDigit(c.cp);
    ++count;
    end += c.len;
  }
  if (count == 0) return std::nullopt;
  // Digit-by-digit form (二〇一八): only digits, more than one, with 〇 or 零 among them.
  if (only_digits && count > 1) {
    double v = 0;
    for (size_t i = pos; i < end;) {
      const CodePoint c = At(text, i);
      v = v * 10 + DigitValue(c.cp);
      i += c.len;
    }
    return NumeralMatch{v, end};
  }
  // Positional form: sections split by 亿 and 万, each a sum of digit × 十/百/千.
  double total = 0, section = 0;
  int digit = -1;
  for (size_t i = pos; i < end;) {
    const CodePoint c = At(text, i);
    const char32_t cp = c.cp;
    i += c.len;
    const int d = DigitValue(cp);
    if (d >= 0) {
      digit = d;
      continue;
    }
    if (const int unit = SmallUnit(cp)) {
      section += (digit < 0 ? 1 : digit) * unit;  // 十五: a bare 十 means 一十
      digit = -1;
    } else {  // 万 or 亿
      section += digit < 0 ? 0 : digit;
      if (section == 0) section = 1;
      total = (total + section) * (cp == U'万' ? 1e4 : 1e8);
      section = 0;
      digit = -1;
    }
  }
  if (digit >= 0) section += digit;
  return NumeralMatch{total + section, end};
}

int SmallChineseNumber(std::string_view s) {
  if (s.empty()) return 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = utf8::Next(s, &i);
    if (!(IsChineseDigit(cp) || cp == U'十') || cp == U'两' || cp == U'零' || cp == U'〇') return 0;
  }
  auto m = ParseChineseNumeral(s, 0, 4);
  if (!m || m->end != s.size() || m->value < 1 || m->value > 99) return 0;
  return static_cast<int>(m->value);
}

}  // namespace ogicheck::parse
