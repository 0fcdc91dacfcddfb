// Nesting estimate for raw HTML (see html_prescan.h).
#include "ingest/html_prescan.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace ogicheck {

int MarkupDepth(std::string_view html) {
  static const char* const kNoDepth[] = {
      "area",  "base",     "br",    "col",    "embed", "hr",     "img",     "input",
      "link",  "meta",     "param", "source", "track", "wbr",    "p",       "li",
      "td",    "th",       "tr",    "dt",     "dd",    "option", "tbody",   "thead",
      "tfoot", "colgroup", "html",  "head",   "body",  "a",      "!doctype"};
  constexpr size_t kSearch = 64;  // how far down the stack an end tag looks for its element
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  std::vector<std::string> open;
  size_t max_depth = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      const size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    size_t j = i + (closing ? 2 : 1);
    std::string name;
    while (
        j < html.size() && name.size() < 16 &&
        (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '!' || html[j] == '-')) {
      name += lower(html[j++]);
    }
    const size_t end = html.find('>', j);
    if (name.empty() || end == std::string_view::npos) {
      i = j;
      continue;
    }
    i = end + 1;
    if (!closing && (name == "script" || name == "style")) {
      // Raw text up to and including the matching end tag.
      const std::string close_tag = "</" + name;
      size_t k = i;
      while (k < html.size()) {
        k = html.find("</", k);
        if (k == std::string_view::npos) break;
        std::string candidate(html.substr(k, close_tag.size()));
        std::transform(candidate.begin(), candidate.end(), candidate.begin(), lower);
        if (candidate == close_tag) break;
        k += 2;
      }
      const size_t close_end = k == std::string_view::npos ? k : html.find('>', k);
      i = close_end == std::string_view::npos ? html.size() : close_end + 1;
      continue;
    }
    if (std::find_if(std::begin(kNoDepth), std::end(kNoDepth),
                     [&](const char* n) { return name == n; }) != std::end(kNoDepth)) {
      continue;
    }
    if (closing) {
      for (size_t k = 0; k < std::min(kSearch, open.size()); ++k) {
        if (open[open.size() - 1 - k] == name) {
          open.resize(open.size() - 1 - k);
          break;
        }
      }
    } else if (html[end - 1] != '/') {
      open.push_back(std::move(name));
      max_depth = std::max(max_depth, open.size());
    }
  }
  return static_cast<int>(max_depth);
}

}  // namespace ogicheck
