// Every reader on thousands of damaged variants of real inputs: exactly one result per file
// (a report or an error), never a crash or a hang. Deterministic (fixed seed), runs under ASan.
#include <doctest/doctest.h>

#include <random>

#include "ingest/reader.h"
#include "readers_test_util.h"
#include "test_paths.h"

using namespace ogicheck;
using namespace ogicheck::testing;

namespace {

struct MutationCounts {
  int reports = 0;
  int errors = 0;
};

// Flips, zeroes or truncates bytes of `good` `rounds` times and runs `reader` on each variant.
MutationCounts Mutate(const Reader* reader, const std::string& good, int rounds, uint32_t seed) {
  std::mt19937 rng(seed);
  MutationCounts counts;
  for (int round = 0; round < rounds; ++round) {
    std::string bad = good;
    std::uniform_int_distribution<size_t> pos(0, bad.size() - 1);
    switch (round % 3) {
      case 0:  // a few random bytes
        for (int k = 0; k < 8; ++k) bad[pos(rng)] = static_cast<char>(rng());
        break;
      case 1: {  // a zeroed run
        const size_t at = pos(rng);
        for (size_t k = at; k < std::min(bad.size(), at + 64); ++k) bad[k] = '\0';
        break;
      }
      default:  // cut short
        bad.resize(pos(rng));
        break;
    }
    IngestResult r = RunReader(reader, bad, "mutant");
    REQUIRE(r.reports.size() + r.errors.size() == 1);
    counts.reports += static_cast<int>(r.reports.size());
    counts.errors += static_cast<int>(r.errors.size());
  }
  return counts;
}

}  // namespace

TEST_CASE("Robustness: damaged HTML, DOCX and PDF inputs give one result each, no crash") {
  const std::string html = ReadFileOrDie(
      SharedPath("corpus/peers/kirogovcompare__filingHtmlImport-hangzhou-style-fixture.html"));
  MutationCounts h = Mutate(HtmlReader(), html, 300, 1);
  CHECK(h.reports + h.errors == 300);
  CHECK(h.reports > 0);  // most damaged pages are still pages

  const std::string docx = ReadFileOrDie(SharedPath("corpus/derived/hangzhou-style-fixture.docx"));
  MutationCounts d = Mutate(DocxReader(), docx, 300, 2);
  CHECK(d.reports + d.errors == 300);
  CHECK(d.errors > 0);  // CRCs catch most damage

  const std::string pdf = ReadFileOrDie(SourcePath("tests/golden/readers/text.pdf"));
  MutationCounts p = Mutate(PdfReader(), pdf, 300, 3);
  CHECK(p.reports + p.errors == 300);
  CHECK(p.errors > 0);
}
