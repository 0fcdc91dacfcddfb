// Golden tests of the extracted grids (tests/golden/tables/*.golden, checked by hand against the
// documents; each golden says how). A golden holds the document's true cells, so a rendering
// that loses information (pdftotext raw mode, run-together digits) is measured against the same
// truth as the clean rendering: every case pins its exact number of wrong and missed cells, and
// the suite reports cell-level accuracy over all of them.
//
// Counting: correct = same as the golden (a "?" golden cell is correct when the extractor also
// says ambiguous); missed = the extractor says ambiguous (or lacks the row) where the golden
// knows the value; wrong = the extractor states a value the golden does not have. Wrong must be
// 0 everywhere: a wrong value is an invented one.
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "tables_test_util.h"

namespace ogicheck::testing {
namespace {

struct Grid {
  std::string format;
  std::map<std::string, std::string> deviations;         // table -> line
  std::map<std::string, std::vector<std::string>> rows;  // "table/row" -> cells
};

Grid ParseGrid(const std::string& text) {
  Grid g;
  std::istringstream in(text);
  std::string line, table;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("format ", 0) == 0) {
      g.format = line.substr(7);
    } else if (line.rfind("ogi-", 0) == 0) {
      g.format = line;
    } else if (line.rfind("table ", 0) == 0) {
      table = line.substr(6);
    } else if (line.rfind("  deviations:", 0) == 0) {
      g.deviations[table] = line;
    } else if (line.size() > 2) {
      const size_t colon = line.find(':');
      std::istringstream cells(line.substr(colon + 1));
      std::vector<std::string> v;
      for (std::string c; cells >> c;) v.push_back(c);
      g.rows[Cat({table, "/", line.substr(2, colon - 2)})] = v;
    }
  }
  return g;
}

struct Score {
  int total = 0, correct = 0, missed = 0, wrong = 0;
  std::vector<std::string> wrong_cells;
};

Score Compare(const Grid& truth, const Grid& got) {
  Score s;
  for (const auto& [row, cells] : truth.rows) {
    auto it = got.rows.find(row);
    for (size_t i = 0; i < cells.size(); ++i) {
      ++s.total;
      const std::string g = it == got.rows.end() || i >= it->second.size() ? "?" : it->second[i];
      if (g == cells[i]) {
        ++s.correct;
      } else if (g == "?") {
        ++s.missed;
      } else {
        ++s.wrong;
        s.wrong_cells.push_back(Cat({row, "#", std::to_string(i), " ", g, " != ", cells[i]}));
      }
    }
  }
  for (const auto& [row, cells] : got.rows) {
    if (truth.rows.count(row)) continue;
    for (const std::string& c : cells)
      if (c != "?") {
        ++s.wrong;
        s.wrong_cells.push_back(Cat({row, " (no such row) ", c}));
      }
  }
  return s;
}

struct Case {
  const char* input;  // under ../shared, or "golden:" + file under tests/golden/tables
  const char* golden;
  int missed;           // exact number of cells the extractor cannot recover
  bool pin_deviations;  // the golden's deviation lines were made from this input
};

