// RunBatch: a fixed pool of workers over an atomic file index, and an in-order hand-off to the
// sink through a bounded reorder window.
//
// There is no sink thread: the worker that finishes the file the sink waits for passes it on,
// and every later file already finished, while the others go on checking. A thread woken for
// each file cost a context switch per file (18,000 over 10,000 reports) and competed with the
// workers for the processors; see docs/design.md, "Throughput".
#include "cli/batch.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

namespace ogicheck::cli {
namespace {

FileOutcome ProcessGuarded(const std::function<FileOutcome(const std::string&)>& process,
                           const std::string& file) {
  try {
    return process(file);
  } catch (const std::exception& e) {
    // Not expected (no exception crosses the engine's API); one file must not end the batch.
    FileOutcome o;
    o.errors.push_back({file, "", Status::Error(ErrorCode::kIo, file + ": internal error: " + e.what())});
    return o;
  }
}

// The state the workers share; every member is guarded by `mu`.
class InOrderHandOff {
 public:
  InOrderHandOff(size_t files, size_t window, const std::function<void(FileOutcome&&)>& sink)
      : files_(files), window_(window), sink_(sink) {}

  // The index of the next file to check, or `files` when none is left. Waits while the worker
  // would run more than `window` files ahead of the sink.
  size_t Take() {
    std::unique_lock lock(mu_);
    while (next_take_ < files_ && next_take_ >= next_sink_ + window_ && !failed_) {
      ++waiting_;
      can_take_.wait(lock);
      --waiting_;
    }
    if (next_take_ >= files_ || failed_) return files_;
    return next_take_++;
  }

  // Files `i`'s outcome; passes on every outcome that is now next in line unless another
  // worker is already doing so (it will see this one before it stops).
  void Finish(size_t i, FileOutcome&& o) {
    std::unique_lock lock(mu_);
    ready_.emplace(i, std::move(o));
    if (sinking_) return;
    sinking_ = true;
    for (auto it = ready_.find(next_sink_); it != ready_.end() && !failed_; it = ready_.find(next_sink_)) {
      FileOutcome next = std::move(it->second);
      ready_.erase(it);
      ++next_sink_;
      if (waiting_ > 0) can_take_.notify_all();
      lock.unlock();  // the sink writes output: the other workers go on meanwhile
      try {
        sink_(std::move(next));
      } catch (...) {
        lock.lock();
        failed_ = true;  // the output is broken: stop every worker, rethrow after joining
        error_ = std::current_exception();
        can_take_.notify_all();
        break;
      }
      lock.lock();
    }
    sinking_ = false;
  }

  void RethrowSinkError() {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  const size_t files_, window_;
  const std::function<void(FileOutcome&&)>& sink_;
  std::mutex mu_;
  std::condition_variable can_take_;
  size_t next_take_ = 0, next_sink_ = 0;
  int waiting_ = 0;
  bool sinking_ = false, failed_ = false;
  std::exception_ptr error_;
  std::map<size_t, FileOutcome> ready_;
};

}  // namespace

void RunBatch(const std::vector<std::string>& files, int jobs,
              const std::function<FileOutcome(const std::string&)>& process,
              const std::function<void(FileOutcome&&)>& sink,
              const std::function<void(const std::string&)>& prefetch) {
  // Whoever takes file i prefetches file i + ahead: a few files per job, so that reading from
  // disk overlaps checking (a disk read of a small file takes about as long as checking it).
  const size_t ahead = static_cast<size_t>(std::max(jobs, 1)) * 4;
  auto prefetch_for = [&](size_t i) {
    if (!prefetch) return;
    if (i == 0)
      for (size_t k = 1; k < ahead && k < files.size(); ++k) prefetch(files[k]);
    if (i + ahead < files.size()) prefetch(files[i + ahead]);
  };
  if (jobs <= 1 || files.size() <= 1) {
    for (size_t i = 0; i < files.size(); ++i) {
      prefetch_for(i);
      sink(ProcessGuarded(process, files[i]));
    }
    return;
  }
  // A worker may run this many files ahead of the sink: enough to keep every worker busy when
  // one file is slow, few enough that finished results do not pile up.
  InOrderHandOff hand_off(files.size(), static_cast<size_t>(jobs) * 8, sink);
  auto worker = [&] {
    for (size_t i = hand_off.Take(); i < files.size(); i = hand_off.Take()) {
      prefetch_for(i);
      hand_off.Finish(i, ProcessGuarded(process, files[i]));
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs - 1);
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();  // the calling thread is one of the workers
  for (std::thread& t : threads) t.join();
  hand_off.RethrowSinkError();
}

}  // namespace ogicheck::cli
