// The 2014 national statistics table (国办发〔2014〕32号, spec §4.3) as 2008–2018 reports append
// it: one row per indicator, printed as label, unit and number (one cell per line in crawled pages,
// or on one line separated by whitespace). Labels vary by province and year, so rows are kept with
// their printed label and the top-level group (一、主动公开情况 … 五、行政诉讼数量) they stand in,
// and rules name rows by label fragments.
//
// Parsed here rather than by the schema-guided table extractor: the table has no fixed grid
// (no columns besides the unit), its labels are not fixed, and the same sub-labels (被依法纠错数,
// 其他情形数) repeat under 行政复议 and 行政诉讼, which only the group tells apart.
#pragma once

#include <string>
#include <vector>

#include "ogicheck/source_text.h"

namespace ogicheck::facts {

struct StatRow {
  std::string label;  // "（三）申请答复数", numbering kept
  std::string
      group;  // label of the top-level row or heading it stands under ("三、依申请公开情况")
  std::string unit;  // "件", "条", "万元"
  double value = 0;
  std::string raw;  // "1", "0.5"
  Span span;        // the number
};

// The statistics rows of text, in order; empty when the text has no such table (fewer than 8
// label/unit/number rows).
std::vector<StatRow> FindStatRows(std::string_view text);

// The first row under a group containing `group` (any group when empty) whose label contains one
// of the '|'-separated `label` alternatives (after the numbering). Null if none.
const StatRow* FindStatRow(const std::vector<StatRow>& rows, const std::string& group,
                           const std::string& label);

}  // namespace ogicheck::facts
