#include "cli/progress.h"

#include <unistd.h>

#include <string>

#include <fmt/format.h>

namespace ogicheck::cli {
namespace {

// 100000 -> "100,000": auditors read counts of files in the tens of thousands.
std::string Grouped(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

ProgressLine::ProgressLine(std::FILE* out, size_t total_files, bool enabled)
    : out_(out), total_(total_files), enabled_(enabled), terminal_(isatty(fileno(out)) != 0),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void ProgressLine::FileDone(bool unreadable) {
  ++done_;
  if (unreadable) ++unreadable_;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(terminal_ ? 100 : 1000)) return;
  last_draw_ = now;
  Draw(false);
}

void ProgressLine::Finish() {
  if (enabled_) Draw(true);
}

void ProgressLine::Draw(bool final_line) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? done_ / seconds : 0;
  std::string line;
  if (final_line) {
    line = fmt::format("ogicheck: checked {} {} in {:.1f} s ({} files/s)", Grouped(done_),
                       done_ == 1 ? "file" : "files", seconds, Grouped(static_cast<size_t>(rate)));
  } else {
    const int percent = total_ ? static_cast<int>(100.0 * done_ / total_) : 100;
    line = fmt::format("ogicheck: {}/{} files ({} %), {} files/s", Grouped(done_),
                       Grouped(total_), percent, Grouped(static_cast<size_t>(rate)));
  }
  if (unreadable_) line += fmt::format(", {} unreadable", Grouped(unreadable_));
  // On a terminal: \r and "erase to end of line" redraw the line in place; the summary ends it.
  if (terminal_) line = "\r" + line + "\x1b[K" + (final_line ? "\n" : "");
  else line += "\n";
  std::fputs(line.c_str(), out_);
  std::fflush(out_);
}

bool ProgressByDefault(bool json_to_stdout) {
  if (!isatty(STDERR_FILENO)) return false;
  return !(json_to_stdout && isatty(STDOUT_FILENO));
}

}  // namespace ogicheck::cli
