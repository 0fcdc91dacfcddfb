// Totals with breakdowns and percentages with their base, read from prose (see breakdowns.h).
//
// Decisions drawn from the 2008–2018 reports in the corpus:
// - A list ends at the sentence or at a semicolon:
// "受理行政复议68件，其中…14件；受理行政诉讼104件，
//   其中…" holds two breakdowns, and "…20件；受理举报投诉12件" must not add 12 to the litigation.
// - The number right before a second 其中 is that list's total, not a part of the first.
// - Numbers in brackets are a sub-breakdown of the item before them ("人大代表建议2件（主办1件、
//   协办1件）").
// - A "其中" at the start of a sentence belongs to the previous sentence's total: the number whose
//   clause says 共/合计/总计/累计, else its last number.
// - Parts in other count units than the total (2155条、268条、735幅 of 3158条) are only compared as
// a
//   whole; parts in another unit class (%, 元) are not parts.
// - A list that says 等 after its last item, or opens with 主要/包括/重点/如, or whose items are
//   themselves totals (共…), does not read as complete.
#include "facts/breakdowns.h"

#include <algorithm>

#include "text/byte_scan.h"

namespace ogicheck::facts {

// Share of the total a list without a residual item must reach to read as complete.
constexpr double kCompleteShare = 0.9;
constexpr std::string_view kQizhong = "其中";
namespace {

bool StartsWith(std::string_view s, size_t pos, std::string_view p) {
  return pos + p.size() <= s.size() && s.compare(pos, p.size(), p) == 0;
}

bool Contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

bool TotalMarked(std::string_view text, const NumToken& t) {
  std::string_view c = ClauseBefore(text, t);
  for (const char* m : {"共", "合计", "总计", "累计", "总数", "总量"})
    if (Contains(c, m)) return true;
  return false;
}

// A number that can be an item of a list: a count or an amount, not a change or a share.
bool Usable(std::string_view text, const NumToken& t) {
  if (t.in_parens) return false;
  if (t.unit_class != UnitClass::kCount && t.unit_class != UnitClass::kAmount) return false;
  std::string_view c = ClauseBefore(text, t);
  for (const char* m : {"同比", "增长", "上升", "下降", "较上年", "比上年", "比去年", "较去年",
                        "增加", "减少", "占", "提高", "降低"})
    if (Contains(c, m)) return false;
  return true;
}

// A clause that starts another matter rather than naming an item of the list: "同时受理其他涉法
// 案件4件" after "共受理学生申诉案件8件，其中5件…，另3件…".
bool StartsAnother(std::string_view text, const NumToken& t) {
  std::string_view c = ClauseBefore(text, t);
  for (const char* m : {"同时", "此外", "另外", "受理", "收到", "共计", "合计", "总计"})
    if (Contains(c, m)) return true;
  return false;
}

// No paragraph break between the end of one sentence and the start of the next: a line break,
// or a run of ideographic spaces (crawled pages that lost their line breaks).
bool SameParagraph(std::string_view text, uint32_t end, uint32_t begin) {
  if (end >= begin) return false;
  std::string_view gap = text.substr(end, begin - end);
  return gap.find('\n') == std::string_view::npos && gap.find("　　") == std::string_view::npos;
}

}  // namespace

std::vector<Sentence> Sentences(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<Sentence> out;
  uint32_t b = begin;
  size_t i = begin;
  // Tokens are Arabic numbers: a sentence without a digit has none, and most have no digit.
  static constexpr unsigned char kDigit[] = {'0'};
  auto flush = [&](uint32_t e) {
    if (e <= b) return;
    if (text::FindDigitOrAnyByte(text, b, e, kDigit) < e)
      out.push_back({b, e, TokenizeNumbers(text, b, e)});
    else
      out.push_back({b, e, {}});
  };
  // Stops: 。(E3 80 82) ！(EF BC 81) ？(EF BC 9F) ! ? and line breaks.
  static constexpr unsigned char kStopBytes[] = {'\n', '!', '?', 0xE3, 0xEF};
  while ((i = text::FindAnyByte(text, i, end, kStopBytes)) < end) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t len = 0;
    if (c == '\n' || c == '!' || c == '?') {
      len = 1;
    } else if ((c == 0xE3 || c == 0xEF) && i + 2 < text.size()) {
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      const auto c2 = static_cast<unsigned char>(text[i + 2]);
      if ((c == 0xE3 && c1 == 0x80 && c2 == 0x82) ||               // 。
          (c == 0xEF && c1 == 0xBC && (c2 == 0x81 || c2 == 0x9F)))  // ！？
        len = 3;
    }
    if (len == 0) {
      ++i;
      continue;
    }
    flush(static_cast<uint32_t>(i));
    i += len;
    b = static_cast<uint32_t>(i);
  }
  flush(end);
  return out;
}

