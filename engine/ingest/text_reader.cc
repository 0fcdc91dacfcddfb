// The plain-text reader: .txt, .md and any other file whose first bytes decode as text.
#include <string>
#include <utility>

#include "ingest/reader.h"
#include "ingest/reader_support.h"
#include "ingest/sniff.h"

namespace ogicheck {
namespace {

class PlainTextReader final : public Reader {
 public:
  const char* name() const override { return "text"; }

  bool Accepts(std::string_view extension, std::string_view head) const override {
    if (ingest::IsTextExtension(extension)) return true;
    return !ingest::IsContainerExtension(extension) && ingest::LooksLikeText(head);
  }

  void Read(std::string_view bytes, const std::string& path, const IngestOptions& /*options*/,
            IngestResult* out) const override {
    std::string utf8;
    std::string encoding;
    const Status status = DecodeToUtf8(bytes, &utf8, &encoding);
    if (!status.ok()) {
      ingest::AddError(out, path, "", status.code(), status.message());
      return;
    }
    if (ingest::IsBlank(utf8)) {
      ingest::AddError(out, path, "", ErrorCode::kEmpty, "no text (only white space)");
      return;
    }
    IngestedReport report;
    report.path = path;
    report.reader = name();
    report.encoding = std::move(encoding);
    report.text = SourceText::FromOwnedUtf8(std::move(utf8));
    out->reports.push_back(std::move(report));
  }
};

}  // namespace

const Reader* TextReader() {
  static const PlainTextReader reader;
  return &reader;
}

}  // namespace ogicheck
