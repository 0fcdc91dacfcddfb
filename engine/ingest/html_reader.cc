// HtmlReader: a published web page -> report text (grid_text.h convention). Parses with gumbo
// (an HTML5 parser that accepts any tag soup the way browsers do), walks the body in reading
// order, turns data tables into TAB rows with spans expanded, and leaves out scripts, styles and
// site chrome (navigation, menus, footers) where the page marks it as such.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "ingest/grid_text.h"
#include "ingest/html_charset.h"
#include "ingest/reader.h"

namespace ogicheck {
namespace {

constexpr int kMaxDepth = 200;  // deeper nesting is read as flat text (no recursion)
// gumbo builds and frees its tree recursively and slows down quadratically with depth, so a page
// nesting deeper than this (no real report comes close) is refused before parsing.
constexpr int kMaxMarkupDepth = 4000;

// An upper bound on the element nesting of a page, from the tags alone: start tags that need an
// end tag push, end tags pop. Void and implicitly closed elements (p, li, td, …) are not counted,
// and script, style and comments are skipped, so sloppy real pages stay far below the limit.
int MarkupDepth(std::string_view html) {
  static const char* const kNoDepth[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option", "tbody",
      "thead", "tfoot", "colgroup", "html", "head", "body", "!doctype"};
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  int depth = 0, max_depth = 0;
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
    while (j < html.size() && name.size() < 16 &&
           (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '!' || html[j] == '-')) {
      name += lower(html[j++]);
    }
    const size_t end = html.find('>', j);
    if (name.empty() || end == std::string_view::npos) {
      i = j;
      continue;
    }
    const bool self_closing = html[end - 1] == '/';
    if (!closing && (name == "script" || name == "style")) {
      const size_t close = html.find("</", end);  // raw text runs to the next end tag
      i = close == std::string_view::npos ? html.size() : close;
      continue;
    }
    const bool counted = std::find_if(std::begin(kNoDepth), std::end(kNoDepth), [&](const char* n) {
                           return name == n;
                         }) == std::end(kNoDepth);
    if (counted && !self_closing) {
      depth = closing ? std::max(0, depth - 1) : depth + 1;
      max_depth = std::max(max_depth, depth);
    }
    i = end + 1;
  }
  return max_depth;
}

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_UL: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_MENU:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_DIR:
      return true;
    default:
      return false;
  }
}

std::string TagName(const GumboNode* node) {
  const char* name = gumbo_normalized_tagname(node->v.element.tag);
  return (name != nullptr && *name != '\0') ? name : "unknown";
}

std::string Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr != nullptr ? attr->value : "";
}

const GumboNode* Child(const GumboNode* node, unsigned i) {
  return static_cast<const GumboNode*>(node->v.element.children.data[i]);
}

bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

// Visits every descendant element without recursion; stops when `visit` returns true.
template <typename Visit>
bool AnyDescendant(const GumboNode* root, Visit visit) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!IsElement(node)) continue;
    if (node != root && visit(node)) return true;
    for (unsigned i = 0; i < node->v.element.children.length; ++i) stack.push_back(Child(node, i));
  }
  return false;
}

bool HasDescendantTag(const GumboNode* root, GumboTag tag) {
  return AnyDescendant(root, [tag](const GumboNode* n) { return n->v.element.tag == tag; });
}

// The text of a subtree, with LF at block boundaries and <br>, skipping scripts. Iterative so
// that a hostile nesting depth cannot overflow the stack.
std::string TextContent(const GumboNode* root) {
  std::string out;
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboNode* node = frame.node;
    if (!IsElement(node)) {
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
          node->type == GUMBO_NODE_CDATA) {
        out += node->v.text.text;
      }
      stack.pop_back();
      continue;
    }
    const GumboTag tag = node->v.element.tag;
    if (frame.next == 0) {
      if (tag == GUMBO_TAG_BR || IsBlock(tag)) out += '\n';
      if (IsSkipped(tag) && node != root) {
        stack.pop_back();
        continue;
      }
    }
    if (frame.next < node->v.element.children.length) {
      const GumboNode* child = Child(node, frame.next++);
      stack.push_back({child, 0});
    } else {
      if (IsBlock(tag)) out += '\n';
      stack.pop_back();
    }
  }
  return out;
}

// Site chrome by the page's own markup. Conservative: never an element holding a table, a
// top-level heading, or a lot of text, because some sites wrap the article in such classes.
bool IsChrome(const GumboNode* node) {
  static const char* const kWords[] = {"nav",   "menu",    "footer",    "header",
                                       "crumb", "sidebar", "copyright"};
  const GumboTag tag = node->v.element.tag;
  bool marked = tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_HEADER;
  if (!marked) {
    std::string names = Attribute(node, "id") + " " + Attribute(node, "class");
    std::transform(names.begin(), names.end(), names.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* word : kWords) marked |= names.find(word) != std::string::npos;
  }
  if (!marked) return false;
  if (HasDescendantTag(node, GUMBO_TAG_TABLE) || HasDescendantTag(node, GUMBO_TAG_H1)) return false;
  return TextContent(node).size() < 2000;
}

