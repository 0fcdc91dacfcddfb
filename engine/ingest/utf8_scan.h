// UTF-8 well-formedness scan and repair for encoding detection (no ICU: this is the hot path,
// since almost every input is UTF-8 and is only validated, never converted).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ogicheck::ingest {

struct Utf8Scan {
  size_t invalid = 0;           // maximal ill-formed subparts, not counting a truncated tail
  bool truncated_tail = false;  // the input ends inside a sequence that was well-formed so far
  size_t multibyte = 0;         // well-formed sequences of 2 to 4 bytes
  bool valid() const { return invalid == 0 && !truncated_tail; }
};

// Scans `s` as UTF-8 (Unicode's definition: no overlongs, surrogates or code points above
// U+10FFFF).
Utf8Scan ScanUtf8(std::string_view s);

// Copies `s` to *out, replacing every maximal ill-formed subpart with one U+FFFD (the practice
// Unicode recommends and ICU follows), so the output is always well-formed.
void RepairUtf8(std::string_view s, std::string* out);

}  // namespace ogicheck::ingest
