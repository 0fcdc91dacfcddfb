// Filtering heading candidates and building the section tree (see sections.h).
#include "parse/sections.h"

#include <algorithm>

#include "parse/numbering.h"

namespace ogicheck::parse {
namespace {

// The title is a row label, alone or followed by its cells ("本年新收政府信息公开申请数量22") or a
// note in brackets; "行政复议、行政诉讼情况" is a heading even though 行政复议 is a row label.
bool IsRowLabel(const Heading& h, const std::vector<std::string>& row_labels) {
  for (const std::string& label : row_labels) {
    if (label.size() < 6 || h.title.compare(0, label.size(), label) != 0) continue;
    if (h.title.size() == label.size()) return true;
    const char next = h.title[label.size()];
    if ((next >= '0' && next <= '9') || next == '(' || next == ' ') return true;
  }
  return false;
}

}  // namespace

// Top-level numbering that goes backwards (一、 after 三、) starts a "restart run": a table or a
// list printed with top-level numbering inside the current section (Yingkou 2020 prints table 三's
// rows 一、…四、 this way). Candidates continue the run while they follow it (n = last + 1); a
// candidate that is the next top-level number but does not continue the run ends it. When both
// fit (the run has reached the next top-level number, "四、结转下年度继续办理" before
// "四、政府信息公开行政复议…"), the run wins: the real heading repeats the number right after.
std::vector<Heading> FilterHeadings(std::vector<Heading> headings,
                                    const std::vector<std::string>& row_labels) {
  std::vector<Heading> out;
  out.reserve(headings.size());
  int top = 0;  // last accepted top-level number
  int run = 0;  // last number of the restart run, 0 when none
  for (Heading& h : headings) {
    if (IsRowLabel(h, row_labels)) continue;
    if (h.style != NumberingStyle::kChineseComma) {
      out.push_back(std::move(h));
      continue;
    }
    const int n = h.number;
    if (run > 0) {
      if (n == top + 1 && n != run + 1) {
        run = 0;  // the next section: the run is over
      } else if (n <= run + 1) {
        run = n;  // continues (or restarts) the run
        continue;
      } else {
        run = 0;  // past the run and not top + 1: a gap in the sections, kept as printed
      }
    } else if (top > 0 && n < top) {
      run = n;
      continue;
    }
    top = n;
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<Section> BuildSections(const std::vector<Heading>& headings,
                                   const std::vector<Paragraph>& paragraphs, size_t text_size) {
  // Flat nodes with parent links first; vectors of children are assembled at the end.
  struct Node {
    Section section;
    int parent = -1;
    int rank = 0;
  };
  std::vector<Node> nodes;
  nodes.reserve(headings.size());
  std::vector<int> stack;
  for (const Heading& h : headings) {
    const int rank = RankOf(h.style);
    while (!stack.empty() && nodes[stack.back()].rank >= rank) {
      nodes[stack.back()].section.body_span.end = h.span.begin;
      stack.pop_back();
    }
    Node node;
    node.rank = rank;
    node.parent = stack.empty() ? -1 : stack.back();
    Section& s = node.section;
    s.style = h.style;
    s.number = h.number;
    s.numbering = h.numbering;
    s.title = h.title;
    s.level = static_cast<int>(stack.size()) + 1;
    s.heading_span = h.span;
    s.body_span = Span{h.span.end, static_cast<uint32_t>(text_size)};
    nodes.push_back(std::move(node));
    stack.push_back(static_cast<int>(nodes.size()) - 1);
  }
  // Each paragraph belongs to the last heading that starts at or before it.
  size_t next = 0;
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    while (next < headings.size() && headings[next].span.begin <= paragraphs[p].span.begin) ++next;
    if (next > 0) nodes[next - 1].section.paragraphs.push_back(p);
  }
  // Attach children from the last node backwards so indices stay valid, then reverse.
  std::vector<Section> roots;
  for (int i = static_cast<int>(nodes.size()) - 1; i >= 0; --i) {
    std::reverse(nodes[i].section.children.begin(), nodes[i].section.children.end());
    if (nodes[i].parent >= 0)
      nodes[nodes[i].parent].section.children.push_back(std::move(nodes[i].section));
    else
      roots.push_back(std::move(nodes[i].section));
  }
  std::reverse(roots.begin(), roots.end());
  return roots;
}

}  // namespace ogicheck::parse
