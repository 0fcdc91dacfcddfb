// Golden tests for the parse stage: for each seed and each crawled or PDF-text report in
// ../shared/corpus/real, the metadata and the top-level sections must match
// tests/golden/parse/<name>.golden, a file written by hand from reading the document.
//
// Golden format, one item a line:
//   title: …            agency: NAME (kind, level)     year: 2017 (source)
//   published: 2018-03-29 (source) | none              signature: 2018-03-08 | none
//   period: 2017-01-01..2017-12-31 | none              kind: annual_report | other
//   section 一、 总体公开情况                            (top-level sections, in order)
//
// The goldens say what the documents hold. Reports whose tables are flattened into the prose
// (seed 002 aside, which the restart rule in sections.cc handles) need the schemas and the table
// regions from engine/tables; without them their table rows and run-on titles do not come out
// right, so those goldens fail until the schema loader and the extractor are in.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ogicheck/document_json.h"
#include "ogicheck/parse.h"
#include "test_paths.h"

namespace ogicheck {
namespace {

using testing::ReadFileOrDie;
using testing::SharedPath;
using testing::SourcePath;

std::string Dump(const Document& d) {
  const Metadata& m = d.meta;
  std::ostringstream out;
  out << "title: " << m.title << "\n";
  out << "agency: " << m.agency << " (" << AgencyKindName(m.agency_kind) << ", "
      << AgencyLevelName(m.agency_level) << ")\n";
  out << "year: " << m.report_year << " (" << m.report_year_source << ")\n";
  if (m.published)
    out << "published: " << m.published->date.Iso() << " (" << m.published->source << ")\n";
  else
    out << "published: none\n";
  out << "signature: " << (m.signature ? m.signature->date.Iso() : "none") << "\n";
  if (m.period_begin && m.period_end)
    out << "period: " << m.period_begin->Iso() << ".." << m.period_end->Iso() << "\n";
  else
    out << "period: none\n";
  out << "kind: " << (m.kind == DocumentKind::kAnnualReport ? "annual_report" : "other") << "\n";
  for (const Section& s : d.sections) out << "section " << s.numbering << " " << s.title << "\n";
  return out.str();
}

// Builds the report the way ingest does: whole text files as they are; crawled JSON records
// with 内容 as the text and 标题/时间 (or 日期)/访问地址 as container facts.
IngestedReport LoadInput(const std::string& path) {
  IngestedReport r;
  r.path = path;
  const std::string bytes = ReadFileOrDie(path);
  if (path.size() > 5 && path.substr(path.size() - 5) == ".json") {
    auto j = nlohmann::json::parse(bytes);
    auto field = [&](const char* k) { return j.contains(k) ? j[k].get<std::string>() : ""; };
    r.reader = "crawl-json";
    r.facts.title = field("标题");
    r.facts.published = field("时间");
    if (r.facts.published.empty()) r.facts.published = field("日期");
    r.facts.url = field("访问地址");
    r.text = SourceText::FromUtf8(field("内容"));
  } else {
    r.reader = "text";
    r.text = SourceText::FromUtf8(bytes);
  }
  return r;
}

std::vector<std::string> GoldenInputs() {
  namespace fs = std::filesystem;
  std::vector<std::string> inputs;
  for (const char* seed : {"000_9909074d9dbf99ca", "001_e4b3ef95d49f1436", "002_8b61771959860ad5",
                           "003_9d5918fb5c505e81", "004_f92f5a134582c4f9"})
    inputs.push_back(SharedPath(std::string("seeds/") + seed + ".txt"));
  std::vector<std::string> real;
  for (const auto& e : fs::directory_iterator(SharedPath("corpus/real"))) {
    const std::string ext = e.path().extension().string();
    if (ext == ".json" || ext == ".txt") real.push_back(e.path().string());
  }
  std::sort(real.begin(), real.end());
  inputs.insert(inputs.end(), real.begin(), real.end());
  return inputs;
}

const SchemaSet& Schemas() {
  static SchemaSet* set = [] {
    auto* s = new SchemaSet();
    // Until the schema loader lands this fails and the tables stay empty; the goldens say what
    // the documents hold, so table-heavy reports fail until then.
    (void)s->LoadDirectory(DefaultSchemaDir());
    return s;
  }();
  return *set;
}

TEST_CASE("parse goldens: metadata and top-level sections of every seed and corpus report") {
  namespace fs = std::filesystem;
  const std::vector<std::string> inputs = GoldenInputs();
  REQUIRE(inputs.size() >= 44);
  const bool update_dir = std::getenv("OGICHECK_PARSE_ACTUAL") != nullptr;
  for (const std::string& input : inputs) {
    const std::string name = fs::path(input).stem().string();
    const std::string golden_path = SourcePath("tests/golden/parse/" + name + ".golden");
    Document doc = ParseDocument(LoadInput(input), Schemas());
    const std::string actual = Dump(doc);
    if (update_dir) {
      // Developer aid: write what the parser says next to the goldens for diffing (never copied
      // over a golden without checking it against the document).
      std::ofstream(std::string(std::getenv("OGICHECK_PARSE_ACTUAL")) + "/" + name + ".actual")
          << actual;
    }
    INFO("golden: ", golden_path);
    std::string expected;
    try {
      expected = ReadFileOrDie(golden_path);
    } catch (const std::exception& e) {
      FAIL_CHECK(e.what());
      continue;
    }
    CHECK_MESSAGE(actual == expected, name);
  }
}

}  // namespace
}  // namespace ogicheck
