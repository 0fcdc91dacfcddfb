// RunTasks: runs independent tasks on a few threads (the calling thread is one of them). Used to
// load rule packs and report schemas concurrently at start-up. Internal to the engine.
#pragma once

#include <functional>
#include <vector>

namespace ogicheck::rules {

// Runs every task once, on at most `threads` threads including the calling one (0 = one per
// processor), taking them in order; returns when all have finished. Tasks must not throw. When
// no thread can be started the calling thread runs them all.
void RunTasks(const std::vector<std::function<void()>>& tasks, int threads);

}  // namespace ogicheck::rules
