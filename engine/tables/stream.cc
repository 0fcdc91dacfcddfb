// Builds the compact stream (see stream.h). One pass over the text, one line at a time.
#include "tables/stream.h"

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

// Replacement for a multi-byte character, or nullptr to keep it. Quotes become '"'; CJK
// punctuation that SourceText keeps becomes ASCII so labels compare whatever the source used.
const char* Unify(std::string_view c) {
  if (c == "\xE2\x80\x9C" || c == "\xE2\x80\x9D" || c == "\xE2\x80\x98" || c == "\xE2\x80\x99" ||
      c == "\xEF\xBC\x82" || c == "\xE3\x80\x8C" || c == "\xE3\x80\x8D")
    return "\"";
  if (c == "\xEF\xBC\x8C") return ",";  // ，
  if (c == "\xEF\xBC\x9A") return ":";  // ：
  if (c == "\xEF\xBC\x9B") return ";";  // ；
  if (c == "\xEF\xBC\x88") return "(";  // （
  if (c == "\xEF\xBC\x89") return ")";  // ）
  if (c == "\xEF\xBC\x8E") return ".";  // ．
  return nullptr;
}

size_t Utf8Len(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b >> 5) == 0x6) return 2;
  if ((b >> 4) == 0xE) return 3;
  if ((b >> 3) == 0x1E) return 4;
  return 1;
}

void Append(std::string_view text, bool drop_footers, std::string* out,
            std::vector<uint32_t>* src, std::vector<uint32_t>* src_end, std::vector<uint8_t>* gaps) {
  Gap pending = Gap::kNone;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (drop_footers && IsPageFooter(line)) {
      pending = Gap::kBreak;
      pos = eol + 1;
      continue;
    }
    size_t i = 0;
    while (i < line.size()) {
      const unsigned char b = static_cast<unsigned char>(line[i]);
      size_t len = Utf8Len(b);
      if (i + len > line.size()) len = 1;
      std::string_view c = line.substr(i, len);
      if (c == " " || c == "\r" || c == "\xC2\xA0") {
        if (pending == Gap::kNone) pending = Gap::kSpace;
      } else if (c == "\t" || c == "\xE3\x80\x80") {
        pending = Gap::kBreak;
      } else {
        const char* rep = Unify(c);
        std::string_view put = rep ? std::string_view(rep) : c;
        // 1、 numbering (2021 （六） rows in some reports) reads as 1.
        if (c == "\xE3\x80\x81" && !out->empty() && out->back() >= '0' && out->back() <= '9' &&
            pending == Gap::kNone)
          put = ".";
        const uint32_t begin = static_cast<uint32_t>(pos + i);
        for (size_t k = 0; k < put.size(); ++k) {
          out->push_back(put[k]);
          // a replaced character maps as a whole; a kept one byte by byte
          src->push_back(rep || put.size() != c.size() ? begin : begin + static_cast<uint32_t>(k));
          src_end->push_back(rep || put.size() != c.size() ? begin + static_cast<uint32_t>(len)
                                                           : begin + static_cast<uint32_t>(k) + 1);
          gaps->push_back(static_cast<uint8_t>(k == 0 ? pending : Gap::kNone));
        }
        pending = Gap::kNone;
      }
      i += len;
    }
    pending = Gap::kBreak;  // end of line
    pos = eol + 1;
  }
}

}  // namespace

Stream Stream::Build(std::string_view text) {
  Stream st;
  st.text_size_ = static_cast<uint32_t>(text.size());
  st.s_.reserve(text.size());
  st.src_.reserve(text.size());
  st.src_end_.reserve(text.size());
  st.gap_.reserve(text.size());
  Append(text, true, &st.s_, &st.src_, &st.src_end_, &st.gap_);
  return st;
}

Span Stream::TextSpan(size_t begin, size_t end) const {
  if (begin >= end || begin >= s_.size()) return Span{};
  if (end > s_.size()) end = s_.size();
  return Span{src_[begin], src_end_[end - 1]};
}

std::string CompactLabel(std::string_view label) {
  std::string out;
  std::vector<uint32_t> a, b;
  std::vector<uint8_t> g;
  Append(label, false, &out, &a, &b, &g);
  return out;
}

}  // namespace ogicheck::tables
