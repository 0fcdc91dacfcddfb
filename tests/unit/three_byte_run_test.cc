// ThreeByteRun (two or five sequences per load) against a sequence-at-a-time loop.
#include "text/three_byte_run.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

namespace ogicheck {
namespace {

// ThreeByteRun checks two sequences per load; a sequence at a time must give the same length.
size_t SlowThreeByteRun(const std::string& s, uint16_t leads) {
  size_t i = 0;
  while (i + 3 <= s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]),
               b2 = static_cast<unsigned char>(s[i + 2]);
    if (b0 < 0xE0 || b0 > 0xEF || !((leads >> (b0 - 0xE0)) & 1)) break;
    if (b1 < 0x80 || b1 > 0xBF || b2 < 0x80 || b2 > 0xBF) break;
    i += 3;
  }
  return i;
}

TEST_CASE("ThreeByteRun measures the run of three-byte sequences as a sequence-by-sequence loop") {
  static constexpr uint16_t kLeads = text::ThreeByteLeads({0xE1, 0xE4, 0xE5, 0xE6, 0xE7, 0xEF});
  const auto run = [](const std::string& s) {
    return text::ThreeByteRun<kLeads>(reinterpret_cast<const unsigned char*>(s.data()), s.size());
  };
  CHECK(run("") == 0);
  CHECK(run("中文字符") == 12);
  CHECK(run("中文a字") == 6);
  CHECK(run("中文\xE3\x80\x80字") == 6);  // E3 is not in kLeads
  CHECK(run("中文字\xE4\xB8") == 9);      // a cut sequence at the end
  uint32_t seed = 99;
  auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 8; };
  const unsigned char pool[] = {0xE0, 0xE1, 0xE3, 0xE4, 0xE5, 0xEF, 0xF0, 0x80, 0xBF, 0xC0, 0x7F, 'a'};
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    // Mostly well-formed sequences, so that runs get long, with a stray byte now and then.
    for (int k = next() % 30; k > 0; --k) {
      if (next() % 6 == 0) {
        s.push_back(static_cast<char>(pool[next() % sizeof pool]));
      } else {
        s.push_back(static_cast<char>(0xE0 | (next() % 16)));
        s.push_back(static_cast<char>(0x80 | (next() % 64)));
        s.push_back(static_cast<char>(0x80 | (next() % 64)));
      }
    }
    CAPTURE(round);
    CHECK(run(s) == SlowThreeByteRun(s, kLeads));
  }
}

}  // namespace
}  // namespace ogicheck
