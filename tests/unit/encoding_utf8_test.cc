// The UTF-8 scan and repair behind encoding detection (engine/ingest/utf8_scan.h).
#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <random>
#include <string>

#include "ingest/utf8_scan.h"

namespace {

using ogicheck::ingest::RepairUtf8;
using ogicheck::ingest::ScanUtf8;
using ogicheck::ingest::Utf8Scan;

const std::string R = "\xEF\xBF\xBD";  // U+FFFD

std::string Repaired(const std::string& s) {
  std::string out;
  RepairUtf8(s, &out);
  return out;
}

// ICU's own UTF-8 decoder, which also replaces each maximal ill-formed subpart with U+FFFD.
std::string IcuRepaired(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(s.size() * 3 + 4, '\0');
  const int32_t n = ucnv_convert("UTF-8", "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 s.data(), static_cast<int32_t>(s.size()), &err);
  REQUIRE(U_SUCCESS(err));
  out.resize(n);
  return out;
}

}  // namespace

TEST_CASE("ScanUtf8 and RepairUtf8: well-formed, ill-formed and truncated sequences") {
  struct Case {
    const char* what;
    std::string bytes;
    size_t invalid;
    bool truncated_tail;
    size_t multibyte;
    std::string repaired;
  };
  const Case cases[] = {
      {"empty", "", 0, false, 0, ""},
      {"ASCII longer than one word", "0123456789abcdefXYZ", 0, false, 0, "0123456789abcdefXYZ"},
      {"2, 3 and 4 bytes", "é中𐀀", 0, false, 3, "é中𐀀"},
      {"a real U+FFFD is well-formed", R, 0, false, 1, R},
      {"bare continuation byte", "a\x80z", 1, false, 0, "a" + R + "z"},
      {"C0 overlong lead", "\xC0\xAF", 2, false, 0, R + R},
      {"E0 overlong: E0 alone is the subpart", "\xE0\x80\x80", 3, false, 0, R + R + R},
      {"surrogate D800", "\xED\xA0\x80", 3, false, 0, R + R + R},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 4, false, 0, R + R + R + R},
      {"F5 lead", "\xF5", 1, false, 0, R},
      {"3-byte cut by ASCII: one subpart",
       "\xE4\xB8"
       "a",
       1, false, 0, R + "a"},
      {"4-byte cut by ASCII: one subpart",
       "\xF0\x90\x80"
       "a",
       1, false, 0, R + "a"},
      {"3-byte cut at the end", "中\xE4\xB8", 0, true, 1, "中" + R},
      {"4-byte cut at the end", "a\xF0\x90", 0, true, 0, "a" + R},
      {"lead cut at the end after an error", "\xFF\xE4", 1, true, 0, R + R},
  };
  for (const Case& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    const Utf8Scan scan = ScanUtf8(c.bytes);
    CHECK(scan.invalid == c.invalid);
    CHECK(scan.truncated_tail == c.truncated_tail);
    CHECK(scan.multibyte == c.multibyte);
    CHECK(scan.valid() == (c.invalid == 0 && !c.truncated_tail));
    CHECK(Repaired(c.bytes) == c.repaired);
    CHECK(IcuRepaired(c.bytes) == c.repaired);
  }
}

TEST_CASE("RepairUtf8 agrees with ICU on random byte strings") {
  // Bytes chosen to hit every lead and continuation range boundary.
  const unsigned char alphabet[] = {'a',  0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                    0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                                    0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFE, 0xFF};
  std::mt19937 rng(42);
  for (int round = 0; round < 2000; ++round) {
    std::string s(1 + rng() % 24, '\0');
    for (char& c : s) c = static_cast<char>(alphabet[rng() % sizeof alphabet]);
    CAPTURE(round);
    const std::string repaired = Repaired(s);
    CHECK(repaired == IcuRepaired(s));
    CHECK(ScanUtf8(repaired).valid());
    CHECK(ScanUtf8(s).valid() == (repaired == s));
  }
}

// ScanUtf8 skips ASCII a word at a time and CJK characters with one load; RepairUtf8 goes
// sequence by sequence. The counts must match what the repair did: every U+FFFD it inserted is an
// ill-formed subpart, every other multibyte lead a well-formed sequence.
TEST_CASE("ScanUtf8's fast paths count as the sequence-by-sequence repair does") {
  const std::string pieces[] = {"a",  "0123456789", "中",  "文字",    "，",   "é",    "𐀀",
                                "\x80", "\xE4",     "\xB8", "\xED\xA0", "\xE0", "\xEF\xBF\xBD",
                                "\xC2", "\xF0\x90", " \n",  "\xFF",     "abcdefghijklmnopq"};
  std::mt19937 rng(7);
  auto count_fffd = [](const std::string& s) {
    size_t count = 0;
    for (size_t at = s.find(R); at != std::string::npos; at = s.find(R, at + 3)) ++count;
    return count;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (int k = rng() % 30; k > 0; --k) s += pieces[rng() % std::size(pieces)];
    CAPTURE(round);
    CAPTURE(s);
    const std::string repaired = Repaired(s);
    const size_t inserted = count_fffd(repaired) - count_fffd(s);
    size_t leads = 0;
    for (unsigned char c : repaired) leads += c >= 0xC0;
    const Utf8Scan scan = ScanUtf8(s);
    CHECK(scan.invalid + scan.truncated_tail == inserted);
    CHECK(scan.multibyte == leads - inserted);
  }
}