namespace {

// Semicolon-separated segments of a sentence (into *out, whose buffer the caller reuses).
void Segments(std::string_view text, const Sentence& s, std::vector<Span>* out) {
  out->clear();
  uint32_t b = s.begin;
  // Stops: ； (EF BC 9B) and ;.
  static constexpr unsigned char kStopBytes[] = {';', 0xEF};
  for (size_t i = s.begin; (i = text::FindAnyByte(text, i, s.end, kStopBytes)) < s.end;) {
    const size_t len = text[i] == ';' ? 1 : (StartsWith(text, i, "；") ? 3 : 0);
    if (!len) {
      ++i;
      continue;
    }
    out->push_back({b, static_cast<uint32_t>(i)});
    i += len;
    b = static_cast<uint32_t>(i);
  }
  out->push_back({b, s.end});
}

// Where "其中" occurs in the text the sentences cover: one search for all of them (a search per
// segment of a sentence cost more in set-up than in scanning).
std::vector<size_t> QizhongIn(std::string_view text, const std::vector<Sentence>& sentences) {
  std::vector<size_t> out;
  if (sentences.empty()) return out;
  const std::string_view covered = text.substr(0, std::min<size_t>(sentences.back().end, text.size()));
  // 其 and 中 differ, so occurrences never overlap: every one is found stepping past the last.
  for (size_t p = text::FindBytes(covered, kQizhong, sentences.front().begin);
       p != std::string_view::npos; p = text::FindBytes(covered, kQizhong, p + kQizhong.size()))
    out.push_back(p);
  return out;
}

// The occurrences of "其中" wholly inside the segment (into *out, whose buffer the caller reuses).
void QizhongInSegment(const std::vector<size_t>& all, Span seg, std::vector<size_t>* out) {
  out->clear();
  for (auto it = std::lower_bound(all.begin(), all.end(), size_t{seg.begin});
       it != all.end() && *it + kQizhong.size() <= seg.end; ++it)
    out->push_back(*it);
}

// The total a list refers to among `cands` (in text order): the last one marked 共…, else the last.
const NumToken* PickTotal(std::string_view text, const std::vector<const NumToken*>& cands) {
  for (auto it = cands.rbegin(); it != cands.rend(); ++it)
    if (TotalMarked(text, **it)) return *it;
  return cands.empty() ? nullptr : cands.back();
}

void Finish(std::string_view text, size_t marker_end, Breakdown* b) {
  std::vector<NumToken> kept;
  bool mixed = false;
  for (const NumToken& p : b->parts) {
    if (p.unit_class != b->total.unit_class) continue;
    if (p.unit != b->total.unit) mixed = true;
    kept.push_back(p);
  }
  b->parts = std::move(kept);
  b->mixed_units = mixed;
  b->approximate = b->total.approx;
  for (const NumToken& p : b->parts) b->approximate |= p.approx;
  if (b->parts.empty()) return;
  b->span = {std::min(b->total.begin, b->parts.front().begin), b->parts.back().unit_end};
  bool complete = b->form != BreakdownForm::kImplicit && b->parts.size() >= 2;
  if (StartsWith(text, b->parts.back().unit_end, "等")) complete = false;
  std::string_view opening = text.substr(marker_end, b->parts.front().begin - marker_end);
  for (const char* m : {"主要", "包括", "重点", "如", "例如", "比如", "部分"})
    if (Contains(opening, m)) complete = false;
  for (const NumToken& p : b->parts)
    if (TotalMarked(text, p)) complete = false;
  // Items that cover well short of the total read as examples ("其中规范性文件28条，公告公示
  // 27条，财政财务2条" of 293, then "公开内容共分11个大类别"; "办结44件，其中予以公开22件…部分
  // 公开5件" where the table gives the rest), unless a residual item (其他…) closes the list.
  // A list that reads as complete and is still short is one slip (seed 000: 1564 of 1566).
  bool residual = false;
  for (const NumToken& p : b->parts)
    residual |= Contains(ClauseBefore(text, p), "其他") || Contains(ClauseBefore(text, p), "其它");
  double sum = 0;
  for (const NumToken& p : b->parts) sum += p.value;
  if (!residual && sum < kCompleteShare * b->total.value) complete = false;
  b->complete = complete;
  // The report itself says that items overlap: a sum above the total is then explained.
  size_t sb = b->span.begin;
  while (sb > 0 && !StartsWith(text, sb, "。") && text[sb] != '\n') --sb;
  size_t se = text.find("。", b->span.end);
  std::string_view around = text.substr(sb, (se == std::string_view::npos ? text.size() : se) - sb);
  for (const char* m : {"交叉", "重复", "重叠", "同时属于", "分别计", "可多选"})
    if (Contains(around, m)) b->overlap_said = true;
}

}  // namespace

