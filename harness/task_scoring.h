// Scoring one task's predictions against its data (`vleval score`, and the
// run loop once it exists): load the samples, match the predictions, build
// the metric inputs, score under a dialect.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "benchmarks/task_config.h"
#include "core/result.h"
#include "harness/predictions_file.h"
#include "metrics/dialect.h"
#include "metrics/metric_sample.h"

namespace vleval {

struct TaskScore {
  std::string task;
  Dialect dialect = Dialect::kMiniGptV2;
  std::vector<nlohmann::json> ids;      // sample ids, in sample order (per_sample aligns)
  std::size_t missing_predictions = 0;  // samples without a prediction, scored as empty output
  MetricReport report;
  std::vector<std::string> warnings;  // from loading (count mismatch) and scoring notes
};

// Scores `predictions` for `task` with the samples under `data_root`.
// A prediction whose id matches no sample is an error naming its line; a
// sample without a prediction is scored as an empty output and counted in
// missing_predictions, except for CHAIR, where it is an error (an absent
// caption would lower the hallucination rates). CHAIR also reads
// <data_root>/chair/synonyms.txt, <data_root>/chair/punkt_tab/english/ and the
// COCO 2014 instance and caption files under the loader's annotations_dir.
Result<TaskScore> ScoreTaskPredictions(const TaskConfig& task, const std::filesystem::path& data_root,
                                       const PredictionsFile& predictions, Dialect dialect,
                                       const ScoringOptions& options);

// {"task", "dialect", "n", "metrics"} as `vleval score` prints it; with
// "breakdown" (e.g. VizWiz's accuracy per answer type) when the metric gives
// one and "missing_predictions" when non-zero.
nlohmann::json TaskScoreJson(const TaskScore& score);

}  // namespace vleval
