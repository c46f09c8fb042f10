// Hateful Memes (metric `hm_accuracy`), scoring.md §5 and protocol §2.6.
//
// Both dialects: lower(strip(output)) "yes" -> 1, "no" -> 0, anything else
// is wrong; accuracy = count/total*100; per-sample 0/1; label = 0 or 1.
// official adds `auroc` (roc_auc.h, percent-free, in [0, 1]) from each
// sample's p_yes, the benchmark's primary metric. When no sample carries
// p_yes, auroc is omitted with a note; when only some do, it is an error
// naming the first sample without one.
#pragma once

#include <string_view>

#include "metrics/metric_registry.h"

namespace vleval {

// The scripts' yes/no reading of an output: 1, 0, or -1 (unusable).
int HmPrediction(std::string_view output);

MetricEntry HmAccuracyMetric();

}  // namespace vleval