// Elements the browser does not show (style="display:none", the hidden attribute).
bool IsHidden(const GumboNode* node) {
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr) return true;
  std::string style = Attribute(node, "style");
  std::erase_if(style, [](unsigned char c) { return std::isspace(c); });
  std::transform(style.begin(), style.end(), style.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return style.find("display:none") != std::string::npos;
}

uint32_t SpanAttribute(const GumboNode* node, const char* name, uint32_t max) {
  const std::string value = Attribute(node, name);
  uint64_t n = 0;
  size_t i = 0;
  while (i < value.size() && value[i] == ' ') ++i;
  bool any = false;
  for (; i < value.size() && value[i] >= '0' && value[i] <= '9' && n <= max; ++i) {
    n = n * 10 + static_cast<unsigned>(value[i] - '0');
    any = true;
  }
  if (!any) return 1;
  if (n == 0) return std::string_view(name) == "rowspan" ? max : 1;  // rowspan=0: to the end
  return static_cast<uint32_t>(std::min<uint64_t>(n, max));
}

class HtmlWalker {
 public:
  HtmlWalker(bool skip_chrome, ReportTextBuilder* out) : skip_chrome_(skip_chrome), out_(out) {}

  Status Walk(const GumboNode* body) {
    Element(body, "body", 0);
    Flush();
    return status_;
  }

 private:
  void Children(const GumboNode* node, const std::string& path, int depth) {
    std::vector<std::pair<std::string, int>> counts;  // tag name -> siblings seen so far
    for (unsigned i = 0; i < node->v.element.children.length && status_.ok(); ++i) {
      const GumboNode* child = Child(node, i);
      if (!IsElement(child)) {
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
            child->type == GUMBO_NODE_CDATA) {
          Text(child->v.text.text);
        }
        continue;
      }
      const std::string name = TagName(child);
      auto it = std::find_if(counts.begin(), counts.end(),
                             [&](const auto& c) { return c.first == name; });
      if (it == counts.end()) it = counts.insert(counts.end(), {name, 0});
      Element(child, path + "/" + name + "[" + std::to_string(++it->second) + "]", depth + 1);
    }
  }

  void Element(const GumboNode* node, const std::string& path, int depth) {
    const GumboTag tag = node->v.element.tag;
    if (IsSkipped(tag)) return;
    if (tag == GUMBO_TAG_BR) {
      Flush();
      return;
    }
    if (IsHidden(node) || (skip_chrome_ && IsChrome(node))) return;
    if (tag == GUMBO_TAG_TABLE && !HasDescendantTag(node, GUMBO_TAG_TABLE)) {
      Flush();
      DataTable(node, path);
      return;
    }
    const bool block = IsBlock(tag);
    if (block) Flush();
    const std::string saved = block_path_;
    if (block) block_path_ = path;
    if (depth > kMaxDepth || tag == GUMBO_TAG_PRE) {
      // Too deep to recurse safely, or preformatted: keep its own line breaks.
      Text(TextContent(node));
      Flush(/*split_lines=*/true);
    } else {
      Children(node, path, depth);
    }
    if (block) {
      Flush();
      block_path_ = saved;
    }
  }

  void Text(std::string_view text) {
    if (line_.empty()) line_element_ = block_path_;
    line_.append(text);
  }

  void Flush(bool split_lines = false) {
    if (split_lines) {
      size_t start = 0;
      while (start <= line_.size()) {
        size_t end = line_.find('\n', start);
        if (end == std::string::npos) end = line_.size();
        out_->AddLine(CollapseWhitespace(std::string_view(line_).substr(start, end - start)),
                      line_element_);
        start = end + 1;
      }
    } else {
      out_->AddLine(CollapseWhitespace(line_), line_element_);
    }
    line_.clear();
  }

  void DataTable(const GumboNode* table, const std::string& path) {
    std::vector<GridRow> rows;
    std::vector<const GumboNode*> trs;
    for (unsigned i = 0; i < table->v.element.children.length; ++i) {
      const GumboNode* child = Child(table, i);
      if (!IsElement(child)) continue;
      const GumboTag tag = child->v.element.tag;
      if (tag == GUMBO_TAG_CAPTION) {
        out_->AddLine(CollapseWhitespace(TextContent(child)), path + "/caption[1]");
      } else if (tag == GUMBO_TAG_TR) {
        trs.push_back(child);
      } else if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) {
        for (unsigned j = 0; j < child->v.element.children.length; ++j) {
          const GumboNode* tr = Child(child, j);
          if (IsElement(tr) && tr->v.element.tag == GUMBO_TAG_TR) trs.push_back(tr);
        }
      }
    }
    for (size_t r = 0; r < trs.size(); ++r) {
      GridRow row;
      row.element = path + "/tr[" + std::to_string(r + 1) + "]";
      int td = 0, th = 0;
      for (unsigned k = 0; k < trs[r]->v.element.children.length; ++k) {
        const GumboNode* cell = Child(trs[r], k);
        if (!IsElement(cell)) continue;
        const GumboTag tag = cell->v.element.tag;
        if (tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH) continue;
        GridCell g;
        g.text = CollapseWhitespace(TextContent(cell));
        g.col_span = SpanAttribute(cell, "colspan", 1000);
        g.row_span = SpanAttribute(cell, "rowspan", 65534);
        g.element = row.element + (tag == GUMBO_TAG_TD ? "/td[" + std::to_string(++td)
                                                       : "/th[" + std::to_string(++th)) + "]";
        row.cells.push_back(std::move(g));
      }
      rows.push_back(std::move(row));
    }
    if (rows.empty()) return;
    ExpandedGrid grid;
    Status s = ExpandGrid(rows, GridLimits{}, &grid);
    if (!s.ok()) {
      status_ = Status::Error(s.code(), path + ": " + s.message());
      return;
    }
    out_->AddTable(rows, grid);
  }

  bool skip_chrome_;
  ReportTextBuilder* out_;
  Status status_;
  std::string line_;
  std::string line_element_;
  std::string block_path_ = "body";
};

