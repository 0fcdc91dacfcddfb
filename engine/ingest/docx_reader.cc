// DocxReader: a Word file -> report text (grid_text.h convention). The container is read with
// libzip under zip-bomb limits (zip_archive.h), word/document.xml is streamed with libxml2
// (docx_xml.h): body paragraphs become lines (with their list numbers from numbering.xml), and
// tables become TAB rows with gridSpan and vMerge laid out on the grid, merged-away positions
// left empty.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "ingest/docx_numbering.h"
#include "ingest/docx_xml.h"
#include "ingest/grid_text.h"
#include "ingest/reader.h"
#include "ingest/zip_archive.h"

namespace ogicheck {
namespace {

// A body paragraph line: whitespace collapsed in each TAB-separated piece, indentation (leading
// U+3000, leading TABs) dropped, inner TABs kept (offices do lay out small tables with tabs).
std::string CleanParagraphLine(std::string_view line) {
  std::vector<std::string> pieces;
  size_t start = 0;
  while (start <= line.size()) {
    size_t end = line.find('\t', start);
    if (end == std::string_view::npos) end = line.size();
    pieces.push_back(CollapseWhitespace(line.substr(start, end - start)));
    start = end + 1;
  }
  while (!pieces.empty() && pieces.front().empty()) pieces.erase(pieces.begin());
  while (!pieces.empty() && pieces.back().empty()) pieces.pop_back();
  std::string out;
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) out += '\t';
    out += pieces[i];
  }
  return out;
}

struct Paragraph {
  std::string text;
  std::string style;
  int num_id = -1;  // -1: not stated on the paragraph (its style may give one); 0: no list
  int ilvl = -1;
};

struct Cell {
  std::string text;
  uint32_t span = 1;
  bool merged_continue = false;  // w:vMerge without val="restart": covered from above
  std::string element;
};

class DocumentWalker {
 public:
  DocumentWalker(DocxNumbering* numbering, ReportTextBuilder* out)
      : numbering_(numbering), out_(out) {}

  Status Walk(std::string_view xml_text) {
    DocxXml xml(xml_text, "word/document.xml");
    for (DocxXml::Event e = xml.Next(); e != DocxXml::Event::kDone; e = xml.Next()) {
      if (e == DocxXml::Event::kError) return xml.status();
      if (e == DocxXml::Event::kText) {
        if (in_t_ && !paragraphs_.empty()) paragraphs_.back().text.append(xml.text());
        continue;
      }
      const std::string& n = xml.name();
      if (n.empty()) {
        // Alternate content repeats itself as a fallback (text boxes, shapes): read one copy.
        if (e == DocxXml::Event::kStart && xml.other_name() == "mc:Fallback") xml.SkipSubtree();
        continue;
      }
      Status s = e == DocxXml::Event::kStart ? Start(xml, n) : End(n);
      if (!s.ok()) return s;
      if (!xml.status().ok()) return xml.status();
    }
    return Status::Ok();
  }

 private:
  bool InCell() const { return table_depth_ > 0 && in_cell_; }

