// Builds the compact stream (see stream.h). One pass over the text, one line at a time.
#include "tables/stream.h"

#include <cstring>

namespace ogicheck::tables {
namespace {

bool IsDash(std::string_view s, size_t i, size_t* len) {
  // "-", "–" (U+2013), "—" (U+2014), "─" (U+2500)
  if (s[i] == '-') return *len = 1, true;
  if (s.compare(i, 3, "\xE2\x80\x93") == 0) return *len = 3, true;
  if (s.compare(i, 3, "\xE2\x80\x94") == 0) return *len = 3, true;
  if (s.compare(i, 3, "\xE2\x94\x80") == 0) return *len = 3, true;
  return false;
}

// A line that holds nothing but a page number between dashes: "-3-", "— 5 —", "- 12 -".
bool IsPageFooter(std::string_view line) {
  size_t i = 0, n = line.size();
  auto skip_space = [&] {
    while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
  };
  skip_space();
  size_t len = 0, dashes = 0;
  while (i < n && IsDash(line, i, &len)) i += len, ++dashes;
  if (dashes == 0) return false;
  skip_space();
  size_t digits = 0;
  while (i < n && line[i] >= '0' && line[i] <= '9') ++i, ++digits;
  if (digits == 0 || digits > 3) return false;
  skip_space();
  dashes = 0;
  while (i < n && IsDash(line, i, &len)) i += len, ++dashes;
  if (dashes == 0) return false;
  skip_space();
  return i == n;
}

size_t Utf8Len(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b >> 5) == 0x6) return 2;
  if ((b >> 4) == 0xE) return 3;
  if ((b >> 3) == 0x1E) return 4;
  return 1;
}

enum class Kind { kKeep, kSpace, kBreak, kReplace };

// Classifies the character at line[i] (of `len` bytes) by its bytes, without string compares:
// this runs once per character of every report. Quotes become '"'; CJK punctuation that
// SourceText keeps becomes ASCII so that labels compare whatever the source used.
Kind Classify(const unsigned char* c, size_t len, char* rep) {
  if (len == 1) {
    if (c[0] == ' ' || c[0] == '\r') return Kind::kSpace;
    if (c[0] == '\t') return Kind::kBreak;
    return Kind::kKeep;
  }
  if (len == 2) return c[0] == 0xC2 && c[1] == 0xA0 ? Kind::kSpace : Kind::kKeep;
  if (len != 3) return Kind::kKeep;
  if (c[0] == 0xE3 && c[1] == 0x80) {
    if (c[2] == 0x80) return Kind::kBreak;                                // U+3000
    if (c[2] == 0x8C || c[2] == 0x8D) return *rep = '"', Kind::kReplace;  // 「」
    return Kind::kKeep;
  }
  if (c[0] == 0xE2 && c[1] == 0x80 &&
      (c[2] == 0x98 || c[2] == 0x99 || c[2] == 0x9C || c[2] == 0x9D))
    return *rep = '"', Kind::kReplace;  // ‘’“”
  if (c[0] == 0xEF && c[1] == 0xBC) {
    switch (c[2]) {
      case 0x8C:
        return *rep = ',', Kind::kReplace;  // ，
      case 0x9A:
        return *rep = ':', Kind::kReplace;  // ：
      case 0x9B:
        return *rep = ';', Kind::kReplace;  // ；
      case 0x88:
        return *rep = '(', Kind::kReplace;  // （
      case 0x89:
        return *rep = ')', Kind::kReplace;  // ）
      case 0x8E:
        return *rep = '.', Kind::kReplace;  // ．
      case 0x82:
        return *rep = '"', Kind::kReplace;  // ＂
      default:
        return Kind::kKeep;
    }
  }
  return Kind::kKeep;
}

bool IsIdeographicComma(const unsigned char* c, size_t len) {
  return len == 3 && c[0] == 0xE3 && c[1] == 0x80 && c[2] == 0x81;  // 、
}

