// DecodeToUtf8: encodings, their names, damaged input and binary data.
#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "ogicheck/ingest.h"
#include "test_paths.h"

namespace {

using ogicheck::DecodeToUtf8;
using ogicheck::ErrorCode;
using ogicheck::IngestBytes;
using ogicheck::SourceText;
using ogicheck::Status;
using ogicheck::testing::ReadFileOrDie;
using ogicheck::testing::SharedPath;

// Converts UTF-8 to `charset` with ICU directly (independent of the code under test).
std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  const int32_t size = ucnv_convert(charset, "UTF-8", nullptr, 0, utf8.data(),
                                    static_cast<int32_t>(utf8.size()), &err);
  REQUIRE((err == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(err)));
  std::string out(size, '\0');
  err = U_ZERO_ERROR;
  ucnv_convert(charset, "UTF-8", out.data(), size, utf8.data(), static_cast<int32_t>(utf8.size()),
               &err);
  REQUIRE(U_SUCCESS(err));
  return out;
}

std::vector<std::string> SeedFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(SharedPath("seeds"))) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Decoded {
  Status status;
  std::string text;
  std::string encoding;
};

Decoded Decode(std::string_view bytes) {
  Decoded d;
  d.status = DecodeToUtf8(bytes, &d.text, &d.encoding);
  return d;
}

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

const std::string kFffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("DecodeToUtf8 detects each encoding and names it") {
  struct Case {
    const char* what;
    std::string bytes;
    const char* encoding;
    std::string utf8;
  };
  const Case cases[] = {
      {"ASCII", "Hello", "UTF-8", "Hello"},
      {"UTF-8", "中文", "UTF-8", "中文"},
      {"UTF-8 with BOM", "\xEF\xBB\xBF中文", "UTF-8", "中文"},
      {"UTF-16LE with BOM", "\xFF\xFE\x2D\x4E\x87\x65", "UTF-16LE", "中文"},
      {"UTF-16BE with BOM", "\xFE\xFF\x4E\x2D\x65\x87", "UTF-16BE", "中文"},
      {"UTF-32LE with BOM", std::string("\xFF\xFE\0\0\x2D\x4E\0\0", 8), "UTF-32LE", "中"},
      {"UTF-32BE with BOM", std::string("\0\0\xFE\xFF\0\0\x4E\x2D", 8), "UTF-32BE", "中"},
      {"GBK", "\xD6\xD0\xCE\xC4", "GB18030", "中文"},
      {"GBK behind a UTF-8 BOM (mislabelled)", "\xEF\xBB\xBF\xD6\xD0\xCE\xC4", "GB18030", "中文"},
      {"GB18030 four-byte sequence (U+10000)", "\x90\x30\x81\x30", "GB18030", "\xF0\x90\x80\x80"},
      {"UTF-16LE without BOM (2021年)",
       std::string("2\0"
                   "0\0"
                   "2\0"
                   "1\0\x74\x5E",
                   10),
       "UTF-16LE", "2021年"},
      {"UTF-16BE without BOM (2021年)",
       std::string("\0"
                   "2\0"
                   "0\0"
                   "2\0"
                   "1\x5E\x74",
                   10),
       "UTF-16BE", "2021年"},
      {"UTF-8 cut inside the last character", "中文\xE4\xB8", "UTF-8", "中文" + kFffd},
      {"GB18030 cut inside the last character", "\xD6\xD0\xCE", "GB18030", "中" + kFffd},
      {"UTF-8 with one bad byte among 100 CJK characters", Repeat("中", 100) + "\xFF" + "文",
       "UTF-8", Repeat("中", 100) + kFffd + "文"},
      {"ASCII with one stray Latin-1 byte", "caf\xE9 au lait", "UTF-8", "caf" + kFffd + " au lait"},
      {"NUL padding after the text", std::string("abc\0\0\0\0", 7), "UTF-8", "abc"},
      {"a few control characters stay",
       "a\x01"
       "bcdefghijklmnopqrstuvwxyz",
       "UTF-8",
       "a\x01"
       "bcdefghijklmnopqrstuvwxyz"},
  };
  for (const Case& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    const Decoded d = Decode(c.bytes);
    REQUIRE(d.status.ok());
    CHECK(d.encoding == c.encoding);
    CHECK(d.text == c.utf8);
  }
}

TEST_CASE("DecodeToUtf8 refuses empty input and binary data with a clear message") {
  struct Case {
    const char* what;
    std::string bytes;
    ErrorCode code;
    const char* message;
  };
  const Case cases[] = {
      {"empty", "", ErrorCode::kEmpty, "empty input"},
      {"only a UTF-8 BOM", "\xEF\xBB\xBF", ErrorCode::kEmpty,
       "empty input (only a byte order mark)"},
      {"only a UTF-16 BOM", "\xFF\xFE", ErrorCode::kEmpty, "empty input (only a byte order mark)"},
      {"control bytes", std::string("\0\x01\x02\x03\x04\x05", 6), ErrorCode::kEncoding,
       "binary data, not text (6 control bytes in 6 bytes)"},
      {"only NULs", std::string(16, '\0'), ErrorCode::kEncoding,
       "binary data, not text (only NUL bytes)"},
      {"PNG signature and header", std::string("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR\0\0\0\x10", 20),
       ErrorCode::kEncoding, "binary data, not text (8 control bytes in 20 bytes)"},
      {"bytes that are neither UTF-8 nor GB18030", Repeat("\x80\xFF", 64), ErrorCode::kEncoding,
       "not text in a supported encoding (UTF-8, UTF-16, GB18030): 128 byte sequences invalid as "
       "UTF-8 and 128 invalid as GB18030 in 128 bytes"},
  };
  for (const Case& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    const Decoded d = Decode(c.bytes);
    CHECK(d.status.code() == c.code);
    CHECK(d.status.message() == c.message);
    CHECK(d.text.empty());
    CHECK(d.encoding.empty());
  }
}

