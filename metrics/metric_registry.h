// The metric registry: metric name (the "metric" field of
// configs/tasks/*.json) -> scorer. `Score` is the single entry point the
// harness calls for `vleval score` and `vleval run`.
//
// Registered names: vqa_accuracy, vizwiz_accuracy, gqa_exact_match,
// vsr_accuracy, hm_accuracy, iconvqa_choice, rec_accuracy, chair
// (metrics/chair/chair_metric.h). Each metric's header documents what its
// dialects do.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/registry.h"
#include "core/result.h"
#include "metrics/dialect.h"
#include "metrics/metric_sample.h"

namespace vleval {

// Scores every sample of one task. Pure: no I/O, no global state; safe to
// call from several threads at once.
using MetricFunction =
    std::function<Result<MetricReport>(Dialect, const std::vector<MetricSample>&, const ScoringOptions&)>;

struct MetricEntry {
  std::string summary;  // one line, for `vleval ls`
  MetricFunction score;
};

// The process-wide table, built on first use (thread-safe initialisation).
// Adding a metric = one `Add` line in metric_registry.cc next to the others.
const Registry<MetricEntry>& MetricRegistry();

// Looks up `metric` and scores `samples`. Errors: unknown metric (with the
// closest names), empty sample list, or the metric's own input errors.
Result<MetricReport> Score(const std::string& metric, Dialect dialect,
                           const std::vector<MetricSample>& samples, const ScoringOptions& options = {});

}  // namespace vleval
