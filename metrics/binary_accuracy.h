// Shared tail of the match-count metrics (GQA, VSR, HM, IconVQA): per-sample
// 0/1 hits computed in parallel, then accuracy = count/total*100 as the
// MiniGPT-v2 scripts print it.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "metrics/metric_sample.h"

namespace vleval {

// Runs `is_hit(i)` for every sample (in parallel, see ScoreEachSample) and
// returns a report with `accuracy` (percent) and per-sample 0/1.
MetricReport CountHits(size_t n, int max_threads, const std::function<bool(size_t)>& is_hit);

}  // namespace vleval
