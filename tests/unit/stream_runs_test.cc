// The compact stream copies runs of kept bytes in blocks (tables/stream.cc, CopyRun); it must
// give the stream, map and gaps the character-by-character builder gave, which is kept below
// as the reference. Also: NumberValue reads what strtod reads, and the per-SchemaSet label forms
// are the forms derived from the schema.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "ogicheck/report_schema.h"
#include "tables/cell_value.h"
#include "tables/schema_forms.h"
#include "tables/stream.h"

namespace ogicheck::tables {
namespace {

// ---- The character-by-character builder, as it was before the run copy (the reference). ----

bool IsDash(std::string_view s, size_t i, size_t* len) {
  // "-", "–" (U+2013), "—" (U+2014), "─" (U+2500)
  if (s[i] == '-') return *len = 1, true;
  if (s.compare(i, 3, "\xE2\x80\x93") == 0) return *len = 3, true;
  if (s.compare(i, 3, "\xE2\x80\x94") == 0) return *len = 3, true;
  if (s.compare(i, 3, "\xE2\x94\x80") == 0) return *len = 3, true;
  return false;
}

// A line that holds nothing but a page number between dashes: "-3-", "— 5 —", "- 12 -".
bool IsPageFooter(std::string_view line) {
  size_t i = 0, n = line.size();
  auto skip_space = [&] {
    while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
  };
  skip_space();
  size_t len = 0, dashes = 0;
  while (i < n && IsDash(line, i, &len)) i += len, ++dashes;
  if (dashes == 0) return false;
  skip_space();
  size_t digits = 0;
  while (i < n && line[i] >= '0' && line[i] <= '9') ++i, ++digits;
  if (digits == 0 || digits > 3) return false;
  skip_space();
  dashes = 0;
  while (i < n && IsDash(line, i, &len)) i += len, ++dashes;
  if (dashes == 0) return false;
  skip_space();
  return i == n;
}

size_t Utf8Len(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b >> 5) == 0x6) return 2;
  if ((b >> 4) == 0xE) return 3;
  if ((b >> 3) == 0x1E) return 4;
  return 1;
}

enum class Kind { kKeep, kSpace, kBreak, kReplace };

// Classifies the character at line[i] (of `len` bytes) by its bytes, without string compares:
// this runs once per character of every report. Quotes become '"'; CJK punctuation that
// SourceText keeps becomes ASCII so that labels compare whatever the source used.
Kind Classify(const unsigned char* c, size_t len, char* rep) {
  if (len == 1) {
    if (c[0] == ' ' || c[0] == '\r') return Kind::kSpace;
    if (c[0] == '\t') return Kind::kBreak;
    return Kind::kKeep;
  }
  if (len == 2) return c[0] == 0xC2 && c[1] == 0xA0 ? Kind::kSpace : Kind::kKeep;
  if (len != 3) return Kind::kKeep;
  if (c[0] == 0xE3 && c[1] == 0x80) {
    if (c[2] == 0x80) return Kind::kBreak;                                // U+3000
    if (c[2] == 0x8C || c[2] == 0x8D) return *rep = '"', Kind::kReplace;  // 「」
    return Kind::kKeep;
  }
  if (c[0] == 0xE2 && c[1] == 0x80 &&
      (c[2] == 0x98 || c[2] == 0x99 || c[2] == 0x9C || c[2] == 0x9D))
    return *rep = '"', Kind::kReplace;  // ‘’“”
  if (c[0] == 0xEF && c[1] == 0xBC) {
    switch (c[2]) {
      case 0x8C:
        return *rep = ',', Kind::kReplace;  // ，
      case 0x9A:
        return *rep = ':', Kind::kReplace;  // ：
      case 0x9B:
        return *rep = ';', Kind::kReplace;  // ；
      case 0x88:
        return *rep = '(', Kind::kReplace;  // （
      case 0x89:
        return *rep = ')', Kind::kReplace;  // ）
      case 0x8E:
        return *rep = '.', Kind::kReplace;  // ．
      case 0x82:
        return *rep = '"', Kind::kReplace;  // ＂
      default:
        return Kind::kKeep;
    }
  }
  return Kind::kKeep;
}

