// Rule packs on real reports (ingest + parse + evaluate), and the mutation property: changing
// any one cell of a clean report's tables 三/四 makes an arithmetic rule fire, naming that cell.
#include <doctest/doctest.h>

#include <set>

#include <random>

#include "ogicheck/evaluate.h"
#include "ogicheck/ingest.h"
#include "ogicheck/parse.h"
#include "ogicheck/rule_pack.h"
#include "rules/fixture.h"
#include "test_paths.h"

namespace ogicheck {
namespace {

using testing::SharedPath;
using testing::SourcePath;

struct Env {
  SchemaSet schemas;
  RuleSet rules;
};

const Env& GetEnv() {
  static Env* env = [] {
    auto* e = new Env;
    Status s = e->schemas.LoadDirectory(DefaultSchemaDir());
    if (!s.ok()) FAIL(s.message());
    s = e->rules.Load(SourcePath("rules"));
    if (!s.ok()) FAIL(s.message());
    return e;
  }();
  return *env;
}

Document ParseShared(const std::string& rel) {
  IngestResult r = IngestFile(SharedPath(rel));
  REQUIRE_MESSAGE(r.reports.size() == 1, rel);
  return ParseDocument(std::move(r.reports[0]), GetEnv().schemas);
}

ReportFindings Check(const Document& doc) {
  EvaluateOptions o;
  o.schemas = &GetEnv().schemas;
  return Evaluate(doc, GetEnv().rules, o);
}

bool IsArithmetic(const std::string& rule) {
  return rule.find(".APP.BALANCE") != std::string::npos ||
         rule.find(".APP.ROW_TOTAL") != std::string::npos ||
         rule.find(".APP.RESULTS_TOTAL") != std::string::npos ||
         rule.find(".REV.BLOCK_TOTAL") != std::string::npos;
}

// The error findings that fail (inconclusive ones say the extraction was unsure, not that the
// report is wrong), one per line.
std::string FailedErrors(const ReportFindings& r) {
  std::string out;
  for (const Finding& f : r.findings)
    if (f.severity == Severity::kError && f.outcome == Outcome::kFail)
      out += f.rule + " " + f.location.row + "/" + f.location.col + ": " + f.message + "\n";
  return out;
}

TEST_CASE(
    "corpus: Yingkou 2020 (seed 002) is ogi-2019, year 2020, and passes every arithmetic rule") {
  Document doc = ParseShared("seeds/002_8b61771959860ad5.txt");
  CHECK(doc.format == "ogi-2019");
  CHECK(doc.meta.report_year == 2020);
  ReportFindings r = Check(doc);
  for (const Finding& f : r.findings) {
    INFO(f.rule, ": ", f.message);
    CHECK_FALSE(IsArithmetic(f.rule));
  }
}

TEST_CASE(
    "corpus: Hongze 2023 fails the review and after-review totals (10+1+0+0=11 vs 0; 5 vs 0)") {
  // The same report as pdftotext -layout and as raw pdftotext.
  for (const char* rel : {"corpus/peers/kirogovcompare__hzq2023_working.pdftotext.txt",
                          "corpus/real/2023_hongzequ_2021.txt"}) {
    INFO(std::string(rel));
    ReportFindings r = Check(ParseShared(rel));
    std::vector<std::string> block;
    bool deviation = false;
    for (const Finding& f : r.findings) {
      if (f.rule == "OGI21.REV.BLOCK_TOTAL") block.push_back(f.location.row + ": " + f.message);
      if (f.rule == "OGI21.FMT.OTHER_HANDLING") deviation = f.severity == Severity::kWarning;
    }
    CHECK(block ==
          std::vector<std::string>{
              "review: 表四“行政复议”：结果维持10+结果纠正1+其他结果0+尚未审结0=11，但总计为0",
              "after_review: "
              "表四“复议后起诉”：结果维持5+结果纠正0+其他结果0+尚未审结0=5，但总计为0"});
    CHECK_MESSAGE(deviation, "template deviation finding for the single （六）其他处理 row");
  }
}

TEST_CASE("corpus: clean reports have no error findings") {
  for (const char* rel :
       {"corpus/real/2024_hongzequ_2021.txt", "corpus/real/2024_hongzequ_2021_layout.txt",
        "corpus/peers/kirogovcompare__hzq2024_working.pdftotext.txt",
        "corpus/real/2024_huaian_2021.txt", "corpus/real/2024_huaian_2021_layout.txt",
        "corpus/peers/govnianbao__szfgs2024.pdftotext.txt",
        "corpus/peers/kirogovcompare__filingHtmlImport-hangzhou-style-fixture.html"}) {
    INFO(std::string(rel));
    IngestResult in = IngestFile(SharedPath(rel));
    REQUIRE_MESSAGE(in.reports.size() == 1, rel);
    ReportFindings r = Check(ParseDocument(std::move(in.reports[0]), GetEnv().schemas));
    CHECK(FailedErrors(r) == "");
  }
}

// Changes one random cell of tables 三/四 at a time; an arithmetic rule must fail and its
// evidence must name the changed cell.
void MutationProperty(const Document& clean, int rounds, uint32_t seed) {
  INFO(clean.source.path);
  REQUIRE(FailedErrors(Check(clean)) == "");
  std::vector<std::pair<size_t, size_t>> cells;  // (table index, cell index)
  for (size_t t = 0; t < clean.tables.size(); ++t) {
    if (clean.tables[t].id != "applications" && clean.tables[t].id != "review_litigation") continue;
    for (size_t c = 0; c < clean.tables[t].cells.size(); ++c)
      if (clean.tables[t].cells[c].value && !clean.tables[t].cells[c].ambiguous)
        cells.push_back({t, c});
  }
  REQUIRE(cells.size() > 20);
  std::mt19937 rng(seed);
  int failures = 0;
  Document doc = clean;  // changed in place and restored: copying a Document is not cheap
  for (int i = 0; i < rounds; ++i) {
    auto [t, c] = cells[rng() % cells.size()];
    TableCell& cell = doc.tables[t].cells[c];
    const TableCell saved = cell;
    double delta = static_cast<double>(rng() % 9) + 1;
    if (*cell.value >= delta && rng() % 2) delta = -delta;
    cell.value = *cell.value + delta;
    cell.semantic = CellSemantic::kNumber;
    std::string ref = doc.tables[t].id + "." + cell.row + "." + cell.col;
    bool named = false;
    for (const Finding& f : Check(doc).findings) {
      if (!IsArithmetic(f.rule) || f.outcome != Outcome::kFail) continue;
      for (const Evidence& e : f.evidence) named |= e.ref == ref;
    }
    if (!named && ++failures <= 5)
      FAIL_CHECK("changing " << ref << " by " << delta << " went unnoticed");
    cell = saved;
  }
  CHECK(failures == 0);
}

TEST_CASE("property: one changed cell makes an arithmetic rule fire and name it (fixtures)") {
  for (const char* pack : {"ogi-2019", "ogi-2021"}) {
    Document doc;
    REQUIRE(rules::LoadFixtureDocument(
                SourcePath(std::string("rules/") + pack + "/tests/base.yaml"), &doc)
                .ok());
    MutationProperty(doc, 400, 2021);
  }
}

TEST_CASE("property: one changed cell makes an arithmetic rule fire and name it (corpus)") {
  MutationProperty(ParseShared("corpus/real/2024_huaian_2021.txt"), 600, 7);
  MutationProperty(ParseShared("seeds/002_8b61771959860ad5.txt"), 600, 11);
}


// Issue 6: a published PDF gives the same findings as its text rendering, and its locations carry
// the page. The pages were read off the PDFs' own page breaks (the table 四 row of Hongze 2023 is
// on page 4).
TEST_CASE("corpus: the peers' PDFs give the same findings as their pdftotext renderings, with pages") {
  for (const char* base : {"corpus/peers/kirogovcompare__hzq2023_working",
                           "corpus/peers/kirogovcompare__hzq2024_working",
                           "corpus/peers/govnianbao__szfgs2024"}) {
    INFO(std::string(base));
    ReportFindings pdf = Check(ParseShared(std::string(base) + ".pdf"));
    ReportFindings txt = Check(ParseShared(std::string(base) + ".pdftotext.txt"));
    std::vector<std::string> a, b;
    for (const Finding& f : pdf.findings) a.push_back(f.rule + " " + f.message);
    for (const Finding& f : txt.findings) b.push_back(f.rule + " " + f.message);
    CHECK(a == b);
  }
  ReportFindings r = Check(ParseShared("corpus/peers/kirogovcompare__hzq2023_working.pdf"));
  int seen = 0;
  for (const Finding& f : r.findings) {
    if (f.rule != "OGI21.REV.BLOCK_TOTAL") continue;
    ++seen;
    CHECK(f.location.page == 4);
    REQUIRE_FALSE(f.evidence.empty());
    CHECK(f.evidence[0].page == 4);
  }
  CHECK(seen == 2);
}

// Issue 6: the blank official 2021 template is recognised as ogi-2021 and its empty cells are
// reported as blank (info), never as missing tables or rows.
TEST_CASE("corpus: the blank 2021 template DOCX is ogi-2021 with blank cells, not missing tables") {
  Document doc = ParseShared("corpus/peers/govnianbao__政务公开年报模版.docx");
  CHECK(doc.format == "ogi-2021");
  CHECK(doc.table_format == "ogi-2021");
  ReportFindings r = Check(doc);
  std::set<std::string> blank_tables;
  for (const Finding& f : r.findings) {
    INFO(f.rule, ": ", f.message);
    CHECK(f.rule.find(".FMT.") == std::string::npos);  // no table, row or column reported missing
    CHECK(f.outcome != Outcome::kNotEvaluated);
    if (f.rule == "OGI21.CELL.BLANK") {
      CHECK(f.severity == Severity::kInfo);
      blank_tables.insert(f.location.table);
    }
  }
  CHECK(blank_tables == std::set<std::string>{"art20_1", "art20_5", "art20_6", "art20_8",
                                              "applications", "review_litigation"});
}

}  // namespace
}  // namespace ogicheck
