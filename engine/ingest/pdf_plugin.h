// The interface between the PDF reader and the poppler-based text extractor (engine/plugins/).
// The extractor is a plugin, libogicheck_pdf.so, loaded on the first PDF: poppler and the two
// dozen libraries it needs (nss3, freetype, fontconfig, lcms, openjpeg, tiff…) took ~3 ms of
// dynamic linking in every run, PDF or not. A plain C interface, so that nothing of the C++
// runtime crosses it. (Fuzz builds link the extractor in: OGICHECK_PDF_LINKED.)
#pragma once

#include <stddef.h>

extern "C" {

struct OgicheckPdfCallbacks {
  void* ctx;
  // Once, after the document opened: its page count and its Title (UTF-8, may be empty).
  void (*on_document)(void* ctx, int pages, const char* title, size_t title_size);
  // Each page in order, its text in the physical layout (UTF-8); text is null when poppler
  // cannot create the page. Returns 0 to stop reading, 1 to go on.
  int (*on_page)(void* ctx, int index, const char* text, size_t size);
};

enum OgicheckPdfResult { kOgicheckPdfOk = 0, kOgicheckPdfDamaged = 1, kOgicheckPdfLocked = 2 };

// The plugin's one entry point (the symbol the reader looks up).
typedef int (*OgicheckPdfReadFn)(const char* data, size_t size, const OgicheckPdfCallbacks* cb);
int ogicheck_pdf_read(const char* data, size_t size, const OgicheckPdfCallbacks* cb);

}  // extern "C"

#include <string>

namespace ogicheck {

// The extractor's entry point, the plugin loaded on the first call (once per process): from
// $OGICHECK_PDF_PLUGIN when set (that file only), else libogicheck_pdf.so beside the running
// executable, else the dynamic linker's search path. Null when it cannot be loaded; *error then
// says where it looked and why it failed (the same text on every call).
OgicheckPdfReadFn PdfExtractor(std::string* error);

}  // namespace ogicheck
