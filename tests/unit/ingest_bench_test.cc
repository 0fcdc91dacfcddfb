// Ingest throughput, skipped by default (timings under the sanitizer build mean little). Run on a
// Release build: ogicheck_tests -tc="ingest throughput*" --no-skip
#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include "ogicheck/ingest.h"
#include "test_paths.h"

namespace {

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// Ingests `bytes` `rounds` times and prints CPU time per round and throughput.
void Measure(const char* what, const std::string& bytes, const char* name, int rounds) {
  const double start = CpuSeconds();
  size_t reports = 0;
  for (int i = 0; i < rounds; ++i) reports += ogicheck::IngestBytes(bytes, name).reports.size();
  const double seconds = CpuSeconds() - start;
  CHECK(reports == static_cast<size_t>(rounds));
  std::printf("%-34s %9zu bytes: %8.1f us/file, %7.1f MB/s\n", what, bytes.size(),
              seconds / rounds * 1e6, bytes.size() * rounds / seconds / 1e6);
}

// DecodeToUtf8 alone, to tell encoding detection from SourceText normalisation.
void MeasureDecode(const char* what, const std::string& bytes, int rounds) {
  const double start = CpuSeconds();
  std::string utf8, encoding;
  for (int i = 0; i < rounds; ++i) CHECK(ogicheck::DecodeToUtf8(bytes, &utf8, &encoding).ok());
  const double seconds = CpuSeconds() - start;
  std::printf("%-34s %9zu bytes: %8.1f us/file, %7.1f MB/s (decode only)\n", what, bytes.size(),
              seconds / rounds * 1e6, bytes.size() * rounds / seconds / 1e6);
}

}  // namespace

TEST_CASE("ingest throughput" * doctest::skip()) {
  using ogicheck::testing::ReadFileOrDie;
  using ogicheck::testing::SharedPath;
  const std::string seed = ReadFileOrDie(SharedPath("seeds/003_9d5918fb5c505e81.txt"));
  Measure("UTF-8 text (seed 003)", seed, "a.txt", 2000);
  Measure("crawled JSON (2023_hebei-jyt)",
          ReadFileOrDie(SharedPath("corpus/real/2023_hebei-jyt_2021.json")), "a.json", 2000);

  UErrorCode err = U_ZERO_ERROR;
  std::string gb(seed.size() * 2, '\0');
  gb.resize(ucnv_convert("GB18030", "UTF-8", gb.data(), static_cast<int32_t>(gb.size()),
                         seed.data(), static_cast<int32_t>(seed.size()), &err));
  REQUIRE(U_SUCCESS(err));
  Measure("GB18030 text (seed 003)", gb, "a.txt", 2000);
  std::string u16(seed.size() * 2 + 2, '\0');
  u16.resize(ucnv_convert("UTF-16LE", "UTF-8", u16.data() + 2, static_cast<int32_t>(u16.size() - 2),
                          seed.data(), static_cast<int32_t>(seed.size()), &err) +
             2);
  u16[0] = '\xFF', u16[1] = '\xFE';
  REQUIRE(U_SUCCESS(err));
  Measure("UTF-16LE text with BOM (seed 003)", u16, "a.txt", 2000);

  std::string big;
  while (big.size() < (50u << 20)) big += seed;
  Measure("UTF-8 text, 50 MB", big, "big.txt", 3);
  MeasureDecode("UTF-8 text, 50 MB", big, 3);
  std::string big_gb;
  while (big_gb.size() < (50u << 20)) big_gb += gb;
  Measure("GB18030 text, 50 MB", big_gb, "big.txt", 3);
  MeasureDecode("GB18030 text, 50 MB", big_gb, 3);
}
