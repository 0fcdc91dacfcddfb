// `ogicheck check [options] PATH...`: ingest, parse, evaluate the rule packs, write findings.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "cli/batch.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/progress.h"
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
    "                      [--show-passed] [--jobs N] [--time-limit SECONDS]\n"
    "                      [--progress|--no-progress] PATH...\n"
    "Checks each report (files, or directories searched recursively) against the rule packs\n"
    "(default: the shipped packs in rules/) and prints the findings.\n"
    "--jobs N checks N files at a time (default 1; 0 = one per processor); results keep the\n"
    "input order. --time-limit stops checking a report that has taken longer than SECONDS\n"
    "(default 60, 0 = none; checked between stages) and reports it as unreadable.\n"
    "--progress shows files done and files/s on stderr (default: for more than one file when\n"
    "stderr is a terminal and the JSON does not go to that terminal); --no-progress hides it.\n"
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
  parse_options.prose_numbers = false;  // no rule reads them
  EvaluateOptions eval_options;
  int jobs = 1;
  double time_limit = 60;
  int progress = -1;  // -1: ProgressByDefault
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
    } else if (a == "--jobs" || a == "-j") {
      char* end = nullptr;
      if (!value(&v) || (jobs = static_cast<int>(std::strtol(v.c_str(), &end, 10)), *end != 0) ||
          v.empty() || jobs < 0 || jobs > 256)
        return Usage("--jobs needs a number from 0 to 256");
      if (jobs == 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    } else if (a == "--time-limit") {
      char* end = nullptr;
      if (!value(&v) || (time_limit = std::strtod(v.c_str(), &end), *end != 0) || v.empty() ||
          !(time_limit >= 0))
        return Usage("--time-limit needs a number of seconds (0 = none)");
    } else if (a == "--progress" || a == "--no-progress") {
      progress = a == "--progress";
    } else if (a == "--show-passed") {
      eval_options.show_passed = true;
    } else if (!a.empty() && a[0] == '-') {
      return Usage("unknown option '" + a + "'");
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) return Usage("no input paths");

  // Everything that can make the run meaningless is checked before any input is read. Parsing
  // the YAML of the packs and of the report schemas is most of the start-up: the schemas load on
  // one of the threads that parse the packs' files. Errors come as if loaded one after the
  // other: a pack error first, then a schema error.
  if (packs.empty()) packs.push_back(DefaultRulesDir());
  RuleSet rules;
  SchemaSet schemas;
  Status schema_status;
  Status pack_status = rules.LoadAll(packs, 0, [&] {
    try {
      schema_status = schemas.LoadDirectory(DefaultSchemaDir());
    } catch (const std::exception& e) {  // defensive: nothing may leave a loading thread
      schema_status = Status::Error(ErrorCode::kSchema, DefaultSchemaDir() + ": " + e.what());
    }
  });
  if (!pack_status.ok()) {
    std::cerr << pack_status.message() << "\n";
    return kExitUsage;
  }
  if (!schema_status.ok()) {
    std::cerr << "ogicheck: " << schema_status.message() << "\n";
    return kExitUsage;
  }
  if (!parse_options.report_format.empty() && !schemas.Find(parse_options.report_format))
    return Usage("unknown report format '" + parse_options.report_format + "'");
  eval_options.schemas = &schemas;

  // Reports are checked file by file (--jobs workers) and handed on in input order; the JSON
  // writer streams them, so memory does not grow with the number of reports.
  std::ofstream file_out;
  if (!output.empty()) {
    file_out.open(output, std::ios::binary);
    if (!file_out) {
      std::cerr << "ogicheck check: cannot write " << output << "\n";
      return kExitUsage;
    }
  }
  std::ostream& out = output.empty() ? std::cout : file_out;
  std::vector<PackSummary> pack_summaries;
  for (const PackInfo& p : rules.packs()) pack_summaries.push_back({p.id, p.version});

  int threshold = fail_on == "error" ? 2 : fail_on == "warning" ? 1 : fail_on == "info" ? 0 : 99;
  bool failing = false;
  std::vector<IngestError> errors;
  std::vector<std::string> files = ExpandInputs(paths, &errors);
  std::unique_ptr<FindingsJsonStream> json;
  FindingsReport report;  // text output: the text writer needs every report
  report.tool_version = OGICHECK_VERSION;
  report.packs = pack_summaries;
  if (format == "json") json = std::make_unique<FindingsJsonStream>(&out, OGICHECK_VERSION, pack_summaries);

  auto process = [&](const std::string& file) {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    auto over_time = [&] {
      return time_limit > 0 && std::chrono::duration<double>(Clock::now() - start).count() > time_limit;
    };
    FileOutcome o;
    IngestResult r = IngestFile(file);
    o.errors = std::move(r.errors);
    for (IngestedReport& rep : r.reports) {
      // The limit is checked between the stages: a stage in progress is not interrupted.
      const std::string path = rep.path, record = rep.record;
      auto too_slow = [&](const char* what) {
        o.errors.push_back({path, record,
                            Status::Error(ErrorCode::kTooLarge,
                                          path + record + ": not checked: " + what +
                                              " took longer than the time limit of " +
                                              fmt::format("{:g}", time_limit) + " s")});
      };
      if (over_time()) {
        too_slow("reading the file");
        continue;
      }
      Document doc = ParseDocument(std::move(rep), schemas, parse_options);
      if (over_time()) {
        too_slow("parsing");
        continue;
      }
      ReportFindings findings = Evaluate(doc, rules, eval_options);
      for (const Finding& f : findings.findings)
        if (f.outcome != Outcome::kNotEvaluated && static_cast<int>(f.severity) >= threshold)
          o.failing = true;
      if (json) o.json_reports.push_back(FindingsJsonStream::Prepare(findings));
      else o.reports.push_back(std::move(findings));
    }
    return o;
  };
  // One file needs no progress line unless asked for.
  ProgressLine progress_line(stderr, files.size(),
                             progress >= 0 ? progress == 1
                                           : files.size() > 1 && ProgressByDefault(json && output.empty()));
  auto sink = [&](FileOutcome&& o) {
    progress_line.FileDone(!o.errors.empty());
    failing = failing || o.failing;
    for (FindingsJsonStream::Prepared& r : o.json_reports) json->Add(std::move(r));
    for (ReportFindings& r : o.reports) report.reports.push_back(std::move(r));
    errors.insert(errors.end(), std::make_move_iterator(o.errors.begin()),
                  std::make_move_iterator(o.errors.end()));
  };
  RunBatch(files, jobs, process, sink, PrefetchFile);
  progress_line.Finish();
  for (const IngestError& e : errors) report.errors.push_back({e.path + e.record, e.status.message()});

  if (json) {
    json->Finish(report.errors);
  } else {
    TextWriteOptions topts;
    topts.color = output.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
    out << WriteFindingsText(report, topts);
  }
  out.flush();
  if (!output.empty() && !file_out) {
    std::cerr << "ogicheck check: cannot write " << output << "\n";
    return kExitUsage;
  }
  for (const IngestError& e : errors) std::cerr << "ogicheck: " << e.status.message() << "\n";

  if (!errors.empty()) return kExitUnreadable;
  return failing ? kExitFindings : kExitOk;
}

}  // namespace ogicheck::cli
