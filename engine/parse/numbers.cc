// Prose number scanning (see numbers.h). One pass over each prose paragraph.
#include "parse/numbers.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "parse/char_scan.h"
#include "parse/chinese_numerals.h"
#include "parse/paragraphs.h"
#include "tables/cell_value.h"

namespace ogicheck::parse {
namespace {

// Longest first, so 人次 wins over 人 and 个百分点 over 个.
constexpr std::string_view kUnits[] = {
    "个百分点", "个工作日", "百分点", "工作日", "人次", "件次", "家次", "户次", "平方米", "小时",
    "分钟",     "元",       "件",     "条",     "个",   "项",   "场",   "期",   "次",     "篇",
    "人",       "家",       "份",     "幅",     "册",   "张",   "部",   "名",   "户",     "天",
    "类",       "批",       "座",     "所",     "栏",   "%",    "‰"};

// Whether a unit can start with `cp`: most numbers, and every 一 in 统一 or 进一步, have no unit
// after them, and trying each unit in turn was a sixth of the prose-number scan.
bool MayStartUnit(char32_t cp) {
  static const std::vector<char32_t> firsts = [] {
    std::vector<char32_t> v;
    for (std::string_view u : kUnits) v.push_back(At(u, 0).cp);
    std::sort(v.begin(), v.end());
    return v;
  }();
  return std::binary_search(firsts.begin(), firsts.end(), cp);
}

// Units that make the number a date, time or document number rather than a count.
bool IsDateUnit(char32_t cp) {
  return cp == U'年' || cp == U'月' || cp == U'日' || cp == U'号' || cp == U'时';
}

bool StartsWith(std::string_view text, size_t pos, std::string_view s) {
  return text.size() >= pos + s.size() && text.compare(pos, s.size(), s) == 0;
}

bool IsAsciiAlnum(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
}

struct Suffix {
  std::string unit;
  std::string_view approx;  // into the text
  size_t end = 0;
  bool date = false;
};

// Reads what follows a number: [space] [万|亿] [余|多] [unit] [以上|左右].
Suffix ReadSuffix(std::string_view text, size_t pos, size_t limit) {
  Suffix s;
  s.end = pos;  // nothing follows: the span ends with the number
  if (pos < limit && text[pos] == ' ') {
    // PDF text puts a space between a number and its unit ("3119 件"); take it only if a unit or
    // date word follows.
    CodePoint c = At(text, pos + 1);
    if (IsHan(c.cp) || c.cp == U'%') ++pos;
  }
  CodePoint c = At(text, pos);
  if (pos < limit && IsDateUnit(c.cp)) {
    s.date = true;
    return s;
  }
  std::string_view multiplier;
  if (pos < limit && (c.cp == U'万' || c.cp == U'亿')) {
    multiplier = text.substr(pos, c.len);
    pos += c.len;
    c = At(text, pos);
  }
  const size_t after_multiplier = pos;
  std::string_view approx;
  if (pos < limit && (c.cp == U'余' || c.cp == U'多')) {
    // 余/多 is an approximation only when a unit follows ("4000余条"), not in "余额".
    approx = text.substr(pos, c.len);
    pos += c.len;
  }
  std::string_view unit;
  if (pos < limit && MayStartUnit(At(text, pos).cp)) {
    for (std::string_view u : kUnits) {
      if (pos + u.size() <= limit && StartsWith(text, pos, u)) {
        unit = u;
        break;
      }
    }
  }
  // "六部分" is six parts, not six 部 (documents).
  if (unit == "部" && StartsWith(text, pos + unit.size(), "分")) unit = {};
  if (unit.empty()) {
    if (!multiplier.empty()) s.unit = multiplier, s.end = after_multiplier;
    return s;
  }
  s.approx = approx;
  s.unit.reserve(multiplier.size() + unit.size());
  s.unit.append(multiplier).append(unit);
  pos += unit.size();
  if (s.approx.empty()) {
    for (std::string_view a : {std::string_view("以上"), std::string_view("左右")}) {
      if (pos + a.size() <= limit && StartsWith(text, pos, a)) {
        s.approx = a;
        pos += a.size();
        break;
      }
    }
  }
  s.end = pos;
  return s;
}

// Approximation marker just before the number (近, 约, 逾, 超过), or "".
std::string_view ApproxBefore(std::string_view text, size_t pos, size_t para_begin) {
  if (pos >= para_begin + 6 && StartsWith(text, pos - 6, "超过")) return "超过";
  CodePoint c = Before(text, pos);
  if (pos < para_begin + c.len) return {};
  if (c.cp == U'近') return "近";
  if (c.cp == U'约') return "约";
  if (c.cp == U'逾') return "逾";
  return {};
}

bool AfterContactWord(std::string_view text, size_t pos, size_t para_begin) {
  size_t back = pos;
  for (int k = 0; k < 3 && back > para_begin; ++k) {
    CodePoint c = Before(text, back);
    back -= c.len;
  }
  std::string_view window = text.substr(back, pos - back);
  return window.find("邮编") != std::string_view::npos ||
         window.find("电话") != std::string_view::npos ||
         window.find("传真") != std::string_view::npos;
}

}  // namespace

std::vector<ProseNumber> FindProseNumbers(std::string_view text,
                                          const std::vector<Paragraph>& paragraphs,
                                          const std::vector<Span>& skip) {
  std::vector<ProseNumber> out;
  size_t skip_index = 0;
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    const Paragraph& para = paragraphs[p];
    if (para.in_table) continue;
    const size_t begin = para.span.begin;
    const size_t limit = std::min<size_t>(para.span.end, text.size());
    // PDF text wraps lines mid-sentence ("行政复议 351\n件，其中…"): a number that ends its line
    // may take its unit from the start of the next line.
    const Span* wrap = nullptr;
    if (p + 1 < paragraphs.size() && !paragraphs[p + 1].in_table &&
        IsLineWrap(text, limit, paragraphs[p + 1].span.begin))
      wrap = &paragraphs[p + 1].span;
    size_t i = begin;
    while (i < limit) {
      i = NextNumberStart(text, i, limit);  // the common case: nothing to look at
      if (i >= limit) break;
      while (skip_index < skip.size() && skip[skip_index].end <= i) ++skip_index;
      const bool skipped = skip_index < skip.size() && skip[skip_index].begin <= i;
      const CodePoint c = At(text, i);
      const CodePoint prev = Before(text, i);
      const bool at_start = i == begin;
      if (!skipped && IsAsciiDigit(c.cp) &&
          (at_start || (!IsAsciiAlnum(prev.cp) && prev.cp != U'.' && prev.cp != U'-'))) {
        // The number token: digits, ",ddd" groups, one decimal part.
        size_t j = i;
        std::string digits;
        while (j < limit && IsAsciiDigit(static_cast<unsigned char>(text[j]))) digits += text[j++];
        while (j + 3 < limit && text[j] == ',' && IsAsciiDigit(text[j + 1]) &&
               IsAsciiDigit(text[j + 2]) && IsAsciiDigit(text[j + 3]) &&
               !(j + 4 < limit && IsAsciiDigit(static_cast<unsigned char>(text[j + 4])))) {
          digits.append(text.substr(j + 1, 3));
          j += 4;
        }
        bool joined = false;  // phone numbers, dashed/dotted dates, versions
        if (j + 1 < limit && text[j] == '.' && IsAsciiDigit(text[j + 1])) {
          digits += '.';
          ++j;
          while (j < limit && IsAsciiDigit(static_cast<unsigned char>(text[j])))
            digits += text[j++];
          if (j + 1 < limit && text[j] == '.' && IsAsciiDigit(text[j + 1])) joined = true;
        }
        if (j + 1 < limit && (text[j] == '-' || text[j] == ':') && IsAsciiDigit(text[j + 1]))
          joined = true;  // 024-83779291, 2018-02-28, 18:39
        const CodePoint next = At(text, j);
        const bool glued = (j < limit && (IsAsciiAlnum(next.cp) || next.cp == U'@')) ||
                           (!at_start && (prev.cp == U'@' || prev.cp == U'/'));
        if (joined || glued) {
          while (j < limit && (IsAsciiAlnum(static_cast<unsigned char>(text[j])) ||
                               text[j] == '-' || text[j] == '.' || text[j] == ':'))
            ++j;
          i = j;
          continue;
        }
        const bool bracketed =
            !at_start && (prev.cp == U'〔' || prev.cp == U'[' || prev.cp == U'【');
        const bool ordinal = !at_start && prev.cp == U'第';
        // "5·15政务公开日" is a name.
        const bool named = (!at_start && (prev.cp == U'·' || prev.cp == U'•')) || next.cp == U'·' ||
                           next.cp == U'•';
        Suffix s = ReadSuffix(text, j, limit);
        if (j == limit && s.unit.empty() && wrap) s = ReadSuffix(text, wrap->begin, wrap->end);
        // Longer digit runs are identifiers (licence or account numbers), not counts; this also
        // keeps the value well inside double range.
        const bool identifier = digits.size() > 15;
        if (!bracketed && !named && !ordinal && !identifier && !s.date &&
            !AfterContactWord(text, i, begin)) {
          ProseNumber n;
          n.value = tables::NumberValue(digits);
          n.text.assign(text.substr(i, j - i));
          n.unit = std::move(s.unit);
          std::string_view before = ApproxBefore(text, i, begin);
          n.approx = before.empty() ? s.approx : before;
          const size_t span_begin = i - before.size();
          n.span = Span{static_cast<uint32_t>(span_begin), static_cast<uint32_t>(s.end)};
          n.paragraph = p;
          out.push_back(std::move(n));
        }
        i = std::max(j, s.end);
        continue;
      }
      if (!skipped && IsChineseNumeralChar(c.cp) && c.cp != U'万' && c.cp != U'亿' &&
          !IsChineseNumeralChar(prev.cp) && prev.cp != U'第' && prev.cp != U'周') {
        auto m = ParseChineseNumeral(text, i, 10);
        if (m) {
          size_t end = std::min(m->end, limit);
          // A trailing 万/亿 is read as part of the unit ("三万元" -> 3 万元), as for Arabic.
          CodePoint last = Before(text, end);
          if ((last.cp == U'万' || last.cp == U'亿') && end - last.len > i) {
            end -= last.len;
            m = ParseChineseNumeral(text.substr(0, end), i, 10);
          }
          Suffix s = ReadSuffix(text, end, limit);
          if (end == limit && s.unit.empty() && wrap) s = ReadSuffix(text, wrap->begin, wrap->end);
          if (m && !s.date && !s.unit.empty() && s.unit != "万" && s.unit != "亿") {
            ProseNumber n;
            n.value = m->value;
            n.text.assign(text.substr(i, end - i));
            n.unit = std::move(s.unit);
            n.chinese_numeral = true;
            std::string_view before = ApproxBefore(text, i, begin);
            n.approx = before.empty() ? s.approx : before;
            n.span = Span{static_cast<uint32_t>(i - before.size()), static_cast<uint32_t>(s.end)};
            n.paragraph = p;
            out.push_back(std::move(n));
            i = s.end;
            continue;
          }
          i = end;
          continue;
        }
      }
      i += c.len;
    }
  }
  return out;
}

}  // namespace ogicheck::parse
