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
#include "ingest/html_dom.h"
#include "ingest/html_prescan.h"
#include "ingest/reader.h"

namespace ogicheck {
namespace {

using namespace html;  // NOLINT: the reader is the only user of these helpers

constexpr int kMaxDepth = 200;  // deeper nesting is read as flat text (no recursion)
// gumbo builds and frees its tree recursively and slows down quadratically with depth, so a page
// nesting deeper than this (no real report comes close) is refused before parsing.
constexpr int kMaxMarkupDepth = 4000;

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
        g.element =
            row.element +
            (tag == GUMBO_TAG_TD ? "/td[" + std::to_string(++td) : "/th[" + std::to_string(++th)) +
            "]";
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

struct GumboDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

class HtmlReaderImpl : public Reader {
 public:
  const char* name() const override { return "html"; }

  bool Accepts(std::string_view extension, std::string_view head) const override {
    if (extension == "html" || extension == "htm" || extension == "xhtml" || extension == "shtml") {
      return true;
    }
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    while (!head.empty() &&
           (head[0] == ' ' || head[0] == '\n' || head[0] == '\r' || head[0] == '\t')) {
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
      return fail(ErrorCode::kFormat, "elements nest more than " + std::to_string(kMaxMarkupDepth) +
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
