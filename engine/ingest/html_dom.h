// Small helpers over gumbo's DOM for the HTML reader: element kinds (skipped, block), attributes,
// text content without recursion, and the heuristics for site chrome and hidden elements.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string>

namespace ogicheck::html {

// Elements whose content is never report text (scripts, styles, navigation, form controls…).
bool IsSkipped(GumboTag tag);
// Elements that start a new line.
bool IsBlock(GumboTag tag);
// The normalised tag name ("div"), or "unknown".
std::string TagName(const GumboNode* node);
// An attribute's value, "" when absent.
std::string Attribute(const GumboNode* node, const char* name);
const GumboNode* Child(const GumboNode* node, unsigned i);
bool IsElement(const GumboNode* node);
// The first direct child element with this tag, or nullptr.
const GumboNode* FindChild(const GumboNode* node, GumboTag tag);
// Whether any descendant element has this tag (iterative).
bool HasDescendantTag(const GumboNode* root, GumboTag tag);
// The text of a subtree, with LF at block boundaries and <br>, skipping scripts. Iterative so
// that a hostile nesting depth cannot overflow the stack.
std::string TextContent(const GumboNode* root);
// Site chrome by the page's own markup. Conservative: never an element holding a table, a
// top-level heading, or a lot of text, because some sites wrap the article in such classes.
bool IsChrome(const GumboNode* node);
// Elements the browser does not show (style="display:none", the hidden attribute).
bool IsHidden(const GumboNode* node);
// colspan/rowspan: 1 when absent or malformed, clipped to `max`; rowspan="0" means `max`.
uint32_t SpanAttribute(const GumboNode* node, const char* name, uint32_t max);

}  // namespace ogicheck::html