bool IsIdeographicComma(const unsigned char* c, size_t len) {
  return len == 3 && c[0] == 0xE3 && c[1] == 0x80 && c[2] == 0x81;  // 、
}

// Writes the compact form of `text` to out (and, when src/meta are given, the map) and returns
// its length. The buffers must hold text.size() bytes: the compact form is never longer.
// meta[i] packs the gap before out[i] (2 bits) and the length of the text character out[i]
// stands for when it replaced one (0 = kept byte).
size_t ReferenceCompact(std::string_view text, bool drop_footers, char* out, uint32_t* src, uint8_t* meta) {
  Gap pending = Gap::kNone;
  size_t pos = 0, n = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    if (drop_footers && IsPageFooter(text.substr(pos, eol - pos))) {
      pending = Gap::kBreak;
      pos = eol + 1;
      continue;
    }
    size_t i = pos;
    while (i < eol) {
      const unsigned char b = data[i];
      if (b > ' ' && b < 0x80) {  // the common ASCII case
        out[n] = static_cast<char>(b);
        if (src) src[n] = static_cast<uint32_t>(i), meta[n] = static_cast<uint8_t>(pending);
        ++n, ++i;
        pending = Gap::kNone;
        continue;
      }
      // CJK ideographs (lead bytes E4..E9), most of the text, are kept as they are: the general
      // path below would copy them the same way.
      if (b >= 0xE4 && b <= 0xE9 && i + 3 <= eol) {
        std::memcpy(out + n, data + i, 3);
        if (src) {
          src[n] = static_cast<uint32_t>(i), src[n + 1] = src[n] + 1, src[n + 2] = src[n] + 2;
          meta[n] = static_cast<uint8_t>(pending), meta[n + 1] = meta[n + 2] = 0;
        }
        n += 3, i += 3;
        pending = Gap::kNone;
        continue;
      }
      size_t len = Utf8Len(b);
      if (i + len > eol) len = 1;
      char rep = 0;
      const Kind kind = Classify(data + i, len, &rep);
      if (kind == Kind::kSpace) {
        if (pending == Gap::kNone) pending = Gap::kSpace;
      } else if (kind == Kind::kBreak) {
        pending = Gap::kBreak;
      } else {
        // 1、 numbering (2021 （六） rows in some reports) reads as 1.
        if (kind == Kind::kKeep && pending == Gap::kNone && IsIdeographicComma(data + i, len) &&
            n > 0 && out[n - 1] >= '0' && out[n - 1] <= '9')
          rep = '.';
        if (rep) {
          out[n] = rep;
          if (src)
            src[n] = static_cast<uint32_t>(i),
            meta[n] = static_cast<uint8_t>(static_cast<uint8_t>(pending) | (len << 2));
          ++n;
        } else {
          for (size_t k = 0; k < len; ++k, ++n) {
            out[n] = static_cast<char>(data[i + k]);
            if (src)
              src[n] = static_cast<uint32_t>(i + k),
              meta[n] = static_cast<uint8_t>(k == 0 ? pending : Gap::kNone);
          }
        }
        pending = Gap::kNone;
      }
      i += len;
    }
    pending = Gap::kBreak;  // end of line
    pos = eol + 1;
  }
  return n;
}

// ---- End of the reference. ----

std::string RandomText(uint32_t* seed, int max_pieces) {
  static const std::vector<std::string> pieces = {
      "本", "年", "新", "收", "申请", "数量", "—", "-", "– 3 –", "\n- 12 -\n", "\n", " ", "\t",
      "\r", "　", "\xC2\xA0", "「", "」", "“", "”", "‘", "’", "，", "：", "；", "（", "）", "．",
      "＂", "、", "1", "23", "0", ".", "+", "a", "Z", "~", "\x7F", "\x01", "。", "《", "》",
      "\xE4", "\xE4\xB8", "\x80", "\xBF", "\xEF\xBC", "\xE3\x80", "\xF0\x9F\x98\x80",
      "\xED\xA0\x80", "\xC3\xA9", "\xE4 \xB8", "\xE9\xE3\x80\x80"};
  auto next = [seed] { return *seed = *seed * 1103515245u + 12345u; };
  std::string s;
  for (int k = static_cast<int>(next() % static_cast<uint32_t>(max_pieces)); k > 0; --k)
    s += pieces[(next() >> 8) % pieces.size()];
  return s;
}

