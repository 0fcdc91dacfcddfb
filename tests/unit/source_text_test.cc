#include "ogicheck/source_text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/utf8.h"

using ogicheck::SourceText;
using ogicheck::Span;

TEST_CASE("SourceText normalises full-width digits, letters and brackets but keeps CJK punctuation") {
  SourceText st = SourceText::FromUtf8("（一）共１２３件，占３３．９％；ＡＢ、：");
  CHECK(st.text() == "(一)共123件，占33.9%；AB、：");
}

TEST_CASE("SourceText maps normalised offsets back to original line and column") {
  // Line 2 starts after "第一行\r\n"; the full-width digits are one code point each.
  SourceText st = SourceText::FromUtf8("第一行\r\n收到１２件");
  CHECK(st.text() == "第一行\n收到12件");
  const size_t pos = st.text().find("12");
  auto p = st.PosOf(static_cast<uint32_t>(pos));
  CHECK(p.line == 2);
  CHECK(p.column == 3);
  auto q = st.PosOf(static_cast<uint32_t>(pos + 1));  // the "2", originally "２" at column 4
  CHECK(q.line == 2);
  CHECK(q.column == 4);
}

TEST_CASE("SourceText drops control characters and survives invalid UTF-8") {
  std::string bad = "ab\x01\xE4\xB8";  // control char, then a truncated 3-byte sequence
  SourceText st = SourceText::FromUtf8(bad);
  CHECK(st.text() == "ab\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(st.PosOf(2).column == 4);
}

TEST_CASE("utf8::IsValid tells truncated sequences from a real U+FFFD") {
  CHECK(ogicheck::utf8::IsValid("\xEF\xBF\xBD"));
  CHECK_FALSE(ogicheck::utf8::IsValid("\xE4\xB8"));
}

// FromUtf8 copies most code points through fast paths; NormaliseWidth decodes every code point
// the general way. Both must give the same text, also on malformed and unusual input.
TEST_CASE("NormaliseWidth gives the text FromUtf8 gives, on tricky and random input") {
  const std::vector<std::string> tricky = {
      "第一行\r\n第二行\r第三行\n",
      "\xEF\xBB\xBF开头的BOM与\xE2\x80\x8B零宽空格",
      "不换行\xC2\xA0空格与全角　空格\t制表",
      "（１２３）ＡＢｃ％＋－．／＜＝＞［］｛｝",
      "\xED\xA0\x80代理项与\xE0\x80\x80过长编码\xF0\x9F\x98\x80",
      "截断\xE4\xB8",
      "\xE4\xB8\xAD\xE4",
  };
  for (const std::string& s : tricky) {
    CAPTURE(s);
    CHECK(ogicheck::NormaliseWidth(s) == SourceText::FromUtf8(s).text());
  }
  uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  const unsigned char pieces[] = {0xE4, 0xB8, 0xAD, 0xEF, 0xBC, 0x91, 0x80, 0x0D, 0x0A, 0x41, 0xED,
                                  0xE0, 0xA0, 0xC2, 0xA0, 0xE3, 0x80, 0x00, 0xF0, 0x9F};
  for (int round = 0; round < 500; ++round) {
    std::string s;
    for (int k = next() % 40; k > 0; --k) s.push_back(static_cast<char>(pieces[next() % sizeof pieces]));
    CAPTURE(round);
    CHECK(ogicheck::NormaliseWidth(s) == SourceText::FromUtf8(s).text());
  }
}
