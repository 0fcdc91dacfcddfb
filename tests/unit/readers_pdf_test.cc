// PdfReader: the three official PDFs against their pdftotext renderings, pages in locations,
// page-number lines, scanned, encrypted, truncated and damaged files.
#include <doctest/doctest.h>

#include "ingest/pdf_lines.h"
#include "ingest/reader.h"
#include "readers_test_util.h"
#include "test_paths.h"

using namespace ogicheck;
using namespace ogicheck::testing;

namespace {

IngestedReport ReadPdfOk(const std::string& bytes) {
  IngestResult r = RunReader(PdfReader(), bytes, "t.pdf");
  REQUIRE(r.errors.empty());
  REQUIRE(r.reports.size() == 1);
  return std::move(r.reports[0]);
}

Status ReadPdfError(const std::string& bytes) {
  IngestResult r = RunReader(PdfReader(), bytes, "bad.pdf");
  REQUIRE(r.reports.empty());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == "bad.pdf");
  return r.errors[0].status;
}

// "-3-" or " - 12 - " as pdftotext prints the peers' footers (checked independently of the
// reader's own rule).
bool IsDashFooter(std::string_view line) {
  const size_t b = line.find_first_not_of(' ');
  const size_t e = line.find_last_not_of(' ');
  if (b == std::string_view::npos || e - b < 2 || line[b] != '-' || line[e] != '-') return false;
  const std::string_view mid = line.substr(b + 1, e - b - 1);
  return mid.find_first_not_of(" 0123456789") == std::string_view::npos &&
         mid.find_first_of("0123456789") != std::string_view::npos;
}

// Lines without blanks, with the "-3-" footers removed: what both renderings should share.
std::vector<std::string> ContentLines(const std::string& text) {
  std::vector<std::string> out;
  for (std::string line : SplitLines(text)) {
    std::erase(line, '\f');
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.find_first_not_of(' ') == std::string::npos) continue;
    if (IsDashFooter(line)) continue;
    out.push_back(line);
  }
  return out;
}

uint32_t PageOf(const IngestedReport& rep, std::string_view needle) {
  const size_t at = rep.text.text().find(needle);
  REQUIRE(at != std::string::npos);
  return rep.text.PosOf(static_cast<uint32_t>(at)).page;
}

struct PeerCase {
  const char* stem;
  uint32_t pages;
  uint32_t page_table2, page_new_received, page_total, page_part6;
  const char* new_received_line;  // the row as pdftotext -layout prints it (normalised)
};

const PeerCase kPeers[] = {
    {"govnianbao__szfgs2024", 6, 3, 4, 5, 6,
     "一、本年新收政府信息公开申请数量                3001        53       0        0    61       "
     "4   3119"},
    {"kirogovcompare__hzq2023_working", 5, 2, 3, 4, 5,
     "一、本年新收政府信息公开申请数量                             21    0      0     0   0   0    "
     " 21"},
    {"kirogovcompare__hzq2024_working", 5, 2, 3, 4, 5,
     "一、本年新收政府信息公开申请数量                             95    0         0     0   0   0 "
     "    95"},
};

}  // namespace

TEST_CASE("PDF: the peer PDFs read like their pdftotext renderings, with pages and no footers") {
  for (const PeerCase& c : kPeers) {
    CAPTURE(c.stem);
    const std::string base = std::string("corpus/peers/") + c.stem;
    IngestedReport rep = ReadPdfOk(ReadFileOrDie(SharedPath(base + ".pdf")));
    CHECK(rep.reader == "pdf");
    CHECK(rep.facts.pages == c.pages);
    CHECK_FALSE(rep.facts.scanned_without_text);
    // Same lines as pdftotext -layout (both normalised the same way), footers aside.
    const SourceText reference =
        SourceText::FromUtf8(ReadFileOrDie(SharedPath(base + ".pdftotext.txt")));
    const auto ours = ContentLines(rep.text.text());
    const auto theirs = ContentLines(reference.text());
    CHECK(ours.size() == theirs.size());
    for (size_t i = 0; i < std::min(ours.size(), theirs.size()); ++i) {
      CAPTURE(i);
      CHECK(ours[i] == theirs[i]);
    }
    // The reference does have footers; ours has none left at all.
    CHECK(SplitLines(reference.text()).size() > ours.size());
    for (const std::string& line : SplitLines(rep.text.text())) {
      CHECK_FALSE(IsDashFooter(line));
    }
    // Pages in locations (checked against the page breaks of the pdftotext rendering).
    CHECK(PageOf(rep, "二、主动公开政府信息情况") == c.page_table2);
    CHECK(PageOf(rep, c.new_received_line) == c.page_new_received);
    CHECK(PageOf(rep, "(七)总计") == c.page_total);
    CHECK(PageOf(rep, "六、其他需要报告的事项") == c.page_part6);
    CHECK(FindLine(SplitLines(rep.text.text()), c.new_received_line) >= 0);
    CHECK(rep.text.PosOf(0).page == 1);
  }
}

TEST_CASE("PDF: the Hangzhou fixture re-published as PDF keeps its title and pages") {
  IngestedReport rep =
      ReadPdfOk(ReadFileOrDie(SharedPath("corpus/derived/hangzhou-style-fixture.pdf")));
  CHECK(rep.facts.title == "测试市2025年政府信息公开工作年度报告");
  CHECK(rep.facts.pages == 3);
  CHECK(PageOf(rep, "规章       3          5     74") == 1);
  CHECK(
      PageOf(rep, "二、上年结转政府信息公开申请数量         535    6     0   1    18   0    560") ==
      2);
  CHECK(PageOf(rep, "六、其他需要报告的事项") == 3);
}

