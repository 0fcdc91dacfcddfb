// Development aid, off by default: with OGICHECK_TABLES_DUMP=DIR set, writes the dump of every
// corpus input to DIR so a person can compare it with the document.
#include <doctest/doctest.h>

#include <cstdlib>
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
      std::ofstream(std::string(dir) + "/" + e.path().filename().string() + ".dump")
          << id << "\n" << DumpTables(ex, *ShippedSchemas().Find(id));
    }
  }
}

}  // namespace ogicheck::testing
