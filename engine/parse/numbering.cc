// Heading numbering recognition (see numbering.h).
#include "parse/numbering.h"

#include "parse/chinese_numerals.h"

namespace ogicheck::parse {

int RankOf(NumberingStyle style) {
  switch (style) {
    case NumberingStyle::kChineseComma:
      return 1;
    case NumberingStyle::kChineseParen:
      return 2;
    case NumberingStyle::kArabicDot:
      return 3;
    case NumberingStyle::kArabicParen:
      return 4;
    case NumberingStyle::kOrdinalShi:
      return 5;
    case NumberingStyle::kNone:
      break;
  }
  return 6;
}

namespace {

// A heading numeral: 一 … 九十九 written with 一…九 and 十 (not 两 or 零: "两个" is prose).
size_t ScanHeadingNumeral(std::string_view text, size_t pos, size_t limit, int* value) {
  size_t end = pos;
  int count = 0;
  while (end < limit && count < 3) {
    CodePoint c = At(text, end);
    if (c.cp == U'两' || c.cp == U'零' || c.cp == U'〇' || !(IsChineseDigit(c.cp) || c.cp == U'十'))
      break;
    end += c.len;
    ++count;
  }
  if (end == pos) return 0;
  *value = SmallChineseNumber(text.substr(pos, end - pos));
  return *value > 0 ? end : 0;
}

size_t ScanArabic(std::string_view text, size_t pos, size_t limit, int* value) {
  size_t end = pos;
  int v = 0;
  while (end < limit && end - pos < 2 && text[end] >= '0' && text[end] <= '9')
    v = v * 10 + (text[end++] - '0');
  if (end == pos || (end < limit && text[end] >= '0' && text[end] <= '9')) return 0;
  if (v < 1) return 0;
  *value = v;
  return end;
}

// "2017年" / "2017 年" at pos.
bool YearFollows(std::string_view text, size_t pos, size_t limit) {
  size_t i = pos;
  while (i < limit && i - pos < 5 && text[i] >= '0' && text[i] <= '9') ++i;
  if (i - pos != 4) return false;
  if (i < limit && text[i] == ' ') ++i;
  return At(text, i).cp == U'年';
}

}  // namespace

std::optional<Numbering> MatchNumbering(std::string_view text, size_t pos, size_t limit,
                                        bool line_start) {
  if (pos >= limit) return std::nullopt;
  Numbering n;
  n.begin = pos;
  CodePoint first = At(text, pos);
  if (first.cp == U'(') {
    int v = 0;
    size_t end = ScanHeadingNumeral(text, pos + 1, limit, &v);
    NumberingStyle style = NumberingStyle::kChineseParen;
    if (!end) {
      end = ScanArabic(text, pos + 1, limit, &v);
      style = NumberingStyle::kArabicParen;
    }
    if (!end || end >= limit || text[end] != ')') return std::nullopt;
    n.style = style, n.number = v, n.end = end + 1;
    return n;
  }
  int v = 0;
  if (size_t end = ScanHeadingNumeral(text, pos, limit, &v)) {
    CodePoint next = At(text, end);
    if (end >= limit) return std::nullopt;
    if (next.cp == U'、') {
      n.style = NumberingStyle::kChineseComma;
    } else if (next.cp == U'是') {
      n.style = NumberingStyle::kOrdinalShi;
    } else if (next.cp == U')' && line_start) {
      n.style = NumberingStyle::kChineseParen;
    } else {
      return std::nullopt;
    }
    n.number = v, n.end = end + next.len;
    return n;
  }
  if (size_t end = ScanArabic(text, pos, limit, &v)) {
    if (end >= limit) return std::nullopt;
    CodePoint next = At(text, end);
    if (next.cp != U'.' && next.cp != U'、') return std::nullopt;
    // "1.5" is a decimal, not a numbering; but a line that starts "1.2017年共召开…" (seed 000) is
    // item 1 about 2017: decimals do not take 年.
    CodePoint after = At(text, end + next.len);
    if (IsAsciiDigit(after.cp) &&
        !(line_start && next.cp == U'.' && YearFollows(text, end + next.len, limit)))
      return std::nullopt;
    n.style = NumberingStyle::kArabicDot, n.number = v, n.end = end + next.len;
    return n;
  }
  return std::nullopt;
}

}  // namespace ogicheck::parse
