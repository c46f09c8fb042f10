// VSR accuracy (metric `vsr_accuracy`), scoring.md §5 and protocol §2.5.
// Both dialects (VSR's official metric is the same plain accuracy): the
// label 1/0 becomes "true"/"false"; a hit needs lower(strip(output)) to
// equal it exactly, so "True." misses. accuracy = count/total*100;
// per-sample 0/1.
#pragma once

#include <string_view>

#include "metrics/metric_registry.h"

namespace vleval {

bool VsrIsMatch(std::string_view output, int label);

MetricEntry VsrAccuracyMetric();

}  // namespace vleval
