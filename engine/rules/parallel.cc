// RunTasks: a shared counter hands the tasks out in order to the threads.
#include "rules/parallel.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>

namespace ogicheck::rules {

void RunTasks(const std::vector<std::function<void()>>& tasks, int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < tasks.size();) tasks[i]();
  };
  std::vector<std::thread> helpers;
  const size_t wanted = std::min(static_cast<size_t>(threads), tasks.size());
  for (size_t t = 1; t < wanted; ++t) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no thread to be had: those running (at least this one) do the work
    }
  }
  work();
  for (std::thread& t : helpers) t.join();
}

}  // namespace ogicheck::rules