  Status Start(DocxXml& xml, const std::string& n) {
    if (n == "pPr") {
      ++ppr_depth_;
    } else if (n == "p") {
      paragraphs_.emplace_back();
      if (table_depth_ == 0 && paragraphs_.size() == 1) ++body_paragraphs_;
    } else if (n == "t") {
      in_t_ = true;
    } else if (n == "tab" && ppr_depth_ == 0 && !paragraphs_.empty()) {
      paragraphs_.back().text += '\t';  // a run's tab; w:pPr/w:tabs/w:tab are tab stops
    } else if ((n == "br" || n == "cr") && !paragraphs_.empty()) {
      const std::string type = xml.Attr("type");
      if (type != "page" && type != "column") paragraphs_.back().text += '\n';
    } else if (n == "noBreakHyphen" && !paragraphs_.empty()) {
      paragraphs_.back().text += '-';
    } else if (n == "numId" && !paragraphs_.empty() && ppr_depth_ > 0) {
      paragraphs_.back().num_id = ParseIntAttr(xml.Attr("val"), -1);
    } else if (n == "ilvl" && !paragraphs_.empty() && ppr_depth_ > 0) {
      paragraphs_.back().ilvl = ParseIntAttr(xml.Attr("val"), 0);
    } else if (n == "pStyle" && !paragraphs_.empty() && ppr_depth_ > 0) {
      paragraphs_.back().style = xml.Attr("val");
    } else if (n == "del" || n == "moveFrom" || n == "instrText" || n == "delInstrText") {
      xml.SkipSubtree();  // tracked deletions and field codes are not what the reader sees
    } else if (n == "tbl") {
      if (++table_depth_ == 1) {
        rows_.clear();
        table_path_ = "body/tbl[" + std::to_string(++tables_) + "]";
      }
    } else if (table_depth_ == 1 && n == "tr") {
      rows_.emplace_back();
      row_path_ = table_path_ + "/tr[" + std::to_string(rows_.size()) + "]";
      cells_in_row_ = 0;
    } else if (table_depth_ == 1 && n == "gridBefore" && !rows_.empty()) {
      Cell pad;
      pad.span = static_cast<uint32_t>(std::clamp(ParseIntAttr(xml.Attr("val"), 0), 0, 1000));
      if (pad.span > 0) rows_.back().push_back(pad);
    } else if (table_depth_ == 1 && n == "tc" && !rows_.empty()) {
      in_cell_ = true;
      cell_ = Cell{};
      cell_.element = row_path_ + "/tc[" + std::to_string(++cells_in_row_) + "]";
    } else if (table_depth_ == 1 && in_cell_ && n == "gridSpan") {
      cell_.span = static_cast<uint32_t>(std::clamp(ParseIntAttr(xml.Attr("val"), 1), 1, 1000));
    } else if (table_depth_ == 1 && in_cell_ && n == "vMerge") {
      cell_.merged_continue = xml.Attr("val") != "restart";
    }
    return Status::Ok();
  }

  Status End(const std::string& n) {
    if (n == "pPr") {
      ppr_depth_ = std::max(0, ppr_depth_ - 1);
    } else if (n == "t") {
      in_t_ = false;
    } else if (n == "p" && !paragraphs_.empty()) {
      Paragraph p = std::move(paragraphs_.back());
      paragraphs_.pop_back();
      int num_id = p.num_id, ilvl = p.ilvl;
      if (num_id < 0 && !p.style.empty()) {
        int style_ilvl = -1;
        if (numbering_->StyleList(p.style, &num_id, &style_ilvl) && ilvl < 0) ilvl = style_ilvl;
      }
      const std::string label = num_id > 0 ? numbering_->Next(num_id, std::max(ilvl, 0)) : "";
      if (InCell()) {
        if (!cell_.text.empty()) cell_.text += '\n';
        cell_.text += label + p.text;
      } else {
        EmitParagraph(label, p.text);
      }
    } else if (table_depth_ == 1 && n == "tc" && in_cell_ && !rows_.empty()) {
      in_cell_ = false;
      rows_.back().push_back(std::move(cell_));
    } else if (n == "tbl" && table_depth_ > 0) {
      if (--table_depth_ == 0) return FinishTable();
    }
    return Status::Ok();
  }

  void EmitParagraph(const std::string& label, const std::string& text) {
    const std::string element = "body/p[" + std::to_string(body_paragraphs_) + "]";
    bool first = true;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = CleanParagraphLine(std::string_view(text).substr(start, end - start));
      if (first && !line.empty()) {
        line = label + line;
        first = false;
      }
      out_->AddLine(line, element);
      start = end + 1;
    }
  }

  Status FinishTable() {
    std::vector<GridRow> rows;
    rows.reserve(rows_.size());
    for (size_t r = 0; r < rows_.size(); ++r) {
      GridRow row;
      row.element = table_path_ + "/tr[" + std::to_string(r + 1) + "]";
      for (Cell& c : rows_[r]) {
        GridCell g;
        // A vMerge continuation is a position covered from above: an empty field.
        if (!c.merged_continue) g.text = CollapseWhitespace(c.text);
        g.col_span = c.span;
        g.element = std::move(c.element);
        row.cells.push_back(std::move(g));
      }
      rows.push_back(std::move(row));
    }
    rows_.clear();
    if (rows.empty()) return Status::Ok();
    ExpandedGrid grid;
    Status s = ExpandGrid(rows, GridLimits{}, &grid);
    if (!s.ok()) return Status::Error(s.code(), table_path_ + ": " + s.message());
    out_->AddTable(rows, grid);
    return Status::Ok();
  }

  DocxNumbering* numbering_;
  ReportTextBuilder* out_;
  std::vector<Paragraph> paragraphs_;  // a stack: text boxes nest paragraphs in paragraphs
  bool in_t_ = false;
  int ppr_depth_ = 0;
  int table_depth_ = 0;  // nested tables are read as text of the outer cell
  bool in_cell_ = false;
  int body_paragraphs_ = 0;
  int tables_ = 0;
  int cells_in_row_ = 0;
  std::string table_path_, row_path_;
  std::vector<std::vector<Cell>> rows_;
  Cell cell_;
};

