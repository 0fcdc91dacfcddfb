// The PDF text extractor is a plugin (libogicheck_pdf.so beside the binaries) loaded on the first
// PDF. Found, it reads PDFs (readers_pdf_test.cc checks what it reads); missing, each PDF is an
// unreadable input with a message saying what to do, and the other inputs are still checked.
#include "ingest/pdf_plugin.h"

#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "command_run.h"
#include "test_paths.h"

namespace ogicheck {
namespace {

TEST_CASE("pdf plugin: found beside the test binary") {
  std::string error = "unset";
  const bool found = PdfExtractor(&error) != nullptr;
  CHECK(found);
  CHECK(error.empty());
}

TEST_CASE("pdf plugin: missing, each PDF is unreadable (exit 3) and the other inputs are checked") {
  const std::string pdf = testing::SourcePath("tests/golden/readers/text.pdf");
  const std::string txt = testing::SourcePath("examples/qinglan-county-2023.txt");
  testing::ReadFileOrDie(pdf);
  testing::ReadFileOrDie(txt);
  std::string cmd = "OGICHECK_PDF_PLUGIN=/nonexistent/libogicheck_pdf.so " +
                    std::string(OGICHECK_BINARY) + " check --format json --fail-on never " + pdf +
                    " " + txt + " 2>&1";
  const testing::CommandResult run = testing::RunCommand(cmd);
  const std::string& out = run.out;
  CHECK(run.code == 3);
  const std::string message =
      "PDF: the PDF text extractor libogicheck_pdf.so could not be loaded (build it with the "
      "ogicheck_pdf target, keep it beside the ogicheck binary or name it in "
      "OGICHECK_PDF_PLUGIN): /nonexistent/libogicheck_pdf.so: cannot open shared object file: No "
      "such file or directory";
  CHECK(out.find("ogicheck: " + message + "\n") != std::string::npos);
  CHECK(out.find("\"path\": \"" + txt + "\"") != std::string::npos);  // the text report was checked
}

}  // namespace
}  // namespace ogicheck
