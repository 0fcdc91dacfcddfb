// Finds and loads libogicheck_pdf.so, the poppler-based text extractor (pdf_plugin.h).
#include "ingest/pdf_plugin.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <vector>

namespace ogicheck {
namespace {

constexpr const char* kPluginName = "libogicheck_pdf.so";

// The folder of the running executable ("" if unknown).
std::string ExecutableDir() {
  std::vector<char> buf(4096);
  ssize_t n = readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  if (n <= 0) return "";
  std::string path(buf.data(), static_cast<size_t>(n));
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

struct Loaded {
  OgicheckPdfReadFn fn = nullptr;
  std::string error;
};

Loaded Load() {
  Loaded out;
#ifdef OGICHECK_PDF_LINKED
  out.fn = &ogicheck_pdf_read;
#else
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("OGICHECK_PDF_PLUGIN"); env && *env) {
    candidates.push_back(env);
  } else {
    if (std::string dir = ExecutableDir(); !dir.empty())
      candidates.push_back(dir + "/" + kPluginName);
    candidates.push_back(kPluginName);  // LD_LIBRARY_PATH, the system's library folders
  }
  std::string tried;
  for (const std::string& c : candidates) {
    void* handle = dlopen(c.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      tried += (tried.empty() ? "" : "; ") + (why ? std::string(why) : c);
      continue;
    }
    // Kept loaded for the rest of the process: the reader may be called at any time.
    auto fn = reinterpret_cast<OgicheckPdfReadFn>(dlsym(handle, "ogicheck_pdf_read"));
    if (fn == nullptr) {
      tried += (tried.empty() ? "" : "; ") + c + ": no ogicheck_pdf_read in it";
      continue;
    }
    out.fn = fn;
    return out;
  }
  out.error = std::string("the PDF text extractor ") + kPluginName +
              " could not be loaded (build it with the ogicheck_pdf target, keep it beside the "
              "ogicheck binary or name it in OGICHECK_PDF_PLUGIN): " +
              tried;
#endif
  return out;
}

}  // namespace

OgicheckPdfReadFn PdfExtractor(std::string* error) {
  static const Loaded loaded = Load();
  if (error) *error = loaded.error;
  return loaded.fn;
}

}  // namespace ogicheck
