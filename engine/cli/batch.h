// Batch runner of `ogicheck check`: checks files on N worker threads and hands the results to
// one sink in input order, holding only a bounded window of finished files (memory stays flat in
// the number of reports).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ogicheck/findings.h"
#include "ogicheck/ingest.h"

namespace ogicheck::cli {

// What checking one input file produced: a file can hold several reports (JSON Lines).
struct FileOutcome {
  std::vector<ReportFindings> reports;
  std::vector<IngestError> errors;
};

// Calls `process` on every file from `jobs` threads (1: on the calling thread) and `sink` on the
// calling thread with the outcomes in the order of `files`. At most a few outcomes per job wait
// for the sink. An exception escaping `process` becomes an IngestError of that file.
void RunBatch(const std::vector<std::string>& files, int jobs,
              const std::function<FileOutcome(const std::string&)>& process,
              const std::function<void(FileOutcome&&)>& sink);

}  // namespace ogicheck::cli