double PartsSum(const Breakdown& b) {
  double s = 0;
  for (const NumToken& p : b.parts) s += p.value;
  return s;
}

std::vector<Breakdown> FindBreakdowns(std::string_view text, Span range) {
  return FindBreakdowns(text, Sentences(text, range.begin, std::min<uint32_t>(range.end, text.size())));
}

std::vector<Breakdown> FindBreakdowns(std::string_view text, const std::vector<Sentence>& sentences) {
  std::vector<Breakdown> out;
  std::vector<Span> segs;
  std::vector<size_t> markers;
  const std::vector<size_t> qizhong = QizhongIn(text, sentences);
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    // Every form takes its parts from the sentence's numbers: most sentences have none.
    if (s.tokens.empty()) continue;
    // The previous sentence counts only within the same paragraph.
    const Sentence* prev = nullptr;
    if (si > 0 && SameParagraph(text, sentences[si - 1].end, s.begin)) prev = &sentences[si - 1];
    Segments(text, s, &segs);
    for (size_t gi = 0; gi < segs.size(); ++gi) {
      Span seg = segs[gi];
      auto in = [&](const NumToken& t, size_t b, size_t e) { return t.begin >= b && t.begin < e; };
      QizhongInSegment(qizhong, seg, &markers);
      for (size_t mi = 0; mi < markers.size(); ++mi) {
        size_t m = markers[mi], m_end = m + 6;
        size_t from = mi == 0 ? seg.begin : markers[mi - 1] + 6;
        size_t to = mi + 1 < markers.size() ? markers[mi + 1] : seg.end;
        std::vector<const NumToken*> before, parts;
        bool stopped = false;
        for (const NumToken& t : s.tokens) {
          if (in(t, from, m) && Usable(text, t)) before.push_back(&t);
          if (!in(t, m_end, to) || stopped) continue;
          if (StartsAnother(text, t))
            stopped = true;
          else if (Usable(text, t))
            parts.push_back(&t);
        }
        if (mi + 1 < markers.size() && !parts.empty()) parts.pop_back();  // the next list's total
        // A previous list's parts are not this list's total.
        if (mi > 0) before.clear();
        const NumToken* total = PickTotal(text, before);
        if (!total && mi == 0 && gi == 0 && prev) {
          std::vector<const NumToken*> cands;
          for (const NumToken& t : prev->tokens)
            if (Usable(text, t)) cands.push_back(&t);
          total = PickTotal(text, cands);
        }
        if (!total || parts.empty()) continue;
        Breakdown b;
        b.form = BreakdownForm::kQizhong;
        b.total = *total;
        for (const NumToken* p : parts) b.parts.push_back(*p);
        Finish(text, m_end, &b);
        if (!b.parts.empty()) out.push_back(std::move(b));
      }
      if (!markers.empty()) continue;
      // "行政诉讼中维持…117件": X中 at the start of a sentence, X named with a number just before.
      if (gi == 0 && prev) {
        size_t p = seg.begin;
        while (p < seg.end && (text[p] == ' ' || StartsWith(text, p, "　")))
          p += text[p] == ' ' ? 1 : 3;
        size_t zhong = text.substr(0, std::min<size_t>(seg.end, text.size())).find("中", p);
        if (zhong != std::string_view::npos && zhong < seg.end && zhong - p >= 6 &&
            zhong - p <= 30) {
          std::string_view x = text.substr(p, zhong - p);
          bool han = true;
          for (unsigned char c : x) han &= c >= 0x80;
          const NumToken* total = nullptr;
          if (han && !Contains(x, "，") && !Contains(x, "、"))
            for (const NumToken& t : prev->tokens)
              if (Usable(text, t) && t.begin >= x.size() &&
                  text.substr(t.begin - x.size(), x.size()) == x)
                total = &t;
          if (total) {
            Breakdown b;
            b.form = BreakdownForm::kXZhong;
            b.total = *total;
            for (const NumToken& t : s.tokens) {
              if (!in(t, zhong + 3, seg.end)) continue;
              if (StartsAnother(text, t)) break;
              if (Usable(text, t)) b.parts.push_back(t);
            }
            Finish(text, zhong + 3, &b);
            if (!b.parts.empty()) {
              out.push_back(std::move(b));
              continue;
            }
          }
        }
      }
      // "共受理N件，当面申请a件、传真申请b件…": a marked total followed by same-unit items.
      for (const NumToken& t : s.tokens) {
        if (!in(t, seg.begin, seg.end) || !Usable(text, t) || !TotalMarked(text, t)) continue;
        Breakdown b;
        b.form = BreakdownForm::kImplicit;
        b.total = t;
        for (const NumToken& q : s.tokens) {
          if (!in(q, t.unit_end, seg.end) || !Usable(text, q)) continue;
          if (TotalMarked(text, q)) break;
          if (q.unit == t.unit) b.parts.push_back(q);
        }
        if (b.parts.size() < 2) continue;
        Finish(text, t.unit_end, &b);
        out.push_back(std::move(b));
        break;
      }
    }
  }
  return out;
}

