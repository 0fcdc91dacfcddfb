// Finding row labels in the compact stream: exact label, then known variants, then the label
// interrupted by the row's own numbers (pdftotext -layout prints a wrapped label's second line
// after the numbers: "（二）部分公开（…只计这一情 447 7 … 454 形，不计其他情形）").
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ogicheck/table.h"
#include "tables/stream.h"

namespace ogicheck::tables {

// Stream ranges already taken by a label; a later (shorter) label may not overlap them.
class Claims {
 public:
  bool Overlaps(size_t begin, size_t end) const;
  void Add(size_t begin, size_t end) { spans_.emplace_back(begin, end); }
  const std::vector<std::pair<size_t, size_t>>& spans() const { return spans_; }

 private:
  std::vector<std::pair<size_t, size_t>> spans_;
};

struct LabelHit {
  bool found = false;
  size_t begin = 0;                              // stream offset of the first label byte
  std::vector<std::pair<size_t, size_t>> parts;  // label pieces (numbers between them excluded)
  CellMatch match = CellMatch::kExact;
};

// First occurrence of `form` in [from, to) that overlaps no claim, or npos.
size_t FindFree(const Stream& st, const std::string& form, size_t from, size_t to,
                const Claims& claims);

// The label interrupted by separated number pieces: the first occurrence in [from, to) whose
// bytes match `form` once the number pieces between them are skipped. The form's first 9 bytes
// (three CJK characters) must be contiguous.
LabelHit FindInterrupted(const Stream& st, const std::string& form, size_t from, size_t to,
                         const Claims& claims);

}  // namespace ogicheck::tables
