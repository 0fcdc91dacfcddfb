// The progress line of a batch run on stderr: "ogicheck: 1,234/100,000 files (1 %), 7,950 files/s",
// redrawn in place, and a closing summary line. The batch sink feeds it, one file at a time.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>

namespace ogicheck::cli {

class ProgressLine {
 public:
  // Draws nothing when `enabled` is false; `out` is usually stderr. On a terminal the line is
  // redrawn in place ten times a second; elsewhere (a log file) a line is added every second.
  ProgressLine(std::FILE* out, size_t total_files, bool enabled);

  // One more file done (checked or unreadable).
  void FileDone(bool unreadable);
  // Replaces the line with the summary ("checked N files in S s (R files/s), U unreadable").
  void Finish();

 private:
  void Draw(bool final_line);

  std::FILE* out_;
  const size_t total_;
  const bool enabled_, terminal_;
  size_t done_ = 0, unreadable_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// Whether `check` shows the line for a batch (more than one file) when neither --progress nor
// --no-progress is given: when stderr is a terminal, unless the findings stream to that same
// terminal as JSON (they would tear it).
bool ProgressByDefault(bool json_to_stdout);

}  // namespace ogicheck::cli
