// Metadata extraction (see metadata.h). Each field records where it came from, because the
// rules treat a date read off the page differently from one guessed from a signature.
#include "parse/metadata.h"

#include <algorithm>
#include <string>

#include "parse/agency.h"
#include "parse/chinese_numerals.h"
#include "parse/dates.h"
#include "parse/numbering.h"
#include "parse/paragraphs.h"
#include "text/utf8.h"

namespace ogicheck::parse {
namespace {

constexpr size_t kMaxTitleChars = 60;     // a title paragraph is short
constexpr size_t kHeaderParagraphs = 12;  // where the title and date line are looked for
constexpr size_t kMaxDateLineChars = 40;

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

// Web-page chrome around the report: breadcrumbs, print/font buttons, view counters.
bool IsChrome(std::string_view p) {
  return Contains(p, "->") || Contains(p, "首页") || Contains(p, "[字体") || Contains(p, "打印") ||
         Contains(p, "浏览次数");
}

bool NamesAReport(std::string_view p) {
  for (std::string_view w :
       {"报告", "年报", "总结", "统计表", "工作安排", "工作要点", "工作计划", "实施方案"})
    if (Contains(p, w)) return true;
  return false;
}

bool NamesAnnualReport(std::string_view t) {
  return Contains(t, "年度报") || Contains(t, "工作报告") || Contains(t, "年报") ||
         (Contains(t, "公开") &&
          (Contains(t, "报告") || Contains(t, "总结") || Contains(t, "统计表")));
}

const char* NamesOtherKind(std::string_view t) {
  for (const char* w : {"工作安排", "工作要点", "工作计划", "实施方案", "通知", "意见"})
    if (Contains(t, w)) return w;
  return nullptr;
}

bool StartsWithYear(std::string_view s) {
  return s.size() >= 4 &&
         std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

size_t Chars(std::string_view s) { return utf8::Length(s); }

std::string_view Slice(std::string_view text, Span s) {
  return text.substr(s.begin, s.end - s.begin);
}

// A paragraph that opens with top-level numbering ("一、") ends the header even when the caller
// has not found the headings yet (ParseDocument reads the year before the tables).
bool StartsSection(std::string_view text, const Paragraph& p) {
  auto n = MatchNumbering(text, p.span.begin, p.span.end, true);
  return n && n->style == NumberingStyle::kChineseComma;
}

void FindTitle(std::string_view text, const std::vector<Paragraph>& paragraphs,
               size_t first_heading, Metadata* meta) {
  const Paragraph* prev = nullptr;
  for (size_t i = 0; i < paragraphs.size() && i < kHeaderParagraphs; ++i) {
    const Paragraph& p = paragraphs[i];
    if (p.span.begin >= first_heading || StartsSection(text, p)) break;
    std::string_view s = Slice(text, p.span);
    if (IsChrome(s)) {
      prev = nullptr;
      continue;
    }
    const std::string compact = RemoveBlanks(s);
    // A title is a name, not a sentence: no full stop, comma or quoted document name.
    const bool sentence = Contains(compact, "。") || Contains(compact, "，") ||
                          Contains(compact, "《") || Contains(compact, "：");
    if (!sentence && Chars(compact) <= kMaxTitleChars && NamesAReport(compact) &&
        (FindYear(compact) > 0 || Contains(compact, "公开"))) {
      meta->title = compact;
      meta->title_span = p.span;
      // PDF layout: the agency on its own line above "2023 年政府信息公开工作年度报告".
      if (prev && StartsWithYear(compact)) {
        const std::string agency_line = RemoveBlanks(Slice(text, prev->span));
        if (Chars(agency_line) <= 20 && LooksLikeAgency(agency_line)) {
          meta->title = agency_line + compact;
          meta->title_span.begin = prev->span.begin;
        }
      }
      return;
    }
    prev = &p;
  }
}

// A short header line with a date: "发布日期:2018-02-28 18:39", "2018年03月29日来源:市政府办公厅".
void FindPublishedLine(std::string_view text, const std::vector<Paragraph>& paragraphs,
                       size_t first_heading, Metadata* meta) {
  for (size_t i = 0; i < paragraphs.size() && i < kHeaderParagraphs; ++i) {
    const Paragraph& p = paragraphs[i];
    if (p.span.begin >= first_heading || StartsSection(text, p)) break;
    if (p.span == meta->title_span) continue;
    std::string_view s = Slice(text, p.span);
    const bool labelled = Contains(s, "发布日期") || Contains(s, "发布时间") || Contains(s, "来源");
    if (!labelled && Chars(s) > kMaxDateLineChars) continue;
    if (Chars(s) > 2 * kMaxDateLineChars) continue;
    // The statistical period's dates are not a publication date (PDF lines split the period).
    if (Contains(s, "统计") || Contains(s, "期限") || Contains(s, "时限")) continue;
    if (auto d = FindDate(text, p.span.begin, p.span.end)) {
      if (d->begin >= meta->period_span.begin && d->end <= meta->period_span.end) continue;
      meta->published =
          SourcedDate{d->date, "published_line",
                      Span{static_cast<uint32_t>(d->begin), static_cast<uint32_t>(d->end)}};
      return;
    }
  }
}

// The date under the signature: a paragraph that is only a date, or a date that ends the last
// paragraphs right after an agency name ("…河北省人力资源和社会保障厅2021年1月29日").
void FindSignature(std::string_view text, const std::vector<Paragraph>& paragraphs,
                   std::string* agency, Metadata* meta) {
  int seen = 0;
  for (size_t k = paragraphs.size(); k-- > 0 && seen < 8;) {
    const Paragraph& p = paragraphs[k];
    if (p.in_table) continue;
    ++seen;
    std::string_view s = Slice(text, p.span);
    if (Chars(s) <= 16) {
      auto d = ParseDateAt(text, p.span.begin, p.span.end);
      if (d && d->end == p.span.end) {
        meta->signature =
            SourcedDate{d->date, "signature",
                        Span{static_cast<uint32_t>(d->begin), static_cast<uint32_t>(d->end)}};
        if (k > 0) {
          const std::string name = RemoveBlanks(Slice(text, paragraphs[k - 1].span));
          if (Chars(name) <= 30 && LooksLikeAgency(name)) *agency = name;
        }
        return;
      }
      continue;
    }
    if (seen > 3) continue;
    // A date near the end of a longer paragraph, after an agency name or a full stop, possibly
    // followed by page chrome ("…保障厅2019年1月30日更多信息请关注…").
    size_t pos = p.span.end;
    for (size_t back = 0; back < 60 && pos > p.span.begin; ++back) {
      pos -= Before(text, pos).len;
      if (!IsAsciiDigit(At(text, pos).cp) || IsAsciiDigit(Before(text, pos).cp)) continue;
      auto d = ParseDateAt(text, pos, p.span.end);
      if (!d) continue;
      const CodePoint last = Before(text, pos);
      bool after_name = pos == p.span.begin;
      for (char32_t a : {U'厅', U'局', U'府', U'委', U'室', U'会', U'心', U'办', U'。'})
        after_name = after_name || last.cp == a;
      if (after_name) {
        meta->signature = SourcedDate{
            d->date, "signature", Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(d->end)}};
        return;
      }
    }
  }
}

// Report year: title, crawler title, period, body. Reads meta->title (the report's own when
// own_title, else the crawler's) and meta->period_end.
void ReadReportYear(std::string_view text, bool own_title, const ContainerFacts& facts,
                    Metadata* meta) {
  if (int y = FindYear(RemoveBlanks(meta->title))) {
    meta->report_year = y;
    meta->report_year_source = own_title ? "title" : "crawler_title";
  } else if (int cy = own_title ? FindYear(facts.title) : 0) {
    meta->report_year = cy;
    meta->report_year_source = "crawler_title";
  } else if (meta->period_end) {
    meta->report_year = meta->period_end->year;
    meta->report_year_source = "period";
  } else {
    // The body: the first "YYYY年度".
    for (size_t pos = text.find("年度"); pos != std::string_view::npos;
         pos = text.find("年度", pos + 1)) {
      size_t b = pos;
      if (b > 0 && text[b - 1] == ' ') --b;
      if (b >= 4) {
        if (int y = FindYear(text.substr(b - 4, pos - (b - 4) + 3))) {
          meta->report_year = y;
          meta->report_year_source = "body";
          break;
        }
      }
    }
  }
}

}  // namespace

Metadata ExtractMetadata(std::string_view text, const std::vector<Paragraph>& paragraphs,
                         const ContainerFacts& facts, size_t first_heading, size_t section_count) {
  Metadata meta;
  FindTitle(text, paragraphs, first_heading, &meta);
  const bool own_title = !meta.title.empty();
  if (!own_title) meta.title = facts.title;

  // Agency: the title, then the crawler's title, then the signature.
  std::string signature_agency;
  FindSignature(text, paragraphs, &signature_agency, &meta);
  meta.agency = AgencyFromTitle(meta.title);
  if (meta.agency.empty() && own_title) meta.agency = AgencyFromTitle(facts.title);
  if (meta.agency.empty()) meta.agency = signature_agency;
  meta.agency_kind = ClassifyAgencyKind(meta.agency);
  meta.agency_level = ClassifyAgencyLevel(meta.agency);

  // Statistical period.
  if (auto period = FindPeriod(text)) {
    meta.period_begin = period->begin;
    meta.period_end = period->end;
    meta.period_span = period->span;
  }

  ReadReportYear(text, own_title, facts, &meta);

  // Publication date: the page's date line, the crawler's 时间, the signature.
  FindPublishedLine(text, paragraphs, first_heading, &meta);
  if (!meta.published && !facts.published.empty()) {
    if (auto d = ParseDateField(facts.published))
      meta.published = SourcedDate{*d, "crawler", Span{}};
  }
  if (!meta.published && meta.signature) meta.published = meta.signature;

  // Kind.
  const std::string compact_title = RemoveBlanks(meta.title);
  if (const char* other = NamesOtherKind(compact_title);
      other && !NamesAnnualReport(compact_title)) {
    meta.kind = DocumentKind::kOther;
    meta.kind_reason = std::string("title names a plan or notice (") + other + ")";
  } else if (NamesAnnualReport(compact_title)) {
    meta.kind = DocumentKind::kAnnualReport;
    if (section_count == 0)
      meta.kind_reason = "title names an annual report, but the text has no report sections";
    else
      meta.kind_reason = "title names an annual report";
  } else if (section_count >= 2 && Contains(text, "政府信息公开")) {
    meta.kind = DocumentKind::kAnnualReport;
    meta.kind_reason = "no report title; the text has numbered sections on 政府信息公开";
  } else {
    meta.kind = DocumentKind::kOther;
    meta.kind_reason = "neither the title nor the text reads as an annual report";
  }
  return meta;
}

int ReportYearHint(std::string_view text, const ContainerFacts& facts) {
  // What ExtractMetadata(text, SplitParagraphs(text, {}), facts, text.size(), 0) reads the year
  // from, and nothing else: the title is looked for in the first kHeaderParagraphs paragraphs,
  // so only those are split (splitting the whole text and reading the signature and dates too
  // cost as much as the paragraph split of the document itself).
  auto year_of = [&](std::string_view part) {
    const std::vector<Paragraph> paragraphs = SplitParagraphs(part, {}, kHeaderParagraphs);
    Metadata meta;
    FindTitle(part, paragraphs, part.size(), &meta);
    const bool own_title = !meta.title.empty();
    if (!own_title) meta.title = facts.title;
    if (auto period = FindPeriod(part)) meta.period_end = period->end;
    ReadReportYear(part, own_title, facts, &meta);
    return meta.report_year;
  };
  constexpr size_t kHead = 32 * 1024;
  if (text.size() > kHead) {
    size_t cut = kHead;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    if (const int year = year_of(text.substr(0, cut)); year > 0) return year;
  }
  return year_of(text);
}

}  // namespace ogicheck::parse