std::vector<Percentage> FindPercentages(std::string_view text, Span range) {
  return FindPercentages(text,
                         Sentences(text, range.begin, std::min<uint32_t>(range.end, text.size())));
}

std::vector<Percentage> FindPercentages(std::string_view text,
                                        const std::vector<Sentence>& sentences) {
  std::vector<Percentage> out;
  // Marked totals seen so far in the paragraph, and every usable number.
  std::vector<NumToken> totals;
  std::vector<NumToken> seen;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    if (si > 0 && !SameParagraph(text, sentences[si - 1].end, s.begin)) {
      totals.clear();
      seen.clear();
    }
    const NumToken* last_part = nullptr;
    for (const NumToken& t : s.tokens) {
      if (t.unit_class == UnitClass::kPercent) {
        std::string_view c = ClauseBefore(text, t);
        bool share = Contains(c, "占");
        for (const char* m : {"同比", "增长", "上升", "下降", "提高", "降低", "率"})
          if (Contains(c, m)) share = false;
        if (!share || !last_part || t.approx || last_part->approx) continue;
        const NumToken* base = nullptr;
        for (auto it = totals.rbegin(); it != totals.rend() && !base; ++it)
          if (it->unit == last_part->unit && it->value >= last_part->value && !it->approx)
            base = &*it;
        if (!base) continue;
        Percentage pct{*last_part, *base, t, {last_part->begin, t.unit_end}, {}};
        for (const NumToken& n : seen)
          if (n.unit == last_part->unit && n.value >= last_part->value && !n.approx &&
              n.begin != last_part->begin && n.begin != base->begin)
            pct.other_bases.push_back(n);
        out.push_back(std::move(pct));
        continue;
      }
      if (!Usable(text, t)) continue;
      seen.push_back(t);
      if (TotalMarked(text, t))
        totals.push_back(t);
      else
        last_part = &t;
    }
  }
  return out;
}

}  // namespace ogicheck::facts
