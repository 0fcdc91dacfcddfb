// The reader text convention (grid_text.h) and SourceText::NormalisedOffset.
#include <doctest/doctest.h>

#include "ingest/grid_text.h"

using namespace ogicheck;

namespace {

GridRow Row(std::initializer_list<GridCell> cells) {
  GridRow row;
  row.cells = cells;
  return row;
}

}  // namespace

TEST_CASE("ExpandGrid lays spans out like HTML and leaves covered positions empty") {
  // | A (rowspan 2) | B (colspan 2)    |
  // |               | C      | D       |
  // | E             | F (colspan 3, widens the table) |
  const std::vector<GridRow> rows = {
      Row({{"A", 2, 1, ""}, {"B", 1, 2, ""}}),
      Row({{"C", 1, 1, ""}, {"D", 1, 1, ""}}),
      Row({{"E", 1, 1, ""}, {"F", 1, 3, ""}}),
  };
  ExpandedGrid grid;
  REQUIRE(ExpandGrid(rows, GridLimits{}, &grid).ok());
  CHECK(grid.columns == 4);
  ReportTextBuilder b;
  b.AddLine("before");
  b.AddTable(rows, grid);
  b.AddLine("after");
  CHECK(b.text() == "before\n\nA\tB\t\t\n\tC\tD\t\nE\tF\t\t\n\nafter\n");
}

TEST_CASE("ExpandGrid refuses grids past the limits") {
  GridLimits limits;
  limits.max_columns = 10;
  limits.max_cells = 25;
  ExpandedGrid grid;
  Status wide = ExpandGrid({Row({{"x", 1, 6, ""}, {"y", 1, 5, ""}})}, limits, &grid);
  CHECK(wide.code() == ErrorCode::kTooLarge);
  CHECK(wide.message() == "table wider than 10 columns");
  std::vector<GridRow> many(6, Row({{"a", 1, 5, ""}}));
  Status cells = ExpandGrid(many, limits, &grid);
  CHECK(cells.code() == ErrorCode::kTooLarge);
  CHECK(cells.message() == "table has more than 25 cells");
}

TEST_CASE("CollapseWhitespace") {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"  a \t b\n", "a b"},
      {"商业\n企业", "商业企业"},          // a wrap between CJK characters: no space
      {"商业 企业", "商业 企业"},          // a typed space stays
      {"\u3000\u3000缩进", "缩进"},        // ideographic indentation goes
      {"2025\n年", "2025 年"},             // digit then CJK: a space
      {"a\u00A0b", "a b"},                 // no-break space
      {"\u2003\u2003正文\u2002", "正文"},  // &emsp; indentation, &ensp;
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(CollapseWhitespace(c.in) == c.out);
  }
}

TEST_CASE("ReportTextBuilder marks map to normalised offsets, pages and elements") {
  ReportTextBuilder b;
  b.MarkPage(1);
  b.AddLine("（一）全角１２", "body/p[1]");  // full-width: shorter once normalised
  b.MarkPage(2);
  b.AddLine("第二页", "body/p[2]");
  SourceText st = b.Finish();
  CHECK(st.text() == "(一)全角12\n第二页\n");
  const auto second = static_cast<uint32_t>(st.text().find("第二页"));
  CHECK(st.PosOf(second).page == 2);
  CHECK(st.PosOf(second).element == "body/p[2]");
  CHECK(st.PosOf(second).line == 2);
  CHECK(st.PosOf(second - 1).page == 1);
  CHECK(st.PosOf(0).element == "body/p[1]");
}

TEST_CASE("SourceText::NormalisedOffset") {
  SourceText st = SourceText::FromUtf8(
      "a\r\nＢ\x01"
      "c");
  CHECK(st.text() == "a\nBc");
  CHECK(st.NormalisedOffset(0) == 0);
  CHECK(st.NormalisedOffset(1) == 1);  // CR -> the LF
  CHECK(st.NormalisedOffset(2) == 2);  // the LF of CR LF was folded: next produced byte
  CHECK(st.NormalisedOffset(3) == 2);  // Ｂ (3 bytes) -> B
  CHECK(st.NormalisedOffset(6) == 3);  // the dropped control: next produced byte, c
  CHECK(st.NormalisedOffset(7) == 3);
  CHECK(st.NormalisedOffset(8) == 4);  // end of text
  CHECK(st.NormalisedOffset(100) == 4);
  CHECK(SourceText().NormalisedOffset(5) == 0);
}
