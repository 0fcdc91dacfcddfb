// Replays the inputs the fuzzers once crashed on (tests/fuzz/regressions/<target>/) through the
// same entry points as the fuzz targets in tests/fuzz/, so the ASan + UBSan test build keeps them
// fixed. Each replay also checks what the entry point must answer for such an input.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "ogicheck/evaluate.h"
#include "ogicheck/ingest.h"
#include "ogicheck/parse.h"
#include "ogicheck/report_schema.h"
#include "ogicheck/rule_pack.h"
#include "ogicheck/write.h"
#include "rules/expr.h"
#include "tables/extract.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace ogicheck {
namespace {

using testing::ReadFileOrDie;
using testing::SourcePath;

const SchemaSet& Schemas() {
  static const SchemaSet s = [] {
    SchemaSet set;
    REQUIRE(set.LoadDirectory(DefaultSchemaDir()).ok());
    return set;
  }();
  return s;
}

fs::path Scratch() {
  fs::path d = fs::temp_directory_path() / ("ogicheck-fuzzreg-" + std::to_string(getpid()));
  fs::create_directories(d);
  return d;
}

void Write(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

size_t IngestReplay(const std::string& bytes, const std::string& name) {
  IngestResult r = IngestBytes(bytes, name);
  return r.reports.size() + r.errors.size();
}

// Target name (as in tests/fuzz/fuzz_<target>.cc) -> replay of one input.
const std::map<std::string, std::function<void(const std::string&)>>& Replays() {
  static const std::map<std::string, std::function<void(const std::string&)>> replays = {
      {"ingest_text", [](const std::string& b) { CHECK(IngestReplay(b, "fuzz.txt") >= 1); }},
      {"ingest_html", [](const std::string& b) { CHECK(IngestReplay(b, "fuzz.html") >= 1); }},
      {"ingest_docx", [](const std::string& b) { CHECK(IngestReplay(b, "fuzz.docx") >= 1); }},
      {"ingest_pdf", [](const std::string& b) { CHECK(IngestReplay(b, "fuzz.pdf") >= 1); }},
      {"ingest_crawl",
       [](const std::string& b) {
         if (b.empty()) return;
         IngestReplay(b.substr(1), (b[0] & 1) ? "fuzz.jsonl" : "fuzz.json");
       }},
      {"tables",
       [](const std::string& b) {
         SourceText text = SourceText::FromUtf8(b);
         DetectTableFormat(text, Schemas());
         for (const ReportSchema& s : Schemas().all()) {
           TableExtraction t = ExtractTables(text, s);
           for (const Span& r : t.regions) CHECK(r.end <= text.text().size());
         }
       }},
      {"check",
       [](const std::string& b) {
         static const RuleSet rules = [] {
           RuleSet r;
           REQUIRE(r.Load(DefaultRulesDir()).ok());
           return r;
         }();
         IngestResult r = IngestBytes(b, "fuzz.txt");
         FindingsReport report;
         EvaluateOptions options;
         options.schemas = &Schemas();
         for (IngestedReport& rep : r.reports) {
           Document doc = ParseDocument(std::move(rep), Schemas(), ParseOptions{});
           report.reports.push_back(Evaluate(doc, rules, options));
         }
         CHECK(!WriteFindingsJson(report).empty());
       }},
      {"expr",
       [](const std::string& b) {
         rules::ParseResult r = rules::ParseExpr(b);
         // Every kept crasher nests too deeply: refused, not overflowing the stack.
         CHECK(r.expr == nullptr);
         CHECK(r.error == "the expression is nested too deeply");
       }},
      {"pack",
       [](const std::string& b) {
         fs::path dir = Scratch() / "pack";
         fs::create_directories(dir);
         Write(dir / "pack.yaml", b);
         RuleSet rules;
         Status s = rules.Load((dir / "pack.yaml").string());
         // Every kept crasher is a malformed pack: it must be refused with a message.
         CHECK(!s.ok());
         CHECK(s.code() == ErrorCode::kRulePack);
         CHECK(!s.message().empty());
       }},
      {"schema",
       [](const std::string& b) {
         fs::path file = Scratch() / "schema.yaml";
         Write(file, b);
         SchemaSet set;
         Status s = set.LoadFile(file.string());
         CHECK(!s.ok());
         CHECK(!s.message().empty());
       }},
  };
  return replays;
}

TEST_CASE("fuzz regressions: every kept crasher replays without a crash") {
  const fs::path root = SourcePath("tests/fuzz/regressions");
  REQUIRE(fs::is_directory(root));
  size_t replayed = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    const std::string target = dir.path().filename().string();
    auto it = Replays().find(target);
    INFO("target " << target);
    REQUIRE(it != Replays().end());  // a folder per fuzz target, named like it
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(dir.path())) files.push_back(f.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      INFO("input " << f.filename().string());
      it->second(ReadFileOrDie(f.string()));
      ++replayed;
    }
  }
  // Update when a crasher is added: the count guards against a folder silently not being read.
  CHECK(replayed == 4);
}

}  // namespace
}  // namespace ogicheck
