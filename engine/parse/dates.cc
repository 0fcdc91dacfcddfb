// Date and statistical-period recognition (see dates.h).
#include "parse/dates.h"

#include <string>

#include "parse/chinese_numerals.h"
#include "text/utf8.h"

namespace ogicheck::parse {
namespace {

// The end of a PDF page-footer line ("-3-", "- 3 -") that starts at `pos`, or `pos`.
size_t SkipPageFooter(std::string_view text, size_t pos, size_t limit) {
  size_t i = pos;
  auto blanks = [&] {
    while (i < limit && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  blanks();
  if (i >= limit || text[i] != '-') return pos;
  ++i;
  blanks();
  const size_t digits = i;
  while (i < limit && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits) return pos;
  blanks();
  if (i >= limit || text[i] != '-') return pos;
  ++i;
  blanks();
  if (i < limit && text[i] != '\n') return pos;
  return i;
}

// Skips blanks and line breaks, and page-footer lines between them (PDF text).
size_t SkipSpace(std::string_view text, size_t pos, size_t limit) {
  while (pos < limit) {
    CodePoint c = At(text, pos);
    if (c.cp == U'\n') {
      pos = SkipPageFooter(text, pos + 1, limit);
      continue;
    }
    if (!IsBlank(c.cp)) break;
    pos += c.len;
  }
  return pos;
}

// An Arabic or Chinese number of at most `max_digits` digits at pos.
bool ReadNumber(std::string_view text, size_t* pos, size_t limit, int max_digits, int* value) {
  size_t i = *pos;
  int v = 0, n = 0;
  while (i < limit && n < max_digits && text[i] >= '0' && text[i] <= '9')
    v = v * 10 + (text[i++] - '0'), ++n;
  if (n > 0) {
    if (i < limit && text[i] >= '0' && text[i] <= '9') return false;
    *pos = i, *value = v;
    return true;
  }
  // Chinese: 二〇一八, 十二, 三十一
  CodePoint c = At(text, i);
  if (!IsChineseDigit(c.cp) && c.cp != U'十') return false;
  auto m = ParseChineseNumeral(text.substr(0, limit), i, max_digits);
  if (!m) return false;
  *pos = m->end, *value = static_cast<int>(m->value);
  return true;
}

bool Expect(std::string_view text, size_t* pos, size_t limit, char32_t cp) {
  size_t i = SkipSpace(text, *pos, limit);
  CodePoint c = At(text, i);
  if (i >= limit || c.cp != cp) return false;
  *pos = i + c.len;
  return true;
}

}  // namespace

std::optional<DateMatch> ParseDateAt(std::string_view text, size_t pos, size_t limit,
                                     int default_year) {
  limit = std::min(limit, text.size());
  DateMatch m;
  m.begin = pos;
  size_t i = pos;
  int y = 0, mo = 0, d = 0;
  size_t after_year = i;
  if (ReadNumber(text, &after_year, limit, 4, &y) && y >= 1900 && y <= 2099) {
    size_t j = after_year;
    // Numeric forms: 2018-03-29, 2018/3/29, 2018.03.29
    if (j < limit && (text[j] == '-' || text[j] == '/' || text[j] == '.')) {
      const char sep = text[j];
      size_t k = j + 1;
      if (ReadNumber(text, &k, limit, 2, &mo) && k < limit && text[k] == sep) {
        ++k;
        if (ReadNumber(text, &k, limit, 2, &d)) {
          m.date = Date{y, mo, d};
          m.end = k;
          if (m.date.valid()) return m;
        }
      }
      return std::nullopt;
    }
    if (!Expect(text, &j, limit, U'年')) return std::nullopt;
    i = SkipSpace(text, j, limit);
  } else if (default_year > 0) {
    y = default_year;
  } else {
    return std::nullopt;
  }
  if (!ReadNumber(text, &i, limit, 3, &mo) || !Expect(text, &i, limit, U'月')) return std::nullopt;
  i = SkipSpace(text, i, limit);
  if (!ReadNumber(text, &i, limit, 3, &d) || !Expect(text, &i, limit, U'日')) return std::nullopt;
  m.date = Date{y, mo, d};
  m.end = i;
  if (!m.date.valid()) return std::nullopt;
  return m;
}

std::optional<DateMatch> FindDate(std::string_view text, size_t begin, size_t limit) {
  limit = std::min(limit, text.size());
  for (size_t i = begin; i < limit;) {
    CodePoint c = At(text, i);
    const CodePoint prev = Before(text, i);
    if ((IsAsciiDigit(c.cp) && !IsAsciiDigit(prev.cp)) ||
        (IsChineseDigit(c.cp) && !IsChineseDigit(prev.cp))) {
      if (auto m = ParseDateAt(text, i, limit)) return m;
    }
    i += c.len;
  }
  return std::nullopt;
}

std::optional<Date> ParseDateField(std::string_view field) {
  auto m = FindDate(field, 0, field.size());
  if (!m) return std::nullopt;
  return m->date;
}

std::optional<PeriodMatch> FindPeriod(std::string_view text) {
  for (size_t i = 0; i + 4 < text.size();) {
    CodePoint c = At(text, i);
    if (!IsAsciiDigit(c.cp) || IsAsciiDigit(Before(text, i).cp)) {
      i += c.len;
      continue;
    }
    auto first = ParseDateAt(text, i, text.size());
    if (!first) {
      ++i;
      continue;
    }
    // A keyword shortly before the first date.
    const size_t window = i >= 60 ? i - 60 : 0;
    std::string_view before = text.substr(window, i - window);
    const bool keyword = before.find("统计") != std::string_view::npos ||
                         before.find("期限") != std::string_view::npos ||
                         before.find("时限") != std::string_view::npos ||
                         before.find("自") != std::string_view::npos ||
                         before.find("涵盖") != std::string_view::npos;
    size_t j = SkipSpace(text, first->end, text.size());
    for (int k = 0; k < 3; ++k) {  // 起 ， ,
      CodePoint s = At(text, j);
      if (s.cp == U'起' || s.cp == U'，' || s.cp == U',' || s.cp == U'、')
        j = SkipSpace(text, j + s.len, text.size());
    }
    CodePoint to = At(text, j);
    if (keyword && (to.cp == U'至' || to.cp == U'到' || to.cp == U'—' || to.cp == U'-' ||
                    to.cp == U'~' || to.cp == U'～')) {
      j = SkipSpace(text, j + to.len, text.size());
      if (At(text, j).cp == U'—') j = SkipSpace(text, j + 3, text.size());  // "——"
      if (auto second = ParseDateAt(text, j, text.size(), first->date.year)) {
        size_t end = second->end;
        if (At(text, end).cp == U'止') end += 3;
        return PeriodMatch{first->date, second->date,
                           Span{static_cast<uint32_t>(i), static_cast<uint32_t>(end)}};
      }
    }
    i = first->end;
  }
  return std::nullopt;
}

int FindYear(std::string_view s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (i > 0 && IsAsciiDigit(static_cast<unsigned char>(s[i - 1]))) continue;
    int y = 0;
    size_t k = i;
    for (; k < i + 4 && k < s.size() && s[k] >= '0' && s[k] <= '9'; ++k) y = y * 10 + (s[k] - '0');
    if (k != i + 4 || y < 1990 || y > 2099) continue;
    if (k < s.size() && s[k] >= '0' && s[k] <= '9') continue;
    if (k < s.size() && s[k] == ' ') ++k;
    if (At(s, k).cp == U'年') return y;
  }
  return 0;
}

}  // namespace ogicheck::parse
