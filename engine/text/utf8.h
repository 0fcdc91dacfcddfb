// Minimal UTF-8 helpers shared by the stages (no ICU needed for these hot loops).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ogicheck::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[*i] and advances *i. Invalid or truncated sequences yield
// kReplacement and advance by one byte, so decoding always terminates.
char32_t Next(std::string_view s, size_t* i);

// Writes the UTF-8 encoding of `cp` (1 to 4 bytes) to `out` and returns its length.
size_t Encode(char32_t cp, char* out);

// Appends the UTF-8 encoding of `cp` to `out`.
void Append(char32_t cp, std::string* out);

// Number of code points in `s`.
size_t Length(std::string_view s);

// True when the whole of `s` is well-formed UTF-8.
bool IsValid(std::string_view s);

}  // namespace ogicheck::utf8
