// The compact stream the table extractor works on: the normalised text with all whitespace
// removed, page-footer lines ("-3-", "— 5 —") dropped, and quotes / CJK punctuation unified, so a
// label wrapped over several lines, split one character per line or printed with stray spaces
// reads the same as in the schema. Every stream byte maps back to a byte range of
// SourceText::text(), and remembers whether whitespace preceded it (cell boundaries).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ogicheck/source_text.h"

namespace ogicheck::tables {

enum class Gap : uint8_t { kNone = 0, kSpace = 1, kBreak = 2 };  // kBreak: newline, TAB, U+3000

class Stream {
 public:
  // Builds the stream of the whole text in one pass.
  static Stream Build(std::string_view text);
  // Same, reusing this Stream's buffers (one per thread saves an allocation per report).
  void Rebuild(std::string_view text);

  const std::string& str() const { return s_; }
  size_t size() const { return s_.size(); }
  Gap gap(size_t i) const { return static_cast<Gap>(meta_[i] & 3); }
  // Text span of the stream range [begin, end).
  Span TextSpan(size_t begin, size_t end) const;
  uint32_t TextOffset(size_t i) const { return i < src_.size() ? src_[i] : text_size_; }

 private:
  std::string s_;
  std::vector<uint32_t> src_;  // text offset of the character that produced s_[i]
  std::vector<uint8_t> meta_;  // gap before s_[i] (bits 0-1); length of a replaced character (2-7)
  uint32_t text_size_ = 0;
};

// A label in the form the stream has: whitespace removed and characters unified as in Build.
std::string CompactLabel(std::string_view label);

}  // namespace ogicheck::tables
