// Per-sample scoring in parallel with TBB. Each sample's result lands in its
// own slot, so whatever the thread count, the caller sums the slots in
// sample order and gets the same bits.
#pragma once

#include <cstddef>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace vleval {

// Returns {score_one(0), ..., score_one(n-1)}, computed on at most
// `max_threads` threads (0 = TBB's default). `score_one` must be safe to call
// concurrently for different indices; `Value` must be default-constructible.
template <typename Value, typename ScoreOne>
std::vector<Value> ScoreEachSample(size_t n, int max_threads, const ScoreOne& score_one) {
  std::vector<Value> values(n);
  auto run = [&] {
    tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 256), [&](const tbb::blocked_range<size_t>& range) {
      for (size_t i = range.begin(); i != range.end(); ++i) {
        values[i] = score_one(i);
      }
    });
  };
  if (max_threads > 0) {
    tbb::task_arena arena(max_threads);
    arena.execute(run);
  } else {
    run();
  }
  return values;
}

}  // namespace vleval
