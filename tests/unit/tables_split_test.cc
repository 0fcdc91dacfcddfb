// Run-together digit recovery (engine/tables/run_split.h): every split that the row arithmetic
// and the column types allow, so that the caller can tell unique from ambiguous.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tables/run_split.h"

namespace ogicheck::tables {
namespace {

// The applications table: 7 columns, total (index 6) = sum of the six applicant columns.
SplitRule AppRule() { return SplitRule{7, 6, {0, 1, 2, 3, 4, 5}, {}, {}}; }

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& c : v) {
    if (!s.empty()) s += " ";
    s += c;
  }
  return s;
}

}  // namespace

TEST_CASE("run split: unique splits recovered by the row arithmetic") {
  struct Case {
    const char* run;
    const char* want;
  } cases[] = {
      {"713000074", "71 3 0 0 0 0 74"},  // the README's example
      {"170000017", "17 0 0 0 0 0 17"},  // 河北科技厅 2023 一、本年新收
      {"0000000", "0 0 0 0 0 0 0"},
      {"3101005", "3 1 0 1 0 0 5"},      // 河北工信厅 2022 （一）予以公开
      {"81010010", "8 1 0 1 0 0 10"},    // 河北工信厅 2023 一、本年新收
      {"100000010", "10 0 0 0 0 0 10"},  // 河北科技厅 2022 （一）予以公开
  };
  for (const Case& c : cases) {
    CAPTURE(c.run);
    auto fits = SplitRun(c.run, 7, AppRule());
    REQUIRE(fits.size() == 1);
    CHECK(Join(fits[0]) == c.want);
  }
}

TEST_CASE("run split: several fits are all returned, none is chosen") {
  // 河北工信厅 2022: 12 1 0 1 0 0 14, 1 2 10 1 0 0 14 and 1 2 1 0 10 0 14 all add up.
  auto fits = SplitRun("121010014", 7, AppRule());
  REQUIRE(fits.size() == 3);
  CHECK(Join(fits[0]) == "1 2 1 0 10 0 14");
  CHECK(Join(fits[1]) == "1 2 10 1 0 0 14");
  CHECK(Join(fits[2]) == "12 1 0 1 0 0 14");
  // 河北科技厅 2022 "110000011": 11 0 0 0 0 0 11 or 1 10 0 0 0 0 11.
  CHECK(SplitRun("110000011", 7, AppRule()).size() == 2);
  // Without arithmetic (第二十条第（一）项 has none) "1153" is three readings.
  CHECK(SplitRun("1153", 3, SplitRule{3, -1, {}, {}, {}}).size() == 3);
}

TEST_CASE("run split: no fit when the printed row is broken or too short") {
  CHECK(SplitRun("20000011", 7, AppRule()).empty());  // 河北科技厅 2022 （七）总计
  CHECK(SplitRun("22", 7, AppRule()).empty());  // blank cells dropped: fewer digits than cells
  CHECK(SplitRun("", 3, SplitRule{}).empty());
  CHECK(SplitRun(std::string(60, '1'), 7, AppRule()).empty());  // too long to enumerate
}

TEST_CASE("run split: column types constrain signs and decimals") {
  // 第二十条第（五）项 2019: 上一年项目数量 (count), 本年增/减 (signed), 处理决定数量 (count).
  const SplitRule rule{3, -1, {}, {false, true, false}, {false, false, false}};
  auto fits = SplitRun("156-5997", 3, rule);  // 河北工信厅 2019 行政许可
  REQUIRE(fits.size() == 3);
  for (const auto& f : fits) CHECK(f[0] == "156");
  CHECK(Join(SplitRun("53+24", 2, SplitRule{2, -1, {}, {false, true}, {false, false}})[0]) ==
        "53 +24");
  // A sign may not start an unsigned column; a leading zero only as the cell "0".
  CHECK(SplitRun("-15", 2, SplitRule{2, -1, {}, {false, true}, {}}).empty());
  CHECK(SplitRun("0012", 2, SplitRule{2, -1, {}, {}, {}}).empty());
  // Decimals only in amount columns; a glued unit stays on the last cell.
  auto amount = SplitRun("225253.168万元", 2, SplitRule{2, -1, {}, {false, false}, {false, true}});
  REQUIRE(amount.size() == 5);
  CHECK(Join(amount[0]) == "2 25253.168万元");
}

}  // namespace ogicheck::tables
