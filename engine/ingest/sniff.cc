// File-kind sniffing; see sniff.h.
#include "ingest/sniff.h"

#include <algorithm>
#include <array>

#include "ogicheck/ingest.h"

namespace ogicheck::ingest {

std::string LowerExtension(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  std::string ext(base.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return ext;
}

bool IsTextExtension(std::string_view extension) {
  return extension == "txt" || extension == "text" || extension == "md" || extension == "markdown";
}

bool IsContainerExtension(std::string_view extension) {
  static constexpr std::array<std::string_view, 22> kContainers = {
      "html", "htm", "xhtml", "shtml", "json", "jsonl", "ndjson", "docx", "doc", "pdf",  "wps",
      "rtf",  "odt", "xls",   "xlsx",  "zip",  "rar",   "7z",     "png",  "jpg", "jpeg", "gif"};
  return std::find(kContainers.begin(), kContainers.end(), extension) != kContainers.end();
}

bool LooksLikeText(std::string_view head) {
  std::string utf8, encoding;
  return DecodeToUtf8(head, &utf8, &encoding).ok();
}

std::string_view TrimHead(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (!head.empty() && (head.front() == ' ' || head.front() == '\t' || head.front() == '\n' ||
                           head.front() == '\r')) {
    head.remove_prefix(1);
  }
  return head;
}

}  // namespace ogicheck::ingest
