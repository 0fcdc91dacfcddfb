// Finding heading candidates and their titles (see sections.h).
#include <algorithm>

#include "parse/chinese_numerals.h"
#include "parse/numbering.h"
#include "parse/paragraphs.h"
#include "parse/sections.h"

namespace ogicheck::parse {
namespace {

bool IsSentenceEnd(char32_t cp) {
  switch (cp) {
    case U'。':
    case U'；':
    case U'！':
    case U'？':
    case U'：':
    case U';':
    case U'!':
    case U'?':
    case U':':
      return true;
    default:
      return false;
  }
}

bool IsComma(char32_t cp) { return cp == U'，' || cp == U','; }

// True when a numbering at `n` inside the title of `owner` starts a new heading: the next number
// of the same style ("二、…情况三、…") or the first of a deeper style ("一、工作情况(一)…").
bool StartsChainedHeading(const Numbering& owner, const Numbering& n) {
  if (n.style == NumberingStyle::kOrdinalShi) return false;  // "统一是" is prose
  if (n.style == owner.style) return n.number == owner.number + 1;
  return n.number == 1 && RankOf(n.style) > RankOf(owner.style);
}

// Position of a "YYYY年" / "YYYY 年" year starting at code point index >= 2 in [begin, end).
size_t FindYearCut(std::string_view text, size_t begin, size_t end) {
  size_t i = begin;
  int index = 0;
  while (i < end) {
    if (index >= 2 && i + 4 < end &&
        std::all_of(text.begin() + i, text.begin() + i + 4,
                    [](char c) { return c >= '0' && c <= '9'; })) {
      size_t j = i + 4;
      if (j < end && text[j] == ' ') ++j;
      if (At(text, j).cp == U'年') return i;
    }
    i += std::max<uint32_t>(1, At(text, i).len);
    ++index;
  }
  return end;
}

struct TitleEnd {
  size_t end = 0;
  bool chained = false;  // the title was cut by the numbering of a following heading
};

// Where the title that starts at `begin` ends: the end of its sentence or paragraph, or a chained
// heading; a sentence longer than kMaxTitleChars is cut at its first comma, else at the cap, and
// then before a year ("总体情况2021年，河北省…" is a heading run into its first sentence); a
// run-on title that starts with a known section title ends with it.
TitleEnd FindTitleEnd(std::string_view text, size_t begin, size_t limit, const Numbering& owner,
                      const std::vector<std::string>& known_titles) {
  TitleEnd r{limit, false};
  size_t first_comma = 0, cap_pos = 0;
  size_t count = 0;
  for (size_t i = begin; i < limit;) {
    CodePoint c = At(text, i);
    if (IsSentenceEnd(c.cp) || c.cp == U'\n') {
      r.end = i;
      break;
    }
    if (i > begin && Before(text, i).cp != U'第') {  // "第二十条第(一)项" cites, not numbers
      if (auto n = MatchNumbering(text, i, limit, false); n && StartsChainedHeading(owner, *n)) {
        r.end = i, r.chained = true;
        break;
      }
    }
    if (IsComma(c.cp) && !first_comma) first_comma = i;
    ++count;
    i += c.len;
    if (count == kMaxTitleChars) cap_pos = i;
    if (count > kMaxTitleChars) {  // long: cut below; no need to find the sentence end
      r.end = i;
      break;
    }
  }
  const bool long_sentence = cap_pos && cap_pos < r.end;
  if (long_sentence) {
    size_t cut = (first_comma && first_comma < cap_pos) ? first_comma : cap_pos;
    r.end = FindYearCut(text, begin, cut);
    r.chained = false;
  }
  // A title that runs on (long, or followed by more text in its paragraph) and starts with a
  // known section title is that title.
  if (!r.chained && (long_sentence || r.end < limit)) {
    for (const std::string& t : known_titles) {
      if (t.size() <= r.end - begin && text.compare(begin, t.size(), t) == 0) {
        r.end = begin + t.size();
        break;
      }
    }
  }
  return r;
}

size_t SkipBlanks(std::string_view text, size_t pos, size_t limit) {
  while (pos < limit) {
    CodePoint c = At(text, pos);
    if (!IsBlank(c.cp)) break;
    pos += c.len;
  }
  return pos;
}

size_t TrimEnd(std::string_view text, size_t begin, size_t end) {
  while (end > begin) {
    CodePoint c = Before(text, end);
    if (!IsBlank(c.cp)) break;
    end -= c.len;
  }
  return end;
}

size_t CodePoints(std::string_view text, size_t begin, size_t end) {
  size_t n = 0;
  for (size_t i = begin; i < end; i += At(text, i).len) ++n;
  return n;
}

// In wrapped (PDF) text a title that runs to the end of a full-width line goes on at the start
// of the next line ("三是继续加强业务指\n导培训，…"). Returns the end of the continuation in
// paragraph p + 1, or 0 when the title does not continue there.
size_t TitleContinuation(std::string_view text, const std::vector<Paragraph>& paragraphs,
                         uint32_t p, size_t wrap_width, size_t title_chars,
                         const Numbering& owner) {
  if (wrap_width == 0 || p + 1 >= paragraphs.size() || title_chars >= kMaxTitleChars) return 0;
  const Paragraph& line = paragraphs[p];
  const Paragraph& next = paragraphs[p + 1];
  if (next.in_table || !IsLineWrap(text, line.span.end, next.span.begin)) return 0;
  if (CodePoints(text, line.span.begin, line.span.end) + 2 < wrap_width) return 0;
  if (MatchNumbering(text, next.span.begin, next.span.end, true)) return 0;
  const size_t end = FindTitleEnd(text, next.span.begin, next.span.end, owner, {}).end;
  // The heading's sentence goes on: end it at its first comma, and within the cap.
  size_t i = next.span.begin;
  for (size_t n = title_chars; i < end && n < kMaxTitleChars; ++n) {
    const CodePoint c = At(text, i);
    if (IsComma(c.cp)) break;
    i += c.len;
  }
  const size_t trimmed = TrimEnd(text, next.span.begin, i);
  return trimmed > next.span.begin ? trimmed : 0;
}

}  // namespace

std::vector<Heading> FindHeadings(std::string_view text, const std::vector<Paragraph>& paragraphs,
                                  const std::vector<std::string>& known_titles) {
  std::vector<Heading> out;
  const size_t wrap_width = WrapWidth(text, paragraphs);
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    const Paragraph& para = paragraphs[p];
    if (para.in_table) continue;
    const size_t limit = std::min<size_t>(para.span.end, text.size());
    size_t i = para.span.begin;
    bool may_start = true;        // at the paragraph start or after a sentence end
    bool after_full_stop = true;  // 一是 needs a paragraph start or 。/；/：
    bool line_start = true;
    while (i < limit) {
      if (may_start) {
        const size_t at = SkipBlanks(text, i, limit);
        auto n = MatchNumbering(text, at, limit, line_start);
        if (n && (n->style != NumberingStyle::kOrdinalShi || after_full_stop)) {
          const size_t title_begin = SkipBlanks(text, n->end, limit);
          TitleEnd te = FindTitleEnd(text, title_begin, limit, *n, known_titles);
          const size_t title_end = TrimEnd(text, title_begin, te.end);
          if (title_end > title_begin) {
            Heading h;
            h.style = n->style;
            h.number = n->number;
            h.numbering.assign(text.substr(n->begin, n->end - n->begin));
            h.title.assign(text.substr(title_begin, title_end - title_begin));
            h.span = Span{static_cast<uint32_t>(n->begin), static_cast<uint32_t>(title_end)};
            h.paragraph = p;
            if (!te.chained && te.end >= limit) {
              const size_t title_chars = CodePoints(text, title_begin, title_end);
              if (size_t more =
                      TitleContinuation(text, paragraphs, p, wrap_width, title_chars, *n)) {
                const size_t from = paragraphs[p + 1].span.begin;
                h.title.append(text.substr(from, more - from));
                h.span.end = static_cast<uint32_t>(more);
              }
            }
            out.push_back(std::move(h));
            i = te.end;
            may_start = te.chained;
            after_full_stop = false;
            line_start = false;
            continue;
          }
        }
        may_start = false;
        line_start = false;
        after_full_stop = false;
        if (at >= limit) break;
        i = at;
      }
      CodePoint c = At(text, i);
      i += c.len;
      if (IsSentenceEnd(c.cp)) {
        may_start = true;
        // 一是 also after a colon: "存在问题：一是…；二是…" is the common idiom, and without
        // it the list would read 二是, 三是 with a gap that is not in the report.
        after_full_stop =
            c.cp == U'。' || c.cp == U'；' || c.cp == U';' || c.cp == U'：' || c.cp == U':';
      }
    }
  }
  return out;
}

}  // namespace ogicheck::parse
