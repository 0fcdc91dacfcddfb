// Byte counts that encoding detection takes over whole files, sixteen (SSE2) or eight bytes at
// a time: nearly every word of a text file has neither a NUL nor a control byte, and a
// byte-by-byte count of both was a fifth of the ingest stage once reading and normalising had
// been made cheaper.
#pragma once

#include <cstddef>
#include <string_view>

namespace ogicheck::ingest {

// C0 control bytes that text files do not contain: below 0x20, except TAB, LF, VT, FF, CR and ESC.
size_t CountStrayControlBytes(std::string_view s);

// NUL bytes at even and at odd offsets of `s`.
struct NulCounts {
  size_t even = 0;
  size_t odd = 0;
};
NulCounts CountNulBytes(std::string_view s);

}  // namespace ogicheck::ingest
