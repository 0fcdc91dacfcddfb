// Batch runner of `ogicheck check`: checks files on N worker threads and hands the results to
// one sink in input order, holding only a bounded window of finished files (memory stays flat in
// the number of reports).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ogicheck/findings.h"
#include "ogicheck/ingest.h"
#include "ogicheck/write.h"

namespace ogicheck::cli {

// What checking one input file produced: a file can hold several reports (JSON Lines).
struct FileOutcome {
  std::vector<ReportFindings> reports;  // for the text output, which needs them all at the end
  // For the streamed JSON: each report's part, made by the worker (so that the findings are
  // freed on the thread that allocated them), and whether any finding is at --fail-on or above.
  std::vector<FindingsJsonStream::Prepared> json_reports;
  bool failing = false;
  std::vector<IngestError> errors;
};

// Calls `process` on every file from `jobs` threads (1: the calling thread only; otherwise the
// calling thread and jobs - 1 more) and `sink` with the outcomes in the order of `files`, one
// call at a time, from whichever worker finished the file next in line. At most a few outcomes
// per job wait for the sink. An exception escaping `process` becomes an IngestError of that file; one
// escaping `sink` stops the workers and is rethrown once they have stopped. `prefetch`, if
// given, is called with files a few places ahead of those being processed (to start reading
// them from disk).
void RunBatch(const std::vector<std::string>& files, int jobs,
              const std::function<FileOutcome(const std::string&)>& process,
              const std::function<void(FileOutcome&&)>& sink,
              const std::function<void(const std::string&)>& prefetch = {});

}  // namespace ogicheck::cli
