// SourceText's position map (anchors at the points where normalisation changes the text, copied
// runs between them) against the simplest map: one original offset per normalised byte, built
// by decoding the original one code point at a time.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ogicheck/source_text.h"
#include "text/utf8.h"

namespace {

using ogicheck::SourceText;

// What PosOf and NormalisedOffset must give, computed the plain way.
struct ReferenceMap {
  std::vector<uint32_t> original_of;  // per normalised byte, plus the end of the text
  std::vector<uint32_t> line_of;      // per original offset that starts a code point
  std::vector<uint32_t> column_of;

  explicit ReferenceMap(const std::string& original)
      : line_of(original.size() + 1), column_of(original.size() + 1) {
    uint32_t line = 1, column = 1;
    for (size_t i = 0; i < original.size();) {
      const size_t start = i;
      const char32_t cp = ogicheck::utf8::Next(original, &i);
      if (cp == U'\r' && i < original.size() && original[i] == '\n') ++i;  // one step
      line_of[start] = line, column_of[start] = column++;
      const std::string produced = ogicheck::NormaliseWidth(original.substr(start, i - start));
      original_of.insert(original_of.end(), produced.size(), static_cast<uint32_t>(start));
      if (produced == "\n") ++line, column = 1;
    }
    original_of.push_back(static_cast<uint32_t>(original.size()));
    line_of[original.size()] = line, column_of[original.size()] = column;
  }

  uint32_t NormalisedOffset(uint32_t original_offset) const {
    const auto it = std::lower_bound(original_of.begin(), original_of.end(), original_offset);
    if (it == original_of.end()) return static_cast<uint32_t>(original_of.size() - 1);
    return static_cast<uint32_t>(it - original_of.begin());
  }
};

void CheckAgainstReference(const std::string& original) {
  CAPTURE(original);
  const SourceText st = SourceText::FromUtf8(original);
  const ReferenceMap ref(original);
  REQUIRE(st.text().size() + 1 == ref.original_of.size());
  for (uint32_t offset = 0; offset <= st.text().size() + 2; ++offset) {
    CAPTURE(offset);
    const uint32_t orig = ref.original_of[std::min<size_t>(offset, st.text().size())];
    const auto pos = st.PosOf(offset);
    CHECK(pos.line == ref.line_of[orig]);
    CHECK(pos.column == ref.column_of[orig]);
  }
  for (uint32_t orig = 0; orig <= original.size() + 2; ++orig) {
    CAPTURE(orig);
    CHECK(st.NormalisedOffset(orig) == ref.NormalisedOffset(orig));
  }
}

}  // namespace

TEST_CASE("SourceText's map equals the per-byte map on tricky input") {
  const std::vector<std::string> tricky = {
      "",
      "a",
      "第一行\r\n第二行\r第三行\n",
      "\r\n\r\n\n\r",
      "\xEF\xBB\xBF开头的BOM与\xE2\x80\x8B零宽空格",
      "不换行\xC2\xA0空格与全角　空格\t制表\x01控制\x7F",
      "（１２３）ＡＢｃ％＋－．／＜＝＞［］｛｝",
      "\xED\xA0\x80代理项与\xE0\x80\x80过长编码\xF0\x9F\x98\x80表情\xC3\xA9",
      "截断\xE4\xB8",
      "\xE4\xB8\xAD\xE4",
      "\x80\x80\xBF中\xBF",
      std::string(200, 'x') + "（" + std::string(100, 'y'),
  };
  for (const std::string& s : tricky) CheckAgainstReference(s);
  // FromOwnedUtf8 is FromUtf8 without the copy.
  const SourceText owned = SourceText::FromOwnedUtf8(tricky[2]);
  CHECK(owned.text() == SourceText::FromUtf8(tricky[2]).text());
  CHECK(owned.PosOf(12).line == 2);
}

TEST_CASE("SourceText's map equals the per-byte map on random input") {
  uint32_t seed = 4242;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  // Whole code points of every kind the builder treats differently, and stray bytes.
  const std::vector<std::string> pieces = {
      "中",   "文",   "，",   "（",   "１",   "Ａ",   "　",   "\xE2\x80\x8B", "\xEF\xBB\xBF",
      "\xC2\xA0", "\xC3\xA9", "\xF0\x9F\x98\x80", "a",   "7",    " ",    "\t",  "\n",  "\r",
      "\r\n", "\x01", "\x7F", "\x80", "\xE4", "\xB8", "\xED\xA0\x80", "\xE0\x80\x80", "\xEF\xBF\xBD",
      "一二三四五六七八九十", "abcdefghijklmnopqrstuvwxyz0123456789"};
  for (int round = 0; round < 400; ++round) {
    std::string s;
    for (int k = next() % 60; k > 0; --k) s += pieces[(next() >> 8) % pieces.size()];
    CAPTURE(round);
    CheckAgainstReference(s);
  }
}
