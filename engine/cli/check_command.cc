// `ogicheck check [options] PATH...`: ingest, parse, evaluate the rule packs, write findings.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
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
    "--jobs N checks N files at a time (default 0 = one per processor); results keep the\n"
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

// The command line of `check`, as read by ReadCheckArgs.
struct CheckArgs {
  std::vector<std::string> packs, paths;
  std::string format = "text", output;
  int fail_threshold = 2;  // the lowest Severity that fails the run; 99: never
  ParseOptions parse;
  EvaluateOptions evaluate;  // its `schemas` is set once they are loaded
  int jobs = 0;            // 0: one per processor
  double time_limit = 60;  // seconds; 0: none
  int progress = -1;       // 1 --progress, 0 --no-progress, -1 ProgressByDefault
};

// Reads `args` into *out; returns the exit code when the command ends here (--help, a usage
// error), nothing when it goes on.
std::optional<int> ReadCheckArgs(const std::vector<std::string>& args, CheckArgs* out) {
  CheckArgs& o = *out;
  o.parse.prose_numbers = false;  // no rule reads them
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* dest) {
      if (i + 1 >= args.size()) return false;
      *dest = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return kExitOk;
    } else if (a == "--pack") {
      if (!value(&v)) return Usage("--pack needs a folder or file");
      o.packs.push_back(v);
    } else if (a == "--format") {
      if (!value(&o.format) || (o.format != "text" && o.format != "json"))
        return Usage("--format is text or json");
    } else if (a == "--output" || a == "-o") {
      if (!value(&o.output)) return Usage("--output needs a file name");
    } else if (a == "--fail-on") {
      if (!value(&v) || (v != "error" && v != "warning" && v != "info" && v != "never"))
        return Usage("--fail-on is error, warning, info or never");
      o.fail_threshold = v == "error" ? 2 : v == "warning" ? 1 : v == "info" ? 0 : 99;
    } else if (a == "--report-format") {
      if (!value(&o.parse.report_format)) return Usage("--report-format needs a format id");
    } else if (a == "--jobs" || a == "-j") {
      char* end = nullptr;
      if (!value(&v) || (o.jobs = static_cast<int>(std::strtol(v.c_str(), &end, 10)), *end != 0) ||
          v.empty() || o.jobs < 0 || o.jobs > 256)
        return Usage("--jobs needs a number from 0 to 256");
    } else if (a == "--time-limit") {
      char* end = nullptr;
      if (!value(&v) || (o.time_limit = std::strtod(v.c_str(), &end), *end != 0) || v.empty() ||
          !(o.time_limit >= 0))
        return Usage("--time-limit needs a number of seconds (0 = none)");
    } else if (a == "--progress" || a == "--no-progress") {
      o.progress = a == "--progress";
    } else if (a == "--show-passed") {
      o.evaluate.show_passed = true;
    } else if (!a.empty() && a[0] == '-') {
      return Usage("unknown option '" + a + "'");
    } else {
      o.paths.push_back(a);
    }
  }
  if (o.paths.empty()) return Usage("no input paths");
  // A batch uses the machine unless told otherwise: the output is the same with any --jobs.
  if (o.jobs == 0) o.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (o.packs.empty()) o.packs.push_back(DefaultRulesDir());
  return std::nullopt;
}

