// Table extraction behaviour on constructed inputs and on pinned corpus facts: ambiguity is
// reported and never resolved by guessing, a missing cell is blank (never 0), cells know their
// source span and how they were matched, deviations and format detection.
#include <doctest/doctest.h>

#include <algorithm>

#include "tables_test_util.h"

namespace ogicheck::testing {
namespace {

const ReportSchema& S21() { return *ShippedSchemas().Find("ogi-2021"); }
const ReportSchema& S19() { return *ShippedSchemas().Find("ogi-2019"); }

const Table* Find(const TableExtraction& ex, const std::string& id) {
  for (const Table& t : ex.tables)
    if (t.id == id) return &t;
  return nullptr;
}

// A table 三 printed the way crawled Hebei records print it: one line, digits run together.
const char* kRunTogether =
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四"
    "项之和）"
    "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
    "一、本年新收政府信息公开申请数量121010014二、上年结转政府信息公开申请数量0000000"
    "三、本年度办理结果（一）予以公开713000074（七）总计121010014四、结转下年度继续办理0000000"
    "\u3000\u3000五、存在的主要问题及改进情况\u3000\u3000无。";

}  // namespace

TEST_CASE("tables: a run-together row that several splits fit is marked ambiguous, not guessed") {
  const SourceText text = SourceText::FromUtf8(kRunTogether);
  const TableExtraction ex = ExtractTables(text, S21());
  const Table* t = Find(ex, "applications");
  REQUIRE(t);
  // 121010014 = 12 1 0 1 0 0 14 = 1 2 10 1 0 0 14 = 1 2 1 0 10 0 14: only 其他 and 总计 agree.
  for (const char* col :
       {"natural_person", "commercial", "research", "public_interest", "legal_service"}) {
    CAPTURE(col);
    const TableCell* c = t->Cell("new_received", col);
    REQUIRE(c);
    CHECK(c->ambiguous);
    CHECK(!c->value.has_value());
    CHECK(c->raw == "121010014");
    CHECK(text.Slice(c->span) == "121010014");
  }
  const TableCell* other = t->Cell("new_received", "other");
  CHECK(!other->ambiguous);
  CHECK(other->value == 0.0);
  CHECK(other->semantic == CellSemantic::kZero);
  CHECK(other->match == CellMatch::kRecovered);
  const TableCell* total = t->Cell("new_received", "total");
  CHECK(!total->ambiguous);
  CHECK(total->value == 14.0);
  // The unique split of 713000074 is recovered, with each cell's own span.
  const char* want[] = {"71", "3", "0", "0", "0", "0", "74"};
  int i = 0;
  for (const std::string& col : t->columns) {
    const TableCell* c = t->Cell("disclosed", col);
    REQUIRE(c);
    CHECK(!c->ambiguous);
    CHECK(c->raw == want[i]);
    CHECK(text.Slice(c->span) == want[i]);
    CHECK(c->match == CellMatch::kRecovered);
    ++i;
  }
  CHECK(t->Cell("carried_forward", "total")->semantic == CellSemantic::kZero);
  // Rows the text does not print have no cells at all.
  CHECK(t->Cell("partly_disclosed", "total") == nullptr);
  CHECK(t->Row("partly_disclosed") == nullptr);
  // The table region covers the rows and stops before section 五.
  REQUIRE(ex.regions.size() == 1);
  const std::string_view region = text.Slice(ex.regions[0]);
  CHECK(region.find("一、本年新收政府信息公开申请数量") != std::string_view::npos);
  CHECK(region.find("四、结转下年度继续办理0000000") != std::string_view::npos);
  CHECK(region.find("五、存在") == std::string_view::npos);
  // The caption is the section heading 三、收到和处理…; it stays outside the region.
  CHECK(region.find("收到和处理政府信息公开申请情况") == std::string_view::npos);
  CHECK(region.starts_with("(本列数据"));  // SourceText made the bracket ASCII
}

TEST_CASE("tables: never invents a value; a cell that is not printed is blank") {
  // One cell per line; 二、上年结转 lost its 总计 cell, （二）部分公开 prints nothing at all.
  const std::string text_s =
      "三、收到和处理政府信息公开申请情况\n自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n"
      "其他\n总计\n"
      "一、本年新收政府信息公开申请数量\n3\n0\n0\n0\n0\n0\n3\n"
      "二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n"
      "三、本年度办理结果\n（一）予以公开\n3\n0\n0\n0\n0\n0\n3\n"
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n"
      "（三）不予公开\n1.属于国家秘密\n0\n0\n0\n0\n0\n0\n0\n"
      "五、存在的主要问题及改进情况\n";
  const SourceText text = SourceText::FromUtf8(text_s);
  const TableExtraction ex = ExtractTables(text, S21());
  const Table* t = Find(ex, "applications");
  REQUIRE(t);
  for (const std::string& col : t->columns) {
    CAPTURE(col);
    const TableCell* blank = t->Cell("partly_disclosed", col);
    REQUIRE(blank);
    CHECK(blank->semantic == CellSemantic::kBlank);
    CHECK(!blank->value.has_value());
    CHECK(blank->raw.empty());
    CHECK(blank->span.empty());
    // Six values for seven columns: which one is missing is not known, so none is placed.
    const TableCell* short_row = t->Cell("carried_over", col);
    REQUIRE(short_row);
    CHECK(short_row->ambiguous);
    CHECK(!short_row->value.has_value());
  }
  CHECK(t->Cell("new_received", "total")->value == 3.0);
  CHECK(t->Cell("withheld.state_secret", "total")->semantic == CellSemantic::kZero);
  // Text without tables gives no table and no region.
  const TableExtraction none =
      ExtractTables(SourceText::FromUtf8("一、总体情况\n本年度收到申请3件。\n"), S21());
  CHECK(none.tables.empty());
  CHECK(none.regions.empty());
  // Prose under a table's heading is no table (河北工信厅 2020: "未发生…行政复议、行政诉讼案件").
  const TableExtraction prose =
      ExtractTables(SourceText::FromUtf8("四、政府信息公开行政复议、行政诉讼情况2020年未发生涉及政"
                                         "府信息公开的行政复议、行政诉讼案件。"
                                         "五、存在的主要问题及改进情况"),
                    S19());
  CHECK(prose.tables.empty());
}

TEST_CASE("tables: TSV rows (HTML/DOCX readers) keep blank and dash cells where they are") {
  const std::string text_s =
      "三、收到和处理政府信息公开申请情况\n"
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\n"
      "一、本年新收政府信息公开申请数量\t\t\t5\t\t0\t0\t0\t0\t5\n"
      "三、本年度办理结果\t（一）予以公开\t\t—\t0\t0\t0\t0\t0\t0\n"
      "四、政府信息公开行政复议、行政诉讼情况\n";
  const SourceText text = SourceText::FromUtf8(text_s);
  const TableExtraction ex = ExtractTables(text, S21());
  const Table* t = Find(ex, "applications");
  REQUIRE(t);
  const TableCell* c = t->Cell("new_received", "commercial");
  CHECK(c->semantic == CellSemantic::kBlank);
  CHECK(!c->value.has_value());
  CHECK(t->Cell("new_received", "natural_person")->value == 5.0);
  CHECK(text.Slice(t->Cell("new_received", "total")->span) == "5");
  const TableCell* dash = t->Cell("disclosed", "natural_person");
  CHECK(dash->semantic == CellSemantic::kDash);
  CHECK(!dash->value.has_value());
  CHECK(dash->raw == "—");
  CHECK(t->Cell("disclosed", "total")->semantic == CellSemantic::kZero);
}

TEST_CASE("tables: seed 002 cells carry value, raw, unit, span and match") {
  const SourceText text = LoadCorpusText(SharedPath("seeds/002_8b61771959860ad5.txt"));
  CHECK(DetectTableFormat(text, ShippedSchemas()) == "ogi-2019");
  const TableExtraction ex = ExtractTables(text, S19());
  REQUIRE(ex.tables.size() == 7);
  const Table* app = Find(ex, "applications");
  const TableCell* total = app->Cell("new_received", "total");
  CHECK(total->value == 67.0);
  CHECK(text.PosOf(total->span.begin).line == 205);
  CHECK(app->Row("new_received")->match == CellMatch::kExact);
  CHECK(text.PosOf(app->Row("new_received")->span.begin).line == 191);
  const TableCell* amount = Find(ex, "art20_9")->Cell("procurement", "amount");
  CHECK(amount->value == 38685.5);
  CHECK(amount->unit == "万元");
  CHECK(amount->raw == "38685.5(万元)");
  CHECK(Find(ex, "art20_6")->Cell("compulsion", "change")->value == 62.0);
  CHECK(Find(ex, "art20_5")->Cell("licensing", "change")->value == -224.0);
  const Table* rl = Find(ex, "review_litigation");
  CHECK(rl->Cell("review", "total")->value == 11.0);
  CHECK(rl->Cell("after_review", "pending")->value == 2.0);
  for (const Table& t : ex.tables)
    for (const TableCell& c : t.cells) {
      CAPTURE(c.row);
      CHECK(text.Slice(c.span) == c.raw);  // every printed cell points at its own text
    }
  // Regions hold the table rows, so the parse stage does not take 一、本年新收… for a heading.
  bool covered = false;
  const uint32_t label = app->Row("new_received")->span.begin;
  for (const Span& r : ex.regions) covered = covered || (label >= r.begin && label < r.end);
  CHECK(covered);
}

TEST_CASE("tables: deviations, label variants and recovered rows in the 洪泽区 and 淮安 PDFs") {
  const SourceText hz =
      LoadCorpusText(SharedPath("corpus/peers/kirogovcompare__hzq2023_working.pdftotext.txt"));
  const TableExtraction hz_ex = ExtractTables(hz, S21());
  const Table* t = Find(hz_ex, "applications");
  REQUIRE(t);
  CHECK(t->deviations == std::vector<std::string>{"other_handling_single_row"});
  CHECK(t->Cell("other_handling", "total")->semantic == CellSemantic::kZero);
  CHECK(t->Cell("other_handling.no_fee", "total") == nullptr);
  CHECK(t->Row("withheld.law_prohibited")->match == CellMatch::kVariant);
  CHECK(t->Row("withheld.law_prohibited")->label == "2.其他法律行政止公开");
  CHECK(t->Row("partly_disclosed")->match == CellMatch::kNormalised);  // label wraps over lines

  // Raw pdftotext of 淮安 2024 prints （一）/（二）'s labels after the rows below them.
  const SourceText ha = LoadCorpusText(SharedPath("corpus/real/2024_huaian_2021.txt"));
  const TableExtraction ex = ExtractTables(ha, S21());
  const Table* app = Find(ex, "applications");
  CHECK(app->Cell("disclosed", "total")->value == 1362.0);
  CHECK(app->Cell("disclosed", "total")->match == CellMatch::kRecovered);
  CHECK(app->Cell("carried_over", "total")->match == CellMatch::kExact);
  CHECK(app->Cell("other_handling.no_fee", "total")->value == 6.0);
  CHECK(app->deviations.empty());
  // Its table 四 numbers come in content-stream order between header fragments: not placed.
  const Table* rl = Find(ex, "review_litigation");
  CHECK(rl->deviations == std::vector<std::string>{"block_order_unknown"});
  CHECK(rl->Cell("review", "total")->ambiguous);
}

TEST_CASE("tables: format detection by detection keys") {
  struct Case {
    const char* path;
    const char* want;
  } cases[] = {
      {"seeds/000_9909074d9dbf99ca.txt", ""},  // narrative 2017 report, no tables
      {"seeds/003_9d5918fb5c505e81.txt", ""},  // a work plan
      {"seeds/002_8b61771959860ad5.txt", "ogi-2019"},
      {"corpus/real/2024_huaian_2021.txt", "ogi-2021"},
      {"corpus/real/2020_hebei-kjt_2019.json",
       "ogi-2019"},  // 本年度新制作数量 wording still detected
      {"corpus/real/2023_hebei-kjt_2021.json", "ogi-2021"},
      {"corpus/real/2018_hebei-jyt-tongjibiao_2008.json", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    CHECK(DetectTableFormat(LoadCorpusText(SharedPath(c.path)), ShippedSchemas()) == c.want);
  }
  // A 2021-year report printing the 2019 tables is told by its labels, not by its year.
  const SourceText old = SourceText::FromUtf8(
      "第二十条第（一）项\n信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n");
  CHECK(DetectTableFormat(old, ShippedSchemas()) == "ogi-2019");
}

}  // namespace ogicheck::testing

namespace ogicheck::testing {

TEST_CASE("tables: hostile inputs neither crash nor blow up") {
  // A caption followed by 200k numbers, a run of 10k digits and labels without end.
  std::string big = "第二十条第（一）项\n信息内容\t本年制发件数\n规章\n";
  for (int i = 0; i < 200000; ++i) big += std::to_string(i % 97) + (i % 7 ? " " : "\n");
  big += "行政规范性文件" + std::string(10000, '1') + "\n";
  for (int i = 0; i < 2000; ++i) big += "（一）予以公开一、本年新收政府信息公开申请数量";
  const SourceText text = SourceText::FromUtf8(big);
  const TableExtraction ex = ExtractTables(text, *ShippedSchemas().Find("ogi-2021"));
  REQUIRE(!ex.tables.empty());
  const Table& t = ex.tables.front();
  CHECK(t.id == "art20_1");
  // 规章 owns 200k tokens, not a whole number of rows: its cells cannot be placed.
  CHECK(t.Cell("regulations", "issued")->ambiguous);
  CHECK(!t.Cell("regulations", "issued")->value.has_value());
  CHECK(t.Cell("normative_docs", "issued")->ambiguous);  // a 10000-digit run is not split
  // Bytes that are not text at all.
  std::string junk;
  for (int i = 0; i < 100000; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  const SourceText jt = SourceText::FromUtf8(junk);
  CHECK(ExtractTables(jt, *ShippedSchemas().Find("ogi-2019")).tables.empty());
  CHECK(DetectTableFormat(jt, ShippedSchemas()).empty());
}

}  // namespace ogicheck::testing

namespace ogicheck::testing {

TEST_CASE("tables: an optional 法人或其他组织 subtotal column is read only when printed") {
  const std::string text_s =
      "三、收到和处理政府信息公开申请情况\n"
      "\t自然人\t法人或其他组织小计\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
      "一、本年新收政府信息公开申请数量\t5\t1\t1\t0\t0\t0\t0\t6\n";
  const SourceText text = SourceText::FromUtf8(text_s);
  const TableExtraction ex = ExtractTables(text, *ShippedSchemas().Find("ogi-2021"));
  REQUIRE(ex.tables.size() == 1);
  const Table& t = ex.tables[0];
  CHECK(t.columns.size() == 8);
  CHECK(t.columns[1] == "legal_person_subtotal");
  CHECK(t.Cell("new_received", "legal_person_subtotal")->value == 1.0);
  CHECK(t.Cell("new_received", "commercial")->value == 1.0);
  CHECK(t.Cell("new_received", "total")->value == 6.0);
  // Without the header the table has the official seven columns.
  const SourceText plain = SourceText::FromUtf8(
      "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t0\t6"
      "\n");
  const TableExtraction ex2 = ExtractTables(plain, *ShippedSchemas().Find("ogi-2021"));
  REQUIRE(ex2.tables.size() == 1);
  CHECK(ex2.tables[0].columns.size() == 7);
  CHECK(ex2.tables[0].Cell("new_received", "legal_person_subtotal") == nullptr);
}

}  // namespace ogicheck::testing

namespace ogicheck::testing {
namespace {

// pdftotext raw mode: the values of （一） and （二） come column by column (2 1, 0 0, …, 2 1) and
// the label of （二） only after them.
std::string ColumnByColumn(const std::string& new_received) {
  std::string s = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n" +
                  new_received +
                  "二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n（一）予以公开\n";
  for (const char* v : {"2", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "2", "1"})
    s += std::string(v) + "\n";
  return s +
         "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n四、政府信息公开行政复议、行政"
         "诉讼情况\n";
}

}  // namespace

TEST_CASE(
    "tables: rows printed column by column are put back only when the arithmetic is certain") {
  const SourceText text = SourceText::FromUtf8(ColumnByColumn("3\n0\n0\n0\n0\n0\n3\n"));
  const TableExtraction ex = ExtractTables(text, *ShippedSchemas().Find("ogi-2021"));
  REQUIRE(ex.tables.size() == 1);
  const Table& t = ex.tables[0];
  CHECK(t.deviations == std::vector<std::string>{"rows_printed_column_by_column"});
  CHECK(t.Cell("disclosed", "natural_person")->value == 2.0);
  CHECK(t.Cell("disclosed", "commercial")->value == 0.0);
  CHECK(t.Cell("disclosed", "total")->value == 2.0);
  CHECK(t.Cell("partly_disclosed", "natural_person")->value == 1.0);
  CHECK(t.Cell("partly_disclosed", "total")->value == 1.0);
  CHECK(t.Cell("partly_disclosed", "total")->match == CellMatch::kRecovered);
  CHECK(text.PosOf(t.Cell("partly_disclosed", "total")->span.begin).line ==
        32);  // the last printed 1

  // One printed row that does not add up (3 … 4) leaves no reading certain: the displaced rows
  // stay ambiguous, and the printed row keeps its printed values.
  const SourceText bad = SourceText::FromUtf8(ColumnByColumn("3\n0\n0\n0\n0\n0\n4\n"));
  const TableExtraction ex2 = ExtractTables(bad, *ShippedSchemas().Find("ogi-2021"));
  REQUIRE(ex2.tables.size() == 1);
  const Table& t2 = ex2.tables[0];
  CHECK(t2.Cell("new_received", "total")->value == 4.0);
  CHECK(t2.Cell("disclosed", "natural_person")->ambiguous);
  CHECK(!t2.Cell("disclosed", "natural_person")->value.has_value());
  CHECK(t2.Cell("partly_disclosed", "total")->ambiguous);
  CHECK(std::find(t2.deviations.begin(), t2.deviations.end(), "values_scrambled") !=
        t2.deviations.end());
}

}  // namespace ogicheck::testing

namespace ogicheck::testing {

TEST_CASE("tables: a caption cited in the prose before the table does not start the table") {
  const SourceText text = SourceText::FromUtf8(
      "一、总体情况\n按照第二十条第（一）项，本机关制定规章和规范性文件12件。\n二、主动公开政府信息"
      "情况\n"
      "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t3\n"
      "行政规范性文件\t12\t1\t40\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t7\n");
  const TableExtraction ex = ExtractTables(text, *ShippedSchemas().Find("ogi-2021"));
  REQUIRE(ex.tables.size() == 2);
  const Table& t = ex.tables[0];
  CHECK(t.Cell("regulations", "in_force")->value == 3.0);
  CHECK(t.Cell("normative_docs", "issued")->value == 12.0);
  CHECK(text.PosOf(t.span.begin).line == 4);
  CHECK(ex.tables[1].Cell("licensing", "decisions")->value == 7.0);
}

}  // namespace ogicheck::testing

namespace ogicheck::testing {

TEST_CASE("tables: a table printed with the other format's columns is flagged") {
  // 营口 2020 prints the 2019 columns; read with the 2021 schema its 第二十条 tables are
  // positional only, and say so.
  const SourceText text = LoadCorpusText(SharedPath("seeds/002_8b61771959860ad5.txt"));
  const TableExtraction ex = ExtractTables(text, *ShippedSchemas().Find("ogi-2021"));
  const Table* t = nullptr;
  for (const Table& x : ex.tables)
    if (x.id == "art20_1") t = &x;
  REQUIRE(t);
  CHECK(t->deviations == std::vector<std::string>{"column_labels_not_found"});
  const TableExtraction ok = ExtractTables(text, *ShippedSchemas().Find("ogi-2019"));
  for (const Table& x : ok.tables) CHECK(x.deviations.empty());
}

}  // namespace ogicheck::testing

namespace ogicheck::testing {

TEST_CASE("tables: random soups of labels, numbers and separators never crash") {
  // Deterministic pieces from the schemas and the layouts; run under ASan/UBSan in the test build.
  std::vector<std::string> pieces = {"\n",
                                     "\t",
                                     " ",
                                     "\u3000",
                                     "-3-\n",
                                     "0",
                                     "17",
                                     "1153",
                                     "+24",
                                     "-5",
                                     "38685.5(万元)",
                                     "—",
                                     "/",
                                     "无",
                                     "、",
                                     "，",
                                     "（",
                                     "）",
                                     "170000017",
                                     "000000000000000",
                                     "总计",
                                     "结果维持"};
  for (const ReportSchema& s : ShippedSchemas().all()) {
    for (const SchemaSection& sec : s.sections) pieces.push_back(sec.title);
    for (const SchemaTable& t : s.tables) {
      pieces.push_back(t.title);
      for (const SchemaRow& r : t.rows) pieces.push_back(r.label);
      for (const SchemaColumn& c : t.columns) pieces.push_back(c.label);
    }
  }
  uint64_t state = 88172645463325252ull;
  auto next = [&] {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return state;
  };
  size_t tables = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = static_cast<int>(next() % 400);
    for (int i = 0; i < n; ++i) {
      const std::string& p = pieces[next() % pieces.size()];
      // sometimes cut a piece in the middle of a character
      text += (next() % 17 == 0) ? p.substr(0, next() % (p.size() + 1)) : p;
    }
    const SourceText st = SourceText::FromUtf8(text);
    for (const ReportSchema& s : ShippedSchemas().all()) {
      const TableExtraction ex = ExtractTables(st, s);
      tables += ex.tables.size();
      for (const Table& t : ex.tables) {
        CHECK(t.span.begin <= t.span.end);
        CHECK(t.span.end <= st.text().size());
        for (const TableCell& c : t.cells) {
          CHECK(c.span.end <= st.text().size());
          if (c.ambiguous || c.semantic == CellSemantic::kBlank ||
              c.semantic == CellSemantic::kDash)
            CHECK(!c.value.has_value());
        }
      }
    }
    DetectTableFormat(st, ShippedSchemas());
  }
  CHECK(tables > 0);  // the soup does form tables now and then
}

}  // namespace ogicheck::testing