TEST_CASE("DecodeToUtf8 refuses random binary data of every size without crashing") {
  std::mt19937 rng(20240229);
  for (size_t size : {64u, 256u, 4096u, 65536u, 1u << 20}) {
    for (int round = 0; round < 8; ++round) {
      std::string bytes(size, '\0');
      for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
      CAPTURE(size);
      CAPTURE(round);
      const Decoded d = Decode(bytes);
      CHECK(d.status.code() == ErrorCode::kEncoding);
    }
  }
}

TEST_CASE(
    "Every seed reads the same in GB18030, UTF-16 (with and without BOM), UTF-32 and UTF-8 with "
    "BOM") {
  const std::vector<std::string> seeds = SeedFiles();
  REQUIRE(seeds.size() == 5);
  struct Form {
    const char* charset;
    const char* bom;
    size_t bom_size;
    const char* encoding;
  };
  const Form forms[] = {
      {"GB18030", "", 0, "GB18030"},
      {"UTF-16LE", "\xFF\xFE", 2, "UTF-16LE"},
      {"UTF-16BE", "\xFE\xFF", 2, "UTF-16BE"},
      {"UTF-16LE", "", 0, "UTF-16LE"},
      {"UTF-16BE", "", 0, "UTF-16BE"},
      {"UTF-32LE", "\xFF\xFE\0\0", 4, "UTF-32LE"},
      {"UTF-32BE", "\0\0\xFE\xFF", 4, "UTF-32BE"},
      {"UTF-8", "\xEF\xBB\xBF", 3, "UTF-8"},
      {"UTF-8", "", 0, "UTF-8"},
  };
  for (const std::string& path : seeds) {
    CAPTURE(path);
    const std::string utf8 = ReadFileOrDie(path);
    const std::string expected = SourceText::FromUtf8(utf8).text();
    for (const Form& form : forms) {
      const std::string charset = form.charset;
      CAPTURE(charset);
      CAPTURE(form.bom_size);
      const std::string bytes = std::string(form.bom, form.bom_size) + Encode(utf8, form.charset);
      const Decoded d = Decode(bytes);
      REQUIRE(d.status.ok());
      CHECK(d.encoding == form.encoding);
      CHECK(d.text == utf8);  // byte for byte, BOM removed
      const auto result = IngestBytes(bytes, "seed.txt");
      REQUIRE(result.errors.empty());
      REQUIRE(result.reports.size() == 1);
      CHECK(result.reports[0].encoding == form.encoding);
      CHECK(result.reports[0].reader == "text");
      CHECK(result.reports[0].text.text() == expected);
    }
  }
}

TEST_CASE("A seed cut inside its last character stays UTF-8 with one replacement character") {
  const std::string utf8 = ReadFileOrDie(SharedPath("seeds/000_9909074d9dbf99ca.txt"));
  // Append 中 (E4 B8 AD) without its last byte.
  const Decoded d = Decode(utf8 + "\xE4\xB8");
  REQUIRE(d.status.ok());
  CHECK(d.encoding == "UTF-8");
  CHECK(d.text == utf8 + kFffd);
}

TEST_CASE("A seed with 1 bad byte in 500 stays UTF-8") {
  std::string damaged = ReadFileOrDie(SharedPath("seeds/004_f92f5a134582c4f9.txt"));
  std::string expected;
  // Every 500th byte that starts a CJK character becomes 0xFF: one U+FFFD per damaged byte,
  // followed by the character's two continuation bytes, each its own U+FFFD.
  size_t damaged_count = 0;
  for (size_t i = 0; i < damaged.size(); i += 500) {
    while (i < damaged.size() && static_cast<unsigned char>(damaged[i]) != 0xE4) ++i;
    if (i >= damaged.size()) break;
    damaged[i] = '\xFF';
    ++damaged_count;
  }
  REQUIRE(damaged_count > 20);
  const Decoded d = Decode(damaged);
  REQUIRE(d.status.ok());
  CHECK(d.encoding == "UTF-8");
  size_t replacements = 0;
  for (size_t pos = d.text.find(kFffd); pos != std::string::npos;
       pos = d.text.find(kFffd, pos + 3)) {
    ++replacements;
  }
  CHECK(replacements == 3 * damaged_count);
}

TEST_CASE("Full-width digits in a GB18030 file normalise to ASCII") {
  const std::string gb = Encode("本年度共收到申请１２３件，占３３．９％。", "GB18030");
  const auto result = IngestBytes(gb, "report.txt");
  REQUIRE(result.reports.size() == 1);
  CHECK(result.reports[0].encoding == "GB18030");
  CHECK(result.reports[0].text.text() == "本年度共收到申请123件，占33.9%。");
}
