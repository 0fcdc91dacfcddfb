// The parse stage's fast paths must find exactly what the simple code-point loops they replaced
// find, also on malformed UTF-8: NextNumberStart, NextSentenceEnd (parse/char_scan.h),
// MayStartNumbering, CountLeadBytes, NextParagraphBreak, ParseChineseNumeral without its vector,
// and SplitParagraphs stopped after a few paragraphs.
#include "parse/char_scan.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "parse/chinese_numerals.h"
#include "parse/numbering.h"
#include "parse/paragraphs.h"

namespace ogicheck::parse {
namespace {

// The loops as FindProseNumbers and FindHeadings had them: decode every code point.
size_t SlowNextNumberStart(std::string_view text, size_t pos, size_t limit) {
  while (pos < limit) {
    const CodePoint c = At(text, pos);
    if (IsAsciiDigit(c.cp) || IsChineseNumeralChar(c.cp)) return pos;
    pos += c.len;
  }
  return limit;
}

size_t SlowNextSentenceEnd(std::string_view text, size_t pos, size_t limit) {
  while (pos < limit) {
    const CodePoint c = At(text, pos);
    if (IsSentenceEnd(c.cp)) return pos;
    pos += c.len;
  }
  return limit;
}

// ParseChineseNumeral as it was, with the characters copied into a vector.
int DigitOf(char32_t cp) {
  const std::u32string digits = U"零一二三四五六七八九";
  if (cp == U'〇') return 0;
  if (cp == U'两') return 2;
  const size_t k = digits.find(cp);
  return k == std::u32string::npos ? -1 : static_cast<int>(k);
}
std::optional<NumeralMatch> SlowParseChineseNumeral(std::string_view text, size_t pos,
                                                    size_t max_chars) {
  std::vector<char32_t> cps;
  size_t end = pos;
  while (cps.size() < max_chars) {
    CodePoint c = At(text, end);
    if (c.len == 0 || !IsChineseNumeralChar(c.cp)) break;
    cps.push_back(c.cp);
    end += c.len;
  }
  if (cps.empty()) return std::nullopt;
  bool only_digits = true;
  for (char32_t cp : cps) only_digits = only_digits && DigitOf(cp) >= 0;
  if (only_digits && cps.size() > 1) {
    double v = 0;
    for (char32_t cp : cps) v = v * 10 + DigitOf(cp);
    return NumeralMatch{v, end};
  }
  double total = 0, section = 0;
  int digit = -1;
  for (char32_t cp : cps) {
    const int d = DigitOf(cp);
    if (d >= 0) {
      digit = d;
      continue;
    }
    const int unit = cp == U'十' ? 10 : cp == U'百' ? 100 : cp == U'千' ? 1000 : 0;
    if (unit) {
      section += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else {
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

// Random texts from pieces the scanners care about: every numeral character, characters that
// share their lead byte (and second byte), sentence ends and the commas next to them, ASCII,
// and broken sequences (a lead byte alone, stray continuation bytes, surrogates, overlongs).
std::string RandomText(uint32_t* seed, int max_pieces) {
  static const std::vector<std::string> pieces = {
      "零", "〇", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万",
      "亿", "上", "不", "中", "丹", "乐", "书", "元", "光", "南", "卷", "的", "是", "第", "件", "年",
      "。", "，", "、", "；", "：", "！", "？", "（", "　", ";", ":", "!", "?", ",", ".", "(", ")",
      "0",  "1",  "5",  "9",  "a",  " ",  "\n", "\t", "/",  "\xE4", "\xB8", "\xE4\xB8", "\x80",
      "\xEF\xBC", "\xE3\x80", "\xED\xA0\x80", "\xE0\x80\x80", "\xF0\x9F\x98\x80", "\xC2\xA0"};
  auto next = [seed] { return *seed = *seed * 1103515245u + 12345u; };
  std::string s;
  for (int k = static_cast<int>(next() % static_cast<uint32_t>(max_pieces)); k > 0; --k)
    s += pieces[(next() >> 8) % pieces.size()];
  return s;
}

TEST_CASE("NextNumberStart and NextSentenceEnd stop where decoding every code point stops") {
  uint32_t seed = 2026;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  for (int round = 0; round < 4000; ++round) {
    const std::string s = RandomText(&seed, round < 2000 ? 20 : 120);
    const size_t pos = s.empty() ? 0 : (next() >> 8) % (s.size() + 1);
    const size_t limit = pos + (next() >> 8) % (s.size() + 1 - pos);
    CAPTURE(round);
    CAPTURE(s);
    CHECK(NextNumberStart(s, pos, limit) == SlowNextNumberStart(s, pos, limit));
    CHECK(NextSentenceEnd(s, pos, limit) == SlowNextSentenceEnd(s, pos, limit));
    // The whole scan, as the callers run it: from each stop, on past it.
    for (size_t i = 0; i < s.size();) {
      const size_t fast = NextNumberStart(s, i, s.size());
      REQUIRE(fast == SlowNextNumberStart(s, i, s.size()));
      if (fast >= s.size()) break;
      i = fast + std::max<uint32_t>(1, At(s, fast).len);
    }
    for (size_t i = 0; i < s.size();) {
      const size_t fast = NextSentenceEnd(s, i, s.size());
      REQUIRE(fast == SlowNextSentenceEnd(s, i, s.size()));
      if (fast >= s.size()) break;
      i = fast + std::max<uint32_t>(1, At(s, fast).len);
    }
  }
}

TEST_CASE("MayStartNumbering is false only where MatchNumbering finds nothing") {
  uint32_t seed = 7;
  for (int round = 0; round < 3000; ++round) {
    const std::string s = RandomText(&seed, 8);
    if (s.empty()) continue;
    CAPTURE(s);
    if (!MayStartNumbering(At(s, 0).cp)) {
      CHECK_FALSE(MatchNumbering(s, 0, s.size(), true));
      CHECK_FALSE(MatchNumbering(s, 0, s.size(), false));
    }
  }
  for (std::string_view s : {"一、", "(一)", "(1)", "1.", "1、", "十二、", "三是", "三)"}) {
    CAPTURE(s);
    CHECK(MayStartNumbering(At(s, 0).cp));
    CHECK(MatchNumbering(s, 0, s.size(), true));
  }
}

TEST_CASE("CountLeadBytes counts the bytes that are not continuation bytes") {
  uint32_t seed = 99;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  for (int round = 0; round < 1000; ++round) {
    const std::string s = RandomText(&seed, 60);
    const size_t begin = s.empty() ? 0 : (next() >> 8) % (s.size() + 1);
    const size_t end = begin + (next() >> 8) % (s.size() + 1 - begin);
    size_t slow = 0;
    for (size_t i = begin; i < end; ++i) slow += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    CAPTURE(round);
    CHECK(CountLeadBytes(s, begin, end) == slow);
  }
}

TEST_CASE("ParseChineseNumeral reads what the copying version read") {
  uint32_t seed = 31;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  const std::u32string alphabet = U"零〇一二两三四五六七八九十百千万亿个";
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (int k = static_cast<int>((next() >> 8) % 14); k > 0; --k) {
      const char32_t cp = alphabet[(next() >> 8) % alphabet.size()];
      char buf[4] = {static_cast<char>(0xE0 | (cp >> 12)),
                     static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                     static_cast<char>(0x80 | (cp & 0x3F)), 0};
      s += buf;
    }
    const size_t max_chars = 1 + (next() >> 8) % 12;
    CAPTURE(s);
    const auto fast = ParseChineseNumeral(s, 0, max_chars);
    const auto slow = SlowParseChineseNumeral(s, 0, max_chars);
    REQUIRE(fast.has_value() == slow.has_value());
    if (fast) {
      CHECK(fast->value == slow->value);
      CHECK(fast->end == slow->end);
    }
  }
}

TEST_CASE("NextParagraphBreak finds the line break or U+3000 a byte-by-byte search finds") {
  auto slow = [](std::string_view s, size_t i, size_t end) {
    for (; i < end && i < s.size(); ++i) {
      const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
      if (s[i] == '\n' || (i + 2 < end && b(i) == 0xE3 && b(i + 1) == 0x80 && b(i + 2) == 0x80))
        return i;
    }
    return end;
  };
  uint32_t seed = 11;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  for (int round = 0; round < 4000; ++round) {
    const std::string s = RandomText(&seed, round < 2000 ? 20 : 120);
    const size_t i = s.empty() ? 0 : (next() >> 8) % (s.size() + 1);
    const size_t end = i + (next() >> 8) % (s.size() + 1 - i);
    CAPTURE(round);
    CAPTURE(s);
    CHECK(NextParagraphBreak(s, i, end) == slow(s, i, end));
  }
}

TEST_CASE("SplitParagraphs with a maximum gives the first paragraphs of the whole split") {
  uint32_t seed = 5;
  for (int round = 0; round < 500; ++round) {
    const std::string s = RandomText(&seed, 80);
    const std::vector<Paragraph> all = SplitParagraphs(s, {});
    for (size_t n : {size_t{0}, size_t{1}, size_t{3}, size_t{12}}) {
      const std::vector<Paragraph> first = SplitParagraphs(s, {}, n);
      REQUIRE(first.size() == std::min(n, all.size()));
      for (size_t k = 0; k < first.size(); ++k) {
        CHECK(first[k].span == all[k].span);
        CHECK(first[k].in_table == all[k].in_table);
      }
    }
  }
}

}  // namespace
}  // namespace ogicheck::parse