TEST_CASE(
    "PDF: a small generated PDF, exactly; page-number lines go, a lone mid-page number stays") {
  IngestedReport rep = ReadPdfOk(ReadFileOrDie(SourcePath("tests/golden/readers/text.pdf")));
  CHECK(rep.text.text() ==
        "Page one report\n\nRow one 12 34\n"          // "- 1 -" footer dropped
        "Page two heading\n\nRow two 56 78\n\n7\n");  // "2/2" dropped; "7" mid-page kept
  CHECK(PageOf(rep, "Row one") == 1);
  CHECK(PageOf(rep, "Page two") == 2);
  CHECK(PageOf(rep, "7") == 2);
}

TEST_CASE("PDF: a scanned PDF gives an empty report that says it has no text layer") {
  IngestedReport rep = ReadPdfOk(ReadFileOrDie(SourcePath("tests/golden/readers/scanned.pdf")));
  CHECK(rep.text.text().empty());
  CHECK(rep.facts.scanned_without_text);
  CHECK(rep.facts.pages == 2);
  REQUIRE(rep.facts.notes.size() == 1);
  CHECK(rep.facts.notes[0] ==
        "the PDF has 2 pages but no text layer (scanned images?); no OCR is done");
}

TEST_CASE(
    "PDF: encrypted, truncated and damaged files give a clear error; owner-only encryption reads") {
  Status enc = ReadPdfError(ReadFileOrDie(SourcePath("tests/golden/readers/encrypted.pdf")));
  CHECK(enc.code() == ErrorCode::kUnsupported);
  CHECK(enc.message() == "PDF: encrypted: it needs a password to open");

  IngestedReport owner =
      ReadPdfOk(ReadFileOrDie(SourcePath("tests/golden/readers/owner-only.pdf")));
  CHECK(owner.text.text().rfind("Page one report\n", 0) == 0);

  const std::string real =
      ReadFileOrDie(SharedPath("corpus/peers/kirogovcompare__hzq2023_working.pdf"));
  Status cut = ReadPdfError(real.substr(0, real.size() * 3 / 5));
  CHECK(cut.code() == ErrorCode::kFormat);
  CHECK(cut.message() == "PDF: no %%EOF at the end: the file is truncated");

  Status junk = ReadPdfError("%PDF-1.7\n" + std::string(4000, 'x') + "\n%%EOF\n");
  CHECK(junk.code() == ErrorCode::kFormat);
  CHECK(junk.message() == "PDF: damaged: poppler cannot open it");

  Status not_pdf = ReadPdfError("一、总体情况");
  CHECK(not_pdf.message() == "PDF: no %PDF- header: not a PDF file");
  CHECK(ReadPdfError("").code() == ErrorCode::kEmpty);
  IngestOptions small;
  small.max_file_bytes = 100;
  IngestResult big = RunReader(PdfReader(), real, "big.pdf", small);
  REQUIRE(big.errors.size() == 1);
  CHECK(big.errors[0].status.code() == ErrorCode::kTooLarge);
}

TEST_CASE("PDF: a damaged body with a valid ending never crashes") {
  // Overwrite the middle of a real PDF: poppler may rebuild the cross-reference table and read
  // what is left, or give up; either way one result and no crash.
  std::string bad = ReadFileOrDie(SharedPath("corpus/peers/kirogovcompare__hzq2024_working.pdf"));
  for (size_t i = bad.size() / 3; i < bad.size() / 2; ++i) bad[i] = '\0';
  IngestResult r = RunReader(PdfReader(), bad, "mid.pdf");
  CHECK(r.reports.size() + r.errors.size() == 1);
}

TEST_CASE("PDF: page-number lines") {
  struct Case {
    const char* line;
    bool edge;
    bool expected;
  };
  const Case cases[] = {
      {"-3-", false, true},
      {"      — 5 —  ", false, true},
      {"－１２－", false, true},
      {"- 3 -", false, true},
      {"第 3 页", false, true},
      {"第3页 共10页", false, true},
      {"第3页，共10页", false, true},
      {"共10页 第3页", false, true},
      {"3", true, true},
      {"3/10", true, true},
      {"3", false, false},
      {"3/10", false, false},
      {"一、总体情况", true, false},
      {"-3", true, false},
      {"12 34", true, false},
      {"第三页", true, false},
      {"- 3 - 5 -", true, false},
      {"", true, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    CHECK(IsPageNumberLine(c.line, c.edge) == c.expected);
  }
  CHECK(PageLines("\n  title\n\nbody\n\n\n  -1-  \n\f") ==
        std::vector<std::string>{"  title", "", "body"});
  CHECK(PageLines("5\nbody\n5\ntail\n6").size() == 3);  // first/last "5"/"6" go, the middle 5 stays
}

TEST_CASE("PDF: only the first 500 pages are read, and the report says so") {
  IngestedReport rep = ReadPdfOk(ReadFileOrDie(SourcePath("tests/golden/readers/many-pages.pdf")));
  CHECK(rep.facts.pages == 600);
  REQUIRE(rep.facts.notes.size() == 1);
  CHECK(rep.facts.notes[0] == "only the first 500 of 600 pages were read");
  CHECK(PageOf(rep, "Page 500\n") == 500);
  CHECK(rep.text.text().find("Page 501") == std::string::npos);
}

TEST_CASE("PDF: Accepts the extension or the %PDF- magic") {
  CHECK(PdfReader()->Accepts("pdf", ""));
  CHECK(PdfReader()->Accepts("bin", "%PDF-1.4"));
  CHECK_FALSE(PdfReader()->Accepts("txt", "一、"));
}
