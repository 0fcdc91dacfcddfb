// Finding heading candidates and their titles (see sections.h).
#include <algorithm>
#include <optional>

#include "parse/char_scan.h"
#include "parse/chinese_numerals.h"
#include "parse/numbering.h"
#include "parse/paragraphs.h"
#include "parse/sections.h"

namespace ogicheck::parse {
namespace {

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
    // MayStartNumbering first: it rules out almost every character without a call.
    if (i > begin && MayStartNumbering(c.cp) &&
        Before(text, i).cp != U'第') {  // "第二十条第(一)项" cites, not numbers
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

// True when paragraph `p` is a full-width line of wrapped (PDF) text that goes on in the next
// paragraph: its sentence did not end with the line.
bool WrapsIntoNext(std::string_view text, const std::vector<Paragraph>& paragraphs, uint32_t p,
                   size_t wrap_width) {
  if (wrap_width == 0 || p + 1 >= paragraphs.size()) return false;
  const Paragraph& line = paragraphs[p];
  const Paragraph& next = paragraphs[p + 1];
  return !next.in_table && IsLineWrap(text, line.span.end, next.span.begin) &&
         CodePoints(text, line.span.begin, line.span.end) + 2 >= wrap_width &&
         !MatchNumbering(text, next.span.begin, next.span.end, true);
}

struct WrappedTitle {
  size_t end = 0;       // end of the title on its own line
  size_t more_end = 0;  // end of its continuation on the next line, 0 for none
};

// A title that reached the end of a wrapped line belongs to a sentence that goes on: it ends at
// its first comma, on this line or the next ("三是继续加强业务指\n导培训，…" ->
// 继续加强业务指导培训), and within the cap.
WrappedTitle WrappedTitleEnd(std::string_view text, const Paragraph& next, size_t title_begin,
                             size_t title_end, const Numbering& owner) {
  WrappedTitle w{title_end, 0};
  size_t count = 0;
  for (size_t i = title_begin; i < title_end; i += At(text, i).len, ++count) {
    if (IsComma(At(text, i).cp)) {
      w.end = TrimEnd(text, title_begin, i);
      return w;
    }
  }
  const size_t end = FindTitleEnd(text, next.span.begin, next.span.end, owner, {}).end;
  size_t i = next.span.begin;
  for (; i < end && count < kMaxTitleChars; ++count) {
    const CodePoint c = At(text, i);
    if (IsComma(c.cp)) break;
    i += c.len;
  }
  const size_t trimmed = TrimEnd(text, next.span.begin, i);
  if (trimmed > next.span.begin) w.more_end = trimmed;
  return w;
}

// Wrapped (PDF) text can split a numbering over two lines ("…以下工作：一\n是扎实推进…"): a
// numeral that ends its line, with 是 or 、 starting the next line.
std::optional<Numbering> SplitNumbering(std::string_view text,
                                        const std::vector<Paragraph>& paragraphs, uint32_t p,
                                        size_t at) {
  if (p + 1 >= paragraphs.size()) return std::nullopt;
  const Paragraph& line = paragraphs[p];
  const Paragraph& next = paragraphs[p + 1];
  const CodePoint c = At(text, at);
  if (at + c.len != line.span.end || next.in_table) return std::nullopt;
  const int number = SmallChineseNumber(text.substr(at, c.len));
  if (number == 0 || !IsLineWrap(text, line.span.end, next.span.begin)) return std::nullopt;
  const CodePoint mark = At(text, next.span.begin);
  Numbering n;
  if (mark.cp == U'是') {
    n.style = NumberingStyle::kOrdinalShi;
  } else if (mark.cp == U'、') {
    n.style = NumberingStyle::kChineseComma;
  } else {
    return std::nullopt;
  }
  n.number = number;
  n.begin = at;
  n.end = next.span.begin + mark.len;
  return n;
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
        // MayStartNumbering first: most sentences start with no numbering at all.
        auto n = MayStartNumbering(At(text, at).cp) ? MatchNumbering(text, at, limit, line_start)
                                                    : std::nullopt;
        size_t title_limit = limit;
        if (!n && wrap_width > 0) {
          n = SplitNumbering(text, paragraphs, p, at);
          if (n) title_limit = paragraphs[p + 1].span.end;
        }
        if (n && (n->style != NumberingStyle::kOrdinalShi || after_full_stop)) {
          const size_t title_begin = SkipBlanks(text, n->end, title_limit);
          TitleEnd te = FindTitleEnd(text, title_begin, title_limit, *n, known_titles);
          const size_t title_end = TrimEnd(text, title_begin, te.end);
          if (title_end > title_begin) {
            Heading h;
            h.style = n->style;
            h.number = n->number;
            for (char ch : text.substr(n->begin, n->end - n->begin))
              if (ch != '\n' && ch != ' ' && ch != '\t') h.numbering += ch;  // "一\n是" -> 一是
            const uint32_t line = title_limit == limit ? p : p + 1;
            WrappedTitle w{title_end, 0};
            if (!te.chained && te.end >= title_limit &&
                WrapsIntoNext(text, paragraphs, line, wrap_width))
              w = WrappedTitleEnd(text, paragraphs[line + 1], title_begin, title_end, *n);
            h.title.assign(text.substr(title_begin, w.end - title_begin));
            h.span = Span{static_cast<uint32_t>(n->begin), static_cast<uint32_t>(w.end)};
            if (w.more_end) {
              const size_t from = paragraphs[line + 1].span.begin;
              h.title.append(text.substr(from, w.more_end - from));
              h.span.end = static_cast<uint32_t>(w.more_end);
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
      i = NextSentenceEnd(text, i, limit);
      if (i >= limit) break;
      const CodePoint c = At(text, i);
      i += c.len;
      may_start = true;
      // 一是 also after a colon: "存在问题：一是…；二是…" is the common idiom, and without
      // it the list would read 二是, 三是 with a gap that is not in the report.
      after_full_stop =
          c.cp == U'。' || c.cp == U'；' || c.cp == U';' || c.cp == U'：' || c.cp == U':';
    }
  }
  return out;
}

}  // namespace ogicheck::parse