TEST_CASE("the compact stream equals the character-by-character builder, map and gaps included") {
  uint32_t seed = 424242;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = RandomText(&seed, round < 1500 ? 12 : 90);
    std::string out(text.size(), '\0');
    std::vector<uint32_t> src(text.size());
    std::vector<uint8_t> meta(text.size());
    const size_t n = ReferenceCompact(text, true, out.data(), src.data(), meta.data());
    out.resize(n);
    const Stream st = Stream::Build(text);
    CAPTURE(round);
    CAPTURE(text);
    REQUIRE(st.str() == out);
    for (size_t i = 0; i < n; ++i) {
      CAPTURE(i);
      REQUIRE(st.TextOffset(i) == src[i]);
      REQUIRE(static_cast<uint8_t>(st.gap(i)) == (meta[i] & 3));
      const uint32_t replaced = meta[i] >> 2;
      REQUIRE(st.TextSpan(i, i + 1) == Span{src[i], src[i] + (replaced ? replaced : 1u)});
    }
    CHECK(st.TextOffset(n) == text.size());
    std::string label(text.size(), '\0');
    label.resize(ReferenceCompact(text, false, label.data(), nullptr, nullptr));
    CHECK(CompactLabel(text) == label);
  }
}

TEST_CASE("NumberValue reads what strtod reads") {
  for (const char* s : {"0", "-0", "+0", "7", "+24", "-5", "007", "999999999999999",
                        "-999999999999999", "1234567890123456", "99999999999999999999", "3.5",
                        "-0.0", "38685.5", "1.", ".5", "", "+", "-", "12a"}) {
    CAPTURE(s);
    const double fast = NumberValue(s), slow = std::strtod(s, nullptr);
    CHECK(std::memcmp(&fast, &slow, sizeof fast) == 0);  // -0 stays -0
  }
  uint32_t seed = 3;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    if (next() % 3 == 0) s += (next() % 2) ? '-' : '+';
    for (int k = 1 + static_cast<int>((next() >> 8) % 18); k > 0; --k)
      s += static_cast<char>('0' + (next() >> 8) % 10);
    if (next() % 4 == 0) s += "." + std::to_string((next() >> 8) % 1000);
    CAPTURE(s);
    const double fast = NumberValue(s), slow = std::strtod(s.c_str(), nullptr);
    CHECK(std::memcmp(&fast, &slow, sizeof fast) == 0);
  }
}

TEST_CASE("the label forms kept per SchemaSet are the forms derived from each schema") {
  // Twice: the second set likely sits where the first one was, and only its new serial tells
  // that the kept forms are stale.
  for (int load = 0; load < 2; ++load) {
    SchemaSet schemas;
    REQUIRE(schemas.LoadDirectory(DefaultSchemaDir()).ok());
    for (const ReportSchema& s : schemas.all()) {
      CAPTURE(s.id);
      const SchemaForms& kept = FormsOf(schemas, s);
      REQUIRE(kept.tables.size() == s.tables.size());
      REQUIRE(kept.sections.size() == s.sections.size());
      REQUIRE(kept.detection_keys.size() == s.detection_keys.size());
      for (size_t k = 0; k < s.detection_keys.size(); ++k)
        CHECK(kept.detection_keys[k] == CompactLabel(s.detection_keys[k]));
      for (size_t t = 0; t < s.tables.size(); ++t) {
        CHECK(kept.tables[t].titles.front() == CompactLabel(s.tables[t].title));
        REQUIRE(kept.tables[t].rows.size() == s.tables[t].rows.size());
        for (size_t r = 0; r < s.tables[t].rows.size(); ++r) {
          CHECK(kept.tables[t].rows[r].label == CompactLabel(s.tables[t].rows[r].label));
          CHECK(kept.tables[t].rows[r].printed == NormaliseWidth(s.tables[t].rows[r].label));
        }
      }
    }
  }
}

}  // namespace
}  // namespace ogicheck::tables