// Writes the compact form of `text` to out (and, when src/meta are given, the map) and returns
// its length. The buffers must hold text.size() bytes: the compact form is never longer.
// meta[i] packs the gap before out[i] (2 bits) and the length of the text character out[i]
// stands for when it replaced one (0 = kept byte).
size_t Compact(std::string_view text, bool drop_footers, char* out, uint32_t* src, uint8_t* meta) {
  Gap pending = Gap::kNone;
  size_t pos = 0, n = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    if (drop_footers && IsPageFooter(text.substr(pos, eol - pos))) {
      pending = Gap::kBreak;
      pos = eol + 1;
      continue;
    }
    size_t i = pos;
    while (i < eol) {
      const unsigned char b = data[i];
      if (b > ' ' && b < 0x80) {  // the common ASCII case
        out[n] = static_cast<char>(b);
        if (src) src[n] = static_cast<uint32_t>(i), meta[n] = static_cast<uint8_t>(pending);
        ++n, ++i;
        pending = Gap::kNone;
        continue;
      }
      // CJK ideographs (lead bytes E4..E9), most of the text, are kept as they are: the general
      // path below would copy them the same way.
      if (b >= 0xE4 && b <= 0xE9 && i + 3 <= eol) {
        std::memcpy(out + n, data + i, 3);
        if (src) {
          src[n] = static_cast<uint32_t>(i), src[n + 1] = src[n] + 1, src[n + 2] = src[n] + 2;
          meta[n] = static_cast<uint8_t>(pending), meta[n + 1] = meta[n + 2] = 0;
        }
        n += 3, i += 3;
        pending = Gap::kNone;
        continue;
      }
      size_t len = Utf8Len(b);
      if (i + len > eol) len = 1;
      char rep = 0;
      const Kind kind = Classify(data + i, len, &rep);
      if (kind == Kind::kSpace) {
        if (pending == Gap::kNone) pending = Gap::kSpace;
      } else if (kind == Kind::kBreak) {
        pending = Gap::kBreak;
      } else {
        // 1、 numbering (2021 （六） rows in some reports) reads as 1.
        if (kind == Kind::kKeep && pending == Gap::kNone && IsIdeographicComma(data + i, len) &&
            n > 0 && out[n - 1] >= '0' && out[n - 1] <= '9')
          rep = '.';
        if (rep) {
          out[n] = rep;
          if (src)
            src[n] = static_cast<uint32_t>(i),
            meta[n] = static_cast<uint8_t>(static_cast<uint8_t>(pending) | (len << 2));
          ++n;
        } else {
          for (size_t k = 0; k < len; ++k, ++n) {
            out[n] = static_cast<char>(data[i + k]);
            if (src)
              src[n] = static_cast<uint32_t>(i + k),
              meta[n] = static_cast<uint8_t>(k == 0 ? pending : Gap::kNone);
          }
        }
        pending = Gap::kNone;
      }
      i += len;
    }
    pending = Gap::kBreak;  // end of line
    pos = eol + 1;
  }
  return n;
}

}  // namespace

Stream Stream::Build(std::string_view text) {
  Stream st;
  st.Rebuild(text);
  return st;
}

void Stream::Rebuild(std::string_view text) {
  text_size_ = static_cast<uint32_t>(text.size());
  // resize keeps the capacity of an earlier text, so a reused Stream allocates nothing.
  s_.resize(text.size());
  src_.resize(text.size());
  meta_.resize(text.size());
  const size_t n = Compact(text, true, s_.data(), src_.data(), meta_.data());
  s_.resize(n);
  src_.resize(n);
  meta_.resize(n);
}

Span Stream::TextSpan(size_t begin, size_t end) const {
  if (begin >= end || begin >= s_.size()) return Span{};
  if (end > s_.size()) end = s_.size();
  const uint8_t replaced = meta_[end - 1] >> 2;
  return Span{src_[begin], src_[end - 1] + (replaced ? replaced : 1u)};
}

std::string CompactLabel(std::string_view label) {
  std::string out(label.size(), '\0');
  out.resize(Compact(label, false, out.data(), nullptr, nullptr));
  return out;
}

}  // namespace ogicheck::tables
