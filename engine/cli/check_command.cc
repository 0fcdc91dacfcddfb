// `ogicheck check [options] PATH...`: ingest, parse, evaluate the rule packs, write findings.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "ogicheck/evaluate.h"
#include "ogicheck/ingest.h"
#include "ogicheck/parse.h"
#include "ogicheck/rule_pack.h"
#include "ogicheck/write.h"

namespace ogicheck::cli {
namespace {

constexpr const char* kUsage =
    "usage: ogicheck check [--pack DIR|FILE]... [--format text|json] [--output FILE]\n"
    "                      [--fail-on error|warning|info|never] [--report-format ID]\n"
    "                      [--show-passed] PATH...\n"
    "Checks each report (files, or directories searched recursively) against the rule packs\n"
    "(default: the shipped packs in rules/) and prints the findings.\n"
    "Exit codes: 0 no finding at or above --fail-on (default error); 1 findings at or above it;\n"
    "2 usage or rule-pack error (nothing checked); 3 some inputs could not be read.\n";

int Usage(const std::string& msg) {
  std::cerr << "ogicheck check: " << msg << "\n" << kUsage;
  return kExitUsage;
}

}  // namespace

int RunCheck(const std::vector<std::string>& args) {
  std::vector<std::string> packs, paths;
  std::string format = "text", output, fail_on = "error";
  ParseOptions parse_options;
  EvaluateOptions eval_options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return kExitOk;
    } else if (a == "--pack") {
      if (!value(&v)) return Usage("--pack needs a folder or file");
      packs.push_back(v);
    } else if (a == "--format") {
      if (!value(&format) || (format != "text" && format != "json"))
        return Usage("--format is text or json");
    } else if (a == "--output" || a == "-o") {
      if (!value(&output)) return Usage("--output needs a file name");
    } else if (a == "--fail-on") {
      if (!value(&fail_on) ||
          (fail_on != "error" && fail_on != "warning" && fail_on != "info" && fail_on != "never"))
        return Usage("--fail-on is error, warning, info or never");
    } else if (a == "--report-format") {
      if (!value(&parse_options.report_format)) return Usage("--report-format needs a format id");
    } else if (a == "--show-passed") {
      eval_options.show_passed = true;
    } else if (!a.empty() && a[0] == '-') {
      return Usage("unknown option '" + a + "'");
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) return Usage("no input paths");

  // Everything that can make the run meaningless is checked before any input is read.
  RuleSet rules;
  if (packs.empty()) packs.push_back(DefaultRulesDir());
  for (const std::string& p : packs) {
    if (Status s = rules.Load(p); !s.ok()) {
      std::cerr << s.message() << "\n";
      return kExitUsage;
    }
  }
  SchemaSet schemas;
  if (Status s = schemas.LoadDirectory(DefaultSchemaDir()); !s.ok()) {
    std::cerr << "ogicheck: " << s.message() << "\n";
    return kExitUsage;
  }
  if (!parse_options.report_format.empty() && !schemas.Find(parse_options.report_format))
    return Usage("unknown report format '" + parse_options.report_format + "'");
  eval_options.schemas = &schemas;

  FindingsReport report;
  report.tool_version = OGICHECK_VERSION;
  for (const PackInfo& p : rules.packs()) report.packs.push_back({p.id, p.version});
  std::vector<IngestError> errors;
  for (const std::string& file : ExpandInputs(paths, &errors)) {
    IngestResult r = IngestFile(file);
    for (IngestedReport& rep : r.reports) {
      Document doc = ParseDocument(std::move(rep), schemas, parse_options);
      report.reports.push_back(Evaluate(doc, rules, eval_options));
    }
    errors.insert(errors.end(), r.errors.begin(), r.errors.end());
  }
  for (const IngestError& e : errors)
    report.errors.push_back({e.path + e.record, e.status.message()});

  std::string text;
  if (format == "json") {
    text = WriteFindingsJson(report);
  } else {
    TextWriteOptions topts;
    topts.color = output.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
    text = WriteFindingsText(report, topts);
  }
  if (output.empty()) {
    std::cout << text;
  } else {
    std::ofstream out(output, std::ios::binary);
    if (!(out << text)) {
      std::cerr << "ogicheck check: cannot write " << output << "\n";
      return kExitUsage;
    }
  }
  for (const IngestError& e : errors) std::cerr << "ogicheck: " << e.status.message() << "\n";

  int threshold = fail_on == "error" ? 2 : fail_on == "warning" ? 1 : fail_on == "info" ? 0 : 99;
  bool failing = false;
  for (const ReportFindings& r : report.reports)
    for (const Finding& f : r.findings)
      if (f.outcome != Outcome::kNotEvaluated && static_cast<int>(f.severity) >= threshold)
        failing = true;
  if (!errors.empty()) return kExitUnreadable;
  return failing ? kExitFindings : kExitOk;
}

}  // namespace ogicheck::cli
