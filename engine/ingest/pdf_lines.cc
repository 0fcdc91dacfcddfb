// Page-number lines and page text cleanup for the PDF reader (see pdf_lines.h).
#include "ingest/pdf_lines.h"

#include <re2/re2.h>

namespace ogicheck {
namespace {

// Digits as printed: ASCII or full-width.
#define PN_DIGITS "[0-9０-９]{1,4}"
#define PN_DASH "[-—–－―~～]"

std::string_view Trim(std::string_view s) {
  auto starts_space = [](std::string_view v) {
    if (v.empty()) return size_t{0};
    if (v[0] == ' ' || v[0] == '\t' || v[0] == '\r') return size_t{1};
    if (v.substr(0, 3) == "\u3000") return size_t{3};
    return size_t{0};
  };
  auto ends_space = [](std::string_view v) {
    if (v.empty()) return size_t{0};
    const char c = v.back();
    if (c == ' ' || c == '\t' || c == '\r') return size_t{1};
    if (v.size() >= 3 && v.substr(v.size() - 3) == "\u3000") return size_t{3};
    return size_t{0};
  };
  for (size_t n; (n = starts_space(s)) > 0;) s.remove_prefix(n);
  for (size_t n; (n = ends_space(s)) > 0;) s.remove_suffix(n);
  return s;
}

}  // namespace

bool IsPageNumberLine(std::string_view line, bool at_page_edge) {
  static const RE2 kDashed("^" PN_DASH "+\\s*" PN_DIGITS "\\s*" PN_DASH "+$");
  static const RE2 kChinese("^第\\s*" PN_DIGITS "\\s*页(\\s*[，,/]?\\s*共\\s*" PN_DIGITS
                            "\\s*页)?$|^共\\s*" PN_DIGITS "\\s*页\\s*[，,]?\\s*第\\s*" PN_DIGITS
                            "\\s*页$");
  static const RE2 kOf("^" PN_DIGITS "\\s*/\\s*" PN_DIGITS "$");
  static const RE2 kBare("^" PN_DIGITS "$");
  const std::string_view t = Trim(line);
  if (t.empty()) return false;
  if (RE2::FullMatch(t, kDashed) || RE2::FullMatch(t, kChinese)) return true;
  return at_page_edge && (RE2::FullMatch(t, kOf) || RE2::FullMatch(t, kBare));
}

std::vector<std::string> PageLines(std::string_view page_text) {
  std::vector<std::string> raw;
  size_t start = 0;
  while (start < page_text.size()) {
    size_t end = page_text.find('\n', start);
    if (end == std::string_view::npos) end = page_text.size();
    std::string line;
    for (char c : page_text.substr(start, end - start)) {
      if (c != '\f' && c != '\r') line += c;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    raw.push_back(std::move(line));
    start = end + 1;
  }
  // The first and last non-blank lines are the page's edges, where headers and footers sit.
  int first = -1, last = -1;
  for (int i = 0; i < static_cast<int>(raw.size()); ++i) {
    if (Trim(raw[i]).empty()) continue;
    if (first < 0) first = i;
    last = i;
  }
  std::vector<std::string> out;
  for (int i = 0; i < static_cast<int>(raw.size()); ++i) {
    const bool blank = Trim(raw[i]).empty();
    if (!blank && IsPageNumberLine(raw[i], i == first || i == last)) continue;
    if (blank && (out.empty() || out.back().empty())) continue;
    out.push_back(blank ? std::string() : std::move(raw[i]));
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

}  // namespace ogicheck
