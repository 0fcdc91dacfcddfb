// Writers of findings. All writers are fed the same FindingsReport.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "ogicheck/findings.h"

namespace ogicheck {

struct TextWriteOptions {
  bool color = false;  // ANSI colours (the CLI turns them on only for a terminal)
};

// Human-readable text, grouped by report.
std::string WriteFindingsText(const FindingsReport& report, const TextWriteOptions& options = {});

// The JSON of the ARCHITECTURE.md contract (schemas/findings.schema.json), pretty-printed.
std::string WriteFindingsJson(const FindingsReport& report);

// The same JSON written one report at a time, for batch runs that must not keep every report's
// findings: construct (writes the head), Add each report in order, then Finish once.
class FindingsJsonStream {
 public:
  FindingsJsonStream(std::ostream* out, const std::string& tool_version,
                     const std::vector<PackSummary>& packs);
  // A report's part of the output, made by Prepare on any thread (a batch's workers), then
  // handed to Add in order. Add(report) is Add(Prepare(report)).
  struct Prepared {
    std::string json;
    FindingCounts counts;
  };
  static Prepared Prepare(const ReportFindings& report);
  void Add(Prepared&& prepared);
  void Add(const ReportFindings& report) { Add(Prepare(report)); }
  void Finish(const std::vector<InputError>& errors);

 private:
  std::ostream* out_;
  size_t reports_ = 0;
  FindingCounts total_;
};

}  // namespace ogicheck