// Loads the packs and the report schemas. Everything that can make the run meaningless is
// checked before any input is read. Parsing the YAML is most of the start-up: the schemas load
// on one of the threads that parse the packs' files. Errors come as if loaded one after the
// other: a pack error first, then a schema error. Returns the exit code on an error.
std::optional<int> LoadPacksAndSchemas(const CheckArgs& args, RuleSet* rules, SchemaSet* schemas) {
  Status schema_status;
  Status pack_status = rules->LoadAll(args.packs, 0, [&] {
    try {
      schema_status = schemas->LoadDirectory(DefaultSchemaDir());
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
  if (!args.parse.report_format.empty() && !schemas->Find(args.parse.report_format))
    return Usage("unknown report format '" + args.parse.report_format + "'");
  return std::nullopt;
}

// Reads, parses and evaluates the reports of one file (on a worker thread). With `json` each
// report's part of the output is made here, so the findings are freed where they were made.
FileOutcome CheckFile(const std::string& file, const CheckArgs& args, const RuleSet& rules,
                      const SchemaSet& schemas, bool json) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  auto over_time = [&] {
    return args.time_limit > 0 &&
           std::chrono::duration<double>(Clock::now() - start).count() > args.time_limit;
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
                                            fmt::format("{:g}", args.time_limit) + " s")});
    };
    if (over_time()) {
      too_slow("reading the file");
      continue;
    }
    Document doc = ParseDocument(std::move(rep), schemas, args.parse);
    if (over_time()) {
      too_slow("parsing");
      continue;
    }
    ReportFindings findings = Evaluate(doc, rules, args.evaluate);
    for (const Finding& f : findings.findings)
      if (f.outcome != Outcome::kNotEvaluated && static_cast<int>(f.severity) >= args.fail_threshold)
        o.failing = true;
    if (json) o.json_reports.push_back(FindingsJsonStream::Prepare(findings));
    else o.reports.push_back(std::move(findings));
  }
  return o;
}

}  // namespace

int RunCheck(const std::vector<std::string>& argv) {
  CheckArgs args;
  if (std::optional<int> code = ReadCheckArgs(argv, &args)) return *code;
  RuleSet rules;
  SchemaSet schemas;
  if (std::optional<int> code = LoadPacksAndSchemas(args, &rules, &schemas)) return *code;
  args.evaluate.schemas = &schemas;

  // Reports are checked file by file (--jobs workers) and handed on in input order; the JSON
  // writer streams them, so memory does not grow with the number of reports.
  std::ofstream file_out;
  if (!args.output.empty()) {
    file_out.open(args.output, std::ios::binary);
    if (!file_out) {
      std::cerr << "ogicheck check: cannot write " << args.output << "\n";
      return kExitUsage;
    }
  }
  std::ostream& out = args.output.empty() ? std::cout : file_out;
  std::vector<PackSummary> pack_summaries;
  for (const PackInfo& p : rules.packs()) pack_summaries.push_back({p.id, p.version});

  bool failing = false;
  std::vector<IngestError> errors;
  std::vector<std::string> files = ExpandInputs(args.paths, &errors);
  std::unique_ptr<FindingsJsonStream> json;
  FindingsReport report;  // text output: the text writer needs every report
  report.tool_version = OGICHECK_VERSION;
  report.packs = pack_summaries;
  if (args.format == "json")
    json = std::make_unique<FindingsJsonStream>(&out, OGICHECK_VERSION, pack_summaries);

  // One file needs no progress line unless asked for.
  const bool json_to_stdout = json && args.output.empty();
  ProgressLine progress_line(stderr, files.size(),
                             args.progress >= 0 ? args.progress == 1
                                                : files.size() > 1 && ProgressByDefault(json_to_stdout));
  auto process = [&](const std::string& file) {
    return CheckFile(file, args, rules, schemas, json != nullptr);
  };
  auto sink = [&](FileOutcome&& o) {  // called one file at a time, in input order
    progress_line.FileDone(!o.errors.empty());
    failing = failing || o.failing;
    for (FindingsJsonStream::Prepared& r : o.json_reports) json->Add(std::move(r));
    for (ReportFindings& r : o.reports) report.reports.push_back(std::move(r));
    errors.insert(errors.end(), std::make_move_iterator(o.errors.begin()),
                  std::make_move_iterator(o.errors.end()));
  };
  RunBatch(files, args.jobs, process, sink, PrefetchFile);
  progress_line.Finish();
  for (const IngestError& e : errors) report.errors.push_back({e.path + e.record, e.status.message()});

  if (json) {
    json->Finish(report.errors);
  } else {
    TextWriteOptions topts;
    topts.color = args.output.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
    out << WriteFindingsText(report, topts);
  }
  out.flush();
  if (!args.output.empty() && !file_out) {
    std::cerr << "ogicheck check: cannot write " << args.output << "\n";
    return kExitUsage;
  }
  for (const IngestError& e : errors) std::cerr << "ogicheck: " << e.status.message() << "\n";

  if (!errors.empty()) return kExitUnreadable;
  return failing ? kExitFindings : kExitOk;
}

}  // namespace ogicheck::cli