const Case kCases[] = {
    {"seeds/002_8b61771959860ad5.txt", "seed002_yingkou_2020", 0, true},
    {"corpus/real/2024_huaian_2021_layout.txt", "huaian_2024", 0, true},
    {"corpus/peers/govnianbao__szfgs2024.pdftotext.txt", "huaian_2024", 0, true},
    // raw mode: table 三's detached labels are recovered; table 四's order is not (15 cells)
    {"corpus/real/2024_huaian_2021.txt", "huaian_2024", 15, false},
    // the peer's text dump: 三、本年度办理结果 one character per line; art20_6 lost its caption
    {"corpus/peers/govnianbao__section3_raw_text.txt", "huaian_2024_section3_fragment", 2, true},
    {"corpus/peers/kirogovcompare__hzq2023_working.pdftotext.txt", "hongze_2023", 0, true},
    {"corpus/peers/kirogovcompare__hzq2024_working.pdftotext.txt", "hongze_2024", 0, true},
    {"corpus/real/2024_hongzequ_2021_layout.txt", "hongze_2024", 0, true},
    // raw mode prints blocks of table 三 column by column: put back by the row arithmetic
    {"corpus/real/2023_hongzequ_2021.txt", "hongze_2023", 0, false},
    {"corpus/real/2024_hongzequ_2021.txt", "hongze_2024", 0, false},
    {"golden:hangzhou-style-fixture.tsv.txt", "hangzhou_2025_tsv", 0, true},
    {"corpus/real/2019_hebei-gxt_2019.json", "2019_hebei-gxt_2019", 0, true},
    {"corpus/real/2019_hebei-jyt_2019.json", "2019_hebei-jyt_2019", 0, true},
    {"corpus/real/2020_hebei-gxt_2019.json", "2020_hebei-gxt_2019", 0, true},
    {"corpus/real/2020_hebei-kjt_2019.json", "2020_hebei-kjt_2019", 0, true},
    {"corpus/real/2021_hebei-gxt_2021.json", "2021_hebei-gxt_2021", 0, true},
    {"corpus/real/2021_hebei-jyt_2021.json", "2021_hebei-jyt_2021", 0, true},
    {"corpus/real/2021_hebei-kjt_2021.json", "2021_hebei-kjt_2021", 0, true},
    {"corpus/real/2022_hebei-gxt_2021.json", "2022_hebei-gxt_2021", 0, true},
    {"corpus/real/2022_hebei-jyt_2021.json", "2022_hebei-jyt_2021", 0, true},
    {"corpus/real/2022_hebei-kjt_2021.json", "2022_hebei-kjt_2021", 0, true},
    {"corpus/real/2023_hebei-gxt_2021.json", "2023_hebei-gxt_2021", 0, true},
    {"corpus/real/2023_hebei-jyt_2021.json", "2023_hebei-jyt_2021", 0, true},
    {"corpus/real/2023_hebei-kjt_2021.json", "2023_hebei-kjt_2021", 0, true},
};

}  // namespace

TEST_CASE("tables golden: every corpus table against its hand-checked grid") {
  int total = 0, correct = 0, missed = 0, unknowable = 0;
  for (const Case& c : kCases) {
    const std::string in = c.input;
    CAPTURE(in);
    const std::string path = in.rfind("golden:", 0) == 0
                                 ? SourcePath(Cat({"tests/golden/tables/", in.substr(7)}))
                                 : SharedPath(in);
    const SourceText text = LoadCorpusText(path);
    const Grid truth = ParseGrid(
        ReadFileOrDie(SourcePath(Cat({"tests/golden/tables/", c.golden, ".golden"}))));
    REQUIRE(!truth.rows.empty());
    CHECK(DetectTableFormat(text, ShippedSchemas()) == truth.format);
    const ReportSchema* schema = ShippedSchemas().Find(truth.format);
    REQUIRE(schema);
    const Grid got =
        ParseGrid(Cat({truth.format, "\n", DumpTables(ExtractTables(text, *schema), *schema)}));
    const Score s = Compare(truth, got);
    CHECK_MESSAGE(s.wrong == 0,
                  "wrong cells: " << (s.wrong_cells.empty() ? "" : s.wrong_cells.front()));
    CHECK(s.missed == c.missed);
    if (c.pin_deviations) CHECK(got.deviations == truth.deviations);
    total += s.total;
    correct += s.correct;
    missed += s.missed;
    for (const auto& [row, cells] : truth.rows)
      for (const std::string& cell : cells) unknowable += cell == "?";
  }
  MESSAGE("table cells: " << total << " in " << std::size(kCases) << " renderings; correct "
                          << correct << " (" << (100.0 * correct / total)
                          << "%), missed (ambiguous) " << missed
                          << ", wrong 0; cells the document itself cannot tell: " << unknowable);
  CHECK(total > 0);
}

}  // namespace ogicheck::testing
