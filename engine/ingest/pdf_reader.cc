// PdfReader: a PDF's text layer -> report text, one page after another, every page's start
// recorded so that locations carry a page. Uses poppler-cpp with the physical layout (the
// space-aligned rows `pdftotext -layout` gives), so table rows stay on one line. Page headers
// and footers that are only a page number are dropped (pdf_lines.h). A PDF without any text is
// reported as scanned (ContainerFacts::scanned_without_text), not as an error: rules say so.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ingest/grid_text.h"
#include "ingest/pdf_lines.h"
#include "ingest/reader.h"

namespace ogicheck {
namespace {

constexpr int kMaxPages = 500;  // annual reports run to a few dozen pages
// Compressed content streams can expand enormously; stop adding pages past this much text.
constexpr size_t kMaxTextBytes = 64u << 20;

void IgnorePopplerMessage(const std::string&, void*) {}

std::string ToUtf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

bool HasEofMarker(std::string_view bytes) {
  // The spec puts %%EOF at the end; readers tolerate trailing junk within the last KB.
  const size_t window = std::min<size_t>(bytes.size(), 1024);
  return bytes.substr(bytes.size() - window).find("%%EOF") != std::string_view::npos;
}

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
    static std::once_flag quiet;
    std::call_once(quiet, [] { poppler::set_debug_error_function(IgnorePopplerMessage, nullptr); });

    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (doc == nullptr) return fail(ErrorCode::kFormat, "damaged: poppler cannot open it");
    if (doc->is_locked()) {
      return fail(ErrorCode::kUnsupported, "encrypted: it needs a password to open");
    }
    const int pages = doc->pages();
    if (pages <= 0) return fail(ErrorCode::kFormat, "damaged: no pages");

    IngestedReport report;
    report.path = path;
    report.reader = name();
    report.encoding = "UTF-8";
    report.facts.pages = static_cast<uint32_t>(pages);
    report.facts.title = CollapseWhitespace(ToUtf8(doc->info_key("Title")));
    if (pages > kMaxPages) {
      report.facts.notes.push_back("only the first " + std::to_string(kMaxPages) + " of " +
                                   std::to_string(pages) + " pages were read");
    }
    ReportTextBuilder builder;
    std::vector<int> empty_pages;
    for (int i = 0; i < std::min(pages, kMaxPages); ++i) {
      if (builder.size() > kMaxTextBytes) {
        report.facts.notes.push_back("text stopped after page " + std::to_string(i) +
                                     ": more than " + std::to_string(kMaxTextBytes >> 20) +
                                     " MB of text");
        break;
      }
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (page == nullptr) {
        empty_pages.push_back(i + 1);
        continue;
      }
      const std::vector<std::string> lines =
          PageLines(ToUtf8(page->text(poppler::rectf(), poppler::page::physical_layout)));
      if (lines.empty()) {
        empty_pages.push_back(i + 1);
        continue;
      }
      builder.MarkPage(static_cast<uint32_t>(i + 1));
      for (const std::string& line : lines) {
        builder.AddRaw(line);
        builder.AddRaw("\n");
      }
    }
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
