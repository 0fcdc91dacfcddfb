// Document: what the parse stage knows about one report, and all that the rules see.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ogicheck/ingest.h"
#include "ogicheck/source_text.h"
#include "ogicheck/table.h"

namespace ogicheck {

enum class AgencyKind { kUnknown, kGovernment, kDepartment, kTownship, kOther };
enum class AgencyLevel { kUnknown, kNational, kProvincial, kPrefecture, kCounty, kTownship };
enum class DocumentKind { kAnnualReport, kOther };

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  bool valid() const { return year > 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31; }
  std::string Iso() const;  // "2022-01-28"
  auto operator<=>(const Date&) const = default;
};

// A date with where it came from: source is "published_line" (发布日期/发布时间 line),
// "crawler" (the record's 时间), or "signature" (the date under the signature at the end).
struct SourcedDate {
  Date date;
  std::string source;
  Span span;  // empty for "crawler"
};

struct Metadata {
  std::string title;
  Span title_span;                 // empty when the title comes from the crawler record
  std::string agency;              // issuing agency, e.g. "河北省科学技术厅"
  AgencyKind agency_kind = AgencyKind::kUnknown;
  AgencyLevel agency_level = AgencyLevel::kUnknown;
  int report_year = 0;             // 0 when it cannot be told
  std::string report_year_source;  // "title", "period", "body", "crawler_title"
  std::optional<SourcedDate> published;
  std::optional<SourcedDate> signature;  // kept even when `published` comes from elsewhere
  std::optional<Date> period_begin;      // statistical period, e.g. 2023-01-01 .. 2023-12-31
  std::optional<Date> period_end;
  Span period_span;
  DocumentKind kind = DocumentKind::kOther;
  std::string kind_reason;         // why: "title names an annual report", "title is a work plan", …
};

enum class NumberingStyle {
  kNone,
  kChineseComma,   // 一、
  kChineseParen,   // （一）
  kArabicDot,      // 1. or 1、
  kArabicParen,    // （1）
  kOrdinalShi,     // 一是
};

struct Section {
  NumberingStyle style = NumberingStyle::kNone;
  int number = 0;                  // 1 for 一、/（一）/1./一是
  std::string numbering;           // as printed: "一、", "(一)", "1."
  std::string title;               // heading text after the numbering, up to the end of its sentence
  int level = 0;                   // 1 = top level
  Span heading_span;               // the numbering plus title
  Span body_span;                  // from the end of the heading to the next heading of level <= this
  std::vector<uint32_t> paragraphs;  // indices into Document::paragraphs directly under this heading
  std::vector<Section> children;
};

struct Paragraph {
  Span span;
  bool in_table = false;           // part of a table region
};

// A number found in the prose.
struct ProseNumber {
  double value = 0;
  std::string text;                // as printed: "一百二十", "1,234", "33.9"
  std::string unit;                // "件", "条", "个", "项", "万元", "元", "%", "人次", "场", "期", … or ""
  bool chinese_numeral = false;
  std::string approx;              // "余", "多", "近", "约", "以上", … or "" when exact
  Span span;                       // number plus unit (plus approximation marker)
  uint32_t paragraph = 0;          // index into Document::paragraphs
};

struct Document {
  IngestedReport source;           // path, reader, encoding, container facts, SourceText
  Metadata meta;
  std::string format;              // "ogi-2008" | "ogi-2019" | "ogi-2021" | "" (other documents)
  std::string format_reason;       // "report year 2023" / "detection keys: 本年制发件数 …"
  std::string table_format;        // format whose table labels the report uses, "" when no tables
  std::vector<Paragraph> paragraphs;
  std::vector<Section> sections;   // top-level sections, each with its children
  std::vector<ProseNumber> numbers;
  std::vector<Table> tables;

  const SourceText& text() const { return source.text; }
};

}  // namespace ogicheck
