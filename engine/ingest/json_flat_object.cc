// The flat JSON object scanner; see json_flat_object.h.
#include "ingest/json_flat_object.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace ogicheck::ingest {
namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;

// JSON's white space (RFC 8259; also what nlohmann skips).
bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t SkipSpace(std::string_view s, size_t i) {
  while (i < s.size() && IsJsonSpace(s[i])) ++i;
  return i;
}

// The first offset at or after `i` whose byte ends a run of plain string bytes: a quote, a
// backslash or a control byte (which JSON strings may not hold raw); s.size() if none.
size_t PlainStringRun(std::string_view s, size_t i) {
  const size_t n = s.size();
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    const uint64_t quote = word ^ (kOnes * '"'), backslash = word ^ (kOnes * '\\');
    // Each term's lowest set bit is exact (bits above it may be false hits), so the lowest set
    // bit of their union is the first stop byte.
    const uint64_t hits = ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) |
                          ((word - kOnes * 0x20) & ~word);
    if (hits & kHighs) {
      if constexpr (std::endian::native == std::endian::little)
        return i + static_cast<size_t>(__builtin_ctzll(hits & kHighs)) / 8;
      break;
    }
  }
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\' || c < 0x20) return i;
  }
  return n;
}

bool IsSimpleEscape(char c) {
  return c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' ||
         c == 't';
}

// Reads the string whose opening quote is at s[*i]; on success *i is past the closing quote.
bool ReadString(std::string_view s, size_t* i, std::string_view* value, bool* escaped) {
  const size_t begin = *i + 1;
  size_t at = begin;
  *escaped = false;
  for (;;) {
    at = PlainStringRun(s, at);
    if (at >= s.size()) return false;
    if (s[at] == '"') break;
    if (s[at] != '\\' || at + 1 >= s.size() || !IsSimpleEscape(s[at + 1])) return false;
    *escaped = true;
    at += 2;
  }
  *value = s.substr(begin, at - begin);
  *i = at + 1;
  return true;
}

}  // namespace

bool ScanFlatStringObject(std::string_view text, std::vector<JsonStringField>* fields) {
  fields->clear();
  size_t i = SkipSpace(text, 0);
  if (i >= text.size() || text[i] != '{') return false;
  i = SkipSpace(text, i + 1);
  if (i < text.size() && text[i] == '}') return SkipSpace(text, i + 1) == text.size();
  for (;;) {
    JsonStringField field;
    bool key_escaped = false;
    if (i >= text.size() || text[i] != '"' || !ReadString(text, &i, &field.key, &key_escaped) ||
        key_escaped)
      return false;
    i = SkipSpace(text, i);
    if (i >= text.size() || text[i] != ':') return false;
    i = SkipSpace(text, i + 1);
    if (i >= text.size() || text[i] != '"' || !ReadString(text, &i, &field.value, &field.escaped))
      return false;
    fields->push_back(field);
    i = SkipSpace(text, i);
    if (i >= text.size()) return false;
    if (text[i] == '}') return SkipSpace(text, i + 1) == text.size();
    if (text[i] != ',') return false;
    i = SkipSpace(text, i + 1);
  }
}

std::string UnescapeJson(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    const size_t slash = value.find('\\', i);
    out.append(value.substr(i, slash - i));
    if (slash == std::string_view::npos || slash + 1 >= value.size()) break;
    i = slash + 1;
    switch (value[i]) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      default: out += value[i];  // " \ /
    }
  }
  return out;
}

}  // namespace ogicheck::ingest
