// Glue from a benchmark Sample (+ its prediction) to the metrics' plain
// MetricSample, by loader family. The reference keys each loader writes are
// listed in benchmarks/loaders/builtin_loaders.h; this file is the only place
// that knows both sides.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "benchmarks/chair_references.h"
#include "benchmarks/sample.h"
#include "core/result.h"
#include "core/sample_id.h"
#include "harness/predictions_file.h"
#include "metrics/metric_sample.h"

namespace vleval {

// CHAIR's per-image references (COCO objects and captions), when the task is
// CHAIR; empty otherwise.
using ChairReferenceMap = std::unordered_map<int64_t, chair::ChairImageReferences>;

// Builds the metric input of `sample` for a task read by `loader`.
// `prediction` may be null (no prediction: scored as an empty output).
// Errors name the sample: unknown loader, a reference of the wrong shape, a
// CHAIR image without references.
Result<MetricSample> ToMetricSample(const std::string& loader, const Sample& sample,
                                    const Prediction* prediction, const ChairReferenceMap& chair);

}  // namespace vleval
