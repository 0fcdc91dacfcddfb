// Development aid, off by default: with OGICHECK_TABLES_DUMP=DIR set, writes the dump of every
// corpus input to DIR so a person can compare it with the document.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "tables_test_util.h"

namespace ogicheck::testing {

TEST_CASE("tables: dump corpus (only with OGICHECK_TABLES_DUMP)") {
  const char* dir = std::getenv("OGICHECK_TABLES_DUMP");
  if (!dir) return;
  const char* fmt = std::getenv("OGICHECK_TABLES_FORMAT");
  for (std::string sub : {"corpus/real", "corpus/peers", "seeds", "golden"}) {
    std::string root = sub == "golden" ? SourcePath("tests/golden/tables") : SharedPath(sub);
    for (const auto& e : std::filesystem::directory_iterator(root)) {
      std::string p = e.path().string();
      if (!(p.ends_with(".txt") || p.ends_with(".json")) || p.ends_with("expected.json")) continue;
      SourceText text = LoadCorpusText(p);
      std::string id = DetectTableFormat(text, ShippedSchemas());
      if (fmt) id = fmt;
      if (id.empty()) continue;
      auto ex = ExtractTables(text, *ShippedSchemas().Find(id));
      std::ofstream(Cat({dir, "/", e.path().filename().string(), ".dump"}))
          << id << "\n"
          << DumpTables(ex, *ShippedSchemas().Find(id));
    }
  }
}

}  // namespace ogicheck::testing

namespace ogicheck::testing {

// Throughput check, off by default (OGICHECK_TABLES_BENCH=MB): extraction plus format detection
// over the corpus texts repeated to the given size; reports MB/s. Run on a Release build.
TEST_CASE("tables: throughput (only with OGICHECK_TABLES_BENCH)") {
  const char* mb = std::getenv("OGICHECK_TABLES_BENCH");
  if (!mb) return;
  std::vector<SourceText> docs;
  size_t bytes = 0;
  const size_t want = static_cast<size_t>(std::atof(mb) * 1e6);
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(SharedPath("corpus/real")))
    paths.push_back(e.path().string());
  while (bytes < want)
    for (const std::string& p : paths) {
      docs.push_back(LoadCorpusText(p));
      bytes += docs.back().text().size();
    }
  size_t tables = 0;
  const std::clock_t start = std::clock();  // CPU time: the machine is shared
  for (const SourceText& d : docs) {
    const std::string id = DetectTableFormat(d, ShippedSchemas());
    // Texts without table labels are still searched with the 2021 schema: the parse stage falls
    // back to the report year's format, and this keeps the measure pessimistic.
    const ReportSchema* s = ShippedSchemas().Find(id.empty() ? "ogi-2021" : id);
    tables += ExtractTables(d, *s).tables.size();
  }
  const double secs = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  const double mbytes = bytes / 1e6;
  MESSAGE(mbytes << " MB in " << docs.size() << " documents, " << tables << " tables: " << secs
                 << " s, " << (mbytes / secs) << " MB/s");
}

}  // namespace ogicheck::testing
