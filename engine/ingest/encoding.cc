// Encoding detection: byte order marks, then UTF-16 without a BOM (from where the NUL bytes
// fall), then UTF-8, then GB18030 (a superset of GBK and GB2312, what Chinese government sites
// publish when they do not publish UTF-8). Binary data is refused rather than decoded into
// nonsense that the parser would then try to read.
#include <algorithm>
#include <cstdint>
#include <string>

#include "ingest/byte_counts.h"
#include "ingest/icu_convert.h"
#include "ingest/utf8_scan.h"
#include "ogicheck/ingest.h"
#include "text/utf8.h"

namespace ogicheck {
namespace {

using ingest::ConvertToUtf8;
using ingest::RepairUtf8;
using ingest::ScanUtf8;
using ingest::Utf8Scan;

// How much of the input the UTF-16 sniffer looks at.
constexpr size_t kSniffBytes = 64 * 1024;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// A few stray control characters happen in pasted text; binary data has them everywhere.
bool TooManyControls(size_t controls, size_t size) {
  return controls * 10 > size || (controls > 4 && controls * 100 > size);
}

Status BinaryError(size_t controls, size_t size) {
  return Status::Error(ErrorCode::kEncoding, "binary data, not text (" + std::to_string(controls) +
                                                 " control bytes in " + std::to_string(size) +
                                                 " bytes)");
}

// Decoding errors a real document in that encoding may still have: one truncated character at
// the end, plus about one in a hundred characters.
bool FewErrors(size_t errors, size_t characters) { return errors <= 1 + characters / 100; }

// Decodes bytes known (from a BOM or NUL pattern) to be UTF-16 or UTF-32.
Status DecodeUnicode(std::string_view bytes, const char* charset, std::string* utf8,
                     std::string* encoding) {
  if (bytes.empty())
    return Status::Error(ErrorCode::kEmpty, "empty input (only a byte order mark)");
  size_t errors = 0;
  Status status = ConvertToUtf8(bytes, charset, utf8, &errors);
  if (!status.ok()) return status;
  const size_t unit = StartsWith(charset, "UTF-32") ? 4 : 2;
  if (!FewErrors(errors, bytes.size() / unit)) {
    utf8->clear();
    return Status::Error(ErrorCode::kEncoding,
                         std::string("not valid ") + charset + " (" + std::to_string(errors) +
                             " invalid sequences in " + std::to_string(bytes.size()) + " bytes)");
  }
  // In UTF-8 every byte below 0x20 is a control character, so the output can be counted as is.
  const size_t controls = ingest::CountStrayControlBytes(*utf8);
  if (TooManyControls(controls, bytes.size() / unit)) {
    utf8->clear();
    return BinaryError(controls, bytes.size());
  }
  *encoding = charset;
  return Status::Ok();
}

// UTF-16 without a BOM: ASCII characters (digits, spaces, line ends) put a NUL in every other
// byte, on the odd side for little endian. CJK text has few NULs of its own (U+4E00 一 has
// one), so the NULs must lean strongly to one side.
const char* SniffUtf16(std::string_view bytes) {
  const size_t n = std::min(bytes.size(), kSniffBytes) & ~size_t{1};
  if (n < 4) return nullptr;
  const auto [even, odd] = ingest::CountNulBytes(bytes.substr(0, n));
  const size_t pairs = n / 2;
  if (odd >= 2 && odd * 50 >= pairs && odd >= 3 * even) return "UTF-16LE";
  if (even >= 2 && even * 50 >= pairs && even >= 3 * odd) return "UTF-16BE";
  return nullptr;
}

// Code points that documents are made of: ASCII text, Latin, Greek and Cyrillic letters,
// punctuation and symbols, CJK (with kana and hangul) and the full-width forms.
bool IsCommonCodePoint(char32_t cp) {
  if (cp < 0x80) return cp >= 0x20 ? cp != 0x7F : (cp == '\t' || cp == '\n' || cp == '\r');
  return (cp >= 0xA0 && cp <= 0x52F) || (cp >= 0x2000 && cp <= 0x2BFF) ||
         (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFFEF);
}

// True when nearly all code points of `utf8` are common ones. Binary data read as UTF-16 lands
// all over the code space (a third of it outside these ranges), so this tells a guess that
// decoded from one that merely did not fail.
bool LooksLikeDocumentText(std::string_view utf8) {
  size_t total = 0, uncommon = 0;
  for (size_t i = 0; i < utf8.size();) {
    uncommon += !IsCommonCodePoint(utf8::Next(utf8, &i));
    ++total;
  }
  return uncommon * 20 <= total;
}

// Non-ASCII code points in well-formed UTF-8: the lead bytes.
size_t CountNonAsciiCharacters(std::string_view utf8) {
  size_t count = 0;
  for (unsigned char c : utf8) count += c >= 0xC0;
  return count;
}

Status DecodeWithoutBom(std::string_view bytes, std::string* utf8, std::string* encoding) {
  if (const char* utf16 = SniffUtf16(bytes)) {
    std::string decoded, name;
    if (DecodeUnicode(bytes, utf16, &decoded, &name).ok() && LooksLikeDocumentText(decoded)) {
      *utf8 = std::move(decoded);
      *encoding = std::move(name);
      return Status::Ok();
    }
  }
  // Some tools pad text files with NULs up to a block size.
  while (!bytes.empty() && bytes.back() == '\0') bytes.remove_suffix(1);
  if (bytes.empty())
    return Status::Error(ErrorCode::kEncoding, "binary data, not text (only NUL bytes)");
  const size_t controls = ingest::CountStrayControlBytes(bytes);
  if (TooManyControls(controls, bytes.size())) return BinaryError(controls, bytes.size());

  const Utf8Scan scan = ScanUtf8(bytes);
  if (scan.valid()) {
    utf8->assign(bytes);
    *encoding = "UTF-8";
    return Status::Ok();
  }
  // GB18030 accepts most UTF-8 byte pairs, so a UTF-8 file with a cut-off last character or a
  // stray bad byte must stay UTF-8. GBK text, in turn, is almost never valid UTF-8: its lead
  // bytes are rarely followed by UTF-8 continuation bytes, so it fails on a large share of its
  // characters.
  if (scan.invalid * 100 <= scan.multibyte) {
    RepairUtf8(bytes, utf8);
    *encoding = "UTF-8";
    return Status::Ok();
  }
  size_t gb_errors = 0;
  Status status = ConvertToUtf8(bytes, "GB18030", utf8, &gb_errors);
  if (!status.ok()) return status;
  // GB18030 must have decoded some real characters, and few errors beside them.
  const size_t gb_characters = CountNonAsciiCharacters(*utf8);
  const size_t gb_good = gb_characters > gb_errors ? gb_characters - gb_errors : 0;
  if (gb_good > 0 && FewErrors(gb_errors, gb_good)) {
    *encoding = "GB18030";
    return Status::Ok();
  }
  // Neither fits well. A file that is text apart from a few damaged bytes (say, one stray
  // Latin-1 byte in ASCII) is more useful read as UTF-8 with replacement characters than refused.
  if (FewErrors(scan.invalid, bytes.size())) {
    RepairUtf8(bytes, utf8);
    *encoding = "UTF-8";
    return Status::Ok();
  }
  utf8->clear();
  return Status::Error(ErrorCode::kEncoding,
                       "not text in a supported encoding (UTF-8, UTF-16, GB18030): " +
                           std::to_string(scan.invalid + scan.truncated_tail) +
                           " byte sequences invalid as UTF-8 and " + std::to_string(gb_errors) +
                           " invalid as GB18030 in " + std::to_string(bytes.size()) + " bytes");
}

}  // namespace

Status DecodeToUtf8(std::string_view bytes, std::string* utf8, std::string* encoding) {
  utf8->clear();
  encoding->clear();
  if (bytes.empty()) return Status::Error(ErrorCode::kEmpty, "empty input");
  // UTF-32 first: its little-endian BOM begins with the UTF-16LE one.
  if (StartsWith(bytes, std::string_view("\xFF\xFE\0\0", 4))) {
    return DecodeUnicode(bytes.substr(4), "UTF-32LE", utf8, encoding);
  }
  if (StartsWith(bytes, std::string_view("\0\0\xFE\xFF", 4))) {
    return DecodeUnicode(bytes.substr(4), "UTF-32BE", utf8, encoding);
  }
  if (StartsWith(bytes, "\xFF\xFE"))
    return DecodeUnicode(bytes.substr(2), "UTF-16LE", utf8, encoding);
  if (StartsWith(bytes, "\xFE\xFF"))
    return DecodeUnicode(bytes.substr(2), "UTF-16BE", utf8, encoding);
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    // A UTF-8 BOM is almost always right, but the same detection runs on what follows so that
    // a mislabelled file is still read in its real encoding.
    bytes.remove_prefix(3);
    if (bytes.empty())
      return Status::Error(ErrorCode::kEmpty, "empty input (only a byte order mark)");
  }
  return DecodeWithoutBom(bytes, utf8, encoding);
}

}  // namespace ogicheck
