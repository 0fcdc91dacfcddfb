// RunBatch: a fixed pool of workers over an atomic file index, and an in-order hand-off to the
// sink through a bounded reorder window.
#include "cli/batch.h"

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

}  // namespace

void RunBatch(const std::vector<std::string>& files, int jobs,
              const std::function<FileOutcome(const std::string&)>& process,
              const std::function<void(FileOutcome&&)>& sink) {
  if (jobs <= 1 || files.size() <= 1) {
    for (const std::string& f : files) sink(ProcessGuarded(process, f));
    return;
  }
  // A worker may run this many files ahead of the sink: enough to keep every worker busy when
  // one file is slow, few enough that finished results do not pile up.
  const size_t window = static_cast<size_t>(jobs) * 8;
  std::mutex mu;
  std::condition_variable can_take, can_sink;
  size_t next_take = 0, next_sink = 0;
  std::map<size_t, FileOutcome> ready;

  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock lock(mu);
        can_take.wait(lock, [&] { return next_take >= files.size() || next_take < next_sink + window; });
        if (next_take >= files.size()) return;
        i = next_take++;
      }
      FileOutcome o = ProcessGuarded(process, files[i]);
      {
        std::lock_guard lock(mu);
        ready.emplace(i, std::move(o));
      }
      can_sink.notify_one();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  while (next_sink < files.size()) {
    FileOutcome o;
    {
      std::unique_lock lock(mu);
      can_sink.wait(lock, [&] { return ready.count(next_sink) > 0; });
      auto it = ready.find(next_sink);
      o = std::move(it->second);
      ready.erase(it);
      ++next_sink;
    }
    can_take.notify_all();
    sink(std::move(o));
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace ogicheck::cli