// The main part's name: word/document.xml, or what _rels/.rels says the officeDocument is.
std::string MainPartName(ZipArchive& zip) {
  if (zip.Has("word/document.xml")) return "word/document.xml";
  std::string rels;
  if (!zip.Read("_rels/.rels", &rels).ok()) return "";
  const size_t type = rels.find("/officeDocument\"");
  if (type == std::string::npos) return "";
  const size_t rel_start = rels.rfind("<", type);
  const size_t target = rels.find("Target=\"", rel_start);
  if (target == std::string::npos) return "";
  const size_t end = rels.find('"', target + 8);
  std::string name = rels.substr(target + 8, end - target - 8);
  if (!name.empty() && name[0] == '/') name.erase(0, 1);
  return zip.Has(name) ? name : "";
}

// dc:title from docProps/core.xml, "" when absent or unreadable (it is only a hint).
std::string CoreTitle(ZipArchive& zip) {
  std::string core;
  if (!zip.Has("docProps/core.xml") || !zip.Read("docProps/core.xml", &core).ok()) return "";
  DocxXml xml(core, "docProps/core.xml");
  bool in_title = false;
  std::string title;
  for (DocxXml::Event e = xml.Next(); e != DocxXml::Event::kDone; e = xml.Next()) {
    if (e == DocxXml::Event::kError) return "";
    if (e == DocxXml::Event::kStart || e == DocxXml::Event::kEnd) {
      in_title = e == DocxXml::Event::kStart && xml.other_name() == "dc:title";
    } else if (in_title) {
      title += xml.text();
    }
  }
  return CollapseWhitespace(title);
}

class DocxReaderImpl : public Reader {
 public:
  const char* name() const override { return "docx"; }

  bool Accepts(std::string_view extension, std::string_view /*head*/) const override {
    return extension == "docx" || extension == "docm" || extension == "dotx";
  }

  void Read(std::string_view bytes, const std::string& path, const IngestOptions& options,
            IngestResult* out) const override {
    auto fail = [&](ErrorCode code, const std::string& message) {
      out->errors.push_back({path, "", Status::Error(code, "DOCX: " + message)});
    };
    if (bytes.size() > options.max_file_bytes) {
      return fail(ErrorCode::kTooLarge, "file is " + std::to_string(bytes.size()) +
                                            " bytes, more than the limit of " +
                                            std::to_string(options.max_file_bytes));
    }
    if (bytes.empty()) return fail(ErrorCode::kEmpty, "file is empty");
    if (bytes.substr(0, 4) == "\xD0\xCF\x11\xE0") {
      return fail(ErrorCode::kUnsupported,
                  "an OLE compound file, not a zip: a password-protected (encrypted) DOCX or a "
                  "legacy .doc; save it as an unprotected .docx");
    }
    std::unique_ptr<ZipArchive> zip;
    Status s = ZipArchive::Open(bytes, ZipLimits{}, &zip);
    if (!s.ok()) return fail(s.code(), s.message());
    const std::string main = MainPartName(*zip);
    if (main.empty()) return fail(ErrorCode::kFormat, "no word/document.xml: not a Word document");

    DocxNumbering numbering;
    if (zip->Has("word/numbering.xml")) {
      std::string part;
      s = zip->Read("word/numbering.xml", &part);
      if (s.ok()) s = numbering.Parse(part);
      if (s.ok() && zip->Has("word/styles.xml")) {
        s = zip->Read("word/styles.xml", &part);
        if (s.ok()) s = numbering.ParseStyles(part);
      }
      if (!s.ok()) return fail(s.code(), s.message());
    }
    std::string document;
    s = zip->Read(main, &document);
    if (!s.ok()) return fail(s.code(), s.message());

    ReportTextBuilder builder;
    s = DocumentWalker(&numbering, &builder).Walk(document);
    if (!s.ok()) return fail(s.code(), s.message());
    IngestedReport report;
    report.path = path;
    report.reader = name();
    report.encoding = "UTF-8";
    report.facts.title = CoreTitle(*zip);
    report.text = builder.Finish();
    out->reports.push_back(std::move(report));
  }
};

}  // namespace

const Reader* DocxReader() {
  static const DocxReaderImpl reader;
  return &reader;
}

}  // namespace ogicheck
