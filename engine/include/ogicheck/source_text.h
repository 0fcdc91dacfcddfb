// SourceText: the normalised text of one report plus a map from every byte of the normalised
// text back to the line and column of the original (decoded) text.
//
// Normalisation (see docs/design.md): full-width ASCII variants (digits, letters, brackets,
// %, +, -, ., /, <, >, =) become ASCII; CJK punctuation such as ，、；：。！？ and the ideographic
// space U+3000 are kept; CR LF and CR become LF; NUL and other C0 controls except TAB and LF are
// dropped. Every other code point is kept as is, so offsets into text() are stable for parsing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ogicheck {

// A half-open byte range [begin, end) in SourceText::text().
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin >= end; }
  bool operator==(const Span&) const = default;
};

// A position in the original document. line and column are 1-based; column counts Unicode code
// points in the original line. page is 1-based for paged inputs (PDF), 0 when not applicable.
// element is a path such as "body/table[2]/tr[5]/td[3]" for structured inputs (HTML, DOCX).
struct SourcePos {
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t page = 0;
  std::string element;
};

// The text SourceText::FromUtf8(utf8).text() holds, without the position map: for labels and
// keys compared with normalised text.
std::string NormaliseWidth(std::string_view utf8);

class SourceText {
 public:
  SourceText() = default;

  // Normalises `original` (valid UTF-8; invalid sequences become U+FFFD) and builds the map.
  static SourceText FromUtf8(std::string_view original);
  // The same, keeping `original` itself (for PosOf) instead of a copy of it: for readers that
  // decoded the text into a string of their own.
  static SourceText FromOwnedUtf8(std::string original);

  const std::string& text() const { return text_; }
  std::string_view Slice(Span span) const;

  // Position in the original text of the normalised byte `offset` (clamped to the text).
  SourcePos PosOf(uint32_t offset) const;

  // Readers of paged or structured inputs record where pages or elements start, in normalised
  // offsets; PosOf then fills SourcePos::page / element. Offsets must be added in increasing order.
  void AddPageStart(uint32_t offset, uint32_t page);
  void AddElementStart(uint32_t offset, std::string element_path);

  // The normalised offset of the first byte produced from original byte `original_offset` or
  // later (text().size() past the end). Lets readers that build the original text themselves
  // register page and element starts by where they wrote them.
  uint32_t NormalisedOffset(uint32_t original_offset) const;

  size_t original_size() const { return original_size_; }

 private:
  // The byte offset in the original of the code point that produced text_[offset] (or
  // original_size_ for the end of the text).
  uint32_t OriginalOffset(uint32_t offset) const;

  std::string text_;
  // The map from text_ back to the original, as the points where it changes kind: from an
  // anchor with `copied` set up to the next anchor, text_ is a byte-for-byte copy of well-formed
  // code points of the original; an anchor without it is one code point (or CR LF) that
  // normalisation changed or dropped. Most of a report is copied, so this holds at most two
  // entries per changed code point instead of four bytes per byte of text (building that per-byte map was most of
  // FromUtf8's time, and PosOf, which reads it, runs only for findings).
  struct Anchor {
    uint32_t text = 0;      // offset in text_
    uint32_t original = 0;  // offset in the original
    bool copied = false;
  };
  std::vector<Anchor> anchors_;
  // Byte offsets of line starts in the original, and the original itself for column counting.
  std::vector<uint32_t> line_starts_;
  // (original offset of a code point, its 0-based column) about every kColumnMarkEvery bytes, so
  // that PosOf counts code points from a nearby mark instead of from the start of a long line.
  static constexpr size_t kColumnMarkEvery = 64;
  std::vector<std::pair<uint32_t, uint32_t>> column_marks_;
  std::string original_;
  size_t original_size_ = 0;
  std::vector<std::pair<uint32_t, uint32_t>> pages_;            // (offset, page)
  std::vector<std::pair<uint32_t, std::string>> elements_;      // (offset, path)
};

}  // namespace ogicheck
