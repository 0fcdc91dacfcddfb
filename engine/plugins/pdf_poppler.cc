// libogicheck_pdf.so: a PDF's text layer through poppler-cpp, page by page in the physical layout
// (the space-aligned rows `pdftotext -layout` gives). Loaded by the PDF reader on the first PDF
// (engine/ingest/pdf_plugin.h says why); everything else about PDFs is in pdf_reader.cc.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>
#include <string>

#include "ingest/pdf_plugin.h"

namespace {

void IgnorePopplerMessage(const std::string&, void*) {}

std::string ToUtf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int ogicheck_pdf_read(
    const char* data, size_t size, const OgicheckPdfCallbacks* cb) {
  // Nothing may leave through the C interface.
  try {
    static std::once_flag quiet;
    std::call_once(quiet, [] { poppler::set_debug_error_function(IgnorePopplerMessage, nullptr); });
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(data, static_cast<int>(size)));
    if (doc == nullptr) return kOgicheckPdfDamaged;
    if (doc->is_locked()) return kOgicheckPdfLocked;
    const int pages = doc->pages();
    const std::string title = ToUtf8(doc->info_key("Title"));
    cb->on_document(cb->ctx, pages, title.data(), title.size());
    for (int i = 0; i < pages; ++i) {
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      int go_on = 1;
      if (page == nullptr) {
        go_on = cb->on_page(cb->ctx, i, nullptr, 0);
      } else {
        const std::string text =
            ToUtf8(page->text(poppler::rectf(), poppler::page::physical_layout));
        go_on = cb->on_page(cb->ctx, i, text.data(), text.size());
      }
      if (!go_on) break;
    }
    return kOgicheckPdfOk;
  } catch (...) {
    return kOgicheckPdfDamaged;
  }
}