const GumboNode* FindChild(const GumboNode* node, GumboTag tag) {
  if (!IsElement(node)) return nullptr;
  for (unsigned i = 0; i < node->v.element.children.length; ++i) {
    const GumboNode* child = Child(node, i);
    if (IsElement(child) && child->v.element.tag == tag) return child;
  }
  return nullptr;
}

struct GumboDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

class HtmlReaderImpl : public Reader {
 public:
  const char* name() const override { return "html"; }

  bool Accepts(std::string_view extension, std::string_view head) const override {
    if (extension == "html" || extension == "htm" || extension == "xhtml" ||
        extension == "shtml") {
      return true;
    }
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    while (!head.empty() && (head[0] == ' ' || head[0] == '\n' || head[0] == '\r' ||
                             head[0] == '\t')) {
      head.remove_prefix(1);
    }
    std::string start(head.substr(0, 14));
    std::transform(start.begin(), start.end(), start.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return start.rfind("<!doctype html", 0) == 0 || start.rfind("<html", 0) == 0;
  }

  void Read(std::string_view bytes, const std::string& path, const IngestOptions& options,
            IngestResult* out) const override {
    auto fail = [&](ErrorCode code, const std::string& message) {
      out->errors.push_back({path, "", Status::Error(code, "HTML: " + message)});
    };
    if (bytes.size() > options.max_file_bytes) {
      return fail(ErrorCode::kTooLarge, "file is " + std::to_string(bytes.size()) +
                                            " bytes, more than the limit of " +
                                            std::to_string(options.max_file_bytes));
    }
    if (bytes.empty()) return fail(ErrorCode::kEmpty, "file is empty");
    IngestedReport report;
    report.path = path;
    report.reader = name();
    std::string utf8;
    Status s = DecodeHtmlBytes(bytes, &utf8, &report.encoding);
    if (!s.ok()) return fail(s.code(), s.message());

    if (MarkupDepth(utf8) > kMaxMarkupDepth) {
      return fail(ErrorCode::kFormat, "elements nest more than " +
                                          std::to_string(kMaxMarkupDepth) +
                                          " deep: a broken or hostile page");
    }
    GumboOptions gumbo_options = kGumboDefaultOptions;
    gumbo_options.max_errors = 100;  // parse errors are not reported; don't keep them all
    std::unique_ptr<GumboOutput, GumboDeleter> doc(
        gumbo_parse_with_options(&gumbo_options, utf8.data(), utf8.size()));
    if (doc == nullptr) return fail(ErrorCode::kFormat, "the page could not be parsed");
    const GumboNode* head = FindChild(doc->root, GUMBO_TAG_HEAD);
    const GumboNode* title = head != nullptr ? FindChild(head, GUMBO_TAG_TITLE) : nullptr;
    if (title != nullptr) report.facts.title = CollapseWhitespace(TextContent(title));
    const GumboNode* body = FindChild(doc->root, GUMBO_TAG_BODY);
    if (body == nullptr) body = doc->root;

    ReportTextBuilder builder;
    s = HtmlWalker(/*skip_chrome=*/true, &builder).Walk(body);
    if (s.ok() && builder.size() == 0) {
      // Everything looked like chrome: better some noise than an empty report.
      s = HtmlWalker(/*skip_chrome=*/false, &builder).Walk(body);
    }
    if (!s.ok()) return fail(s.code(), s.message());
    // Free the tree and the decoded page before normalising: the peak is one of them, not both.
    doc.reset();
    std::string().swap(utf8);
    report.text = builder.Finish();
    out->reports.push_back(std::move(report));
  }
};

}  // namespace

const Reader* HtmlReader() {
  static const HtmlReaderImpl reader;
  return &reader;
}

}  // namespace ogicheck
