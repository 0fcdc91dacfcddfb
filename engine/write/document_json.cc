// Document -> JSON for `ogicheck parse`. Field names are a contract: schemas/document.schema.json.
#include <nlohmann/json.hpp>

#include "ogicheck/document_json.h"

namespace ogicheck {
namespace {

using nlohmann::ordered_json;

ordered_json Location(const SourceText& text, Span span) {
  const SourcePos pos = text.PosOf(span.begin);
  ordered_json loc = {{"line", pos.line}, {"column", pos.column}};
  if (pos.page) loc["page"] = pos.page;
  if (!pos.element.empty()) loc["element"] = pos.element;
  return loc;
}

ordered_json DateJson(const std::optional<SourcedDate>& d, const SourceText& text) {
  if (!d) return nullptr;
  ordered_json j = {{"date", d->date.Iso()}, {"source", d->source}};
  if (!d->span.empty()) j["location"] = Location(text, d->span);
  return j;
}

ordered_json SectionJson(const Section& s, const SourceText& text) {
  ordered_json j = {{"numbering", s.numbering},
                    {"number", s.number},
                    {"style", NumberingStyleName(s.style)},
                    {"level", s.level},
                    {"title", s.title},
                    {"location", Location(text, s.heading_span)}};
  if (!s.children.empty()) {
    ordered_json kids = ordered_json::array();
    for (const Section& c : s.children) kids.push_back(SectionJson(c, text));
    j["children"] = std::move(kids);
  }
  return j;
}

ordered_json CellJson(const TableCell& c, const SourceText& text) {
  ordered_json j = {{"col", c.col}};
  j["value"] = c.value ? ordered_json(*c.value) : ordered_json(nullptr);
  j["raw"] = c.raw;
  j["semantic"] = CellSemanticName(c.semantic);
  if (!c.unit.empty()) j["unit"] = c.unit;
  j["match"] = CellMatchName(c.match);
  if (c.ambiguous) j["ambiguous"] = true;
  if (!c.span.empty()) j["location"] = Location(text, c.span);
  return j;
}

ordered_json TableJson(const Table& t, const SourceText& text) {
  ordered_json j = {{"id", t.id}, {"title", t.title}, {"location", Location(text, t.span)},
                    {"columns", t.columns}, {"deviations", t.deviations}};
  ordered_json rows = ordered_json::array();
  for (const TableRow& r : t.rows) {
    ordered_json row = {{"id", r.id}, {"label", r.label}, {"match", CellMatchName(r.match)},
                        {"location", Location(text, r.span)}};
    ordered_json cells = ordered_json::array();
    for (const TableCell& c : t.cells)
      if (c.row == r.id) cells.push_back(CellJson(c, text));
    row["cells"] = std::move(cells);
    rows.push_back(std::move(row));
  }
  j["rows"] = std::move(rows);
  return j;
}

ordered_json DocumentObject(const Document& doc) {
  const SourceText& text = doc.text();
  const Metadata& m = doc.meta;
  ordered_json meta = {
      {"title", m.title},
      {"agency", m.agency},
      {"agency_kind", AgencyKindName(m.agency_kind)},
      {"agency_level", AgencyLevelName(m.agency_level)},
      {"year", m.report_year ? ordered_json(m.report_year) : ordered_json(nullptr)},
      {"year_source", m.report_year_source},
      {"published", DateJson(m.published, text)},
      {"signature", DateJson(m.signature, text)},
  };
  if (m.period_begin && m.period_end)
    meta["period"] = {{"begin", m.period_begin->Iso()}, {"end", m.period_end->Iso()}};
  else
    meta["period"] = nullptr;
  meta["kind"] = DocumentKindName(m.kind);
  meta["kind_reason"] = m.kind_reason;
  meta["format"] = doc.format.empty() ? ordered_json(nullptr) : ordered_json(doc.format);
  meta["format_reason"] = doc.format_reason;
  meta["table_format"] = doc.table_format.empty() ? ordered_json(nullptr) : ordered_json(doc.table_format);

  ordered_json sections = ordered_json::array();
  for (const Section& s : doc.sections) sections.push_back(SectionJson(s, text));

  ordered_json paragraphs = ordered_json::array();
  for (const Paragraph& p : doc.paragraphs) {
    if (p.in_table) continue;
    paragraphs.push_back({{"location", Location(text, p.span)}, {"text", text.Slice(p.span)}});
  }

  ordered_json numbers = ordered_json::array();
  for (const ProseNumber& n : doc.numbers) {
    ordered_json j = {{"value", n.value}, {"text", n.text}, {"unit", n.unit}};
    if (!n.approx.empty()) j["approx"] = n.approx;
    if (n.chinese_numeral) j["chinese_numeral"] = true;
    j["location"] = Location(text, n.span);
    numbers.push_back(std::move(j));
  }

  ordered_json tables = ordered_json::array();
  for (const Table& t : doc.tables) tables.push_back(TableJson(t, text));

  const IngestedReport& src = doc.source;
  ordered_json source = {{"path", src.path}, {"reader", src.reader}, {"encoding", src.encoding}};
  if (!src.record.empty()) source["record"] = src.record;
  if (!src.facts.url.empty()) source["url"] = src.facts.url;

  return {{"source", std::move(source)}, {"document", std::move(meta)},
          {"sections", std::move(sections)}, {"tables", std::move(tables)},
          {"numbers", std::move(numbers)}, {"paragraphs", std::move(paragraphs)}};
}

std::string Dump(const ordered_json& j, bool pretty) {
  // replace: invalid UTF-8 (should not happen after ingest) never aborts the output.
  return j.dump(pretty ? 2 : -1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace

std::string DocumentToJson(const Document& doc, bool pretty) {
  return Dump(DocumentObject(doc), pretty);
}

std::string ParseOutputToJson(const std::vector<Document>& docs,
                              const std::vector<IngestError>& errors, bool pretty) {
  ordered_json out = {{"tool", {{"name", "ogicheck"}, {"version", OGICHECK_VERSION}}}};
  ordered_json list = ordered_json::array();
  for (const Document& d : docs) list.push_back(DocumentObject(d));
  out["documents"] = std::move(list);
  ordered_json errs = ordered_json::array();
  for (const IngestError& e : errors)
    errs.push_back({{"path", e.path + e.record}, {"message", e.status.message()}});
  out["errors"] = std::move(errs);
  return Dump(out, pretty);
}

}  // namespace ogicheck
