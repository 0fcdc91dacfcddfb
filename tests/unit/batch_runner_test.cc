// RunBatch (`check --jobs N`): every file's outcome reaches the sink once, in input order, from
// one thread at a time, with workers never more than the window ahead of the sink; exceptions
// from a file become that file's error, and one from the sink ends the batch and is rethrown.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cli/batch.h"

namespace ogicheck::cli {
namespace {

std::vector<std::string> FileNames(int n) {
  std::vector<std::string> files;
  for (int i = 0; i < n; ++i) files.push_back(std::to_string(i));
  return files;
}

// A file's outcome names the file in its one error, so the sink can see which file it got.
FileOutcome OutcomeOf(const std::string& file) {
  FileOutcome o;
  o.errors.push_back({file, "", Status::Ok()});
  return o;
}

TEST_CASE("RunBatch: input order, one sink call at a time, workers within the window") {
  const std::vector<std::string> files = FileNames(300);
  for (int jobs : {1, 2, 3, 8}) {
    std::atomic<int> sunk{0}, in_sink{0}, overlapping_sinks{0}, furthest_ahead{0};
    auto process = [&](const std::string& f) {
      const int i = std::stoi(f);
      int ahead = i - sunk.load(), seen = furthest_ahead.load();
      while (ahead > seen && !furthest_ahead.compare_exchange_weak(seen, ahead)) {
      }
      // Uneven work, the first file slowest: later files finish first and must wait for it.
      std::this_thread::sleep_for(std::chrono::microseconds(i == 0 ? 20000 : (i * 7919) % 300));
      return OutcomeOf(f);
    };
    std::vector<std::string> order;
    auto sink = [&](FileOutcome&& o) {
      if (in_sink.fetch_add(1) != 0) overlapping_sinks.fetch_add(1);
      order.push_back(o.errors.at(0).path);
      sunk.fetch_add(1);
      in_sink.fetch_sub(1);
    };
    RunBatch(files, jobs, process, sink);
    INFO("jobs " << jobs);
    CHECK(order == files);
    CHECK(overlapping_sinks.load() == 0);
    // The window is 8 files per job (a worker takes file i only when i < next sunk + window).
    CHECK(furthest_ahead.load() <= (jobs == 1 ? 0 : jobs * 8));
    if (jobs > 1) CHECK(furthest_ahead.load() >= jobs);  // the slow first file did not stop the rest
  }
}

TEST_CASE("RunBatch: every file but the first is prefetched once, a few files ahead") {
  const std::vector<std::string> files = FileNames(100);
  for (int jobs : {1, 2, 3}) {
    std::mutex mu;
    std::map<std::string, int> prefetched;
    std::vector<std::string> unprefetched_when_processed;
    auto process = [&](const std::string& f) {
      std::lock_guard lock(mu);
      if (!prefetched.count(f)) unprefetched_when_processed.push_back(f);
      return OutcomeOf(f);
    };
    auto prefetch = [&](const std::string& f) {
      std::lock_guard lock(mu);
      ++prefetched[f];
    };
    RunBatch(files, jobs, process, [](FileOutcome&&) {}, prefetch);
    INFO("jobs " << jobs);
    CHECK(prefetched.size() == files.size() - 1);
    CHECK(!prefetched.count("0"));
    for (const auto& [file, times] : prefetched) CHECK(times == 1);
    // With one job the order is fixed: file 0 is the only one read without a prefetch.
    if (jobs == 1) CHECK(unprefetched_when_processed == std::vector<std::string>{"0"});
  }
}

TEST_CASE("RunBatch: an exception from one file becomes that file's error; the rest are checked") {
  const std::vector<std::string> files = FileNames(40);
  for (int jobs : {1, 2}) {
    std::vector<FileOutcome> got;
    RunBatch(
        files, jobs,
        [](const std::string& f) {
          if (f == "17") throw std::runtime_error("boom");
          return OutcomeOf(f);
        },
        [&](FileOutcome&& o) { got.push_back(std::move(o)); });
    REQUIRE(got.size() == files.size());
    CHECK(got[16].errors.at(0).path == "16");
    REQUIRE(got[17].errors.size() == 1);
    CHECK(got[17].errors[0].path == "17");
    CHECK(got[17].errors[0].status.message() == "17: internal error: boom");
    CHECK(got[18].errors.at(0).path == "18");
  }
}

TEST_CASE("RunBatch: an exception from the sink stops the batch and reaches the caller") {
  const std::vector<std::string> files = FileNames(500);
  for (int jobs : {1, 2, 4}) {
    std::atomic<int> processed{0};
    int sunk = 0;
    auto process = [&](const std::string& f) {
      processed.fetch_add(1);
      return OutcomeOf(f);
    };
    auto sink = [&](FileOutcome&&) {
      if (++sunk == 10) throw std::runtime_error("disk full");
    };
    INFO("jobs " << jobs);
    CHECK_THROWS_WITH(RunBatch(files, jobs, process, sink), "disk full");
    CHECK(sunk == 10);  // nothing more was handed on after the failure
    // The workers stopped taking files: at most the window (8 per job) beyond the failed one.
    CHECK(processed.load() <= 10 + (jobs == 1 ? 0 : jobs * 8));
  }
}

}  // namespace
}  // namespace ogicheck::cli
