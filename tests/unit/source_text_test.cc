#include "ogicheck/source_text.h"

#include <doctest/doctest.h>

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
