// Number tokens for prose arithmetic (see number_tokens.h).
#include "facts/number_tokens.h"

#include <cctype>
#include <cstdlib>

#include "text/byte_scan.h"

namespace ogicheck::facts {
namespace {

bool StartsWith(std::string_view s, size_t pos, std::string_view p) {
  return pos + p.size() <= s.size() && s.compare(pos, p.size(), p) == 0;
}

bool EndsWith(std::string_view s, size_t pos, std::string_view p) {
  return pos >= p.size() && s.compare(pos - p.size(), p.size(), p) == 0;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Units, longest first where one is a prefix of another.
struct UnitEntry {
  const char* text;
  UnitClass cls;
};
const UnitEntry kUnits[] = {
    {"万人次", UnitClass::kCount}, {"人次", UnitClass::kCount},  {"家次", UnitClass::kCount},
    {"万元", UnitClass::kAmount},  {"亿元", UnitClass::kAmount}, {"元", UnitClass::kAmount},
    {"%", UnitClass::kPercent},    {"％", UnitClass::kPercent},  {"件", UnitClass::kCount},
    {"条", UnitClass::kCount},     {"个", UnitClass::kCount},    {"项", UnitClass::kCount},
    {"幅", UnitClass::kCount},     {"篇", UnitClass::kCount},    {"份", UnitClass::kCount},
    {"次", UnitClass::kCount},     {"场", UnitClass::kCount},    {"期", UnitClass::kCount},
    {"家", UnitClass::kCount},     {"人", UnitClass::kCount},    {"名", UnitClass::kCount},
    {"批", UnitClass::kCount},     {"类", UnitClass::kCount},    {"处", UnitClass::kCount},
    {"起", UnitClass::kCount},     {"封", UnitClass::kCount},    {"册", UnitClass::kCount},
    {"本", UnitClass::kCount},     {"户", UnitClass::kCount},    {"张", UnitClass::kCount},
    {"所", UnitClass::kCount},     {"栏", UnitClass::kCount},    {"套", UnitClass::kCount},
    {"部", UnitClass::kCount},     {"位", UnitClass::kCount},    {"宗", UnitClass::kCount},
    {"例", UnitClass::kCount},
};

// What follows a number that makes it a date, time or age rather than a quantity.
const char* const kDateMarks[] = {"年", "月", "日", "号", "时", "点", "分", "秒", "岁", "周年"};

const char* const kApproxBefore[] = {"约", "近", "超过", "超", "逾", "大约", "将近"};
const char* const kApproxAfterNumber[] = {"余", "多"};
const char* const kApproxAfterUnit[] = {"以上", "左右", "余", "多"};

// ，、：；。！？ , : ; and line breaks. Compared by bytes: this runs at every mark of the prose.
bool IsClauseBreak(std::string_view s, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ',' || c == ':' || c == ';' || c == '\n') {
    *len = 1;
    return true;
  }
  if (i + 3 > s.size()) return false;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  const bool cjk = (c == 0xE3 && b1 == 0x80 && (b2 == 0x81 || b2 == 0x82)) ||  // 、。
                   (c == 0xEF && b1 == 0xBC &&
                    (b2 == 0x8C || b2 == 0x9A || b2 == 0x9B || b2 == 0x81 || b2 == 0x9F));  // ，：；！？
  if (cjk) *len = 3;
  return cjk;
}

// Whether text[i] (lead byte E3 or EF) starts one of the CJK marks the tokenizer looks at:
// ，、：；。！？ （） 〔〕【】. Checked by bytes: the other E3/EF characters (U+3000, 「」…) are
// common and were each tried against every mark.
bool IsCjkMark(std::string_view text, size_t i) {
  if (i + 2 >= text.size()) return false;
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  const auto b2 = static_cast<unsigned char>(text[i + 2]);
  if (static_cast<unsigned char>(text[i]) == 0xE3)  // 、。 〔〕【】
    return b1 == 0x80 && (b2 == 0x81 || b2 == 0x82 || b2 == 0x94 || b2 == 0x95 || b2 == 0x90 ||
                          b2 == 0x91);
  return b1 == 0xBC && (b2 == 0x8C || b2 == 0x9A || b2 == 0x9B || b2 == 0x81 || b2 == 0x9F ||
                        b2 == 0x88 || b2 == 0x89);  // ，：；！？（）
}

// Besides the digits, the bytes that can start anything in TokenizeNumbers: the ASCII clause
// breaks and brackets, and the lead bytes E3 / EF of the CJK ones.
constexpr unsigned char kTokenStartBytes[] = {',', ':', ';', '\n', '(', ')', '[', ']', 0xE3, 0xEF};

}  // namespace

std::vector<NumToken> TokenizeNumbers(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<NumToken> out;
  if (end > text.size()) end = static_cast<uint32_t>(text.size());
  int parens = 0, brackets = 0;
  uint32_t clause = begin;
  size_t i = begin;
  // This loop sees every byte of the prose: it skips to the next byte that can start something.
  while ((i = text::FindDigitOrAnyByte(text, i, end, kTokenStartBytes)) < end) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80 && !IsCjkMark(text, i)) {  // other CJK punctuation, U+3000: nothing starts
      ++i;
      continue;
    }
    size_t len = 0;
    if (IsClauseBreak(text, i, &len)) {
      i += len;
      clause = static_cast<uint32_t>(i);
      if (text[i - 1] == '\n') parens = brackets = 0;
      continue;
    }
    if (StartsWith(text, i, "（") || text[i] == '(') {
      ++parens;
      i += text[i] == '(' ? 1 : 3;
      continue;
    }
    if (StartsWith(text, i, "）") || text[i] == ')') {
      if (parens > 0) --parens;
      i += text[i] == ')' ? 1 : 3;
      continue;
    }
    if (StartsWith(text, i, "〔") || StartsWith(text, i, "【") || text[i] == '[') {
      ++brackets;
      i += text[i] == '[' ? 1 : 3;
      continue;
    }
    if (StartsWith(text, i, "〕") || StartsWith(text, i, "】") || text[i] == ']') {
      if (brackets > 0) --brackets;
      i += text[i] == ']' ? 1 : 3;
      continue;
    }
    if (!IsDigit(text[i])) {
      ++i;
      continue;
    }
    // A number: digits, thousands separators, one decimal point.
    size_t b = i, e = i;
    std::string digits;
    bool dot = false;
    while (e < end) {
      char c = text[e];
      if (IsDigit(c)) {
        digits += c;
        ++e;
      } else if (c == ',' && e + 3 < end && IsDigit(text[e + 1]) && IsDigit(text[e + 2]) &&
                 IsDigit(text[e + 3]) && (e + 4 >= end || !IsDigit(text[e + 4]))) {
        ++e;
      } else if (c == '.' && !dot && e + 1 < end && IsDigit(text[e + 1])) {
        dot = true;
        digits += c;
        ++e;
      } else {
        break;
      }
    }
    i = e;
    char prev = b > 0 ? text[b - 1] : ' ';
    char next = e < text.size() ? text[e] : ' ';
    if (brackets > 0 || IsAsciiLetter(prev) || IsAsciiLetter(next) || prev == '-' || prev == '.' ||
        prev == '/' || next == '-' || next == '/' || next == '.' || EndsWith(text, b, "第") ||
        EndsWith(text, b, "—") || StartsWith(text, e, "—"))
      continue;
    NumToken t;
    t.value = std::strtod(digits.c_str(), nullptr);
    t.text = std::string(text.substr(b, e - b));
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.clause_begin = clause;
    t.in_parens = parens > 0;
    for (const char* a : kApproxBefore)
      if (EndsWith(text, b, a)) t.approx = true;
    size_t u = e;
    for (const char* a : kApproxAfterNumber)
      if (StartsWith(text, u, a)) {
        t.approx = true;
        u += std::string_view(a).size();
      }
    bool is_date = false;
    for (const char* d : kDateMarks)
      if (StartsWith(text, u, d)) is_date = true;
    if (is_date) continue;
    double scale = 1;
    if (StartsWith(text, u, "万") && !StartsWith(text, u, "万元") &&
        !StartsWith(text, u, "万人次")) {
      scale = 10000;
      u += 3;
      if (StartsWith(text, u, "余") || StartsWith(text, u, "多")) {
        t.approx = true;
        u += 3;
      }
    }
    for (const UnitEntry& ue : kUnits) {
      if (!StartsWith(text, u, ue.text)) continue;
      t.unit = ue.text;
      t.unit_class = ue.cls;
      u += t.unit.size();
      break;
    }
    if (t.unit == "％") t.unit = "%";
    t.value *= scale;
    if (t.unit_class != UnitClass::kNone)
      for (const char* a : kApproxAfterUnit)
        if (StartsWith(text, u, a)) {
          t.approx = true;
          u += std::string_view(a).size();
        }
    t.unit_end = static_cast<uint32_t>(u);
    out.push_back(std::move(t));
  }
  return out;
}

std::string_view ClauseBefore(std::string_view text, const NumToken& t) {
  return text.substr(t.clause_begin, t.begin - t.clause_begin);
}

}  // namespace ogicheck::facts
