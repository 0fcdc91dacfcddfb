// Builds the compact stream (see stream.h). One pass over the text, one line at a time.
#include "tables/stream.h"

#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// False for most lines at the cost of a byte or two: a footer's first character after blanks is
// a dash ('-', or U+2013 / U+2014 / U+2500, all of which start with E2).
bool MayBePageFooter(const unsigned char* data, size_t pos, size_t eol) {
  while (pos < eol && (data[pos] == ' ' || data[pos] == '\t' || data[pos] == '\r')) ++pos;
  return pos < eol && (data[pos] == '-' || data[pos] == 0xE2);
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

// Bytes a kept character of a run takes when it starts with the index byte: printable ASCII
// 1, a CJK ideograph (lead byte E4..E9) 3, anything else 0 (the general path decides). One table
// look-up per character instead of two range tests.
constexpr std::array<uint8_t, 256> kKeptStep = [] {
  std::array<uint8_t, 256> t{};
  for (int b = 0x21; b < 0x80; ++b) t[b] = 1;
  for (int b = 0xE4; b <= 0xE9; ++b) t[b] = 3;
  return t;
}();

// Copies a run of kept bytes: out[k] = data[k], src[k] = first + k, meta[0] = gap, meta[k] = 0.
// Runs average some twenty bytes, too short for memcpy/memset calls and a scalar loop to pay:
// this writes whole blocks and may write up to kSlack entries past the run, which the caller's
// buffers hold and later characters overwrite. It reads no further than `readable` bytes.
constexpr size_t kSlack = 16;
void CopyRun(const unsigned char* data, size_t len, size_t readable, uint32_t first, Gap gap,
             char* out, uint32_t* src, uint8_t* meta) {
  if (len + kSlack <= readable) {
    for (size_t k = 0; k < len; k += 16) std::memcpy(out + k, data + k, 16);
  } else {
    std::memcpy(out, data, len);  // the end of the text
  }
  if (!src) return;
  for (size_t k = 0; k < len; k += 16) std::memset(meta + k, 0, 16);
  meta[0] = static_cast<uint8_t>(gap);
#if defined(__SSE2__)
  __m128i offsets =
      _mm_add_epi32(_mm_set1_epi32(static_cast<int>(first)), _mm_setr_epi32(0, 1, 2, 3));
  const __m128i four = _mm_set1_epi32(4);
  for (size_t k = 0; k < len; k += 4) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(src + k), offsets);
    offsets = _mm_add_epi32(offsets, four);
  }
#else
  for (size_t k = 0; k < len; ++k) src[k] = first + static_cast<uint32_t>(k);
#endif
}

// Writes the compact form of `text` to out (and, when src/meta are given, the map) and returns
// its length. The buffers must hold text.size() + kSlack entries: the compact form is never
// longer than the text, and CopyRun writes ahead.
// meta[i] packs the gap before out[i] (2 bits) and the length of the text character out[i]
// stands for when it replaced one (0 = kept byte).
size_t Compact(std::string_view text, bool drop_footers, char* out, uint32_t* src, uint8_t* meta) {
  Gap pending = Gap::kNone;
  size_t pos = 0, n = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    if (drop_footers && MayBePageFooter(data, pos, eol) &&
        IsPageFooter(text.substr(pos, eol - pos))) {
      pending = Gap::kBreak;
      pos = eol + 1;
      continue;
    }
    size_t i = pos;
    while (i < eol) {
      // Printable ASCII and CJK ideographs (lead bytes E4..E9), most of the text, are kept as
      // they are, byte for byte, as the general path below would keep them. A run of them is
      // copied at once: a character at a time this loop was a tenth of the parse stage.
      const size_t run = i;
      while (i < eol) {
        size_t step = kKeptStep[data[i]];
        // 。 and 、 (E3 80 82 / 81), the commonest punctuation after ，, are kept as they are too,
        // unless 、 follows a digit (1、 reads 1.). Inside a run the gap is none and the last
        // stream byte is the text byte before, which is all that rule looks at.
        if (step == 0 && data[i] == 0xE3 && i + 3 <= eol && data[i + 1] == 0x80 &&
            (data[i + 2] == 0x82 ||
             (data[i + 2] == 0x81 && i > run && !(data[i - 1] >= '0' && data[i - 1] <= '9'))))
          step = 3;
        if (step == 0 || i + step > eol) break;
        i += step;
      }
      if (i > run) {
        CopyRun(data + run, i - run, text.size() - run, static_cast<uint32_t>(run), pending,
                out + n, src ? src + n : nullptr, src ? meta + n : nullptr);
        n += i - run;
        pending = Gap::kNone;
        if (i >= eol) break;
      }
      const unsigned char b = data[i];
      if (b == ' ') {  // the commonest character outside runs (PDF text spaces its cells)
        if (pending == Gap::kNone) pending = Gap::kSpace;
        ++i;
        continue;
      }
      size_t len;
      char rep = 0;
      Kind kind;
      if (b == 0xEF && i + 3 <= eol && data[i + 1] == 0xBC && data[i + 2] == 0x8C) {
        len = 3, rep = ',', kind = Kind::kReplace;  // ，, the next commonest: as Classify says
      } else {
        len = Utf8Len(b);
        if (i + len > eol) len = 1;
        kind = Classify(data + i, len, &rep);
      }
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
  s_.resize(text.size() + kSlack);
  src_.resize(text.size() + kSlack);
  meta_.resize(text.size() + kSlack);
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
  std::string out(label.size() + kSlack, '\0');
  out.resize(Compact(label, false, out.data(), nullptr, nullptr));
  return out;
}

}  // namespace ogicheck::tables
