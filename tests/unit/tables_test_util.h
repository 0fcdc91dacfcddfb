// Helpers for the table tests: reading corpus inputs into SourceText and dumping extracted tables
// to a canonical text (one line per row) that golden files are compared with.
#pragma once

#include <nlohmann/json.hpp>
#include <initializer_list>
#include <string>
#include <string_view>

#include "ogicheck/report_schema.h"
#include "ogicheck/ingest.h"
#include "ogicheck/source_text.h"
#include "ogicheck/table.h"
#include "tables/extract.h"
#include "test_paths.h"

namespace ogicheck::testing {

// A corpus file as the ingest stage would give it: crawled *.json records are reduced to their
// 内容 field, everything else is read as UTF-8 text.
inline SourceText LoadCorpusText(const std::string& path) {
  // Published forms (HTML, DOCX, PDF) go through their readers, as `ogicheck` reads them.
  for (const char* ext : {".html", ".docx", ".pdf"}) {
    if (path.ends_with(ext)) {
      IngestResult r = IngestFile(path);
      if (r.reports.size() != 1) throw std::runtime_error("cannot read " + path);
      return std::move(r.reports[0].text);
    }
  }
  std::string bytes = ReadFileOrDie(path);
  if (path.size() > 5 && path.ends_with(".json")) {
    auto j = nlohmann::json::parse(bytes);
    return SourceText::FromUtf8(j.at("内容").get<std::string>());
  }
  return SourceText::FromUtf8(bytes);
}

// Concatenation by append: GCC 12 warns (-Wrestrict, a false positive) on "lit" + string&&.
inline std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out.append(p);
  return out;
}

inline const SchemaSet& ShippedSchemas() {
  static const SchemaSet* set = [] {
    auto* s = new SchemaSet;
    Status st = s->LoadDirectory(SourcePath("schemas"));
    if (!st.ok()) throw std::runtime_error(st.message());
    return s;
  }();
  return *set;
}

// One cell as dumped: "_" blank, "?" ambiguous, else the printed value without spaces.
inline std::string DumpCell(const TableCell* c) {
  if (!c) return "!";  // no cell at all: a layout bug, never expected
  if (c->ambiguous) return "?";
  if (c->semantic == CellSemantic::kBlank) return "_";
  std::string out;
  for (char ch : c->raw)
    if (ch != ' ' && ch != '\t') out.push_back(ch);
  return out;
}

// "table ID\n  deviations: …\n  ROW: c1 c2 …\n" per table, rows in schema order.
inline std::string DumpTables(const TableExtraction& ex, const ReportSchema& schema) {
  std::string out;
  for (const Table& t : ex.tables) {
    out += Cat({"table ", t.id, "\n"});
    if (!t.deviations.empty()) {
      out += "  deviations:";
      for (const std::string& d : t.deviations) out += Cat({" ", d});
      out += "\n";
    }
    const SchemaTable* st = schema.FindTable(t.id);
    for (const SchemaRow& r : st->rows) {
      if (!t.Cell(r.id, t.columns.front())) continue;  // rows without cells are not printed
      out += Cat({"  ", r.id, ":"});
      for (const std::string& col : t.columns) out += Cat({" ", DumpCell(t.Cell(r.id, col))});
      out += "\n";
    }
  }
  return out;
}

}  // namespace ogicheck::testing
