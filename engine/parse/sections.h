// Sections: heading candidates found in the prose, filtered, and built into a tree by rank.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ogicheck/document.h"

namespace ogicheck::parse {

// A numbered heading as printed.
struct Heading {
  NumberingStyle style = NumberingStyle::kNone;
  int number = 0;
  std::string numbering;  // as printed, "一、", "(一)", "三)"
  std::string title;      // see FindHeadings for where a title ends
  Span span;              // numbering plus title
};

// Longest heading title kept, in code points; a longer sentence is cut (see headings.cc).
inline constexpr size_t kMaxTitleChars = 40;

// Finds numbered headings in the paragraphs that are not in a table. A heading starts at the
// start of a paragraph, after a sentence end (。；！？：) inside one, or right where the title of
// the previous heading was cut by a sub-numbering ("一、工作情况(一)加大…"). 一是-style numbering
// only counts at a paragraph start or after 。/；/： (not in "统一是", "二是" after a comma).
// In wrapped PDF text a title cut by the line end goes on into the next line. Linear in the
// text size.
// `known_titles` (normalised section titles of the report schemas, longest first) end a title
// that runs on into its first sentence: "五、存在的主要问题及改进情况虽然我厅…" ->
// 存在的主要问题及改进情况.
std::vector<Heading> FindHeadings(std::string_view text, const std::vector<Paragraph>& paragraphs,
                                  const std::vector<std::string>& known_titles = {});

// Drops candidates that are not sections: titles that are table row labels of the schema
// (`row_labels`, numbering stripped) and top-level (一、) numbering that restarts inside a
// section, which is a table or list inside it (see sections.cc). Everything else is kept as
// printed, gaps and repeats included.
std::vector<Heading> FilterHeadings(std::vector<Heading> headings,
                                    const std::vector<std::string>& row_labels);

// Builds the tree: a heading of rank r closes every open heading of rank >= r.
std::vector<Section> BuildSections(const std::vector<Heading>& headings,
                                   const std::vector<Paragraph>& paragraphs, size_t text_size);

}  // namespace ogicheck::parse
