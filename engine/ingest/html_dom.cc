// gumbo DOM helpers (see html_dom.h).
#include "ingest/html_dom.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

namespace ogicheck::html {
namespace {

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

}  // namespace

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_DIR:
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
  static const char* const kWords[] = {"nav",   "menu",    "footer",   "header",
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

const GumboNode* FindChild(const GumboNode* node, GumboTag tag) {
  if (!IsElement(node)) return nullptr;
  for (unsigned i = 0; i < node->v.element.children.length; ++i) {
    const GumboNode* child = Child(node, i);
    if (IsElement(child) && child->v.element.tag == tag) return child;
  }
  return nullptr;
}

}  // namespace ogicheck::html
