// `ogicheck parse [--report-format ID] PATH...`: the parsed Document of each report as JSON.
#include <iostream>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "ogicheck/document_json.h"
#include "ogicheck/ingest.h"
#include "ogicheck/parse.h"

namespace ogicheck::cli {
namespace {

constexpr const char* kUsage =
    "usage: ogicheck parse [--report-format ogi-2008|ogi-2019|ogi-2021] [--compact] PATH...\n"
    "Prints what ogicheck reads from each report (metadata, sections, tables, prose numbers)\n"
    "as JSON; the shape is schemas/document.schema.json. Directories are searched recursively.\n"
    "Exit codes: 0 all inputs parsed; 2 usage error; 3 some inputs could not be read.\n";

}  // namespace

int RunParse(const std::vector<std::string>& args) {
  ParseOptions options;
  bool pretty = true;
  std::vector<std::string> paths;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return kExitOk;
    } else if (a == "--report-format" && i + 1 < args.size()) {
      options.report_format = args[++i];
    } else if (a == "--compact") {
      pretty = false;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "ogicheck parse: unknown option '" << a << "'\n" << kUsage;
      return kExitUsage;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }

  SchemaSet schemas;
  if (Status s = schemas.LoadDirectory(DefaultSchemaDir()); !s.ok()) {
    std::cerr << "ogicheck: " << s.message() << "\n";
    return kExitUsage;
  }
  if (!options.report_format.empty() && !schemas.Find(options.report_format)) {
    std::cerr << "ogicheck parse: unknown report format '" << options.report_format << "'\n";
    return kExitUsage;
  }

  std::vector<IngestError> errors;
  std::vector<Document> docs;
  for (const std::string& file : ExpandInputs(paths, &errors)) {
    IngestResult r = IngestFile(file);
    for (IngestedReport& rep : r.reports) docs.push_back(ParseDocument(std::move(rep), schemas, options));
    errors.insert(errors.end(), r.errors.begin(), r.errors.end());
  }
  for (const IngestError& e : errors) std::cerr << "ogicheck: " << e.status.message() << "\n";
  std::cout << ParseOutputToJson(docs, errors, pretty) << "\n";
  return errors.empty() ? kExitOk : kExitUnreadable;
}

}  // namespace ogicheck::cli
