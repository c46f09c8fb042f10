// Glue from a benchmark Sample (+ its prediction) to the metrics' plain
// MetricSample, by loader family. The reference keys each loader writes are
// listed in benchmarks/loaders/builtin_loaders.h; this file is the only place
// that knows both sides.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "benchmarks/chair_references.h"
#include "benchmarks/sample.h"
#include "benchmarks/task_config.h"
#include "core/result.h"
#include "core/sample_id.h"
#include "harness/predictions_file.h"
#include "metrics/metric_sample.h"

namespace vleval {

// CHAIR's per-image references (COCO objects and captions), when the task is
// CHAIR; empty otherwise.
using ChairReferenceMap = std::unordered_map<int64_t, chair::ChairImageReferences>;

// CHAIR's inputs beyond the samples: adds the synonym and punkt tables of
// <data_root>/chair/ (synonyms.txt, punkt_tab/english/) to `options.resources`
// and fills `out` with the COCO 2014 instance and caption references of the
// images of `samples`, read from the task's loader_options.annotations_dir
// (default coco/annotations; train2014 files are read too when present).
// Errors name the missing or malformed file.
Status LoadChairInputs(const TaskConfig& task, const std::filesystem::path& data_root,
                       const std::vector<Sample>& samples, ScoringOptions& options, ChairReferenceMap& out);

// Builds the metric input of `sample` for a task read by `loader`.
// `prediction` may be null (no prediction: scored as an empty output).
// Errors name the sample: unknown loader, a reference of the wrong shape, a
// CHAIR image without references.
Result<MetricSample> ToMetricSample(const std::string& loader, const Sample& sample,
                                    const Prediction* prediction, const ChairReferenceMap& chair);

}  // namespace vleval
