// PdfReader: a PDF's text layer -> report text, one page after another, every page's start
// recorded so that locations carry a page. The text comes from poppler-cpp with the physical
// layout (the space-aligned rows `pdftotext -layout` gives), so table rows stay on one line,
// through the plugin libogicheck_pdf.so loaded on the first PDF (pdf_plugin.h). Page headers
// and footers that are only a page number are dropped (pdf_lines.h). A PDF without any text is
// reported as scanned (ContainerFacts::scanned_without_text), not as an error: rules say so.
#include <algorithm>
#include <string>
#include <vector>

#include "ingest/grid_text.h"
#include "ingest/pdf_lines.h"
#include "ingest/pdf_plugin.h"
#include "ingest/reader.h"

namespace ogicheck {
namespace {

constexpr int kMaxPages = 500;  // annual reports run to a few dozen pages
// Compressed content streams can expand enormously; stop adding pages past this much text.
constexpr size_t kMaxTextBytes = 64u << 20;

bool HasEofMarker(std::string_view bytes) {
  // The spec puts %%EOF at the end; readers tolerate trailing junk within the last KB.
  const size_t window = std::min<size_t>(bytes.size(), 1024);
  return bytes.substr(bytes.size() - window).find("%%EOF") != std::string_view::npos;
}

// What the extractor hands over, page by page (pdf_plugin.h).
struct Extraction {
  int pages = -1;  // -1: the document did not open
  std::string title;
  ReportTextBuilder builder;
  std::vector<int> empty_pages;
  std::vector<std::string> notes;

  static void OnDocument(void* ctx, int pages, const char* title, size_t size) {
    auto* x = static_cast<Extraction*>(ctx);
    x->pages = pages;
    x->title.assign(title, size);
  }
  static int OnPage(void* ctx, int i, const char* text, size_t size) {
    auto* x = static_cast<Extraction*>(ctx);
    if (i >= kMaxPages) return 0;
    if (x->builder.size() > kMaxTextBytes) {
      x->notes.push_back("text stopped after page " + std::to_string(i) + ": more than " +
                         std::to_string(kMaxTextBytes >> 20) + " MB of text");
      return 0;
    }
    if (text == nullptr) {
      x->empty_pages.push_back(i + 1);
      return 1;
    }
    const std::vector<std::string> lines = PageLines(std::string(text, size));
    if (lines.empty()) {
      x->empty_pages.push_back(i + 1);
      return 1;
    }
    x->builder.MarkPage(static_cast<uint32_t>(i + 1));
    for (const std::string& line : lines) {
      x->builder.AddRaw(line);
      x->builder.AddRaw("\n");
    }
    return 1;
  }
};

class PdfReaderImpl : public Reader {
 public:
  const char* name() const override { return "pdf"; }

  bool Accepts(std::string_view extension, std::string_view head) const override {
    return extension == "pdf" || head.substr(0, 5) == "%PDF-";
  }

  void Read(std::string_view bytes, const std::string& path, const IngestOptions& options,
            IngestResult* out) const override {
    auto fail = [&](ErrorCode code, const std::string& message) {
      out->errors.push_back({path, "", Status::Error(code, "PDF: " + message)});
    };
    if (bytes.size() > options.max_file_bytes) {
      return fail(ErrorCode::kTooLarge, "file is " + std::to_string(bytes.size()) +
                                            " bytes, more than the limit of " +
                                            std::to_string(options.max_file_bytes));
    }
    if (bytes.empty()) return fail(ErrorCode::kEmpty, "file is empty");
    if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
      return fail(ErrorCode::kFormat, "no %PDF- header: not a PDF file");
    }
    if (!HasEofMarker(bytes)) {
      return fail(ErrorCode::kFormat, "no %%EOF at the end: the file is truncated");
    }
    std::string plugin_error;
    OgicheckPdfReadFn extract = PdfExtractor(&plugin_error);
    if (extract == nullptr) return fail(ErrorCode::kUnsupported, plugin_error);
    Extraction x;
    const OgicheckPdfCallbacks callbacks{&x, &Extraction::OnDocument, &Extraction::OnPage};
    const int result = extract(bytes.data(), bytes.size(), &callbacks);
    if (result == kOgicheckPdfLocked) {
      return fail(ErrorCode::kUnsupported, "encrypted: it needs a password to open");
    }
    if (result != kOgicheckPdfOk || x.pages < 0) {
      return fail(ErrorCode::kFormat, "damaged: poppler cannot open it");
    }
    const int pages = x.pages;
    if (pages <= 0) return fail(ErrorCode::kFormat, "damaged: no pages");

    IngestedReport report;
    report.path = path;
    report.reader = name();
    report.encoding = "UTF-8";
    report.facts.pages = static_cast<uint32_t>(pages);
    report.facts.title = CollapseWhitespace(x.title);
    if (pages > kMaxPages) {
      report.facts.notes.push_back("only the first " + std::to_string(kMaxPages) + " of " +
                                   std::to_string(pages) + " pages were read");
    }
    for (std::string& note : x.notes) report.facts.notes.push_back(std::move(note));
    ReportTextBuilder& builder = x.builder;
    const std::vector<int>& empty_pages = x.empty_pages;
    if (builder.size() == 0) {
      report.facts.scanned_without_text = true;
      report.facts.notes.push_back("the PDF has " + std::to_string(pages) +
                                   " pages but no text layer (scanned images?); no OCR is done");
    } else if (!empty_pages.empty()) {
      std::string list;
      for (int p : empty_pages) list += (list.empty() ? "" : ", ") + std::to_string(p);
      report.facts.notes.push_back("pages without text (scanned?): " + list);
    }
    report.text = builder.Finish();
    out->reports.push_back(std::move(report));
  }
};

}  // namespace

const Reader* PdfReader() {
  static const PdfReaderImpl reader;
  return &reader;
}

}  // namespace ogicheck
