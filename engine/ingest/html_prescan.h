// A cheap pass over raw HTML before parsing it: how deep its elements can nest. gumbo builds and
// frees its tree recursively, so a hostile page nesting 300 000 elements overflows the stack;
// the reader refuses such pages using this estimate.
#pragma once

#include <string_view>

namespace ogicheck {

// An estimate of the element nesting of a page from the tags alone, erring high: start tags that
// need an end tag push; an end tag pops back to the nearest open element of its name, and is
// ignored when there is none near the top (as a browser ignores a stray end tag, so stray end
// tags cannot hide deep nesting). Void and implicitly closed elements (p, li, td, a, …) are not
// counted, and script, style and comments are skipped, so sloppy real pages stay far below the
// limit.
int MarkupDepth(std::string_view html);

}  // namespace ogicheck
