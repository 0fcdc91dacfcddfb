// ParseDocument: SourceText -> Document. Chooses the report format, extracts the tables, then
// builds paragraphs, sections, prose numbers and metadata around the table regions.
#include <algorithm>
#include <map>

#include "ogicheck/parse.h"
#include "parse/assemble.h"
#include "parse/metadata.h"
#include "parse/numbering.h"
#include "parse/numbers.h"
#include "parse/paragraphs.h"
#include "parse/sections.h"
#include "tables/extract.h"
#include "tables/schema_forms.h"
#include "tables/stream.h"

namespace ogicheck {
namespace parse {
namespace {

// A schema row label as it appears in normalised text, without its numbering and without a
// parenthesised note: "（二）部分公开（区分处理的…）" -> "部分公开".
std::string RowLabelKey(const std::string& label) {
  const std::string normalised = NormaliseWidth(label);
  std::string_view s = normalised;
  if (auto n = MatchNumbering(s, 0, s.size(), true)) s.remove_prefix(n->end);
  const size_t paren = s.find('(');
  if (paren != std::string_view::npos && paren > 0) s = s.substr(0, paren);
  return std::string(s);
}

std::vector<std::string> RowLabels(const ReportSchema* schema) {
  std::vector<std::string> out;
  if (!schema) return out;
  for (const SchemaTable& t : schema->tables) {
    for (const SchemaRow& r : t.rows) {
      out.push_back(RowLabelKey(r.label));
      for (const std::string& v : r.variants) out.push_back(RowLabelKey(v));
    }
  }
  // Short keys ("其他") would swallow real headings; keep labels of four characters or more.
  std::erase_if(out, [](const std::string& k) { return k.size() < 12; });
  return out;
}

void LongestFirst(std::vector<std::string>* titles) {
  // Longest first, so a variant that extends another wins.
  std::sort(titles->begin(), titles->end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  titles->erase(std::unique(titles->begin(), titles->end()), titles->end());
}

void AddSectionTitles(const ReportSchema& schema, bool with_tables, std::vector<std::string>* out) {
  auto add = [&](const std::string& t) {
    if (!t.empty()) out->push_back(NormaliseWidth(t));
  };
  for (const SchemaSection& s : schema.sections) {
    add(s.title);
    for (const std::string& v : s.variants) add(v);
  }
  if (!with_tables) return;
  for (const SchemaTable& t : schema.tables) {
    add(t.title);
    for (const std::string& v : t.title_variants) add(v);
  }
}

// Titles that are section headings or table captions of the schema, normalised.
std::vector<std::string> SectionTitles(const ReportSchema* schema) {
  std::vector<std::string> out;
  if (schema) AddSectionTitles(*schema, true, &out);
  LongestFirst(&out);
  return out;
}

// Section titles of every schema: they end run-on heading titles.
std::vector<std::string> KnownTitles(const SchemaSet& schemas) {
  std::vector<std::string> out;
  for (const ReportSchema& s : schemas.all()) AddSectionTitles(s, false, &out);
  LongestFirst(&out);
  return out;
}

// The titles and labels above, derived from the schemas once rather than for every report
// (normalising them was a twentieth of a report's parse). Kept per thread, for the SchemaSet
// last seen (by serial: a set that changed or was replaced gets new ones).
struct Vocabulary {
  uint64_t serial = 0;
  std::vector<std::string> known_titles;
  std::map<const ReportSchema*, std::vector<std::string>> section_titles, row_labels;
};

const Vocabulary& VocabularyOf(const SchemaSet& schemas) {
  thread_local Vocabulary v;
  if (v.serial != schemas.serial() || v.serial == 0) {
    v = Vocabulary{};
    v.serial = schemas.serial();
    v.known_titles = KnownTitles(schemas);
    for (const ReportSchema& s : schemas.all()) {
      v.section_titles[&s] = SectionTitles(&s);
      v.row_labels[&s] = RowLabels(&s);
    }
  }
  return v;
}

// What the vocabulary holds for `schema`; a schema outside the set is derived here, into
// *scratch. A reference: copying the lists for every report would undo the point of keeping them.
const std::vector<std::string>& Lookup(
    const std::map<const ReportSchema*, std::vector<std::string>>& m, const ReportSchema* schema,
    std::vector<std::string> (*compute)(const ReportSchema*), std::vector<std::string>* scratch) {
  if (auto it = m.find(schema); it != m.end()) return it->second;
  *scratch = compute(schema);
  return *scratch;
}

// A table whose caption is also the section heading ("三、收到和处理政府信息公开申请情况") may
// start its region at the caption. The heading belongs to the prose: when the region starts at, or
// right after, a top-level numbering followed by a section title, the region starts after it.
void KeepHeadingsOutOfRegions(std::string_view text, const std::vector<std::string>& titles,
                              std::vector<Span>* regions) {
  std::vector<Span> cuts;
  for (Span& r : *regions) {
    size_t q = r.begin;
    uint32_t numbering_begin = r.begin;
    while (q < r.end && (text[q] == ' ' || text[q] == '\t' || text[q] == '\n')) ++q;
    bool numbered = false;
    if (auto n = MatchNumbering(text, q, r.end, true);
        n && n->style == NumberingStyle::kChineseComma) {
      q = n->end, numbered = true;
    } else {
      // "三、" just before the region (within a few bytes, blanks allowed).
      size_t b = r.begin;
      while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
      for (size_t back = 6; back <= 12 && !numbered; back += 3) {
        if (b < back) break;
        auto n = MatchNumbering(text, b - back, b, true);
        numbered = n && n->style == NumberingStyle::kChineseComma && n->end == b;
        if (numbered) numbering_begin = static_cast<uint32_t>(b - back);
      }
    }
    if (!numbered) continue;
    for (const std::string& t : titles) {
      if (t.size() <= r.end - q && text.compare(q, t.size(), t) == 0) {
        r.begin = static_cast<uint32_t>(q + t.size());
        // Cut the paragraph before the numbering too, in case prose or a unit precedes it on
        // the same line ("…0.168万元三、收到和处理…").
        if (numbering_begin < r.begin) cuts.push_back(Span{numbering_begin, numbering_begin});
        break;
      }
    }
  }
  regions->insert(regions->end(), cuts.begin(), cuts.end());
}

}  // namespace

Document AssembleDocument(IngestedReport report, FormatChoice format, TableExtraction tables,
                          const ReportSchema* table_schema, const SchemaSet* schemas,
                          bool prose_numbers) {
  Document doc;
  doc.source = std::move(report);
  doc.format = std::move(format.format);
  doc.format_reason = std::move(format.format_reason);
  doc.table_format = std::move(format.table_format);
  std::string_view text = doc.source.text.text();

  std::vector<Span> regions = std::move(tables.regions);
  // Never trust offsets from another stage blindly: clamp them to the text and to code points.
  auto snap = [&](uint32_t pos) {
    pos = std::min<uint32_t>(pos, static_cast<uint32_t>(text.size()));
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    return pos;
  };
  for (Span& r : regions) {
    r.end = snap(r.end);
    r.begin = std::min(snap(r.begin), r.end);
  }
  // Without a SchemaSet (tests assembling a document by hand) the vocabulary is empty and the
  // table schema's titles and labels are derived here.
  const Vocabulary none;
  const Vocabulary& vocabulary = schemas ? VocabularyOf(*schemas) : none;
  std::vector<std::string> scratch_titles, scratch_labels;
  KeepHeadingsOutOfRegions(
      text, Lookup(vocabulary.section_titles, table_schema, SectionTitles, &scratch_titles),
      &regions);
  std::sort(regions.begin(), regions.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  doc.tables = std::move(tables.tables);
  doc.paragraphs = SplitParagraphs(text, regions);

  std::vector<Heading> candidates = FindHeadings(text, doc.paragraphs, vocabulary.known_titles);
  std::vector<Span> numbering_spans;
  numbering_spans.reserve(candidates.size());
  for (const Heading& h : candidates)
    numbering_spans.push_back(
        Span{h.span.begin, h.span.begin + static_cast<uint32_t>(h.numbering.size())});
  std::vector<Heading> headings = FilterHeadings(
      std::move(candidates),
      Lookup(vocabulary.row_labels, table_schema, RowLabels, &scratch_labels));
  std::vector<uint32_t> heading_begins;
  heading_begins.reserve(headings.size());
  for (const Heading& h : headings) heading_begins.push_back(h.span.begin);
  doc.paragraphs = SplitAtHeadings(text, std::move(doc.paragraphs), heading_begins);
  doc.sections = BuildSections(headings, doc.paragraphs, text.size());
  if (prose_numbers) doc.numbers = FindProseNumbers(text, doc.paragraphs, numbering_spans);

  const size_t first_heading = headings.empty() ? text.size() : headings.front().span.begin;
  doc.meta =
      ExtractMetadata(text, doc.paragraphs, doc.source.facts, first_heading, doc.sections.size());
  if (doc.meta.kind == DocumentKind::kOther) {
    doc.format.clear();
    doc.format_reason = "not an annual report: " + doc.meta.kind_reason;
  }
  return doc;
}

}  // namespace parse

Document ParseDocument(IngestedReport report, const SchemaSet& schemas,
                       const ParseOptions& options) {
  const SourceText& text = report.text;
  // The report year only needs the header and the crawler facts, so read it before the tables.
  const int report_year = parse::ReportYearHint(text.text(), report.facts);

  parse::FormatChoice choice;
  const ReportSchema* year_schema = nullptr;
  if (!options.report_format.empty()) {
    choice.format = options.report_format;
    choice.format_reason = "set by --report-format";
    year_schema = schemas.Find(options.report_format);
  } else if (report_year > 0) {
    year_schema = schemas.ForYear(report_year);
    if (year_schema) {
      choice.format = year_schema->id;
      choice.format_reason = "report year " + std::to_string(report_year);
    }
  }
  // The compact stream detection and extraction read (buffers reused from report to report).
  thread_local tables::Stream stream;
  stream.Rebuild(text.text());
  choice.table_format = DetectTableFormat(stream, schemas);
  const ReportSchema* table_schema = year_schema;
  if (!choice.table_format.empty()) {
    if (const ReportSchema* detected = schemas.Find(choice.table_format)) table_schema = detected;
    if (choice.format.empty()) {
      choice.format = choice.table_format;
      choice.format_reason = "detection keys of " + choice.table_format;
    } else if (choice.table_format != choice.format) {
      choice.format_reason += "; the tables use the labels of " + choice.table_format;
    } else {
      choice.format_reason += ", confirmed by its table labels";
    }
  }
  TableExtraction tables;
  if (table_schema)
    tables = ExtractTables(text, stream, *table_schema, tables::FormsOf(schemas, *table_schema));
  return parse::AssembleDocument(std::move(report), std::move(choice), std::move(tables),
                                 table_schema, &schemas, options.prose_numbers);
}

}  // namespace ogicheck
